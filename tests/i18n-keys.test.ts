import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { en } from '../web/src/shared/locales/en.ts';
import { nl } from '../web/src/shared/locales/nl.ts';

/**
 * The workspace's texts, checked without a browser: every key the code asks for exists in Dutch
 * (else i18next shows the key itself), every count has its plural forms (i18next picks `_one` or
 * `_other` by the language's rules: never "1 zaken" or "waarschuwing(en)"), and English has the
 * same keys. tests/e2e/dutch-screens.test.ts looks at the screens themselves.
 */
function files(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (name !== 'locales') files(p, out);
    } else if (/\.tsx?$/.test(name)) out.push(p);
  }
  return out;
}

type Tree = { [k: string]: string | Tree };
const lookup = (tree: Tree, key: string): string | Tree | undefined =>
  key.split('.').reduce<string | Tree | undefined>((node, part) => (node && typeof node === 'object' ? node[part] : undefined), tree);

/** [dotted key, text] of every string in a tree (an object key may itself hold dots: 'case.created'). */
const leaves = (tree: Tree, prefix = ''): [string, string][] =>
  Object.entries(tree).flatMap(([k, v]): [string, string][] => (typeof v === 'string' ? [[`${prefix}${k}`, v]] : leaves(v, `${prefix}${k}.`)));

interface Call {
  file: string;
  key: string;
  /** the key is a template: only its static start is known */
  dynamic: boolean;
  count: boolean;
}

/** t('key', …) and t(`prefix.${x}`, …) calls: not post(…), get(…) or an object's .t(…). */
export function translationCalls(file: string, source: string): Call[] {
  const calls: Call[] = [];
  const re = /(?<![\w.$])t\(\s*(?:'([^']+)'|`([^`]+)`)\s*(,\s*\{([^}]*)\})?/g;
  for (let m; (m = re.exec(source)); ) {
    const literal = m[1] ?? m[2];
    const dynamic = m[2] !== undefined && m[2].includes('${');
    calls.push({ file, key: dynamic ? literal.slice(0, literal.indexOf('${')).replace(/\.$/, '') : literal, dynamic, count: /(^|,)\s*count\s*(:|,|$)/.test(m[4] ?? '') });
  }
  return calls;
}

const calls = files('web/src').flatMap((f) => translationCalls(f, readFileSync(f, 'utf8')));

test('the scan finds the workspace\'s calls (and not post(…) or get(…))', () => {
  assert.ok(calls.length > 200, `${calls.length} calls`);
  assert.deepEqual(translationCalls('x', "post(`/api/v1/x`); t('a.b'); x.t('c'); t(`d.${e}.f`, { count: n }); t('g', { now: x.count })").map((c) => [c.key, c.dynamic, c.count]), [
    ['a.b', false, false],
    ['d', true, true],
    ['g', false, false],
  ]);
});

test('every key the workspace asks for exists in Dutch (a missing one would show as its key)', () => {
  const missing = calls.filter((c) => {
    const node = lookup(nl as unknown as Tree, c.key);
    if (c.dynamic) return !node || typeof node !== 'object';
    if (node !== undefined) return false;
    return !(lookup(nl as unknown as Tree, `${c.key}_one`) && lookup(nl as unknown as Tree, `${c.key}_other`));
  });
  assert.deepEqual(missing.map((c) => `${c.file}: ${c.key}`), []);
});

test('a text with a count has its plural forms in Dutch and English; no hand-made plurals', () => {
  const withCount = calls.filter((c) => c.count && !c.dynamic);
  assert.ok(withCount.length >= 15);
  const bad = withCount.filter((c) => [nl, en].some((lang) => !lookup(lang as unknown as Tree, `${c.key}_one`) || !lookup(lang as unknown as Tree, `${c.key}_other`)));
  assert.deepEqual(bad.map((c) => `${c.file}: ${c.key} needs ${c.key}_one and ${c.key}_other (or no count)`), []);
  const handMade = [...leaves(nl as unknown as Tree), ...leaves(en as unknown as Tree)].filter(([, v]) => /\w\((en|s|n)\)/.test(v));
  assert.deepEqual(handMade, []);
});

test('English has exactly the keys Dutch has', () => {
  const keys = (tree: unknown) => leaves(tree as Tree).map(([k]) => k).sort();
  assert.deepEqual(keys(en), keys(nl));
});
