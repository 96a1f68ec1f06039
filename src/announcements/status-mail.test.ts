import { test } from 'node:test';
import assert from 'node:assert/strict';
import { confirmationMail, incidentUpdateMail, maintenanceMail } from './status-mail.ts';

const parts = { nl: { happened: 'Kabel stuk', doing: 'Monteurs onderweg', means: 'Geen internet' }, en: { happened: 'Cable broken', doing: 'Engineers on the way', means: 'No internet' } };

test('the confirmation mail carries the link and says nothing happens without it', () => {
  const m = confirmationMail({ language: 'nl', page: 'Telecom', link: 'https://x.example/status/t/confirm/abc' });
  assert.match(m.subject, /Bevestig/);
  assert.match(m.text, /https:\/\/x\.example\/status\/t\/confirm\/abc/);
  assert.match(m.text, /zonder bevestiging krijgt u niets/);
});

test('an incident update mail has the four parts, a person to reach and the unsubscribe link, in the reader\'s language', () => {
  const o = { page: 'Telecom', title: { nl: 'Storing', en: 'Outage' }, status: 'identified' as const, parts, nextUpdateAt: new Date('2026-12-07T15:00:00Z'), contactRoute: '088 123 45 67', timeZone: 'Europe/Amsterdam', unsubscribe: 'https://x.example/u' };
  const en = incidentUpdateMail({ ...o, language: 'en' });
  assert.equal(en.subject, '[Telecom] Identified: Outage');
  for (const s of ['Cable broken', 'Engineers on the way', 'No internet', 'You will hear from us again by', '088 123 45 67', 'https://x.example/u']) assert.ok(en.text.includes(s), s);
  const nl = incidentUpdateMail({ ...o, language: 'nl', parts: { nl: parts.nl } });
  assert.match(nl.text, /Kabel stuk[\s\S]*U hoort uiterlijk/);
  const resolved = incidentUpdateMail({ ...o, language: 'nl', status: 'resolved', nextUpdateAt: null });
  assert.doesNotMatch(resolved.text, /U hoort uiterlijk/);
});

test('a maintenance mail names when it starts and ends', () => {
  const m = maintenanceMail({ language: 'nl', page: 'Telecom', content: { nl: { subject: 'Onderhoud', body: 'Wij werken aan het netwerk.', plain: 'Werk aan het netwerk.' } },
    startsAt: new Date('2026-12-10T01:00:00Z'), endsAt: new Date('2026-12-10T05:00:00Z'), contactRoute: '088', timeZone: 'Europe/Amsterdam', unsubscribe: 'https://x.example/u' });
  assert.match(m.text, /Gepland onderhoud vanaf .* tot /);
});
