/**
 * Streaming clustering throughput and memory: `node bin/run-ts.mjs bench/clustering-speed.ts`
 * (one core: `taskset -c 0 node bin/run-ts.mjs bench/clustering-speed.ts`)
 *
 * BENCH_MESSAGES (default 1,000,000) synthetic messages go one at a time through `clusterMessage` with the
 * in-memory store and the default options, upkeep inline whenever it is due. The messages come from a vocabulary
 * with topic structure and churn, so that every part of the state is under pressure:
 *   - a new topic every 500 messages (2,000 in a million), each living 150,000 messages (about 300 alive at a
 *     time), each with 20 characteristic terms (Zipf-weighted) drawn from 20,000 topic words (topics overlap);
 *   - 8–58 terms per message (mean about 30): half from the topic, half from 30,000 background words (Zipf over
 *     ranks 201–30,200: the 200 most frequent words are the stopwords that analysis removes before clustering);
 *   - 10% of messages belong to no topic; 30% carry one never-seen token (order numbers, names, typos), so the
 *     vocabulary grows without end (300,000 one-off tokens over a million messages).
 * Generation is timed apart from clustering; the msg/s reported is clustering alone (vectorise, candidates, choose,
 * update, upkeep). Resident memory (process.memoryUsage().rss) and heap are read after a full GC every 100,000
 * messages, with the store's counts (terms, topics, index entries). As a check that the clusterer does real work,
 * NMI and purity of the topics against the generating topics are printed for the last 100,000 messages.
 * Env: BENCH_MESSAGES (1000000). Prints figures and one `RESULT` line; never asserts.
 */
import { cpus, loadavg } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { clusterMessage } from '../src/listening/clustering/cluster-message.ts';
import { MemoryClusterStore } from '../src/listening/clustering/memory-store.ts';
import { runUpkeep } from '../src/listening/clustering/run-upkeep.ts';
import { describeTopics } from '../src/listening/clustering/supervise-topics.ts';
import { DEFAULT_CLUSTER_OPTIONS } from '../src/listening/clustering/types.ts';
import { rng } from './lib/random.ts';

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 1_000_000);
const BATCH = 1_000;
const CHECKPOINT = 100_000;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

// ---------------------------------------------------------------------------------------------- generator


const SYLLABLES = 'b d f g h k l m n p r s t v w z j ch sch st'.split(' ').flatMap((c) => ['a', 'e', 'i', 'o', 'u', 'aa', 'ee', 'oe'].map((v) => c + v));

/** A pronounceable pseudo-word per number (distinct numbers, distinct words). */
function word(n: number, prefix: string): string {
  let w = prefix;
  do {
    w += SYLLABLES[n % SYLLABLES.length];
    n = Math.floor(n / SYLLABLES.length);
  } while (n > 0);
  return w;
}

/** Cumulative Zipf(s) distribution over ranks skip + 1 … skip + n. */
function zipfCdf(n: number, s: number, skip = 0): Float64Array {
  const cdf = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) cdf[i] = sum += 1 / Math.pow(skip + i + 1, s);
  for (let i = 0; i < n; i++) cdf[i] /= sum;
  return cdf;
}

function sample(cdf: Float64Array, u: number): number {
  let lo = 0;
  let hi = cdf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cdf[mid] < u) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// The 200 most frequent background words are the stopwords analysis removes before clustering.
const BACKGROUND = Array.from({ length: 30_000 }, (_, i) => word(i + 200, ''));
const TOPIC_WORDS = Array.from({ length: 20_000 }, (_, i) => word(i, 'k'));
const TOPIC_SPACING = 500;
const TOPIC_COUNT = Math.ceil(MESSAGES / TOPIC_SPACING);
const TOPIC_LIFE = 150_000;
const TOPIC_TERMS = 20;
const backgroundCdf = zipfCdf(BACKGROUND.length, 1.05, 200);
const topicCdf = zipfCdf(TOPIC_TERMS, 0.8);
const topicTerms = Array.from({ length: TOPIC_COUNT }, (_, t) => {
  const r = rng(1_000 + t);
  return Array.from({ length: TOPIC_TERMS }, () => TOPIC_WORDS[Math.floor(r() * TOPIC_WORDS.length)]);
});

const random = rng(20261124);
interface Synthetic {
  terms: string[];
  surfaces: string[];
  topic: number;
}

function generate(i: number): Synthetic {
  const newest = Math.floor(i / TOPIC_SPACING);
  const oldest = Math.max(0, Math.ceil((i - TOPIC_LIFE) / TOPIC_SPACING));
  const topic = random() < 0.1 ? -1 : oldest + Math.floor(random() * (newest - oldest + 1));
  const length = 8 + Math.floor(random() * random() * 100);
  const terms: string[] = [];
  const surfaces: string[] = [];
  for (let j = 0; j < Math.min(length, 58); j++) {
    const term = topic >= 0 && random() < 0.5
      ? topicTerms[topic][sample(topicCdf, random())]
      : BACKGROUND[sample(backgroundCdf, random())];
    terms.push(term);
    surfaces.push(random() < 0.3 ? term + 'en' : term); // two spellings of each word
  }
  if (random() < 0.3) {
    const once = 'x' + i.toString(36);
    terms.push(once);
    surfaces.push(once);
  }
  return { terms, surfaces, topic };
}

// ---------------------------------------------------------------------------------------------- metrics

function nmi(truth: ArrayLike<number>, pred: ArrayLike<number>): number {
  const n = truth.length;
  const joint = new Map<string, number>();
  const a = new Map<number, number>();
  const b = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    joint.set(truth[i] + ':' + pred[i], (joint.get(truth[i] + ':' + pred[i]) ?? 0) + 1);
    a.set(truth[i], (a.get(truth[i]) ?? 0) + 1);
    b.set(pred[i], (b.get(pred[i]) ?? 0) + 1);
  }
  let mi = 0;
  for (const [k, c] of joint) {
    const [x, y] = k.split(':').map(Number);
    mi += (c / n) * Math.log((n * c) / (a.get(x)! * b.get(y)!));
  }
  const h = (m: Map<number, number>) => [...m.values()].reduce((s, c) => s - (c / n) * Math.log(c / n), 0);
  return mi / ((h(a) + h(b)) / 2);
}

/** Share of messages whose topic's most common generating topic is their own. */
function purity(truth: ArrayLike<number>, pred: ArrayLike<number>): number {
  const byTopic = new Map<number, Map<number, number>>();
  for (let i = 0; i < truth.length; i++) {
    let m = byTopic.get(pred[i]);
    if (!m) byTopic.set(pred[i], (m = new Map()));
    m.set(truth[i], (m.get(truth[i]) ?? 0) + 1);
  }
  let hits = 0;
  for (const m of byTopic.values()) hits += Math.max(...m.values());
  return hits / truth.length;
}

// ---------------------------------------------------------------------------------------------- run

const options = DEFAULT_CLUSTER_OPTIONS;
const store = new MemoryClusterStore();
const WINDOW = Math.min(CHECKPOINT, MESSAGES);
const truthWindow = new Int32Array(WINDOW);
const predWindow = new Int32Array(WINDOW);
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);

console.log(`clustering-speed: ${MESSAGES.toLocaleString('en')} synthetic messages, in-memory store, options ` +
  JSON.stringify(options));
gc();
const startRss = process.memoryUsage().rss;
console.log(`resident memory before the first message: ${mb(startRss)} MB (vocabulary and generator loaded)\n`);
console.log(`load average before the run: ${loadavg().map((x) => x.toFixed(2)).join(' ')} (${cpus().length} cores)`);
console.log('msg/s per wall-clock second, and per CPU second of this process (the fairer figure on a busy shared machine)\n');
console.log('| messages | msg/s wall (this 100k) | msg/s CPU (this 100k) | RSS MB | heap used / committed MB | terms | live topics | index entries | new topics (this 100k) | upkeep ms (this 100k) |');
console.log('|---|---|---|---|---|---|---|---|---|---|');

let clusterMs = 0;
let clusterCpuMs = 0;
let generateMs = 0;
let segmentMs = 0;
let segmentCpuMs = 0;
let segmentUpkeepMs = 0;
let segmentNew = 0;
let totalTerms = 0;
const rssAt = new Map<number, number>();
const batch: Synthetic[] = [];
for (let done = 0; done < MESSAGES; ) {
  const g0 = performance.now();
  batch.length = 0;
  for (let j = 0; j < BATCH && done + j < MESSAGES; j++) batch.push(generate(done + j));
  const g1 = performance.now();
  generateMs += g1 - g0;
  const cpu0 = process.cpuUsage();
  for (const m of batch) {
    const r = await clusterMessage(store, { terms: m.terms, surfaces: m.surfaces, at: done }, options);
    if (r.isNew) segmentNew++;
    if (r.upkeepDue) {
      const u0 = performance.now();
      await runUpkeep(store, options);
      segmentUpkeepMs += performance.now() - u0;
    }
    const w = done % WINDOW;
    truthWindow[w] = m.topic;
    predWindow[w] = Number(r.topicId ?? -2);
    totalTerms += m.terms.length;
    done++;
  }
  const ms = performance.now() - g1;
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  clusterMs += ms;
  segmentMs += ms;
  clusterCpuMs += cpuMs;
  segmentCpuMs += cpuMs;
  if (done % CHECKPOINT === 0 || done === MESSAGES) {
    gc();
    const mem = process.memoryUsage();
    const c = store.counts();
    rssAt.set(done, mem.rss);
    const inSegment = done % CHECKPOINT || CHECKPOINT;
    console.log(`| ${done.toLocaleString('en')} | ${Math.round((inSegment / segmentMs) * 1000).toLocaleString('en')} | ` +
      `${Math.round((inSegment / segmentCpuMs) * 1000).toLocaleString('en')} | ${mb(mem.rss)} | ` +
      `${mb(mem.heapUsed)} / ${mb(mem.heapTotal)} | ${c.terms.toLocaleString('en')} | ${c.topics.toLocaleString('en')} | ${c.postings.toLocaleString('en')} | ` +
      `${segmentNew.toLocaleString('en')} | ${Math.round(segmentUpkeepMs)} |`);
    segmentMs = 0;
    segmentCpuMs = 0;
    segmentUpkeepMs = 0;
    segmentNew = 0;
  }
}

const rate = (MESSAGES / clusterMs) * 1000;
const cpuRate = (MESSAGES / clusterCpuMs) * 1000;
console.log(`\nclustering alone: ${MESSAGES.toLocaleString('en')} messages in ${(clusterMs / 1000).toFixed(1)} s wall = ` +
  `${Math.round(rate).toLocaleString('en')} msg/s; ${(clusterCpuMs / 1000).toFixed(1)} s CPU = ${Math.round(cpuRate).toLocaleString('en')} msg/s ` +
  `(${(totalTerms / MESSAGES).toFixed(1)} terms per message); ` +
  `generating them took ${(generateMs / 1000).toFixed(1)} s more (not counted)`);
const first = rssAt.get(Math.min(CHECKPOINT, MESSAGES))!;
const last = rssAt.get(MESSAGES)!;
console.log(`resident memory: ${[100_000, 500_000, 1_000_000].filter((n) => rssAt.has(n)).map((n) => `${n.toLocaleString('en')}: ${mb(rssAt.get(n)!)} MB`).join(', ')}; ` +
  `last / first checkpoint = ${(last / first).toFixed(2)}`);
console.log(`quality check on the last ${WINDOW.toLocaleString('en')} messages vs the generating topics (noise messages as one ` +
  `class): NMI ${nmi(truthWindow, predWindow).toFixed(3)}, purity ${purity(truthWindow, predWindow).toFixed(3)}`);
const stats = (await store.topicStats()).sort((a, b) => b.size - a.size).slice(0, 3);
const views = await describeTopics(store, stats.map((s) => s.id));
console.log(`largest live topics: ${views.map((v) => `"${v.label}" (${v.size.toLocaleString('en')})`).join(', ')}`);
console.log(`load average after the run: ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
console.log(`RESULT clustering_msgs_per_s ${Math.round(rate)} msg/s baseline=2000 ratio=${(rate / 2000).toFixed(2)}`);
