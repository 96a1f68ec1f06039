import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { LiveNotice, PresenceState } from './notice.ts';
import { PresenceBoard } from './presence.ts';

const p = (agent: string, state: PresenceState, account = 'a', caseId = 'c'): LiveNotice => ({
  account_id: account, event: 'presence', at: '2026-11-24T10:00:00.000Z', case_id: caseId, agent_id: agent, name: agent.toUpperCase(), state,
});

test('agents on a case: typing first, then by name; leaving removes', () => {
  const b = new PresenceBoard(1000);
  b.apply(p('bram', 'viewing'), 0);
  b.apply(p('anna', 'viewing'), 0);
  b.apply(p('cor', 'typing'), 0);
  assert.deepEqual(b.list('a', 'c', 10).map((x) => `${x.name}:${x.state}`), ['COR:typing', 'ANNA:viewing', 'BRAM:viewing']);
  b.apply(p('cor', 'left'), 20);
  assert.deepEqual(b.list('a', 'c', 30).map((x) => x.agent_id), ['anna', 'bram']);
});

test('a presence without a heartbeat expires; a heartbeat keeps it', () => {
  const b = new PresenceBoard(1000);
  b.apply(p('anna', 'typing'), 0);
  b.apply(p('bram', 'viewing'), 0);
  b.apply(p('anna', 'typing'), 900);
  assert.deepEqual(b.list('a', 'c', 1500).map((x) => x.agent_id), ['anna']);
  assert.deepEqual(b.list('a', 'c', 2000), []);
});

test('accounts and cases never mix; other notices are ignored', () => {
  const b = new PresenceBoard(1000);
  b.apply(p('anna', 'viewing', 'a', 'c1'), 0);
  b.apply(p('anna', 'viewing', 'b', 'c1'), 0);
  b.apply({ account_id: 'a', event: 'case.updated', at: '', case_id: 'c1', agent_id: 'x' }, 0);
  assert.equal(b.list('a', 'c1', 1).length, 1);
  assert.equal(b.list('a', 'c2', 1).length, 0);
  assert.equal(b.list('b', 'c1', 1).length, 1);
});

test('memory is bounded by who is present: expired cases are swept', () => {
  const b = new PresenceBoard(1000);
  for (let i = 0; i < 500; i++) b.apply(p('anna', 'viewing', 'a', `c${i}`), i);
  assert.equal(b.size, 500);
  b.apply(p('bram', 'viewing', 'a', 'last'), 5000);
  assert.equal(b.size, 1);
});
