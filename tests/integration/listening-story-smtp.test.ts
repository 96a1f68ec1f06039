import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import pino from 'pino';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../src/storage/db.ts';
import { claimJobs, completeJob, failJob } from '../../src/storage/jobs.ts';
import { createInbox } from '../../src/intake/inboxes/save-inbox.ts';
import { startSmtpListener } from '../../src/intake/channels/email/smtp-listener.ts';
import { receiveMessageIn } from '../../src/cases/receive-message.ts';
import { sweepTopics } from '../../src/listening/sweep-topics.ts';
import { formatAmount } from '../../src/problems/bulk-actions.ts';
import { jobHandlers } from '../../src/worker/handlers.ts';
import { systemActor } from '../../src/shared/actor.ts';
import { buildApp } from '../../src/http/app.ts';
import { newAccount, testConfig, testDb, verifyInbox, type TestAccount } from '../helpers.ts';
import { runJobs, smtpClient, startMailbox } from '../email.ts';

/**
 * Issue 14, end to end: twenty customers of a (fictional) parking app write about the same cause — the app kept
 * charging after they stopped parking — in twenty wordings of their own, on top of 14 days of ordinary mail. The
 * background goes in through the intake (receiveMessageIn, as bench/eval-blind/eval-story.ts does); the story
 * comes in over real SMTP to the app's listener. After every mail the analysis jobs run through the worker's own
 * handlers and the hourly sweep runs in story time, as the eval runner does. The only liberty, as there: each
 * message's (and case's) created_at is set to its story time before its analysis job reads it.
 *
 * Measured: after how many story customers the first signal about the story appears; a supervisor then opens a
 * problem from it (API) while the rest keeps coming; how many of the 20 cases end up on it; and, the supervisor
 * having confirmed the story cases (adding any it missed by hand), the bulk reply's {{amount}} per customer in the
 * preview (GET problem) and in the replies that reach each customer's mailbox.
 *
 * Goals (issue 14): signal by the 5th customer; >= 18 of 20 on the problem; the right, certain amount for >= 19
 * of 20 (flagged uncertain is not wrong, but not right); no customer promised a wrong amount. The product met them
 * on 2026-12-07 after its rules had been improved while this story's misses were in view: it is a regression test
 * now, not an unseen one (bench/eval-blind/ is the unseen story).
 *
 * The fixture is our own writing: tests/fixtures/story/README.md.
 */

interface Mail { id: string; from_name: string; from_email: string; subject: string; text: string; language: string; minute_offset: number }
interface StoryMail extends Mail { charged_amount_cents: number | null; other_amounts_cents: number[] }
interface Background extends Mail { topic_hint: string }
const fixture = JSON.parse(readFileSync(new URL('../fixtures/story/parking-overcharge.json', import.meta.url), 'utf8')) as { story: StoryMail[]; background: Background[] };

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const ANALYSIS = ['message.analyse', 'topics.upkeep', 'problems.auto_open'];
const log = pino({ level: 'silent' });

/**
 * Story day 07:00 Amsterdam (06:00 UTC, winter time as the sweep's detector assumes): the latest such morning whose
 * whole story lies in the past, so the figures do not depend on the hour the suite runs.
 */
function storyStart(now = Date.now()): number {
  const span = (Math.max(...fixture.story.map((m) => m.minute_offset)) + 30) * MINUTE;
  const d = new Date(now);
  let t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), 6, 0);
  while (t + span > now) t -= 24 * HOUR;
  return t;
}

interface Row { n: number; id: string; lang: string; intents: string; sentiment: string; topic: string; onProblem: string; amount: string; charged: string; verdict: 'right' | 'uncertain' | 'WRONG' | 'not found' }
interface Figures {
  firstSignalAfter: number | null;
  laterStorySignals: number;
  falseSignals: number;
  storyTopics: number;
  onProblem: number;
  backgroundOnProblem: number;
  amountRight: number;
  amountUncertain: number;
  amountWrong: number;
  amountMissing: number;
  repliesRight: number;
  repliesWrong: number;
  repliesSkipped: number;
}

describe('issue 14: the twenty-customer overcharge story over real SMTP', () => {
  let db: Db;
  let acc: TestAccount;
  let app: FastifyInstance;
  let smtp: Awaited<ReturnType<typeof startSmtpListener>>;
  let mailbox: Awaited<ReturnType<typeof startMailbox>>;
  let client: ReturnType<typeof smtpClient>;
  let config: ReturnType<typeof testConfig>;
  let fig: Figures | null = null;
  const inbox = `klantenservice.${process.pid}.${Date.now()}@zoneparker.example`;

  before(async () => {
    db = await testDb();
    acc = await newAccount(db, 'ZoneParker');
    mailbox = await startMailbox();
    config = testConfig({ SMTP_RELAY_URL: mailbox.url });
    await createInbox(db, systemActor(acc.accountId), { address: inbox, name: 'Klantenservice ZoneParker' });
    await verifyInbox(db, acc.accountId, inbox);
    smtp = await startSmtpListener(db, config, log, { port: 0 });
    client = smtpClient(smtp.port);
    app = await buildApp({ db, config, logger: false, checkResponses: true });
  });
  after(async () => {
    client.close();
    await app.close();
    await smtp.close();
    await mailbox.close();
    await db.close();
  });

  const api = async (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => {
    const r = await app.inject({ method, url, headers: acc.auth, ...(payload ? { payload } : {}) });
    assert.ok(r.statusCode < 300, `${method} ${url}: ${r.statusCode} ${r.body}`);
    return r.json();
  };

  /** The worker's analysis handlers, in queue order, until none is due; a failing job fails the test. */
  async function drain() {
    const handlers = jobHandlers(config);
    for (;;) {
      const [job] = await claimJobs(db, 'story-test', 1, { kinds: ANALYSIS, accountIds: [acc.accountId] });
      if (!job) return;
      try {
        await handlers[job.kind](db, job);
        await completeJob(db, job.id);
      } catch (err) {
        await failJob(db, job, String(err));
        throw err;
      }
    }
  }

  const backdate = (messageId: string, caseId: string, at: Date) =>
    db.transaction(async (tx) => {
      await tx.query('UPDATE messages SET created_at = $3 WHERE account_id = $1 AND id = $2', [acc.accountId, messageId, at]);
      await tx.query('UPDATE cases SET created_at = $3 WHERE account_id = $1 AND id = $2', [acc.accountId, caseId, at]);
    });

  test('the story is heard: signal, problem with its cases, a bulk reply with each customer\'s amount', { timeout: 600_000 }, async () => {
    const T0 = storyStart();
    const storyMsg: { id: string; caseId: string; mail: StoryMail }[] = [];
    const backgroundMsg = new Set<string>();
    const seenSignals = new Set<string>();
    let firstSignalAfter: number | null = null;
    let laterStorySignals = 0;
    let falseSignals = 0;
    const signalNotes: string[] = [];
    let problemId: string | null = null;
    let sweptHour = -Infinity;

    // the hourly sweep, in story time; over the background once every six hours (it catches up the hours
    // in between, hour by hour, as after a worker restart: the same counts, a fraction of the queries)
    const sweepUpTo = async (at: number, every = 1) => {
      if (Math.floor(at / HOUR / every) <= sweptHour) return;
      sweptHour = Math.floor(at / HOUR / every);
      await sweepTopics(db, acc.accountId, new Date(at));
    };

    /** New signals: about the story when their topic(s) or examples hold a story message; else false. */
    const collectSignals = async () => {
      const rows = await db.query<{ id: string; topic_id: string | null; title: string; evidence: { reason?: string; examples?: string[]; topic_ids?: string[] } }>(
        'SELECT id, topic_id, title, evidence FROM signals WHERE account_id = $1 ORDER BY raised_at, id', [acc.accountId]);
      for (const s of rows.filter((r) => !seenSignals.has(r.id))) {
        seenSignals.add(s.id);
        const topics = [s.topic_id, ...(s.evidence.topic_ids ?? [])].filter((t): t is string => Boolean(t));
        const inTopics = topics.length
          ? (await db.query<{ message_id: string }>('SELECT message_id FROM message_analysis WHERE account_id = $1 AND topic_id = ANY($2::uuid[])', [acc.accountId, topics])).map((r) => r.message_id)
          : [];
        const story = new Set(storyMsg.map((m) => m.id));
        if (![...inTopics, ...(s.evidence.examples ?? [])].some((id) => story.has(id))) {
          falseSignals++;
          signalNotes.push(`false signal: "${s.title}" (${s.evidence.reason ?? '?'})`);
          continue;
        }
        if (firstSignalAfter !== null) {
          laterStorySignals++;
          signalNotes.push(`later story signal after customer ${storyMsg.length}: "${s.title}" (${s.evidence.reason ?? '?'})`);
          continue;
        }
        firstSignalAfter = storyMsg.length;
        signalNotes.push(`first story signal after customer ${storyMsg.length}: "${s.title}" (${s.evidence.reason ?? '?'}; ${topics.length} topic(s))`);
        // a supervisor opens a problem from it, as the workspace does; the rest of the story keeps coming
        problemId = (await api('POST', '/api/v1/problems', { title: s.title, signal_id: s.id })).id;
      }
    };

    // 14 days of ordinary mail, through the intake, in time order
    for (const m of fixture.background) {
      const at = T0 + m.minute_offset * MINUTE;
      await sweepUpTo(at, 6);
      const r = await db.transaction((tx) =>
        receiveMessageIn(tx, systemActor(acc.accountId), { customer: { email: m.from_email, name: m.from_name }, subject: m.subject, body: m.text, channel: 'email' }));
      backgroundMsg.add(r.message.id);
      await backdate(r.message.id, r.case.id, new Date(at));
      await drain();
    }
    await collectSignals();
    assert.equal(storyMsg.length, 0);
    sweptHour = Math.floor((T0 - HOUR) / HOUR);

    // the story day: twenty customers write in over SMTP, minutes apart
    for (const [i, m] of fixture.story.entries()) {
      const at = T0 + m.minute_offset * MINUTE;
      await sweepUpTo(at);
      await collectSignals();
      const messageId = `story-${i + 1}.${process.pid}.${Date.now()}@${m.from_email.split('@')[1]}`;
      const info = await client.send({ from: `"${m.from_name}" <${m.from_email}>`, to: inbox, subject: m.subject, text: m.text, messageId: `<${messageId}>` });
      assert.match(info.response, /^250 /);
      const [stored] = await db.query<{ id: string; case_id: string }>(
        'SELECT id, case_id FROM messages WHERE account_id = $1 AND email_message_id = $2', [acc.accountId, messageId]);
      assert.ok(stored, `${m.id} stored`);
      await backdate(stored.id, stored.case_id, new Date(at));
      storyMsg.push({ id: stored.id, caseId: stored.case_id, mail: m });
      await drain();
      await collectSignals();
    }
    await sweepUpTo(T0 + (fixture.story.at(-1)!.minute_offset + 30) * MINUTE);
    await collectSignals();
    assert.equal(new Set(storyMsg.map((m) => m.caseId)).size, 20, 'twenty customers, twenty cases');

    // the problem: how many of the twenty it gathered (suggested or confirmed)
    const storyCases = new Set(storyMsg.map((m) => m.caseId));
    type Linked = { case_id: string; ref: string; state: string; amount: { amount: { cents: number; currency: string }; certain: boolean; alternatives: unknown[] } | null };
    let onProblem = 0;
    let backgroundOnProblem = 0;
    const linkedAtEnd = new Set<string>();
    if (problemId) {
      const detail = await api('GET', `/api/v1/problems/${problemId}`);
      for (const c of detail.cases as Linked[]) {
        if (c.state === 'removed') continue;
        if (storyCases.has(c.case_id)) (onProblem++, linkedAtEnd.add(c.case_id));
        else backgroundOnProblem++;
      }
      // why the background cases on it were suggested: which road brings in the wrong ones
      const why = await db.query<{ case_id: string; reason: { why?: string; words?: string[] } | null }>(
        `SELECT case_id, reason FROM problem_cases WHERE account_id = $1 AND problem_id = $2 AND state <> 'removed'`, [acc.accountId, problemId]);
      for (const w of why.filter((x) => !storyCases.has(x.case_id))) signalNotes.push(`background case on the problem: ${w.reason?.why ?? 'signal'}${w.reason?.words ? ` (${w.reason.words.join(', ')})` : ''}`);
    } else {
      // no signal: the supervisor gathers the cases by hand, so the amounts are still measured
      problemId = (await api('POST', '/api/v1/problems', { title: 'Parkeerapp rekent door na stoppen', case_ids: [] })).id;
    }
    // the supervisor confirms the twenty (adding by hand any the problem missed); background suggestions stay unconfirmed
    for (const s of storyMsg) await api('PUT', `/api/v1/problems/${problemId}/cases/${s.caseId}`, { state: 'confirmed' });

    // the bulk reply preview: each customer's {{amount}}
    const detail = await api('GET', `/api/v1/problems/${problemId}`);
    const byCase = new Map((detail.cases as Linked[]).map((c) => [c.case_id, c]));
    const analysis = new Map((await db.query<{ message_id: string; intents: string[]; sentiment: number; topic_id: string | null; language: string | null }>(
      'SELECT message_id, intents, sentiment, topic_id, language FROM message_analysis WHERE account_id = $1 AND message_id = ANY($2::uuid[])',
      [acc.accountId, storyMsg.map((s) => s.id)])).map((a) => [a.message_id, a]));
    const topicNo = new Map<string, number>();
    const euro = (cents: number | null | undefined) => (cents == null ? '—' : formatAmount(cents, 'EUR', 'nl'));
    const rows: Row[] = [];
    let amountRight = 0;
    let amountUncertain = 0;
    let amountWrong = 0;
    let amountMissing = 0;
    for (const [i, s] of storyMsg.entries()) {
      const a = analysis.get(s.id);
      const link = byCase.get(s.caseId);
      const found = link?.amount ?? null;
      const want = s.mail.charged_amount_cents;
      let verdict: Row['verdict'];
      if (found && !found.certain) verdict = 'uncertain';
      else if (found) verdict = found.amount.cents === want ? 'right' : 'WRONG';
      else verdict = want === null ? 'right' : 'not found';
      if (verdict === 'right') amountRight++;
      else if (verdict === 'uncertain') amountUncertain++;
      else if (verdict === 'WRONG') amountWrong++;
      else amountMissing++; // the customer named an amount, the product found none: the reply is held back, not wrong
      const topic = a?.topic_id ? `T${topicNo.get(a.topic_id) ?? (topicNo.set(a.topic_id, topicNo.size + 1), topicNo.size)}` : '-';
      rows.push({
        n: i + 1, id: s.mail.id, lang: a?.language ?? '?', intents: a?.intents.join(',') || '—', sentiment: a ? a.sentiment.toFixed(2) : '?', topic,
        onProblem: linkedAtEnd.has(s.caseId) ? 'yes' : 'no',
        amount: found ? `${euro(found.amount.cents)}${found.certain ? '' : ` (uncertain of ${found.alternatives.length + 1})`}` : '(none)',
        charged: euro(want), verdict,
      });
    }

    // the bulk reply itself, to the confirmed cases: what reaches each customer
    const before = mailbox.received.length;
    const template = 'Beste {{customer.first_name}},\n\nHet spijt ons dat de app uw parkeeractie niet heeft gestopt. Wij storten {{amount}} vandaag terug; u ziet het uiterlijk vrijdag op uw rekening.\n\nMet vriendelijke groet,\n{{agent.name}}';
    const results = (await api('POST', `/api/v1/problems/${problemId}/reply`, { body: template })).data as { case_id: string; outcome: string; error?: { code: string } }[];
    const sent = results.filter((r) => r.outcome === 'sent');
    while ((await runJobs(db, jobHandlers(config), acc.accountId, ['email.send'])) > 0);
    const replies = (await mailbox.waitFor(before + sent.length)).slice(before).filter((r) => !r.mail.headers.get('auto-submitted'));
    let repliesRight = 0;
    let repliesWrong = 0;
    for (const s of storyMsg) {
      const mail = replies.find((r) => r.envelope.to.includes(s.mail.from_email));
      if (!mail) continue;
      const want = s.mail.charged_amount_cents;
      const shown = want === null ? [] : [formatAmount(want, 'EUR', 'nl'), formatAmount(want, 'EUR', 'en')];
      if (shown.some((x) => (mail.mail.text ?? '').includes(x))) repliesRight++;
      else repliesWrong++;
    }
    const repliesSkipped = results.filter((r) => r.outcome !== 'sent').length;

    fig = { firstSignalAfter, laterStorySignals, falseSignals, storyTopics: topicNo.size, onProblem, backgroundOnProblem, amountRight, amountUncertain, amountWrong, amountMissing, repliesRight, repliesWrong, repliesSkipped };
    console.log('\n# issue 14 story over SMTP — per customer');
    console.table(rows.map(({ n, ...r }) => ({ '#': n, ...r })));
    for (const note of signalNotes) console.log(note);
    console.log('# issue 14 story over SMTP — figures (goal in brackets)');
    console.table({
      'first story signal after customer': { now: firstSignalAfter ?? 'none', goal: '<= 5' },
      'later story signals (not joining the problem)': { now: laterStorySignals, goal: '0' },
      'false signals on 14 days of background': { now: falseSignals, goal: '-' },
      'topics the 20 landed in': { now: topicNo.size, goal: '-' },
      'story cases on the problem (suggested/confirmed)': { now: `${onProblem}/20`, goal: '>= 18' },
      'background cases on the problem': { now: backgroundOnProblem, goal: '-' },
      'amount right and certain': { now: `${amountRight}/20`, goal: '>= 19' },
      'amount flagged uncertain': { now: amountUncertain, goal: '-' },
      'amount certain but wrong': { now: amountWrong, goal: '0' },
      'amount named by the customer but not found': { now: amountMissing, goal: '-' },
      'bulk replies with the right amount / wrong / not sent': { now: `${repliesRight} / ${repliesWrong} / ${repliesSkipped}`, goal: '-' },
    });

    // what holds whatever the listening does: every mail stored and analysed, every sent reply reached its customer
    assert.equal(analysis.size, 20, 'all twenty story mails analysed');
    assert.equal(repliesRight + repliesWrong, sent.length, 'every sent bulk reply reached its customer');
    // only an uncertain amount, or none where the customer named none, holds a reply back
    for (const r of results.filter((x) => x.outcome !== 'sent')) assert.ok(['amount_uncertain', 'template_variable_missing'].includes(r.error?.code ?? ''), `held back: ${r.error?.code}`);
  });

  // The goals (all met since 2026-12-07; before: signal after the 8th customer, 17/20 on the problem, 17/20 amounts).
  // A goal the product misses again fails here: the figures above say by how much.
  test('goal: the signal comes by the 5th customer', () => {
    assert.ok(fig, 'the story ran');
    assert.ok(fig.firstSignalAfter !== null && fig.firstSignalAfter <= 5, `first story signal after customer ${fig.firstSignalAfter ?? 'none'}`);
  });

  test('goal: later story mails join the open problem instead of raising new signals', () => {
    assert.ok(fig, 'the story ran');
    assert.equal(fig.laterStorySignals, 0);
  });

  test('goal: the problem gathers at least 18 of the 20 cases', () => {
    assert.ok(fig, 'the story ran');
    assert.ok(fig.onProblem >= 18, `${fig.onProblem}/20 on the problem`);
  });

  test('goal: the right amount for at least 19 of the 20 customers', () => {
    assert.ok(fig, 'the story ran');
    assert.ok(fig.amountRight >= 19, `${fig.amountRight}/20 right, ${fig.amountUncertain} uncertain, ${fig.amountWrong} wrong, ${fig.amountMissing} not found`);
  });

  test('goal: no customer is promised a wrong amount', () => {
    assert.ok(fig, 'the story ran');
    assert.equal(fig.amountWrong, 0, `${fig.amountWrong} amounts certain but wrong in the preview`);
    assert.equal(fig.repliesWrong, 0, `${fig.repliesWrong} bulk replies with a wrong amount`);
  });
});
