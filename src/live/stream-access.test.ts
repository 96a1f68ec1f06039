import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatSecret } from '../accounts/secrets.ts';
import type { Actor } from '../shared/actor.ts';
import { accessConcerns, ACCESS_EVENT, type StreamCredential, streamCredential } from './stream-access.ts';

const ACC = '11111111-1111-1111-1111-111111111111';
const SES = '22222222-2222-2222-2222-222222222222';
const TOK = '33333333-3333-3333-3333-333333333333';
const secret = 'a'.repeat(43);
const agent: Actor = { accountId: ACC, type: 'agent', id: 'ag', role: 'agent', agentId: 'ag' };

test('the stream remembers the credential the request came with: Bearer first, like the auth hook', () => {
  const cookie = formatSecret('lss', ACC, SES, secret);
  const token = formatSecret('lst', ACC, TOK, secret);
  assert.deepEqual(streamCredential(agent, undefined, cookie), { accountId: ACC, agentId: 'ag', kind: 'session', id: SES, secret: cookie });
  assert.equal(streamCredential(agent, `Bearer ${token}`, cookie)?.kind, 'token');
  assert.equal(streamCredential(agent, `Bearer ${token}`, cookie)?.id, TOK);
  assert.equal(streamCredential(agent, undefined, 'rubbish'), null);
  assert.equal(streamCredential({ ...agent, accountId: 'other' }, undefined, cookie), null);
});

test('an access notice concerns the stream of its session or token, of its agent, or (naming no one) all', () => {
  const c: StreamCredential = { accountId: ACC, agentId: 'ag', kind: 'session', id: SES, secret: 'x' };
  const n = (extra: object) => ({ account_id: ACC, event: ACCESS_EVENT, at: '', ...extra });
  assert.equal(accessConcerns(n({ id: SES }), c), true);
  assert.equal(accessConcerns(n({ id: TOK }), c), false);
  assert.equal(accessConcerns(n({ agent_id: 'ag' }), c), true);
  assert.equal(accessConcerns(n({ agent_id: 'other' }), c), false);
  assert.equal(accessConcerns(n({}), c), true);
  assert.equal(accessConcerns({ ...n({}), account_id: 'elsewhere' }, c), false);
  assert.equal(accessConcerns({ ...n({ id: SES }), event: 'case.created' }, c), false);
});
