/**
 * The help centre's Markdown renderer on pathological input (issue 13: 100,000 characters of "[a" took ~4 s of CPU
 * per anonymous page view with the hand-written renderer, quadratic): `node bin/run-ts.mjs bench/markdown.ts`
 *
 * For each pathological unit ("[a", "*a", "`a", "<a", "[a](", "**a_"), renders 25,000 and 100,000 characters (best
 * of three) and prints the time and the growth: a linear renderer grows ~4x for 4x the text, a quadratic one ~16x.
 * The baseline is a plain linear pass over the same text (escaping it). Ends with one RESULT line (the worst growth); never asserts.
 */
import { renderMarkdown } from '../src/http/public/markdown.ts';

const best = (src: string, f: (s: string) => unknown) =>
  Math.min(...[0, 1, 2].map(() => {
    const t = process.hrtime.bigint();
    f(src);
    return Number(process.hrtime.bigint() - t) / 1e6;
  }));
const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

let worst = 0;
let worstBase = 0;
console.log('| unit | 25,000 chars ms | 100,000 chars ms | growth (4x text) | plain escape 100,000 ms |\n|---|---:|---:|---:|---:|');
for (const unit of ['[a', '*a', '`a', '<a', '[a](', '**a_']) {
  const small = unit.repeat(25_000 / unit.length);
  const large = unit.repeat(100_000 / unit.length);
  best(small, renderMarkdown);
  const a = best(small, renderMarkdown);
  const b = best(large, renderMarkdown);
  const e = best(large, escape);
  const growth = b / a;
  if (growth > worst) [worst, worstBase] = [growth, best(large, escape) / best(small, escape)];
  console.log(`| \`${unit}\` | ${a.toFixed(1)} | ${b.toFixed(1)} | ${growth.toFixed(1)}x | ${e.toFixed(2)} |`);
}
console.log(`RESULT markdown_growth_4x ${worst.toFixed(2)} x baseline=${worstBase.toFixed(2)} ratio=${(worst / worstBase).toFixed(2)}`);
