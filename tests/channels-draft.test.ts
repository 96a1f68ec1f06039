import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkDraft, originOf, snippet, type DoorsDraft } from '../web/src/channels/validate.ts';

/** The channels screen's own checks (web/src/channels/validate.ts): the same rules as the server's, said per field. */
const good: DoorsDraft = {
  slug: 'fietsen-utrecht', origins: 'https://www.fietsen.nl\nhttps://shop.fietsen.nl/\n\nhttps://www.fietsen.nl', form_enabled: true, min_fill_seconds: '3',
  submissions_per_hour: '10', callback_enabled: true, callback_slot_minutes: '30', callback_capacity: '2', callback_days_ahead: '14', chat_enabled: false, chat_bot_enabled: true,
};

test('a good draft becomes the server\'s patch: origins normalised, empty lines and doubles dropped, numbers as numbers', () => {
  const { patch, errors } = checkDraft(good);
  assert.deepEqual(errors, {});
  assert.deepEqual(patch, {
    slug: 'fietsen-utrecht', allowed_origins: ['https://www.fietsen.nl', 'https://shop.fietsen.nl'], form_enabled: true, min_fill_seconds: 3,
    submissions_per_hour: 10, callback_enabled: true, callback_slot_minutes: 30, callback_capacity: 2, callback_days_ahead: 14, chat_enabled: false, chat_bot_enabled: true,
  });
});

test('each wrong field gets its own error and nothing is sent', () => {
  const { patch, errors } = checkDraft({ ...good, slug: '-Fietsen', origins: 'https://www.fietsen.nl/winkel', callback_capacity: '0', callback_days_ahead: '2.5', callback_slot_minutes: '25' });
  assert.equal(patch, null);
  assert.deepEqual(errors, {
    slug: { key: 'slug' },
    origins: { key: 'origin', values: { origin: 'https://www.fietsen.nl/winkel' } },
    callback_capacity: { key: 'range', values: { min: 1, max: 100 } },
    callback_days_ahead: { key: 'range', values: { min: 1, max: 60 } },
    callback_slot_minutes: { key: 'slot' },
  });
  assert.deepEqual(checkDraft({ ...good, slug: '  ' }).errors, { slug: { key: 'slugRequired' } });
  assert.deepEqual(checkDraft({ ...good, min_fill_seconds: '0' }).errors, {}, '0 seconds is allowed');
});

test('origins as browsers send them; the snippet', () => {
  assert.equal(originOf('HTTPS://Www.Fietsen.nl:443'), 'https://www.fietsen.nl');
  assert.equal(originOf('http://localhost:8080'), 'http://localhost:8080');
  for (const bad of ['www.fietsen.nl', 'ftp://fietsen.nl', 'https://fietsen.nl/?a=1', 'https://u@fietsen.nl', 'javascript:alert(1)']) assert.equal(originOf(bad), null, bad);
  assert.equal(snippet('https://luister.example.nl', 'fietsen'), '<script src="https://luister.example.nl/widget.js" data-luister="fietsen" async></script>');
});
