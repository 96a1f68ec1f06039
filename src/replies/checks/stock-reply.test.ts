import { test } from 'node:test';
import assert from 'node:assert/strict';
import { complainsAboutStockReplies } from '../stock-complaint.ts';
import { looksLikeStockReply, stockReply } from './stock-reply.ts';
import type { DraftContext } from '../types.ts';

const nl: DraftContext = { language: 'nl', isComplaint: true, salesOptOut: false, askedForPersonalReply: true };

test('a customer complaining about stock replies is recognised, in any wording', () => {
  for (const t of [
    'Ik krijg elke keer een nietszeggend mailtje terug dat duidelijk niet over mijn situatie gaat.',
    'Leest er eigenlijk wel iemand mijn mails? Jullie sturen steeds dezelfde tekst.',
    'Alweer een standaardantwoord. Mijn vraag was heel specifiek!',
  ]) assert.ok(complainsAboutStockReplies(t, 'nl'), t);
  assert.ok(complainsAboutStockReplies('Your replies are clearly pasted from a script.', 'en'));
  for (const t of ['Mijn factuur is te hoog, graag een correctie.', 'Ik wil opzeggen per 1 mei.', 'Kunnen recepten met noten standaard worden uitgesloten?', '']) {
    assert.ok(!complainsAboutStockReplies(t, 'nl'), t);
  }
});

test('a template reads as a stock reply, a personal reply does not', () => {
  assert.ok(looksLikeStockReply('Bedankt voor uw bericht. Wij hebben uw klacht doorgestuurd naar de juiste afdeling en zij nemen zo snel mogelijk contact met u op.', 'nl'));
  assert.ok(looksLikeStockReply('Geachte klant, uw vraag is in goede orde ontvangen.', 'nl'));
  assert.ok(!looksLikeStockReply('Beste Henk, ik heb de € 7,40 vandaag teruggestort en bel u vrijdag om 10:00 om te horen of alles klopt.', 'nl'));
  assert.ok(!looksLikeStockReply('I have cancelled the second order and refunded £23.50 to your Visa card; it shows within 3 days.', 'en'));
});

test('stock_reply fires only for a customer who complained about stock replies', () => {
  const template = 'Wij danken u voor uw reactie. Uw opmerkingen zijn genoteerd en worden meegenomen. Wij vertrouwen erop u hiermee van dienst te zijn geweest.';
  const [f] = stockReply(template, nl);
  assert.equal(f?.check, 'stock_reply');
  assert.match(f!.suggestion, /excuses/);
  assert.deepEqual(stockReply(template, { ...nl, askedForPersonalReply: false }), []);
  assert.deepEqual(stockReply('Sorry Jan, u kreeg drie keer hetzelfde mailtje. Ik heb uw meterstand van 12 maart zelf ingevoerd en de rekening verlaagd naar € 84.', nl), []);
  // nearly the same reply already went to other customers: a stock reply, whatever it says
  assert.equal(stockReply('Ik heb de rekening verlaagd naar € 84.', { ...nl, sentToOthers: 5 }).length, 1);
});
