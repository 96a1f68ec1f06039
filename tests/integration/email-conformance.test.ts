import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ingestAll } from '../../bench/email/conformance.ts';
import { automatedRecall } from '../../bench/email/automated-recall.ts';
import { testConfig, testDb } from '../helpers.ts';

const dir = fileURLToPath(new URL('../../../shared/data/email/', import.meta.url));
const skip = existsSync(dir) ? false : `../shared/data/email is absent (public mail-parsing suites, not shipped): conformance skipped`;

test('every real mail of six public parser suites goes through intake: none crashes, none is silently dropped', { skip, timeout: 300_000 }, async () => {
  const db = await testDb();
  try {
    const suites = await ingestAll(db, dir, testConfig());
    const total = suites.reduce((n, s) => n + s.messages, 0);
    assert.ok(total >= 150, `found ${total} messages`);
    const crashed = suites.flatMap((s) => s.crashed);
    assert.deepEqual(crashed, []);
    const accounted = suites.reduce((n, s) => n + s.stored + s.duplicates + s.bounces + s.refused.length, 0);
    assert.equal(accounted, total, 'every message is stored, known, a bounce, or refused with a reason');
    for (const r of suites.flatMap((s) => s.refused)) assert.ok(r.reason.length > 10, `${r.file} refused without a reason`);
    const mime4j = suites.find((s) => s.suite === 'mime4j')!;
    assert.equal(mime4j.from.agree, mime4j.from.checked, mime4j.from.disagree.join('\n'));
    assert.equal(mime4j.subject.agree, mime4j.subject.checked, mime4j.subject.disagree.join('\n'));
    assert.ok(mime4j.text.agree / mime4j.text.checked >= 0.9, mime4j.text.disagree.join('\n'));
  } finally {
    await db.close();
  }
});

test('the fixtures that are bounces or auto-replies are recognised', { skip }, async () => {
  const r = await automatedRecall(dir);
  assert.equal(r.ours.recall, 1, `missed: ${r.missed.join(', ')}`);
  assert.deepEqual(r.falsePositives, []);
});
