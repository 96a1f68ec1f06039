import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chooseSuggestionTerms, idf, orQuery, suggestionText, termDelta, tsqueryTerm } from './terms.ts';

test('rare terms outweigh common ones; terms no article has are dropped', () => {
  const chosen = chooseSuggestionTerms(
    [
      { lexeme: 'bestell', tf: 3, df: 400 },
      { lexeme: 'retour', tf: 1, df: 12 },
      { lexeme: 'retourlabel', tf: 1, df: 2 },
      { lexeme: 'xyz123', tf: 5, df: 0 },
    ],
    1000,
  );
  assert.deepEqual(chosen.map((t) => t.lexeme), ['retourlabel', 'retour', 'bestell']);
  assert.ok(chosen[0].weight > chosen[1].weight && chosen[1].weight > chosen[2].weight);
});

test('terms in more than half of the articles are left out while rarer ones exist', () => {
  const terms = [
    { lexeme: 'factur', tf: 1, df: 80 },
    { lexeme: 'dubbel', tf: 1, df: 3 },
  ];
  assert.deepEqual(chooseSuggestionTerms(terms, 100).map((t) => t.lexeme), ['dubbel']);
  // only common terms: better those than nothing
  assert.deepEqual(chooseSuggestionTerms([terms[0]], 100).map((t) => t.lexeme), ['factur']);
});

test('repetition in the message raises a term, but less than rarity', () => {
  const [a, b] = chooseSuggestionTerms(
    [
      { lexeme: 'modem', tf: 4, df: 10 },
      { lexeme: 'router', tf: 1, df: 10 },
    ],
    100,
  );
  assert.equal(a.lexeme, 'modem');
  assert.ok(a.weight > b.weight);
  assert.ok(idf(1, 100) > idf(10, 100));
});

test('at most max terms, ties broken alphabetically (stable output for the same input)', () => {
  const terms = Array.from({ length: 20 }, (_, i) => ({ lexeme: `t${String(i).padStart(2, '0')}`, tf: 1, df: 5 }));
  const chosen = chooseSuggestionTerms(terms, 100, 8);
  assert.equal(chosen.length, 8);
  assert.deepEqual(chosen.map((t) => t.lexeme), terms.slice(0, 8).map((t) => t.lexeme));
  assert.deepEqual(chooseSuggestionTerms([], 100), []);
});

test('terms are taken while their article counts fit the budget; the first always', () => {
  const terms = [
    { lexeme: 'zeldzaam', tf: 1, df: 5 },
    { lexeme: 'gewoon', tf: 1, df: 900 },
    { lexeme: 'vaak', tf: 1, df: 700 },
    { lexeme: 'soms', tf: 1, df: 40 },
  ];
  assert.deepEqual(chooseSuggestionTerms(terms, 2000, 8, 1000).map((t) => t.lexeme), ['zeldzaam', 'soms', 'vaak']);
  assert.deepEqual(chooseSuggestionTerms([terms[1]], 2000, 8, 10).map((t) => t.lexeme), ['gewoon']);
});

test('lexemes become literal tsquery operands, quotes and backslashes escaped', () => {
  assert.equal(tsqueryTerm('retour'), "'retour'");
  assert.equal(tsqueryTerm("o'brien"), "'o''brien'");
  assert.equal(tsqueryTerm('a\\b'), "'a\\\\b'");
  assert.equal(tsqueryTerm('retour', 'A'), "'retour':A");
  assert.equal(orQuery(['a', 'b & c']), "'a' | 'b & c'");
});

test('suggestion text leaves out quoted mail, reply headers and signatures', () => {
  const body = [
    'Mijn modem knippert rood.',
    '> eerder bericht over facturen',
    'Wat moet ik doen?',
    '',
    'Op 3 mei 2026 om 10:00 schreef Klantenservice <help@example.nl>:',
    'Beste klant, uw factuur …',
  ].join('\n');
  assert.equal(suggestionText(body), 'Mijn modem knippert rood.\nWat moet ik doen?');
  assert.equal(suggestionText('Router stuk\n--\nJan Jansen\nfactuur'), 'Router stuk');
  assert.equal(suggestionText('On Mon, 4 May 2026, Help wrote:\nold'), '');
  assert.equal(suggestionText('x'.repeat(10_000)).length, 5000);
});

test('term delta: gained +1, lost -1, kept nothing, sorted by lexeme', () => {
  assert.deepEqual(termDelta(['pakket', 'retour', 'label'], ['retour', 'label', 'dhl', 'bezorg']), {
    lexemes: ['bezorg', 'dhl', 'pakket'],
    changes: [1, 1, -1],
  });
  assert.deepEqual(termDelta([], []), { lexemes: [], changes: [] });
});
