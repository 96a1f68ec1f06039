import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inline, renderMarkdown } from './markdown.ts';

/** No tag other than the renderer's own, and no attribute other than href and rel. */
function assertOnlyOwnMarkup(html: string) {
  const tags = [...html.matchAll(/<\/?([a-zA-Z0-9]+)([^>]*)>/g)];
  for (const [, name, attrs] of tags) {
    assert.ok(['p', 'br', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote', 'pre', 'code', 'strong', 'em', 'a', 'hr'].includes(name), `tag ${name} in ${html}`);
    const names = [...attrs.matchAll(/\s([a-z-]+)=/g)].map((a) => a[1]);
    for (const n of names) assert.ok(n === 'href' || n === 'rel', `attribute ${n} in ${html}`);
  }
}

test('script, event handlers and raw HTML in article text come out as text', () => {
  const evil = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '**<b onmouseover="alert(1)">vet</b>**',
    '[klik](javascript:alert(1))',
    '[klik](JaVaScRiPt:alert(1))',
    '[klik](data:text/html;base64,PHNjcmlwdD4=)',
    '[klik](https://example.nl/"onmouseover="alert(1))',
    '# <svg onload=alert(1)>',
    '- <iframe src="https://evil.example">',
    '```\n</code></pre><script>alert(1)</script>\n```',
    '> <style>body{display:none}</style>',
    '`<script>`',
    'https://example.nl/"><script>alert(1)</script>',
  ].join('\n\n');
  const html = renderMarkdown(evil);
  assertOnlyOwnMarkup(html);
  assert.ok(!/<script|<img|<iframe|<svg|<style|<b /i.test(html), html);
  assert.ok(!/href="(javascript|data):/i.test(html), html);
  assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
});

test('headings, paragraphs with line breaks, lists, quotes and code', () => {
  const html = renderMarkdown(['# Retourneren', '', 'Regel een', 'regel twee', '', '- stap een', '- stap twee', '', '1. eerst', '2. dan', '', '> let op', '', '```', 'a < b', '```', '', '---'].join('\n'));
  assert.equal(
    html,
    [
      '<h2>Retourneren</h2>',
      '<p>Regel een<br>\nregel twee</p>',
      '<ul>\n<li>stap een</li>\n<li>stap twee</li>\n</ul>',
      '<ol>\n<li>eerst</li>\n<li>dan</li>\n</ol>',
      '<blockquote>\n<p>let op</p>\n</blockquote>',
      '<pre><code>a &lt; b\n</code></pre>',
      '<hr>',
    ].join('\n'),
  );
  // the text's highest heading becomes h2 under the page's h1, the rest keep their distance
  assert.equal(renderMarkdown('## Stap\n\n#### Detail\n\n## Stap 2'), '<h2>Stap</h2>\n<h4>Detail</h4>\n<h2>Stap 2</h2>');
  assert.equal(renderMarkdown('# A\n\n###### F'), '<h2>A</h2>\n<h6>F</h6>');
  assert.equal(renderMarkdown('### Diep', { topLevel: 3 }), '<h3>Diep</h3>');
  assert.equal(renderMarkdown('```\n# geen kop\n```\n\n### Kop'), '<pre><code># geen kop\n</code></pre>\n<h2>Kop</h2>');
});

test('inline: bold, italic, code, safe links and bare links', () => {
  assert.equal(inline('**vet** en *schuin* en `code`'), '<strong>vet</strong> en <em>schuin</em> en <code>code</code>');
  assert.equal(inline('[Mijn account](https://example.nl/account?a=1&b=2)'), '<a href="https://example.nl/account?a=1&amp;b=2" rel="nofollow noopener noreferrer">Mijn account</a>');
  assert.equal(inline('mail [ons](mailto:help@example.nl).'), 'mail <a href="mailto:help@example.nl" rel="nofollow noopener noreferrer">ons</a>.');
  assert.equal(inline('Zie https://example.nl/help.'), 'Zie <a href="https://example.nl/help" rel="nofollow noopener noreferrer">https://example.nl/help</a>.');
  assert.equal(inline('[x](ftp://example.nl)'), '[x](ftp://example.nl)');
  assert.equal(inline('5 * 3 * 2 en a_b_c'), '5 * 3 * 2 en a_b_c');
});

test('plain text without any Markdown stays readable', () => {
  assert.equal(renderMarkdown('Beste klant,\nU kunt het pakket terugsturen.\n\nGroet'), '<p>Beste klant,<br>\nU kunt het pakket terugsturen.</p>\n<p>Groet</p>');
  assert.equal(renderMarkdown(''), '');
});

test('pathological input (100,000 characters of unclosed links, emphasis, code) renders as escaped text', () => {
  // how long it takes is measured in bench/markdown.ts (linear: 4x the text, ~4x the time; the old renderer 16x)
  for (const unit of ['[a', '*a', '`a', '<a', '[a](', '**a_']) {
    const src = unit.repeat(100_000 / unit.length);
    const html = renderMarkdown(src);
    assert.ok(html.startsWith('<p>') && !/<a |<script/.test(html), unit);
    assert.ok(html.length < 12 * src.length, `${unit}: output grows with the input, no more`);
  }
});
