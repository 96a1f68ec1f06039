import type { Db } from '../storage/db.ts';
import { createAccount } from '../accounts/create-account.ts';
import { createAgent } from '../accounts/create-agent.ts';
import { createTeam } from '../accounts/create-team.ts';
import { addMessage } from '../cases/add-message.ts';
import { assignCase } from '../cases/assign-case.ts';
import { receiveMessage } from '../cases/receive-message.ts';
import { offerTransfer, respondToTransfer } from '../cases/transfer-case.ts';
import { updateCustomer } from '../customers/update-customer.ts';
import { type Actor, systemActor } from '../shared/actor.ts';
import { DEMO_STORIES } from './stories.ts';
import { loadConfig } from '../config.ts';
import { listSignals } from '../problems/signals.ts';
import { claimJobs, completeJob } from '../storage/jobs.ts';
import { jobHandlers } from '../worker/handlers.ts';
import { createInbox } from '../intake/inboxes/save-inbox.ts';
import { markInboxVerified } from '../intake/inboxes/verify-inbox.ts';

/** A Dutch demo account: agents, a team and cases that retell the five stories. */
export async function loadDemo(db: Db) {
  const { account, admin, token } = await createAccount(db, {
    name: 'Demo: Luister Klantenservice',
    adminEmail: `beheer+${Date.now()}@demo.luister.example`,
    adminName: 'Demo-beheerder',
  });
  const sys = systemActor(account.account_id);
  const team = await createTeam(db, sys, { name: 'Klantenservice' });
  const agents = [];
  for (const [name, role] of [['Sanne de Wit', 'agent'], ['Ahmed Bouali', 'agent'], ['Joris van Leeuwen', 'supervisor']] as const) {
    const email = `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@demo.luister.example`;
    agents.push(await createAgent(db, sys, { email, name, role, teamId: team.id }));
  }
  const as = (agentId: string, role: Actor['role'] = 'agent'): Actor => ({ ...sys, type: 'agent', id: agentId, agentId, role });
  const refs: Record<string, string[]> = {};
  for (const { story, messages } of DEMO_STORIES) {
    refs[story] = [];
    for (const m of messages) {
      const r = await receiveMessage(db, sys, {
        customer: { email: m.email, name: m.name },
        subject: m.subject,
        body: m.body,
        channel: m.channel ?? 'email',
        language: 'nl',
      });
      if (m.segment || m.flags) await updateCustomer(db, sys, r.customerId, { segment: m.segment, ...m.flags });
      refs[story].push(r.case.ref);
    }
  }
  // P1: one customer writes again about the same thing: a repeat contact, not a new case
  await receiveMessage(db, sys, {
    customer: { email: 'm.yilmaz@example.nl', name: 'Mohamed Yilmaz' },
    subject: 'Re: Parkeerkosten veel te hoog',
    body: 'Ik heb nog steeds niets gehoord. Wanneer krijg ik mijn geld terug?',
    channel: 'email',
    language: 'nl',
  });
  // P3: the contract case goes from agent to agent: "van het kastje naar de muur"
  const [contractRef] = refs[DEMO_STORIES[2].story];
  const [sanne, ahmed, joris] = agents;
  await assignCase(db, as(sanne.id), contractRef, sanne.id);
  await addMessage(db, as(sanne.id), contractRef, { type: 'note', body: 'Klant belt voor de derde keer; vorige antwoorden spraken elkaar tegen.' });
  for (const [from, to] of [[sanne, ahmed], [ahmed, sanne], [sanne, joris]]) {
    const t = await offerTransfer(db, as(from.id), contractRef, { toAgentId: to.id, note: 'Kun jij dit overnemen?' });
    await respondToTransfer(db, as(to.id, to.role), contractRef, t.id, 'accept');
  }
  await addMessage(db, as(joris.id, 'supervisor'), contractRef, {
    type: 'outbound',
    body: 'Beste heer Hendriks, het spijt me dat u drie keer uw verhaal moest doen. Ik ben uw vaste aanspreekpunt en bel u morgen voor 12:00 met een duidelijk antwoord over uw contract. Met vriendelijke groet, Joris van Leeuwen',
  });
  // listen to the demo's messages now (topics, signals), as the worker would
  const handlers = jobHandlers(loadConfig({}));
  for (;;) {
    const jobs = await claimJobs(db, 'demo', 50, { kinds: ['message.analyse', 'topics.upkeep'], accountIds: [account.account_id] });
    if (!jobs.length) break;
    for (const job of jobs) {
      await handlers[job.kind](db, job);
      await completeJob(db, job.id);
    }
  }
  const signals = await listSignals(db, account.account_id);
  // an inbox, so mail sent to the server's SMTP port (2525) lands in this account
  const inbox = await createInbox(db, systemActor(account.account_id), {
    address: `klantenservice.${account.account_id.slice(0, 8)}@demo.luister.test`,
    name: 'Klantenservice Parkeren Demo',
  });
  // the demo's own made-up address (.test): nobody else's mail, so the demo vouches for it
  await markInboxVerified(db, inbox.address, account.account_id);
  return {
    account_id: account.account_id, signals: signals.map((s) => s.title), admin_email: admin.email, token,
    agents: agents.map((a) => ({ id: a.id, name: a.name, role: a.role })), cases: refs, inbox: inbox.address,
  };
}
