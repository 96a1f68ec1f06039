import { test } from 'node:test';
import assert from 'node:assert/strict';
import { discoveryUrlProblem, matchAgent } from './rules.ts';

test('discovery URLs: https anywhere, http only on this machine', () => {
  assert.equal(discoveryUrlProblem('https://login.example.nl/realms/x'), null);
  assert.equal(discoveryUrlProblem('https://login.example.nl/.well-known/openid-configuration'), null);
  assert.equal(discoveryUrlProblem('http://127.0.0.1:4000'), null);
  assert.equal(discoveryUrlProblem('http://localhost:4000'), null);
  assert.match(discoveryUrlProblem('http://login.example.nl')!, /https/);
  assert.match(discoveryUrlProblem('ftp://x')!, /https/);
  assert.match(discoveryUrlProblem('login.example.nl')!, /not a URL/);
  assert.match(discoveryUrlProblem('https://u:p@login.example.nl')!, /password/);
});

test('an agent is matched by a verified e-mail address only', () => {
  assert.deepEqual(matchAgent({ email: 'A@x.nl', email_verified: true }, { id: 'a1', active: true }, null), { kind: 'sign_in', agentId: 'a1' });
  assert.equal((matchAgent({ email: 'a@x.nl', email_verified: false }, { id: 'a1', active: true }, 'agent') as { code: string }).code, 'sso_email_unverified');
  assert.equal((matchAgent({ email: 'a@x.nl', email_verified: 'true' }, { id: 'a1', active: true }, 'agent') as { code: string }).code, 'sso_email_unverified');
  assert.equal((matchAgent({ email_verified: true }, null, 'agent') as { code: string }).code, 'sso_no_email');
  assert.equal((matchAgent({ email: 'a@x.nl', email_verified: true }, { id: 'a1', active: false }, 'agent') as { code: string }).code, 'sso_agent_inactive');
  assert.equal((matchAgent({ email: 'a@x.nl', email_verified: true }, null, null) as { code: string }).code, 'sso_unknown_agent');
  assert.deepEqual(matchAgent({ email: ' A@x.nl ', email_verified: true, name: 'Ann' }, null, 'supervisor'), { kind: 'create', email: 'a@x.nl', name: 'Ann', role: 'supervisor' });
  assert.deepEqual(matchAgent({ email: 'a@x.nl', email_verified: true }, null, 'agent'), { kind: 'create', email: 'a@x.nl', name: 'a@x.nl', role: 'agent' });
});
