import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyseMessage } from './analyse-message.ts';

test('a Dutch complaint, analysed whole', () => {
  const a = analyseMessage(
    'Beste klantenservice, ik heb € 12,50 te veel betaald voor het parkeren. Dit is al de derde keer! Ik wil mijn geld terug, anders stap ik naar Radar. Met vriendelijke groet, Jan',
  );
  assert.equal(a.language, 'nl');
  assert.ok(a.languageConfidence > 0.9);
  assert.ok(a.sentiment < -0.5);
  assert.ok(a.anger > 0.4);
  assert.deepEqual(a.intents, ['complaint', 'refund_request']);
  assert.deepEqual(a.money, [{ cents: 1250, currency: 'EUR' }]);
  assert.equal(a.reputationRisk.level, 2);
  assert.deepEqual(a.reputationRisk.mentions.map((m) => m.text), ['Radar']);
  // clustering terms: no stopwords or greetings, negators kept, stems aligned with tokens
  assert.ok(a.tokens.includes('parkeren') && a.stems.includes('parker'));
  assert.ok(!a.tokens.includes('het') && !a.tokens.includes('groet'));
  assert.equal(a.tokens.length, a.stems.length);
});

test('an English message', () => {
  const a = analyseMessage('I was charged $12.50 twice. Please cancel my subscription and refund me, or I will take legal action.');
  assert.equal(a.language, 'en');
  assert.deepEqual(a.intents, ['complaint', 'cancellation', 'refund_request']);
  assert.deepEqual(a.money, [{ cents: 1250, currency: 'USD' }]);
  assert.equal(a.reputationRisk.level, 3);
  assert.ok(a.stems.includes('subscript') && a.stems.includes('charg'));
});

test('negators stay in the tokens', () => {
  const a = analyseMessage('Niet geïnteresseerd, bel me niet meer.');
  assert.deepEqual(a.intents, ['opt_out']);
  assert.ok(a.tokens.includes('niet'));
});

test('a given language wins over detection, and other languages still get money and risk', () => {
  const given = analyseMessage('Refund please', { language: 'nl-NL' });
  assert.equal(given.language, 'nl');
  assert.equal(given.languageConfidence, 1);
  const de = analyseMessage('Ich möchte mein Geld zurück, € 20,00 zu viel bezahlt. Mein Anwalt wird sich melden, sonst ACM.');
  assert.equal(de.language, 'other');
  assert.deepEqual(de.money, [{ cents: 2000, currency: 'EUR' }]);
  assert.equal(de.reputationRisk.level, 2);
  assert.deepEqual(de.stems, de.tokens);
});

test('empty and huge input', () => {
  const empty = analyseMessage('');
  assert.equal(empty.sentiment, 0);
  assert.deepEqual(empty.intents, []);
  const huge = analyseMessage('Ik wil mijn geld terug. '.repeat(10_000));
  assert.ok(huge.tokens.length > 0 && huge.tokens.length <= 20_000);
});

test('a factual complaint counts as one: a charge disputed, or money back asked for, without a word of complaint', () => {
  assert.ok(analyseMessage('De app rekent €9,90 voor tien minuten parkeren.').intents.includes('complaint'));
  assert.ok(analyseMessage('Normaal betaal ik €2, nu is er €16,40 afgeschreven.').intents.includes('complaint'));
  assert.ok(!analyseMessage('Wat kost een parkeervergunning per maand?').intents.includes('complaint'));
});
