/**
 * Part 4 of bench/eval-blind.ts: the overcharge story end to end through the product, on a fresh account in an
 * in-memory PGlite. bench/listening-eval.ts replays the product's decisions on an in-memory cluster store; this
 * goes one step further and uses the product's own road: every mail, in time order, goes through receiveMessageIn
 * (channel e-mail, language guessed as the intake does), and the jobs it queues (message.analyse, topics.upkeep)
 * run through the product's handlers before the next mail arrives. The hourly topics.sweep (the spike detector
 * of established topics) is run with `now` = the mail's time whenever an hour has passed. The only liberty: each
 * message's created_at (and its case's) is set to its story time inside the storing transaction, before the
 * analysis job reads it — the product has no "received at" input, and the 48-hour windows need story time.
 *
 * Story day: Thursday 4 December 2025 from 07:00 Amsterdam (minute_offset 0); the background starts 14 days earlier.
 * When the first signal about the story is raised, a supervisor opens a problem from it (openProblem, as the
 * workspace does); the rest of the story keeps coming. A signal is "about the story" when its topic holds a story
 * message or its evidence names one; every other signal is a false signal on the background.
 */
import { createAccount } from '../../src/accounts/create-account.ts';
import { receiveMessageIn } from '../../src/cases/receive-message.ts';
import { analyseStoredMessage, runTopicUpkeep } from '../../src/listening/analyse-stored-message.ts';
import { isComplaintLike } from '../../src/listening/listen-to-message.ts';
import { sweepTopics } from '../../src/listening/sweep-topics.ts';
import { autoOpenProblem } from '../../src/problems/auto-open-problem.ts';
import { openProblem } from '../../src/problems/open-problem.ts';
import { linkedCases } from '../../src/problems/store.ts';
import { formatAmount } from '../../src/problems/bulk-actions.ts';
import { type Actor, systemActor } from '../../src/shared/actor.ts';
import { openDb, type Db } from '../../src/storage/db.ts';
import { claimJobs, completeJob, failJob, type JobRow } from '../../src/storage/jobs.ts';
import { migrate } from '../../src/storage/migrate.ts';
import { readSet } from './eval-lib.ts';
import { caseAmounts } from '../../src/problems/case-amounts.ts';

interface Mail { id: string; from_name: string; from_email: string; subject: string; text: string; minute_offset: number }
interface StoryMail extends Mail { charged_amount_cents: number | null; other_amounts_cents: number[] }
interface Background extends Mail { topic_hint: string }
interface SignalRow { id: string; topic_id: string | null; title: string; evidence: { count: number; reason: string; examples: string[]; series: unknown[]; why?: { kind?: string } } }

const T0 = Date.UTC(2025, 11, 4, 6, 0);
const HOUR = 3_600_000;
const HANDLERS: Record<string, (db: Db, job: JobRow) => Promise<void>> = {
  'message.analyse': analyseStoredMessage,
  'topics.upkeep': runTopicUpkeep,
  'problems.auto_open': autoOpenProblem,
};

export interface StoryResult {
  firstSignalAt: number | null;
  falseSignals: number;
  maxPerGroupMonth: number;
  onProblem: number;
  amountsRight: number;
}

// Positive control (EVAL_STORY_CONTROL=1): the story mails carry the five parking complaints of
// tests/integration/listening.test.ts instead of their own words, to show this harness raises a signal when the
// product recognises the burst — so a missing signal on the real story is the product's, not the harness's.
const CONTROL = [
  'De parkeerapp heeft veel te veel afgerekend: ik parkeerde een uur en betaalde drie uur. Ik wil mijn geld terug.',
  'Mijn parkeersessie stopte niet en de app rekende tot middernacht parkeergeld af. Dit is belachelijk, graag terugbetaling.',
  'Alweer te veel parkeergeld afgeschreven door de parkeerapp, de sessie liep gewoon door na het stoppen.',
  'Ik heb twee keer parkeergeld betaald voor dezelfde parkeersessie in de app. Dat klopt niet, ik wil het terug.',
  'De parkeerapp blijft doorrekenen nadat ik ben weggereden, veel te veel parkeergeld betaald. Schandalig!',
];

export async function evalStory(): Promise<StoryResult> {
  const control = process.env.EVAL_STORY_CONTROL === '1';
  // the development set keeps its four stories in one file: EVAL_STORY_FILE=stories.jsonl EVAL_STORY=a
  const story = readSet<StoryMail & { story?: string }>(process.env.EVAL_STORY_FILE ?? 'story-overcharge.jsonl')
    .filter((m) => !process.env.EVAL_STORY || m.story === process.env.EVAL_STORY)
    .map((m, i) => (control ? { ...m, subject: 'Parkeerapp rekent te veel', text: CONTROL[i % 5] } : m));
  const background = readSet<Background>(process.env.EVAL_BACKGROUND_FILE ?? 'story-background.jsonl');
  const mails = [...background.map((m) => ({ m, story: null as StoryMail | null, hint: m.topic_hint })), ...story.map((m) => ({ m, story: m, hint: 'STORY' }))]
    .sort((a, b) => a.m.minute_offset - b.m.minute_offset || (a.story ? 1 : 0) - (b.story ? 1 : 0));
  const spanDays = (Math.max(...mails.map((x) => x.m.minute_offset)) - Math.min(...mails.map((x) => x.m.minute_offset))) / 1440;

  const db = await openDb({});
  await migrate(db);
  const created = await createAccount(db, { name: 'ParkPas eval', adminEmail: 'supervisor@parkpas.example' });
  const accountId = created.account.account_id;
  const intake = systemActor(accountId);
  const supervisor: Actor = { accountId, type: 'agent', id: created.admin.id, role: 'admin', agentId: created.admin.id };

  async function drain() {
    for (;;) {
      const [job] = await claimJobs(db, 'eval-blind', 1, { kinds: Object.keys(HANDLERS), accountIds: [accountId] });
      if (!job) return;
      try {
        await HANDLERS[job.kind](db, job);
        await completeJob(db, job.id);
      } catch (err) {
        await failJob(db, job, String(err));
        throw err;
      }
    }
  }

  const msgOf = new Map<string, { hint: string; story: StoryMail | null; caseId: string }>(); // message id → mail
  const storyMsgIds: string[] = [];
  const seen = new Set<string>();
  const storySignals: { s: SignalRow; afterCustomers: number; source: string }[] = [];
  const falseSignals: { s: SignalRow; at: number; group: string; source: string }[] = [];
  let storyFed = 0;
  let problemId: string | null = null;
  let linkedAtOpening = { story: 0, other: 0 };

  async function collectSignals(at: number) {
    const rows = await db.query<SignalRow>('SELECT id, topic_id, title, evidence FROM signals WHERE account_id = $1 ORDER BY raised_at, id', [accountId]);
    for (const s of rows.filter((r) => !seen.has(r.id))) {
      seen.add(s.id);
      const inTopic = await db.query<{ message_id: string }>('SELECT message_id FROM message_analysis WHERE account_id = $1 AND topic_id = $2', [accountId, s.topic_id]);
      const ids = [...inTopic.map((r) => r.message_id), ...(s.evidence.examples ?? [])];
      const source = s.evidence.why?.kind ?? (s.evidence.series?.length ? 'hourly sweep' : 'new-topic rule');
      if (ids.some((id) => msgOf.get(id)?.story)) {
        storySignals.push({ s, afterCustomers: storyFed, source });
        if (!problemId) {
          const p = await openProblem(db, supervisor, { title: s.title, signalId: s.id });
          problemId = p.id;
          linkedAtOpening = await countLinked(p.id);
        }
      } else {
        const groups = new Map<string, number>();
        for (const id of ids) {
          const g = msgOf.get(id)?.hint.split(':')[0] ?? '?';
          groups.set(g, (groups.get(g) ?? 0) + 1);
        }
        const group = [...groups.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '?';
        falseSignals.push({ s, at, group, source });
      }
    }
  }

  async function countLinked(id: string) {
    const cases = await linkedCases(db, accountId, id);
    const storyCases = new Set([...msgOf.values()].filter((v) => v.story).map((v) => v.caseId));
    const story = cases.filter((c) => storyCases.has(c.case_id)).length;
    return { story, other: cases.length - story };
  }

  const t0 = performance.now();
  let sweptHour = -Infinity;
  for (const { m, story: s, hint } of mails) {
    const at = T0 + m.minute_offset * 60_000;
    if (Math.floor(at / HOUR) > sweptHour) {
      sweptHour = Math.floor(at / HOUR);
      await sweepTopics(db, accountId, new Date(at));
      await collectSignals(at);
    }
    const r = await db.transaction(async (tx) => {
      const rec = await receiveMessageIn(tx, intake, { customer: { email: m.from_email, name: m.from_name }, subject: m.subject, body: m.text, channel: 'email' });
      await tx.query('UPDATE messages SET created_at = $3 WHERE account_id = $1 AND id = $2', [accountId, rec.message.id, new Date(at)]);
      await tx.query('UPDATE cases SET created_at = $3 WHERE account_id = $1 AND id = $2', [accountId, rec.case.id, new Date(at)]);
      return rec;
    });
    msgOf.set(r.message.id, { hint, story: s, caseId: r.case.id });
    if (s) {
      storyMsgIds.push(r.message.id);
      storyFed++;
    }
    await drain();
    await collectSignals(at);
  }
  const endAt = T0 + 13 * HOUR;
  await sweepTopics(db, accountId, new Date(endAt));
  await collectSignals(endAt);
  const secs = (performance.now() - t0) / 1000;

  // ------------------------------------------------------------------------------------------ report
  const analysis = await db.query<{ message_id: string; intents: string[]; sentiment: number; topic_id: string | null; money: { cents: number; currency: string }[] }>(
    'SELECT message_id, intents, sentiment, topic_id, money FROM message_analysis WHERE account_id = $1 AND message_id = ANY($2::uuid[])', [accountId, storyMsgIds]);
  const byMsg = new Map(analysis.map((a) => [a.message_id, a]));
  const topicNames = new Map<string, string>();
  const topicName = (id: string | null) => (id ? topicNames.get(id) ?? (topicNames.set(id, `T${topicNames.size + 1}`), topicNames.get(id)!) : '-');
  const final = problemId ? await countLinked(problemId) : { story: 0, other: 0 };
  const problemCases = problemId ? new Set((await linkedCases(db, accountId, problemId)).map((c) => c.case_id)) : new Set<string>();

  if (control) console.log('## 4. POSITIVE CONTROL: the story mails replaced by the integration test\'s five parking complaints\n');
  console.log(`## 4. The overcharge story end to end (${story.length} story mails + ${background.length} background mails over ${spanDays.toFixed(1)} days; ${secs.toFixed(0)} s)\n`);
  console.log('| # | id | complaint-like | intents | sentiment | topic | on problem | amount picked | charged | right |\n|---:|---|---|---|---:|---|---|---:|---:|---|');
  let amountsRight = 0;
  let amountsFlagged = 0;
  const complaintLikeCount = { n: 0 };
  // the bulk reply's {{amount}}: the amount each case's customer disputes (problems/case-amounts.ts); an uncertain one is not sent
  const amounts = await caseAmounts(db, accountId, storyMsgIds.map((id) => msgOf.get(id)!.caseId));
  for (const [i, id] of storyMsgIds.entries()) {
    const a = byMsg.get(id)!;
    const s = msgOf.get(id)!.story!;
    const found = amounts.get(msgOf.get(id)!.caseId);
    const picked = found?.amount ?? null;
    const right = picked ? found!.certain && picked.cents === s.charged_amount_cents : s.charged_amount_cents === null;
    if (right) amountsRight++;
    if (found && !found.certain) amountsFlagged++;
    const cl = isComplaintLike({ intents: a.intents as never, sentiment: a.sentiment });
    if (cl) complaintLikeCount.n++;
    const euro = (c: number | null) => (c === null ? '—' : formatAmount(c, 'EUR', 'nl'));
    console.log(`| ${i + 1} | ${s.id} | ${cl ? 'yes' : 'no'} | ${a.intents.join(', ') || '—'} | ${a.sentiment.toFixed(2)} | ${topicName(a.topic_id)} | ` +
      `${problemCases.has(msgOf.get(id)!.caseId) ? 'yes' : 'no'} | ${picked ? `${euro(picked.cents)}${found!.certain ? '' : ' (uncertain: a person chooses)'}` : '(none)'} | ${euro(s.charged_amount_cents)} | ${right ? 'yes' : 'NO'} |`);
  }
  const storyTopics = new Set(analysis.map((a) => a.topic_id));
  const first = storySignals[0] ?? null;
  console.log(`\ncomplaint-like (count towards a signal): ${complaintLikeCount.n}/20; the 20 landed in ${storyTopics.size} topics`);
  console.log(`first signal about the story: ${first ? `after the ${first.afterCustomers}th distinct complaining customer (${first.source}; "${first.s.title}", ${first.s.evidence.reason})` : 'NONE'} — goal <= 5`);
  for (const x of storySignals.slice(1)) console.log(`  later story signal (not joining the open problem): after customer ${x.afterCustomers} (${x.source}; "${x.s.title}")`);
  console.log(`problem opened from the first signal: ${linkedAtOpening.story} story cases linked at opening (+${linkedAtOpening.other} background); ` +
    `at the end ${final.story}/20 story cases (+${final.other} background) — goal >= 18`);
  if (problemId) {
    // why each case is on the problem, story and background apart: which road brings in the wrong ones
    const why = await db.query<{ case_id: string; why: string | null }>(
      `SELECT case_id, reason->>'why' AS why FROM problem_cases WHERE account_id = $1 AND problem_id = $2 AND state <> 'removed'`, [accountId, problemId]);
    const storyCases = new Set([...msgOf.values()].filter((v) => v.story).map((v) => v.caseId));
    const tally = (story: boolean) => {
      const t = new Map<string, number>();
      for (const w of why.filter((x) => storyCases.has(x.case_id) === story)) t.set(w.why ?? 'signal', (t.get(w.why ?? 'signal') ?? 0) + 1);
      return [...t.entries()].map(([k, n]) => `${k} ${n}`).join(', ') || 'none';
    };
    console.log(`  why on the problem — story: ${tally(true)}; background: ${tally(false)}`);
  }
  console.log(`amount per customer (bulk reply {{amount}}): right and certain for ${amountsRight}/20, flagged uncertain for a person to choose ${amountsFlagged}, wrong ${20 - amountsRight - amountsFlagged} — goal >= 19`);
  const groups = new Map<string, number>();
  for (const f of falseSignals) groups.set(f.group, (groups.get(f.group) ?? 0) + 1);
  const maxGroup = Math.max(0, ...groups.values());
  const perMonth = (n: number) => (n * 30) / spanDays;
  console.log(`\nfalse signals on the background: ${falseSignals.length} in ${spanDays.toFixed(1)} days ` +
    `(by rule: ${[...new Set(falseSignals.map((f) => f.source))].map((k) => `${k} ${falseSignals.filter((f) => f.source === k).length}`).join(', ') || 'none'}); ` +
    `by topic group: ${[...groups.entries()].map(([g, n]) => `${g} ${n}`).join(', ') || 'none'}`);
  console.log(`  per topic-month: worst group ${perMonth(maxGroup).toFixed(1)}, mean over the 14 background groups ${(perMonth(falseSignals.length) / 14).toFixed(2)} — goal <= 1`);
  for (const f of falseSignals) {
    console.log(`  day ${((f.at - T0) / 86_400_000).toFixed(1)}: "${f.s.title}" (${f.group}; ${f.source}; ${f.s.evidence.reason})`);
  }
  console.log('');
  await db.close();
  return { firstSignalAt: first?.afterCustomers ?? null, falseSignals: falseSignals.length, maxPerGroupMonth: perMonth(maxGroup), onProblem: final.story, amountsRight };
}
