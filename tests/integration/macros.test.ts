import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { LIVE_CHANNEL } from '../../src/live/notice.ts';
import { newAccount, testApp, uniqueEmail, type TestAccount, type TestContext } from '../helpers.ts';

let ctx: TestContext;
let acc: TestAccount;
let other: TestAccount;
type Who = { authorization: string };
let sanne: { id: string; auth: Who };
let bram: { id: string; auth: Who };
let joris: { id: string; auth: Who };
let teamId: string;
let templateId: string;

const req = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown, auth: Who = acc.auth) =>
  ctx.app.inject({ method, url, headers: auth, ...(payload === undefined ? {} : { payload: payload as object }) });

async function agent(name: string, role: string) {
  const a = await req('POST', '/api/v1/agents', { email: uniqueEmail(name.split(' ')[0].toLowerCase()), name, role, password: 'correct horse battery staple' });
  assert.equal(a.statusCode, 201, a.body);
  const t = await req('POST', '/api/v1/tokens', { name, role, agent_id: a.json().id });
  assert.equal(t.statusCode, 201, t.body);
  return { id: a.json().id as string, auth: { authorization: `Bearer ${t.json().token}` } };
}

before(async () => {
  ctx = await testApp();
  acc = await newAccount(ctx.db);
  other = await newAccount(ctx.db, 'Ander bedrijf');
  sanne = await agent('Sanne de Wit', 'agent');
  bram = await agent('Bram Jansen', 'agent');
  joris = await agent('Joris van Leeuwen', 'supervisor');
  teamId = (await req('POST', '/api/v1/teams', { name: 'Betalingen' })).json().id;
  const t = await req('POST', '/api/v1/templates', {
    name: 'Terugbetaling',
    body: 'Beste {{customer.first_name}},\n\nHet spijt me dat u twee keer heeft betaald. Ik heb de tweede betaling vandaag teruggestort; uiterlijk vrijdag staat het op uw rekening.\n\nMet vriendelijke groet,\n{{agent.name}}',
  });
  assert.equal(t.statusCode, 201, t.body);
  templateId = t.json().id;
});
after(() => ctx.close());

async function caseOf(ownerId: string | null, who: TestAccount = acc) {
  const res = await req('POST', '/api/v1/cases', { customer: { email: uniqueEmail(), name: 'Henk de Vries' }, subject: 'Dubbel betaald', message: { body: 'Ik heb twee keer betaald!' } }, who.auth);
  assert.equal(res.statusCode, 201, res.body);
  if (ownerId) assert.equal((await req('POST', `/api/v1/cases/${res.json().id}/assign`, { agent_id: ownerId })).statusCode, 200);
  return res.json() as { id: string; ref: string };
}

const refundMacro = () => ({
  status: 'pending_customer', priority: 'high', team_id: teamId, tags_add: ['terugbetaling'], tags_remove: ['nieuw'],
  note: 'Tweede betaling teruggestort (macro).', template_id: templateId,
});

test('preview says exactly what apply then does: status, priority, team, tags, note, and the reply for the composer', async () => {
  const m = await req('POST', '/api/v1/macros', { name: 'Dubbel betaald: terugstorten', shared: true, actions: refundMacro() }, joris.auth);
  assert.equal(m.statusCode, 201, m.body);
  assert.equal(m.json().shared, true);
  const c = await caseOf(sanne.id);
  await req('POST', `/api/v1/cases/${c.id}/tags`, { add: ['nieuw', 'vip'] });
  const before = (await req('GET', `/api/v1/cases/${c.id}`)).json();

  const preview = await req('GET', `/api/v1/macros/${m.json().id}/preview/${c.ref}`, undefined, sanne.auth);
  assert.equal(preview.statusCode, 200, preview.body);
  const p = preview.json();
  assert.deepEqual(p.changes, [
    { field: 'status', from: 'open', to: 'pending_customer' },
    { field: 'priority', from: 'normal', to: 'high' },
    { field: 'team_id', from: null, to: teamId },
    { field: 'tags', from: ['nieuw', 'vip'], to: ['terugbetaling', 'vip'] },
  ]);
  assert.equal(p.note, 'Tweede betaling teruggestort (macro).');
  assert.match(p.reply.text, /^Beste Henk,/);
  assert.match(p.reply.text, /Sanne de Wit$/);
  assert.equal(p.reply.blocked, false);
  assert.deepEqual(p.problems, []);
  assert.deepEqual((await req('GET', `/api/v1/cases/${c.id}`)).json(), before, 'a preview changes nothing');

  const heard: { event: string; case_id?: string }[] = [];
  const unlisten = await ctx.db.listen(LIVE_CHANNEL, (p) => p && heard.push(JSON.parse(p)));
  const applied = await req('POST', `/api/v1/macros/${m.json().id}/apply/${c.id}`, undefined, sanne.auth);
  assert.equal(applied.statusCode, 200, applied.body);
  // live like any case change: the workspace hears the case changed, and the note
  for (let i = 0; i < 50 && !heard.some((n) => n.event === 'note.created'); i++) await new Promise((r) => setTimeout(r, 20));
  await unlisten();
  assert.ok(heard.some((n) => n.event === 'case.updated' && n.case_id === c.id), JSON.stringify(heard));
  assert.ok(heard.some((n) => n.event === 'note.created' && n.case_id === c.id), JSON.stringify(heard));
  const a = applied.json();
  assert.deepEqual(a.changes, p.changes, 'preview = apply');
  assert.deepEqual(a.reply, p.reply);
  const after = (await req('GET', `/api/v1/cases/${c.id}`)).json();
  assert.equal(after.status, 'pending_customer');
  assert.equal(after.priority, 'high');
  assert.equal(after.team_id, teamId);
  assert.deepEqual(after.tags, ['terugbetaling', 'vip']);
  assert.ok(after.timeline.some((e: { type?: string; body?: string; id: string }) => e.type === 'note' && e.id === a.note_id && e.body === p.note));
  assert.ok(!after.timeline.some((e: { type?: string }) => e.type === 'outbound'), 'the reply is not sent by the macro');
  const audit = after.timeline.find((e: { action?: string }) => e.action === 'macro.applied');
  assert.equal(audit.after.name, 'Dubbel betaald: terugstorten');
  assert.deepEqual(audit.after.changes, p.changes);

  // applied again: nothing left to change but the note
  const again = (await req('GET', `/api/v1/macros/${m.json().id}/preview/${c.id}`, undefined, sanne.auth)).json();
  assert.deepEqual(again.changes, []);
});

test('shared macros need a supervisor; a personal macro is its owner\'s alone; another account\'s macro or case is not found', async () => {
  const shared = await req('POST', '/api/v1/macros', { name: 'Gedeeld', shared: true, actions: { priority: 'low' } }, sanne.auth);
  assert.equal(shared.statusCode, 403, shared.body);
  const mine = await req('POST', '/api/v1/macros', { name: 'Mijn macro', actions: { tags_add: ['gebeld'], note: 'Klant gebeld.' } }, sanne.auth);
  assert.equal(mine.statusCode, 201, mine.body);
  assert.equal(mine.json().owner_id, sanne.id);
  const c = await caseOf(sanne.id);
  assert.ok((await req('GET', '/api/v1/macros', undefined, sanne.auth)).json().data.some((x: { id: string }) => x.id === mine.json().id));
  assert.ok(!(await req('GET', '/api/v1/macros', undefined, bram.auth)).json().data.some((x: { id: string }) => x.id === mine.json().id));
  assert.equal((await req('POST', `/api/v1/macros/${mine.json().id}/apply/${c.id}`, undefined, bram.auth)).statusCode, 404);
  assert.equal((await req('PATCH', `/api/v1/macros/${mine.json().id}`, { name: 'Van Bram' }, bram.auth)).statusCode, 404);

  const theirs = await req('POST', `/api/v1/macros/${mine.json().id}/apply/${c.id}`, undefined, other.auth);
  assert.equal(theirs.statusCode, 404);
  assert.equal(theirs.json().error.code, 'macro_not_found');
  const otherCase = await caseOf(null, other);
  const cross = await req('POST', `/api/v1/macros/${mine.json().id}/apply/${otherCase.id}`, undefined, sanne.auth);
  assert.equal(cross.statusCode, 404);
  assert.equal(cross.json().error.code, 'case_not_found');
  assert.deepEqual((await req('GET', `/api/v1/cases/${otherCase.id}`, undefined, other.auth)).json().tags, []);
  assert.deepEqual((await req('GET', `/api/v1/cases/${c.id}`)).json().tags, []);
});

test('a macro that would set an invalid value is refused, with nothing written', async () => {
  // a team or template of another account cannot be put in a macro
  const otherTeam = (await req('POST', '/api/v1/teams', { name: 'Hun team' }, other.auth)).json().id;
  const bad = await req('POST', '/api/v1/macros', { name: 'Fout team', shared: true, actions: { team_id: otherTeam } }, joris.auth);
  assert.equal(bad.statusCode, 404);
  assert.equal(bad.json().error.code, 'team_not_found');
  for (const actions of [{ status: 'kapot' }, { tags_add: ['geen tag!'] }, {}, { note: 'x', colour: 'red' }]) {
    const r = await req('POST', '/api/v1/macros', { name: 'Fout', shared: true, actions }, joris.auth);
    assert.ok([400, 422].includes(r.statusCode), `${JSON.stringify(actions)}: ${r.statusCode} ${r.body}`);
  }
  assert.ok(!(await req('GET', '/api/v1/macros', undefined, joris.auth)).json().data.some((m: { name: string }) => m.name.startsWith('Fout')));

  // solving a case that has no owner yet: the status cannot be set, so neither tags nor note are written
  const solve = (await req('POST', '/api/v1/macros', { name: 'Oplossen', shared: true, actions: { status: 'solved', tags_add: ['opgelost'], note: 'Opgelost.' } }, joris.auth)).json();
  const c = await caseOf(null);
  const before = (await req('GET', `/api/v1/cases/${c.id}`)).json();
  const p = (await req('GET', `/api/v1/macros/${solve.id}/preview/${c.id}`, undefined, sanne.auth)).json();
  assert.equal(p.problems[0].code, 'invalid_status_change');
  const r = await req('POST', `/api/v1/macros/${solve.id}/apply/${c.id}`, undefined, sanne.auth);
  assert.equal(r.statusCode, 422, r.body);
  assert.equal(r.json().error.code, 'macro_not_applicable');
  assert.deepEqual((await req('GET', `/api/v1/cases/${c.id}`)).json(), before);

  // an agent solving a colleague's case: refused by the case's own rule, the tags and note before it rolled back
  const bramsCase = await caseOf(bram.id);
  const before2 = (await req('GET', `/api/v1/cases/${bramsCase.id}`)).json();
  const r2 = await req('POST', `/api/v1/macros/${solve.id}/apply/${bramsCase.id}`, undefined, sanne.auth);
  assert.equal(r2.statusCode, 403, r2.body);
  assert.deepEqual((await req('GET', `/api/v1/cases/${bramsCase.id}`)).json(), before2);

  // the template was deleted after the macro was saved
  const t = (await req('POST', '/api/v1/templates', { name: 'Tijdelijk', body: 'Beste {{customer.first_name}}, dank u.' })).json();
  const withTemplate = (await req('POST', '/api/v1/macros', { name: 'Met sjabloon', shared: true, actions: { tags_add: ['x'], template_id: t.id } }, joris.auth)).json();
  await req('DELETE', `/api/v1/templates/${t.id}`);
  const r3 = await req('POST', `/api/v1/macros/${withTemplate.id}/apply/${bramsCase.id}`, undefined, bram.auth);
  assert.equal(r3.statusCode, 422, r3.body);
  assert.equal(r3.json().error.details[0].code, 'template_not_found');
  assert.deepEqual((await req('GET', `/api/v1/cases/${bramsCase.id}`)).json().tags, []);
});

test("a macro's reply still passes the reply checks: to an opted-out customer a pitch is shown blocked, and sending it is refused with nothing written", async () => {
  const t = await req('POST', '/api/v1/templates', {
    name: 'Aanbieding',
    body: 'Beste {{customer.first_name}},\n\nExcuses! Profiteer nu van onze aanbieding: stap over naar ons premium pakket.\n\nGroet,\n{{agent.name}}',
  });
  assert.equal(t.statusCode, 201, t.body);
  const m = (await req('POST', '/api/v1/macros', { name: 'Aanbieding sturen', shared: true, actions: { tags_add: ['aanbod'], template_id: t.json().id } }, joris.auth)).json();
  const c = await caseOf(sanne.id);
  const customerId = (await req('GET', `/api/v1/cases/${c.id}`)).json().customer.id as string;
  assert.equal((await req('PATCH', `/api/v1/customers/${customerId}`, { sales_opt_out: true })).statusCode, 200);

  const p = (await req('GET', `/api/v1/macros/${m.id}/preview/${c.id}`, undefined, sanne.auth)).json();
  assert.equal(p.reply.blocked, true);
  assert.ok(p.reply.findings.some((f: { check: string; severity: string }) => f.check === 'sales_pitch' && f.severity === 'block'), JSON.stringify(p.reply.findings));
  const a = await req('POST', `/api/v1/macros/${m.id}/apply/${c.id}`, undefined, sanne.auth);
  assert.equal(a.statusCode, 200, a.body);
  assert.equal(a.json().reply.blocked, true);
  const before = (await req('GET', `/api/v1/cases/${c.id}`)).json().timeline.length;
  const send = await req('POST', `/api/v1/cases/${c.id}/messages`, { body: a.json().reply.text }, sanne.auth);
  assert.equal(send.statusCode, 422, send.body);
  assert.equal(send.json().error.code, 'reply_blocked');
  assert.equal((await req('GET', `/api/v1/cases/${c.id}`)).json().timeline.length, before, 'nothing sent');
});
