import { test } from 'node:test';
import assert from 'node:assert/strict';
import { changedFields, diffSnapshots, diffText } from './version-diff.ts';
import type { ArticleSnapshot } from './types.ts';

const v1: ArticleSnapshot = {
  slug: 'retour',
  tags: ['Retour', 'Bezorging'],
  translations: { nl: { title: 'Een pakket retourneren', body: 'Print het retourlabel en breng het pakket naar een PostNL-punt.' } },
};

test('word diff: what was inserted and deleted, the rest equal; the parts rebuild both texts', () => {
  const d = diffText('breng het pakket naar een PostNL-punt.', 'breng het pakket binnen 14 dagen naar een PostNL-punt of DHL-punt.');
  assert.equal(d.changed, true);
  assert.equal(d.words_removed, 0);
  assert.ok(d.words_added >= 5, JSON.stringify(d));
  const rebuild = (keep: 'insert' | 'delete') => d.parts.filter((p) => p.op !== keep).map((p) => p.text).join('');
  assert.equal(rebuild('insert'), 'breng het pakket naar een PostNL-punt.');
  assert.equal(rebuild('delete'), 'breng het pakket binnen 14 dagen naar een PostNL-punt of DHL-punt.');
  assert.ok(d.parts.some((p) => p.op === 'insert' && p.text.includes('14 dagen')));
});

test('unchanged text is one equal part; empty text no parts', () => {
  assert.deepEqual(diffText('zelfde', 'zelfde'), { changed: false, parts: [{ op: 'equal', text: 'zelfde' }], words_added: 0, words_removed: 0 });
  assert.deepEqual(diffText('', '').parts, []);
});

test('a complete rewrite of a long text still diffs (line fallback) and rebuilds both sides', () => {
  const a = Array.from({ length: 3000 }, (_, i) => `regel ${i} oud`).join('\n');
  const b = Array.from({ length: 3000 }, (_, i) => `line ${i} new`).join('\n');
  const d = diffText(a, b);
  assert.equal(d.parts.filter((p) => p.op !== 'insert').map((p) => p.text).join(''), a);
  assert.equal(d.parts.filter((p) => p.op !== 'delete').map((p) => p.text).join(''), b);
});

test('snapshot diff: slug, tags, and per language added/changed/unchanged', () => {
  const v2: ArticleSnapshot = {
    slug: 'pakket-retourneren',
    tags: ['Retour', 'Geld terug'],
    translations: {
      nl: v1.translations.nl,
      en: { title: 'Returning a parcel', body: 'Print the return label.' },
    },
  };
  const d = diffSnapshots(v1, v2);
  assert.deepEqual(d.slug, { from: 'retour', to: 'pakket-retourneren' });
  assert.deepEqual(d.tags, { added: ['Geld terug'], removed: ['Bezorging'] });
  assert.equal(d.translations.nl?.status, 'unchanged');
  assert.equal(d.translations.en?.status, 'added');
  assert.deepEqual(diffSnapshots(v2, v1).translations.en?.status, 'removed');
  assert.deepEqual(changedFields(v1, v2), ['slug', 'tags', 'en.title', 'en.body']);
  assert.deepEqual(changedFields(v1, structuredClone(v1)), []);
});
