import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { modelSentences, probability, thresholdOf, type ModelLabel } from './classify.ts';
import { features } from './features.ts';
import { findModelHits } from './find-hits.ts';
import { vetoed } from './veto.ts';
import { sentences } from '../text-match.ts';

const LABELS: ModelLabel[] = ['blame', 'condescension', 'apology', 'thanks', 'sales_pitch', 'stock_reply', 'stock_complaint'];

test('the shipped weights have every label with a threshold, and give the same answer every time', () => {
  for (const l of LABELS) {
    const t = thresholdOf(l);
    assert.ok(t !== null && t > 0 && t < 1, `${l}: ${t}`);
  }
  const a = probability('blame', 'Dat komt door de bank.', 'nl');
  assert.equal(probability('blame', 'Dat komt door de bank.', 'nl'), a);
  assert.ok(a >= 0 && a <= 1);
});

test('features: sorted, unique, numbers folded, case and accents folded', () => {
  const f = features('Wij hebben € 12,50 teruggestort op 3 mei', 'nl');
  assert.deepEqual([...f], [...new Set(f)].sort((x, y) => x - y));
  assert.deepEqual([...features('Wij hebben € 99,99 teruggestort op 17 mei', 'nl')], [...f]);
  assert.deepEqual([...features('GEÏNTERESSEERD', 'nl')], [...features('geinteresseerd', 'nl')]);
  assert.equal(features('', 'nl').length, 0);
});

test('the model reads sentences without the salutation and the sign-off', () => {
  const text = 'Beste meneer Jansen,\n\nIk heb het bedrag teruggestort. Tot vrijdag!\n\nMet vriendelijke groet,\nSanne';
  assert.deepEqual(modelSentences(text, sentences).map((s) => s.text), ['Ik heb het bedrag teruggestort.']);
});

// sentences written for this test, in words none of the checks' phrase lists has
const BY_MEANING: { label: ModelLabel; lang: 'nl' | 'en'; yes: string[]; no: string[] }[] = [
  {
    label: 'blame', lang: 'nl',
    yes: ['De extra afschrijving is ontstaan door een fout van het incassobedrijf waarmee wij werken.', 'De vertraging is veroorzaakt door de stuwadoor in de haven, daar hebben wij geen zeggenschap over.'],
    no: ['Ik heb de € 12,50 vandaag teruggestort; u ziet het morgen op uw rekening.', 'Hieronder staan de stappen om in te loggen: open de app en kies Inloggen.'],
  },
  { label: 'blame', lang: 'en', yes: ['Your broadband dropped because of a fault at the wholesale network, which is outside our control.'], no: ['I have sent a new one today by express.'] },
  {
    label: 'condescension', lang: 'nl',
    yes: ['Ik ga het nu nog één keer voor u uitschrijven, lees het dan ook goed.', 'Dat kunt u toch zelf ook wel nagaan op uw afschrift.'],
    no: ['Ik heb de € 12,50 vandaag teruggestort; u ziet het morgen op uw rekening.', 'Graag leg ik het nog een keer uit.'],
  },
  {
    // issue 14: blame by construction, and a third party named while we own the problem
    label: 'blame', lang: 'nl',
    yes: ['U had de vervaldatum zelf in de gaten moeten houden.', 'Daarvoor moet u bij de verhuurder zijn, niet bij ons.'],
    no: ['Onze betaalprovider had een storing; dat is onze verantwoordelijkheid en we lossen het op.', 'Ik heb de bezorger gevraagd uw pakket morgen alsnog te brengen.'],
  },
  {
    label: 'condescension', lang: 'en',
    yes: ['Honestly, a thermostat is not that complicated to set.'],
    no: ['I hope this helps, and let me know if anything is unclear.', 'Restarting the router usually fixes this: unplug it and wait thirty seconds.'],
  },
  { label: 'thanks', lang: 'nl', yes: ['Wij zijn u erkentelijk voor het doorgeven van de fout.', 'Ik wil u hartelijk danken voor de foto\'s.'], no: ['Dankzij de update werkt de app weer.'] },
];

for (const { label, lang, yes, no } of BY_MEANING) {
  test(`${label} (${lang}) by meaning: words nobody listed`, () => {
    for (const t of yes) assert.equal(findModelHits(label, t, lang).length, 1, `should find: ${t} (p ${probability(label, t, lang).toFixed(2)})`);
    for (const t of no) assert.equal(findModelHits(label, t, lang).length, 0, `should not find: ${t}`);
  });
}

test('vetoes: owning the fault is no blame, explaining gladly is no condescension, a goodwill gesture is no pitch', () => {
  assert.ok(vetoed('blame', 'De fout lag bij ons, niet bij de bank.'));
  assert.ok(vetoed('blame', 'That was our mistake, not the courier’s.'.replace('’', "'")));
  assert.ok(vetoed('condescension', 'Ik leg het graag nog een keer uit.'));
  assert.ok(vetoed('sales_pitch', 'Als goedmaker krijgt u 15% korting op uw volgende bestelling.'));
  assert.ok(vetoed('apology', 'Sorry hoor, maar dit staat in de voorwaarden.'));
  assert.ok(!vetoed('blame', 'Dat ligt aan uw bank.'));
});

test('the training data is ours and labelled with known labels only', () => {
  const read = (f: string) => readFileSync(new URL(f, import.meta.url), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  const rows = [...read('./training.jsonl'), ...read('./training-varied.jsonl'), ...read('./training-meaning.jsonl')];
  assert.ok(rows.length > 2500);
  for (const r of rows) {
    assert.ok(r.lang === 'nl' || r.lang === 'en', JSON.stringify(r));
    for (const l of r.labels) assert.ok(LABELS.includes(l), `${l} in ${r.text}`);
  }
});
