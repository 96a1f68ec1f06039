import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectLanguage } from './detect-language.ts';

const lang = (t: string) => detectLanguage(t).language;

test('Dutch and English sentences, with high confidence', () => {
  const nl = detectLanguage('Ik heb al drie weken geen antwoord gekregen op mijn klacht over de factuur.');
  assert.equal(nl.language, 'nl');
  assert.ok(nl.confidence >= 0.9, `confidence ${nl.confidence}`);
  const en = detectLanguage('I have been waiting three weeks for an answer about my invoice.');
  assert.equal(en.language, 'en');
  assert.ok(en.confidence >= 0.9);
});

test('short customer messages', () => {
  assert.equal(lang('Bedankt!'), 'nl');
  assert.equal(lang('Opzeggen'), 'nl');
  assert.equal(lang('geld terug'), 'nl');
  assert.equal(lang('Waar blijft mijn pakket?'), 'nl');
  assert.equal(lang('Thanks!'), 'en');
  assert.equal(lang('refund'), 'en');
  assert.equal(lang('Where is my parcel?'), 'en');
  assert.ok(detectLanguage('Opzeggen').confidence < detectLanguage('Ik wil mijn abonnement opzeggen per direct').confidence);
});

test('a Dutch frame with English words in it stays Dutch', () => {
  assert.equal(lang('Mijn account is gehackt en de app crasht bij het inloggen'), 'nl');
  assert.equal(lang('Ik wil graag een refund voor mijn order van vorige week'), 'nl');
});

test('other languages are other, Afrikaans included', () => {
  assert.deepEqual(
    ['Ich möchte mein Abonnement kündigen, bitte.', "Je voudrais être remboursé pour ma commande s'il vous plaît.", 'Ek wil asseblief my geld terug hê, dit is baie swak diens.'].map(lang),
    ['other', 'other', 'other'],
  );
  assert.equal(detectLanguage('Ich möchte mein Abonnement kündigen, bitte.').detected, 'de');
  assert.equal(detectLanguage('Ek wil asseblief my geld terug hê, dit is baie swak diens.').detected, 'af');
});

test('nothing to go on', () => {
  assert.deepEqual(detectLanguage(''), { language: 'other', confidence: 0, detected: '' });
  assert.equal(detectLanguage('12345 !!!').confidence, 0);
  assert.equal(lang('https://example.com/path?x=1 info@example.com Bedankt'), 'nl');
});
