import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applySettings } from './check-reply.ts';
import { DEFAULT_REPLY_SETTINGS } from './settings.ts';
import type { Finding } from './types.ts';

const f = (check: Finding['check'], severity: Finding['severity']): Finding => ({ check, severity, message: '', suggestion: '', span: null });

test('settings turn checks off, into warnings or into blocks', () => {
  const settings = { ...DEFAULT_REPLY_SETTINGS, checks: { ...DEFAULT_REPLY_SETTINGS.checks, thanks: 'off', blame: 'block', sales_pitch: 'warn' } } as const;
  const r = applySettings([f('thanks', 'info'), f('blame', 'warning'), f('sales_pitch', 'block'), f('apology', 'warning')], settings);
  assert.deepEqual(r.findings.map((x) => [x.check, x.severity]), [['blame', 'block'], ['sales_pitch', 'warning'], ['apology', 'warning']]);
  assert.equal(r.blocked, true);
  assert.equal(applySettings([f('apology', 'warning')], DEFAULT_REPLY_SETTINGS).blocked, false);
});
