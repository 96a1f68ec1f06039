/**
 * Words that burst: the decisions, as pure functions (the data comes from burst-store.ts).
 *
 * Twenty customers hit by one fault write twenty ways ("dubbel afgeschreven", "twee keer
 * geïncasseerd", "de app rekent €9,90"), so their messages land in several topics. What they share
 * is time: a handful of their words are suddenly used by far more customers than the account's own
 * history predicts. This is the classic bursty-keyword approach to event detection (Kleinberg 2002;
 * TwitterMonitor, Mathioudakis & Koudas 2010): find the words whose count in a short window is
 * improbable under their usual rate (a Poisson tail), grow them with the bursting words that occur
 * beside them, and count the distinct customers who used any of them. No word list is involved:
 * the burst brings its own vocabulary, in any language and wording.
 */

export interface BurstOptions {
  /** The window a burst is counted in, ending now. */
  windowHours: number;
  /** A word bursts only when at least this many distinct customers used it in the window. */
  minTermCustomers: number;
  /** ...and when that many is this improbable under the word's usual rate (Poisson upper tail). */
  maxTail: number;
  /** Words in more than this share of all messages are everyday words: never tested (the topic spike rule covers them). */
  maxUsualRate: number;
  /** Below this many messages of history the usual rates are unknown: no burst is judged. */
  minHistory: number;
  /** A signal: this many distinct customers used the bursting words... */
  minCustomers: number;
  /** ...with this much complaint weight together (a plain complaint 1, another contact less; see listen-to-message.ts). */
  minWeight: number;
  /** A new contact joins an open problem when this many of the messages sharing its bursting words are on it... */
  joinWhenLinked: number;
  /** ...and when, for one of those words, at least this share of the window's messages using it are on the problem. */
  joinPurity: number;
}

/**
 * Measured on the development set's four stories (bench/eval-dev, 14 days of background): a 12-hour
 * window and a tail of 0.003 raised the first signal after 5 to 7 customers with at most one false
 * group in 14 days; 6 hours was as early but gathered fewer cases, 24 hours was later (7 to 10).
 * With the meaning classes (incident-concepts.ts) counted as words, a tail of 0.005 fired story a
 * ("2x", "twee keer", "dubbel", "twice") on its 5th customer instead of its 9th, with the same
 * false groups on the background as 0.003 (0.01 added one).
 * A burst is evidence in itself, so it asks less complaint weight than a young topic does (3 of 5
 * rather than 4): a stuck delivery is written as questions, not complaints, and fired at the 6th
 * customer instead of the 7th, for one more group on the background (five customers whose
 * connection "valt weg" within 12 hours).
 */
export const BURST_OPTIONS: BurstOptions = {
  windowHours: 12,
  minTermCustomers: 3,
  maxTail: 5e-3,
  maxUsualRate: 0.05,
  minHistory: 100,
  minCustomers: 5,
  minWeight: 3,
  joinWhenLinked: 2,
  joinPurity: 0.5,
};

/** P(X >= k) for X ~ Poisson(lambda). */
export function poissonTail(k: number, lambda: number): number {
  if (k <= 0) return 1;
  if (lambda <= 0) return 0;
  let term = Math.exp(-lambda);
  let below = term;
  for (let i = 1; i < k; i++) {
    term *= lambda / i;
    below += term;
  }
  return Math.max(0, 1 - below);
}

export interface TermInWindow {
  term: string;
  /** distinct customers who used it in the window */
  customers: number;
}

export interface Usual {
  /** the clusterer's (decayed) document frequency per term, window included */
  df: ReadonlyMap<string, number>;
  /** the clusterer's (decayed) document count, window included */
  docs: number;
  /** messages in the window */
  windowDocs: number;
}

export interface BurstingTerm extends TermInWindow {
  /** customers expected in the window at the word's usual rate */
  expected: number;
  /** the probability of this many or more at that rate */
  tail: number;
}

/** The usual share of messages with this word, from the history before the window (smoothed). */
export function usualRate(term: string, customersInWindow: number, usual: Usual): number {
  const historyDf = Math.max(0, (usual.df.get(term) ?? 0) - customersInWindow);
  const historyDocs = Math.max(0, usual.docs - usual.windowDocs);
  return (historyDf + 0.5) / (historyDocs + 10);
}

/** The words of `counts` that burst in the window, most improbable first. */
export function burstingTerms(counts: readonly TermInWindow[], usual: Usual, opts: BurstOptions = BURST_OPTIONS): BurstingTerm[] {
  if (usual.docs - usual.windowDocs < opts.minHistory) return [];
  const out: BurstingTerm[] = [];
  for (const c of counts) {
    if (c.customers < opts.minTermCustomers) continue;
    const rate = usualRate(c.term, c.customers, usual);
    if (rate > opts.maxUsualRate) continue;
    const expected = rate * Math.max(usual.windowDocs, c.customers);
    const tail = poissonTail(c.customers, expected);
    if (tail <= opts.maxTail) out.push({ ...c, expected, tail });
  }
  return out.sort((a, b) => a.tail - b.tail || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
}

/** Words that can be tested at all: not everyday words (cheap pre-filter before counting the window). */
export function rareEnough(terms: readonly string[], usual: Omit<Usual, 'windowDocs'>, opts: BurstOptions = BURST_OPTIONS): string[] {
  return terms.filter((t) => ((usual.df.get(t) ?? 0) + 0.5) / (usual.docs + 10) <= opts.maxUsualRate * 2);
}

export interface GroupMember {
  messageId: string;
  customerId: string;
  /** 0..1: how plainly this contact says something is wrong */
  weight: number;
}

export interface GroupVerdict {
  fires: boolean;
  customers: number;
  weight: number;
}

/** Enough distinct customers, plainly enough: each customer counts once, with their strongest contact. */
export function judgeGroup(members: readonly GroupMember[], opts: BurstOptions = BURST_OPTIONS): GroupVerdict {
  const best = new Map<string, number>();
  for (const m of members) best.set(m.customerId, Math.max(best.get(m.customerId) ?? 0, Math.min(1, Math.max(0, m.weight))));
  const weight = [...best.values()].reduce((a, b) => a + b, 0);
  return { fires: best.size >= opts.minCustomers && weight >= opts.minWeight - 1e-9, customers: best.size, weight };
}

export interface JoinCandidate {
  problemId: string;
  /** the word that ties the contact to the problem */
  word: string;
  /** the window's other cases using the word that are on the problem */
  onProblem: number;
  /** the window's other cases using the word */
  using: number;
}

/**
 * Which open problem a new contact joins through its bursting words, if any. A burst grows with
 * everyday words its customers also use ("terug", "euro"), so sharing any of them says little;
 * a word ties the contact to a problem when enough of the messages that use it are on the problem
 * and they are most of the window's messages using it.
 */
export function problemToJoin(
  ownWords: readonly string[],
  others: readonly { terms: readonly string[]; problems: readonly string[] }[],
  opts: Pick<BurstOptions, 'joinWhenLinked' | 'joinPurity'> = BURST_OPTIONS,
): JoinCandidate | null {
  let best: JoinCandidate | null = null;
  for (const word of new Set(ownWords)) {
    const using = others.filter((o) => o.terms.includes(word));
    const per = new Map<string, number>();
    for (const o of using) for (const p of new Set(o.problems)) per.set(p, (per.get(p) ?? 0) + 1);
    for (const [problemId, onProblem] of per) {
      if (onProblem < opts.joinWhenLinked || onProblem / using.length < opts.joinPurity) continue;
      const better = !best || onProblem / using.length > best.onProblem / best.using || (onProblem / using.length === best.onProblem / best.using && onProblem > best.onProblem);
      if (better) best = { problemId, word, onProblem, using: using.length };
    }
  }
  return best;
}

/**
 * A group that would fire, but whose other cases are already on an open problem: the problem made
 * from the first signal about a fault, while the fault's later customers use other words ("sessie
 * liep door" first, "parkeergarage" and "verkeerde tijd" later). Then the contact joins that problem
 * instead of raising a second signal about the same thing. The problem holding the most of the
 * group's other cases, when it holds at least `joinWhenLinked` of them; ties go to the first seen.
 */
export function problemOfGroup(others: readonly { problems: readonly string[] }[], opts: Pick<BurstOptions, 'joinWhenLinked'> = BURST_OPTIONS): { problemId: string; onProblem: number } | null {
  const per = new Map<string, number>();
  for (const o of others) for (const p of new Set(o.problems)) per.set(p, (per.get(p) ?? 0) + 1);
  let best: { problemId: string; onProblem: number } | null = null;
  for (const [problemId, onProblem] of per) if (onProblem >= opts.joinWhenLinked && (!best || onProblem > best.onProblem)) best = { problemId, onProblem };
  return best;
}
