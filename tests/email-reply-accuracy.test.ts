// Reply stripping scored on the public reply-parsing fixtures (../shared/data/email), when present:
// at least as good as the plain email-reply-parser library, and at least 85% overall.
// Details per fixture: node bin/run-ts.mjs bench/email/reply-accuracy.ts
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import {
  libraryBaselineAccuracy,
  replyStrippingAccuracy,
  SHARED_EMAIL_DIR,
  type SuiteScore,
} from '../bench/email/reply-accuracy.ts';

const skip = !existsSync(SHARED_EMAIL_DIR) && `${SHARED_EMAIL_DIR} is absent: no reply-parsing fixtures to score on`;

const accuracy = (scores: SuiteScore[]) =>
  scores.reduce((n, s) => n + s.correct, 0) / scores.reduce((n, s) => n + s.total, 0);

test('reply stripping beats the email-reply-parser baseline and reaches 85% on the shared fixtures', { skip }, async () => {
  const ours = await replyStrippingAccuracy(SHARED_EMAIL_DIR);
  const baseline = await libraryBaselineAccuracy(SHARED_EMAIL_DIR);
  const failures = ours.flatMap((s) => s.failures).join('\n');
  assert.ok(ours.reduce((n, s) => n + s.total, 0) >= 100, 'fewer fixtures than expected: is the data complete?');
  assert.ok(accuracy(ours) >= accuracy(baseline), `below the library (${accuracy(baseline)}):\n${failures}`);
  assert.ok(accuracy(ours) >= 0.85, `accuracy ${accuracy(ours)} < 0.85:\n${failures}`);
});
