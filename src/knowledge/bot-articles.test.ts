import assert from 'node:assert/strict';
import { test } from 'node:test';
import { botAnswerText, chooseBotArticles } from './bot-articles.ts';

const hit = (id: string, rank: number, o: Partial<{ visibility: 'public' | 'internal'; language: 'nl' | 'en'; title: string }> = {}) =>
  ({ id, slug: `artikel-${id}`, visibility: o.visibility ?? 'public', language: o.language ?? 'nl', title: o.title ?? `Artikel ${id}`, rank });
const o = { language: 'nl' as const, helpSlug: 'parkeren' };

test('at most three, the best first, each article once, with the help centre\'s path in the visitor\'s language', () => {
  const out = chooseBotArticles([hit('a', 0.5), hit('b', 0.9), hit('b', 0.8), hit('c', 0.6), hit('d', 0.7)], o);
  assert.deepEqual(out.map((a) => a.title), ['Artikel b', 'Artikel d', 'Artikel c']);
  assert.equal(out[0].path, '/help/parkeren/articles/artikel-b?lang=nl');
});

test('never an internal article, never one in another language, never a weak tail; nothing when nothing matches', () => {
  assert.deepEqual(chooseBotArticles([hit('x', 1, { visibility: 'internal' })], o), []);
  assert.deepEqual(chooseBotArticles([hit('x', 1, { language: 'en' })], o), []);
  assert.deepEqual(chooseBotArticles([hit('a', 1), hit('b', 0.1)], o).map((a) => a.title), ['Artikel a']);
  assert.deepEqual(chooseBotArticles([], o), []);
  assert.deepEqual(chooseBotArticles([hit('a', 0)], o), []);
});

test('the answer says it is automatic and where a person is, in the page\'s language', () => {
  const articles = [{ title: 'Vergunning aanvragen', path: '/help/p/articles/v?lang=nl' }];
  assert.equal(botAnswerText(articles, 'nl'), 'Automatisch antwoord: deze artikelen uit het helpcentrum kunnen u helpen.\n• Vergunning aanvragen: /help/p/articles/v?lang=nl\nNiet wat u zoekt? Kies "Praat met een medewerker".');
  assert.match(botAnswerText(articles, 'en'), /^Automatic answer: .*\n• Vergunning aanvragen: \/help\/p\/articles\/v\?lang=nl\nNot what you need\? Choose "Talk to a person"\.$/);
});
