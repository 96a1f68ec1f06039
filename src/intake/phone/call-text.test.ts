import assert from 'node:assert/strict';
import { test } from 'node:test';
import { callText, formatDuration } from './call-text.ts';

const base = { id: 'e1', call_id: 'c1', from: '+31612345678', to: '+31201234567', direction: 'inbound' as const };

test('durations read as minutes and seconds', () => {
  assert.equal(formatDuration(45), '45 s');
  assert.equal(formatDuration(252), '4 min 12 s');
  assert.equal(formatDuration(120), '2 min');
});

test('a call that ended is logged with who, how long and the recording, in the caller\'s language', () => {
  const e = { ...base, type: 'call.ended' as const, duration_seconds: 252, recording_url: 'https://pbx.example/r/1.mp3' };
  assert.deepEqual(callText(e, 'nl', '+31612345678'), { subject: 'Telefoongesprek', body: 'Gesprek met +31612345678 (inkomend), duur 4 min 12 s.\nOpname: https://pbx.example/r/1.mp3' });
  assert.equal(callText(e, 'en', '+31612345678').body.split('\n')[0], 'Call with +31612345678 (inbound), 4 min 12 s.');
});

test('a missed call says we call back; a callback request says so', () => {
  assert.match(callText({ ...base, type: 'call.missed' }, 'nl', '+31612345678').body, /^Gemiste oproep van \+31612345678\. We bellen terug\.$/);
  assert.equal(callText({ ...base, type: 'callback.requested', note: 'Over de factuur' }, 'en', '+31612345678').body, 'Callback requested by phone, on +31612345678.\n\nOver de factuur');
});
