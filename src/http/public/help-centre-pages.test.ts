import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { HelpCentre } from '../../knowledge/get-help-centre.ts';
import { articlePage, contactFooter, homePage, notFoundPage, pickLanguage, searchPage } from './help-centre-pages.ts';

const centre: HelpCentre = {
  accountId: '00000000-0000-4000-8000-000000000001',
  name: 'Parkeer & <Co>',
  slug: 'parkeer',
  contact: { email: 'help@parkeer.example', phone: '+31 20 123 4567', hours: 'ma–vr 9–17 uur' },
};

/** The landmarks and labels every page has. */
function assertAccessibleShell(html: string, lang: string) {
  assert.match(html, new RegExp(`^<!doctype html>\\n<html lang="${lang}">`));
  assert.match(html, /<title>[^<]+<\/title>/);
  assert.match(html, /<a class="skip" href="#main">/);
  assert.match(html, /<header>/);
  assert.match(html, /<main id="main"/);
  assert.match(html, /<footer>/);
  assert.match(html, /<nav aria-label="[^"]+">/);
  assert.match(html, /<form role="search"[^>]*>\n<label for="q">[^<]+<\/label>/);
  assert.match(html, /<input id="q" name="q"/);
  assert.match(html, /:focus-visible\{outline:3px solid/);
  assert.equal((html.match(/<h1>/g) ?? []).length, 1, 'one h1');
  assert.ok(!/<script/i.test(html), 'no script at all');
}

test('language: ?lang wins, then Accept-Language by preference, then Dutch', () => {
  assert.equal(pickLanguage('en', 'nl'), 'en');
  assert.equal(pickLanguage(undefined, 'en-GB,en;q=0.9,nl;q=0.8'), 'en');
  assert.equal(pickLanguage(undefined, 'de-DE,de;q=0.9,nl;q=0.5,en;q=0.7'), 'en');
  assert.equal(pickLanguage(undefined, 'fr, nl-BE;q=0.8'), 'nl');
  assert.equal(pickLanguage(undefined, 'en;q=0'), 'nl');
  assert.equal(pickLanguage('de', undefined), 'nl');
  assert.equal(pickLanguage(undefined, undefined), 'nl');
});

test('home: articles grouped by tag (untagged last), escaped names, accessible shell, contact line', () => {
  const html = homePage(centre, 'nl', [
    { slug: 'retour', tags: ['Retour', 'Bezorging'], language: 'nl', title: 'Pakket <retour>' },
    { slug: 'privacy', tags: [], language: 'en', title: 'Privacy' },
  ]);
  assertAccessibleShell(html, 'nl');
  assert.ok(html.indexOf('>Bezorging<') < html.indexOf('>Retour<'));
  assert.ok(html.indexOf('>Retour<') < html.indexOf('>Overige artikelen<'));
  assert.equal((html.match(/Pakket &lt;retour&gt;/g) ?? []).length, 2, 'under both of its tags');
  assert.match(html, /<a href="\/help\/parkeer\/articles\/privacy\?lang=nl" lang="en" hreflang="en">Privacy<\/a>/);
  assert.match(html, /Parkeer &amp; &lt;Co&gt;/);
  assert.match(html, /Liever een mens spreken\?/);
  assert.match(html, /href="mailto:help@parkeer.example"/);
  assert.match(html, /href="tel:\+31201234567"/);
  assert.match(html, /<a href="\/help\/parkeer\?lang=en" lang="en" hreflang="en">English<\/a>/);
});

test('search page: count in a status, snippets kept, the query escaped everywhere', () => {
  const q = '"><script>alert(1)</script>';
  const html = searchPage(centre, 'en', q, []);
  assertAccessibleShell(html, 'en');
  assert.ok(!html.includes('<script>alert'), html);
  assert.match(html, /value="&quot;&gt;&lt;script&gt;/);
  assert.match(html, /<p role="status">No articles found/);
  const hit = { id: 'x', slug: 'retour', visibility: 'public' as const, tags: [], language: 'nl' as const, title: 'Retour', snippet: 'het <mark>pakket</mark>', rank: 1, updated_at: new Date() };
  const found = searchPage(centre, 'en', 'parcel', [hit]);
  assert.match(found, /1 article found for “parcel”/);
  assert.match(found, /<li lang="nl">/);
  assert.match(found, /het <mark>pakket<\/mark>/);
});

test('article page: the body rendered safely; an article in the other language says so and carries its lang', () => {
  const a = {
    slug: 'x', tags: ['Veiligheid'], language: 'en' as const, title: '<img src=x onerror=alert(1)>', body: '<script>alert(1)</script>\n\n**ok**',
    updated_at: new Date('2026-05-04T10:00:00Z'), languages: ['en' as const],
  };
  const html = articlePage(centre, 'nl', a);
  assertAccessibleShell(html, 'nl');
  assert.ok(!/<script>alert|<img/i.test(html), html);
  assert.match(html, /<h1>&lt;img src=x onerror=alert\(1\)&gt;<\/h1>/);
  assert.match(html, /<strong>ok<\/strong>/);
  assert.match(html, /<p class="note">Dit artikel is alleen in het Engels beschikbaar.<\/p>\n<article lang="en">/);
  assert.match(html, /<time datetime="2026-05-04T10:00:00.000Z">4 mei 2026<\/time>/);
});

test('contact line: every way given, in the page language; a fallback when none is', () => {
  assert.match(contactFooter(centre, 'en'), /You always can\. Email <a href="mailto:help@parkeer.example">help@parkeer.example<\/a> or call <a href="tel:\+31201234567">\+31 20 123 4567<\/a>\. Open: ma–vr 9–17 uur\./);
  const formOnly = contactFooter({ ...centre, contact: { url: 'https://parkeer.example/contact' } }, 'nl');
  assert.match(formOnly, /<a href="https:\/\/parkeer.example\/contact">Gebruik het contactformulier<\/a>\./);
  const evilUrl = contactFooter({ ...centre, contact: { url: 'javascript:alert(1)' } }, 'nl');
  assert.ok(!evilUrl.includes('javascript:'));
  assert.match(evilUrl, /Antwoord op een e-mail van Parkeer &amp; &lt;Co&gt;/);
});

test('not found: with a help centre it keeps the shell and the contact line', () => {
  const html = notFoundPage(centre, 'nl');
  assertAccessibleShell(html, 'nl');
  assert.match(html, /Liever een mens spreken/);
  assert.match(notFoundPage(null, 'en'), /<html lang="en">/);
});
