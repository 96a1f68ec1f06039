import type { Db } from '../storage/db.ts';
import { raiseSignal } from '../problems/signals.ts';
import { BURST_OPTIONS, type BurstOptions, type BurstingTerm, burstingTerms, judgeGroup, problemOfGroup, problemToJoin, rareEnough } from './burst-words.ts';
import { youngTopicsOf, customersPerTerm, membersUsing, messagesIn, openBurstSignalsCounting, openProblemsOfCases, recordPostings, wordsBeside, type WindowMember } from './burst-store.ts';
import type { ClusterStore } from './clustering/types.ts';
import { CONCEPT_PREFIX } from './incident-concepts.ts';
import { CONTACT_WEIGHT, hourlySeries, YOUNG_TOPIC_DAYS } from './new-topic-signal.ts';

/** Words of other messages tested for growing a burst (the most shared first). */
const MAX_BESIDE = 100;

export interface BurstOutcome {
  /** the open problem this contact was suggested to, sharing its bursting words */
  joinedProblem: string | null;
  /** a signal raised now */
  signalId: string | null;
  /** an open signal of bursting words already counts this contact's group (it was added to it) */
  counted: boolean;
}

const NOTHING: BurstOutcome = { joinedProblem: null, signalId: null, counted: false };

/**
 * After a message joined its topic: keep its words for the window, find which of them burst, grow
 * them with the bursting words used beside them, and look at everyone who used any of them. When
 * enough of those are already on an open problem, this contact joins it (suggested, with the words
 * as the reason); otherwise, when enough distinct customers used them, a signal is raised that
 * counts them all, across however many topics their messages landed in.
 */
export async function listenForBursts(
  tx: Db,
  store: ClusterStore,
  accountId: string,
  /** forms: how this message wrote its meaning classes ("€ 7,95" for ≈charged) */
  m: { id: string; caseId: string; customerId: string | null; at: Date; forms?: ReadonlyMap<string, string> },
  terms: readonly string[],
  opts: BurstOptions = BURST_OPTIONS,
): Promise<BurstOutcome> {
  if (!m.customerId || !terms.length) return NOTHING;
  await recordPostings(tx, accountId, { messageId: m.id, customerId: m.customerId, at: m.at, terms });
  const from = new Date(m.at.getTime() - opts.windowHours * 3_600_000);
  const windowDocs = Math.max(1, await messagesIn(tx, accountId, from, m.at));

  const bursting = await burstingAmong(tx, store, accountId, terms, windowDocs, from, m.at, opts);
  if (!bursting.length) return NOTHING;
  // the bursting words used beside these ones grow the burst: "dubbel" meets "geïncasseerd" through a customer who wrote both
  const beside = (await wordsBeside(tx, accountId, bursting.map((b) => b.term), from, m.at))
    .sort((a, b) => b.messages - a.messages || (a.term < b.term ? -1 : 1))
    .slice(0, MAX_BESIDE);
  const grown = await burstingAmong(tx, store, accountId, beside.map((b) => b.term), windowDocs, from, m.at, opts);
  const words = [...bursting, ...grown];
  const members = await membersUsing(tx, accountId, words.map((w) => w.term), from, m.at);
  const labels = await store.surfaces(words.map((w) => w.term));
  // a head term ("geinc~") reads as the word it came from, often the same word as its stem's: show each word once
  // a meaning class reads as this message wrote it: its most used form in the account's history is
  // some other customer's amount ("44,95" from one who paid an invoice twice), which says nothing of this burst
  const label = (term: string) => (term.startsWith(CONCEPT_PREFIX) ? m.forms?.get(term) : undefined) ?? labels.get(term) ?? term.replace(/~$/, '…');
  const wordList = [...new Map(words.map((w) => [label(w.term), w] as const))]
    .slice(0, 8)
    .map(([word, w]) => ({ word, customers: w.customers, expected: round(w.expected) }));

  // a contact about an open problem joins it, through a word that mostly belongs to the problem
  const others = members.filter((x) => x.case_id !== m.caseId);
  const onProblems = await openProblemsOfCases(tx, accountId, others.map((x) => x.case_id));
  const own = new Set(terms);
  // one vote per case, however many messages it has in the window
  const perCase = new Map<string, Set<string>>();
  for (const x of others) perCase.set(x.case_id, new Set([...(perCase.get(x.case_id) ?? []), ...x.terms]));
  const join = problemToJoin(
    words.map((w) => w.term).filter((t) => own.has(t)),
    [...perCase].map(([caseId, ts]) => ({ terms: [...ts], problems: onProblems.get(caseId) ?? [] })),
    opts,
  );
  const suggest = async (problemId: string, reason: Record<string, unknown>) => {
    await tx.query(
      `INSERT INTO problem_cases (account_id, problem_id, case_id, state, reason)
       VALUES ($1, $2, $3, 'suggested', $4) ON CONFLICT DO NOTHING`,
      [accountId, problemId, m.caseId, JSON.stringify(reason)],
    );
    return { joinedProblem: problemId, signalId: null, counted: false };
  };
  if (join) {
    return suggest(join.problemId, { why: 'burst_words', words: [label(join.word), ...wordList.map((w) => w.word)].filter((w, i, a) => a.indexOf(w) === i).slice(0, 4), cases_on_problem: join.onProblem, messages_using: join.using });
  }

  const verdict = judgeGroup(members.map((x) => ({ messageId: x.message_id, customerId: x.customer_id, weight: x.complaint_like ? 1 : CONTACT_WEIGHT })), opts);
  if (!verdict.fires) return NOTHING;
  const [open] = await openBurstSignalsCounting(tx, accountId, others.map((x) => x.message_id), opts.joinWhenLinked);
  if (open) {
    await addToSignal(tx, accountId, open, members, verdict.customers);
    return { joinedProblem: null, signalId: null, counted: true };
  }
  // a group that would fire again about an open problem's cases joins that problem: one fault, one problem, one signal
  const held = problemOfGroup([...perCase.keys()].map((caseId) => ({ problems: onProblems.get(caseId) ?? [] })), opts);
  if (held) return suggest(held.problemId, { why: 'burst_words', words: wordList.slice(0, 4).map((w) => w.word), cases_on_problem: held.onProblem, messages_using: perCase.size });
  const title = wordList.slice(0, 3).map((w) => w.word).join(', ');
  const reason = `${verdict.customers} distinct customers within ${opts.windowHours} h used words that are rarely used here: ${wordList
    .slice(0, 4)
    .map((w) => `"${w.word}" (${w.customers} customers, ${w.expected} expected)`)
    .join(', ')}`;
  const signal = await raiseSignal(tx, accountId, {
    topicId: null,
    title,
    evidence: {
      count: verdict.customers,
      expected: round(words.reduce((s, w) => Math.max(s, w.expected), 0)),
      score: 1,
      reason,
      examples: members.slice(-5).map((x) => x.message_id),
      series: hourlySeries(members.map((x) => new Date(x.at)), m.at, 48),
      message_ids: members.map((x) => x.message_id),
      // the young topics the burst's messages landed in: the problem made from it is about them too
      topic_ids: await youngTopicsOf(tx, accountId, members.map((x) => x.message_id), m.at, YOUNG_TOPIC_DAYS),
      why: { kind: 'burst_words', customers: verdict.customers, hours: opts.windowHours, threshold: opts.minCustomers, words: wordList },
    },
  });
  return { joinedProblem: null, signalId: signal?.id ?? null, counted: false };
}

/** Which of `terms` burst in the window (everyday words are not even counted). */
async function burstingAmong(tx: Db, store: ClusterStore, accountId: string, terms: readonly string[], windowDocs: number, from: Date, to: Date, opts: BurstOptions): Promise<BurstingTerm[]> {
  if (!terms.length) return [];
  const stats = await store.termStats(terms);
  const testable = rareEnough(terms, stats, opts);
  if (!testable.length) return [];
  const counts = await customersPerTerm(tx, accountId, testable, from, to);
  return burstingTerms(counts, { df: stats.df, docs: stats.docs, windowDocs }, opts);
}

/** A later contact of the same burst is counted by the open signal (its evidence grows), not signalled again. */
async function addToSignal(tx: Db, accountId: string, signalId: string, members: WindowMember[], customers: number): Promise<void> {
  await tx.query(
    `UPDATE signals SET evidence = evidence
       || jsonb_build_object('message_ids', (SELECT jsonb_agg(DISTINCT x) FROM (
            SELECT jsonb_array_elements_text(coalesce(evidence->'message_ids', '[]')) AS x UNION SELECT unnest($3::text[])) u))
       || jsonb_build_object('count', greatest((evidence->>'count')::int, $4::int))
       || jsonb_build_object('why', coalesce(evidence->'why', '{}') || jsonb_build_object('customers', greatest(coalesce((evidence->'why'->>'customers')::int, 0), $4::int)))
     WHERE account_id = $1 AND id = $2`,
    [accountId, signalId, members.map((x) => x.message_id), customers],
  );
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
