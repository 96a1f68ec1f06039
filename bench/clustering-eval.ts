/**
 * Clustering quality on real complaints: `node bin/run-ts.mjs bench/clustering-eval.ts`
 *
 * The 1,532 CFPB complaints of ../shared/data/complaints/cfpb_complaints_sample.csv that have a written narrative
 * go through the streaming clusterer (src/listening/clustering/, in-memory store) one at a time in date order
 * (ties by complaint id). Each message keeps the topic it was given on arrival (no re-assignment). Printed: NMI
 * (arithmetic normalisation, = V-measure, as scikit-learn's default) and ARI against the Product and the Issue
 * labels, beside a TF-IDF + k-means baseline computed in the same run on the same terms: k = the number of
 * distinct labels, k-means++ initialisation, BENCH_KMEANS_RESTARTS (default 5) restarts, the run with the lowest
 * inertia kept; two TF weightings (raw as scikit-learn's TfidfVectorizer, and sublinear as ours) and the better
 * of the two is the baseline.
 *
 * One global setting is tuned: the similarity threshold. The whole sweep is printed. The pick is the threshold with
 * the best Product AMI (adjusted mutual information): NMI keeps rising as topics fragment into singletons (the
 * "chance NMI" column, the same topic sizes shuffled over the messages, shows how much of it is for free), AMI
 * corrects for that. Held-out check: the threshold picked on the older half of the stream, scored on the newer half.
 * Transfer check on short messages (not tuned): BANKING77's 3,080 test queries (77 intents), when present.
 *
 * Terms: a small English tokeniser and light suffix stemmer of this file (lower case, letters only, CFPB's
 * "XXXX" redactions and stopwords dropped), the same for the clusterer and the baseline.
 * Env: BENCH_THRESHOLDS (comma list), BENCH_KMEANS_RESTARTS (5). Prints one `RESULT` line; never asserts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { clusterMessage } from '../src/listening/clustering/cluster-message.ts';
import { runUpkeep } from '../src/listening/clustering/run-upkeep.ts';
import { describeTopics } from '../src/listening/clustering/supervise-topics.ts';
import { MemoryClusterStore } from '../src/listening/clustering/memory-store.ts';
import { DEFAULT_CLUSTER_OPTIONS, type ClusterOptions } from '../src/listening/clustering/types.ts';
import { idf } from '../src/listening/clustering/vectorize.ts';
import { rng } from './lib/random.ts';

const CSV = fileURLToPath(new URL('../../shared/data/complaints/cfpb_complaints_sample.csv', import.meta.url));
const THRESHOLDS = (process.env.BENCH_THRESHOLDS ?? '0.05,0.075,0.1,0.125,0.15,0.2,0.25,0.3,0.4').split(',').map(Number);
const RESTARTS = Number(process.env.BENCH_KMEANS_RESTARTS ?? 5);

if (!existsSync(CSV)) {
  console.log(`SKIP clustering-eval: ${CSV} is absent (the real-data folder ../shared is not next to this clone)`);
  process.exit(0);
}

// ---------------------------------------------------------------------------------------------- data

interface Complaint {
  id: number;
  date: string;
  product: string;
  issue: string;
  terms: string[];
  surfaces: string[];
}

function loadComplaints(): Complaint[] {
  const rows: Record<string, string>[] = parse(readFileSync(CSV), { columns: true, skip_empty_lines: true });
  return rows
    .filter((r) => r['Consumer complaint narrative']?.trim())
    .map((r) => {
      const { terms, surfaces } = tokenise(r['Consumer complaint narrative']);
      return { id: Number(r['Complaint ID']), date: r['Date received'], product: r.Product, issue: r.Issue, terms, surfaces };
    })
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id - b.id));
}

// ---------------------------------------------------------------------------------------------- terms

const STOPWORDS = new Set(
  `a about above after again against all am an and any are as at be because been before being below between both but by
  can could did do does doing down during each few for from further had has have having he her here hers herself him
  himself his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other
  our ours ourselves out over own same she should so some such than that the their theirs them themselves then there
  these they this those through to too under until up very was we were what when where which while who whom why will
  with would you your yours yourself yourselves also been im ive dont didnt cant wont doesnt isnt wasnt per us mr ms
  mrs may might must shall get got one two would even still yet since however etc`.split(/\s+/),
);

/** Light English suffix stemmer: enough to join charge/charged/charges/charging. */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  for (const suffix of ['ingly', 'edly', 'ing', 'ed']) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 3) {
      w = w.slice(0, -suffix.length);
      if (/([^aeiouslz])\1$/.test(w)) w = w.slice(0, -1);
      break;
    }
  }
  if (w.endsWith('ly') && w.length > 5) w = w.slice(0, -2);
  for (const [suffix, repl] of [['ational', 'ate'], ['ation', 'ate'], ['ment', ''], ['ness', ''], ['ful', '']] as const) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 4) {
      w = w.slice(0, -suffix.length) + repl;
      break;
    }
  }
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  if (w.endsWith('y') && w.length > 4) w = w.slice(0, -1) + 'i';
  return w;
}

export function tokenise(text: string): { terms: string[]; surfaces: string[] } {
  const terms: string[] = [];
  const surfaces: string[] = [];
  for (const raw of text.toLowerCase().replace(/['’]/g, '').match(/\p{L}+/gu) ?? []) {
    if (raw.length < 2 || /^x+$/.test(raw) || STOPWORDS.has(raw)) continue;
    terms.push(stem(raw));
    surfaces.push(raw);
  }
  return { terms, surfaces };
}

// ---------------------------------------------------------------------------------------------- metrics

function contingency(a: readonly string[], b: readonly string[]) {
  const table = new Map<string, number>();
  const ca = new Map<string, number>();
  const cb = new Map<string, number>();
  for (let i = 0; i < a.length; i++) {
    const key = a[i] + '\u0000' + b[i];
    table.set(key, (table.get(key) ?? 0) + 1);
    ca.set(a[i], (ca.get(a[i]) ?? 0) + 1);
    cb.set(b[i], (cb.get(b[i]) ?? 0) + 1);
  }
  return { table, ca, cb, n: a.length };
}

const entropy = (counts: Iterable<number>, n: number) => {
  let h = 0;
  for (const c of counts) if (c > 0) h -= (c / n) * Math.log(c / n);
  return h;
};

/** Normalised mutual information, arithmetic-mean normalisation (scikit-learn's default, = V-measure). */
export function nmi(truth: readonly string[], pred: readonly string[]): number {
  const { table, ca, cb, n } = contingency(truth, pred);
  let mi = 0;
  for (const [key, nij] of table) {
    const [x, y] = key.split('\u0000');
    mi += (nij / n) * Math.log((n * nij) / (ca.get(x)! * cb.get(y)!));
  }
  const h = (entropy(ca.values(), n) + entropy(cb.values(), n)) / 2;
  return h === 0 ? 1 : Math.max(0, mi / h);
}

/**
 * Adjusted mutual information (arithmetic normalisation, as scikit-learn's): NMI corrected for
 * chance, so splitting into many small clusters earns nothing by itself. Expected MI after Vinh,
 * Epps & Bailey (2010), with log-factorials.
 */
export function ami(truth: readonly string[], pred: readonly string[]): number {
  const { table, ca, cb, n } = contingency(truth, pred);
  let mi = 0;
  for (const [key, nij] of table) {
    const [x, y] = key.split('\u0000');
    mi += (nij / n) * Math.log((n * nij) / (ca.get(x)! * cb.get(y)!));
  }
  const lf = new Float64Array(n + 1);
  for (let i = 2; i <= n; i++) lf[i] = lf[i - 1] + Math.log(i);
  let emi = 0;
  for (const a of ca.values()) {
    for (const b of cb.values()) {
      const fixed = lf[a] + lf[b] + lf[n - a] + lf[n - b] - lf[n];
      for (let k = Math.max(1, a + b - n); k <= Math.min(a, b); k++) {
        const p = Math.exp(fixed - lf[k] - lf[a - k] - lf[b - k] - lf[n - a - b + k]);
        emi += p * (k / n) * Math.log((n * k) / (a * b));
      }
    }
  }
  const h = (entropy(ca.values(), n) + entropy(cb.values(), n)) / 2;
  return h - emi === 0 ? 0 : (mi - emi) / (h - emi);
}

/** Adjusted Rand index. */
export function ari(truth: readonly string[], pred: readonly string[]): number {
  const { table, ca, cb, n } = contingency(truth, pred);
  const c2 = (x: number) => (x * (x - 1)) / 2;
  let index = 0;
  for (const v of table.values()) index += c2(v);
  let sa = 0;
  let sb = 0;
  for (const v of ca.values()) sa += c2(v);
  for (const v of cb.values()) sb += c2(v);
  const expected = (sa * sb) / c2(n);
  const max = (sa + sb) / 2;
  return max === expected ? 1 : (index - expected) / (max - expected);
}

// ---------------------------------------------------------------------------------------------- ours

interface StreamRun {
  threshold: number;
  topics: string[];
  topicCount: number;
  singletons: number;
  ms: number;
  store: MemoryClusterStore;
}

async function stream(docs: readonly Complaint[], threshold: number): Promise<StreamRun> {
  const options: ClusterOptions = { ...DEFAULT_CLUSTER_OPTIONS, threshold };
  const store = new MemoryClusterStore();
  const topics: string[] = [];
  const start = performance.now();
  const base = Date.parse('2019-01-01');
  for (const d of docs) {
    const r = await clusterMessage(store, { terms: d.terms, surfaces: d.surfaces, at: Date.parse(d.date) || base }, options);
    topics.push(r.topicId ?? 'none');
    if (r.upkeepDue) await runUpkeep(store, options);
  }
  const ms = performance.now() - start;
  const sizes = new Map<string, number>();
  for (const t of topics) sizes.set(t, (sizes.get(t) ?? 0) + 1);
  const singletons = [...sizes.values()].filter((s) => s === 1).length;
  return { threshold, topics, topicCount: sizes.size, singletons, ms, store };
}

// ---------------------------------------------------------------------------------------------- baseline

type Doc = { ids: Int32Array; w: Float64Array };

function tfidfMatrix(docs: readonly Complaint[], sublinear: boolean): { rows: Doc[]; dims: number } {
  const vocab = new Map<string, number>();
  const df: number[] = [];
  const tfs = docs.map((d) => {
    const tf = new Map<number, number>();
    for (const t of d.terms) {
      let id = vocab.get(t);
      if (id === undefined) vocab.set(t, (id = vocab.size));
      tf.set(id, (tf.get(id) ?? 0) + 1);
    }
    for (const id of tf.keys()) df[id] = (df[id] ?? 0) + 1;
    return tf;
  });
  const rows = tfs.map((tf) => {
    const ids = Int32Array.from(tf.keys());
    const w = Float64Array.from(ids, (id) => (sublinear ? 1 + Math.log(tf.get(id)!) : tf.get(id)!) * idf(df[id], docs.length));
    const n = Math.hypot(...w) || 1;
    for (let i = 0; i < w.length; i++) w[i] /= n;
    return { ids, w };
  });
  return { rows, dims: vocab.size };
}


/** Lloyd's k-means (squared Euclidean on the unit TF-IDF rows), k-means++ init; best inertia of `restarts`. */
function kmeans(rows: readonly Doc[], dims: number, k: number, restarts: number, seed = 1): number[] {
  let best: { inertia: number; labels: number[] } | null = null;
  for (let r = 0; r < restarts; r++) {
    const random = rng(seed + r * 7919);
    const centres = Array.from({ length: k }, () => new Float64Array(dims));
    const setFromRow = (c: Float64Array, row: Doc) => {
      c.fill(0);
      row.ids.forEach((id, i) => (c[id] = row.w[i]));
    };
    const dist = (row: Doc, c: Float64Array, cNorm2: number) => {
      let d = 0;
      for (let i = 0; i < row.ids.length; i++) d += row.w[i] * c[row.ids[i]];
      return Math.max(0, 1 + cNorm2 - 2 * d);
    };
    // k-means++
    setFromRow(centres[0], rows[Math.floor(random() * rows.length)]);
    const d2 = rows.map((row) => dist(row, centres[0], 1));
    for (let c = 1; c < k; c++) {
      const total = d2.reduce((s, x) => s + x, 0);
      let pick = random() * total;
      let chosen = rows.length - 1;
      for (let i = 0; i < rows.length; i++) if ((pick -= d2[i]) <= 0) { chosen = i; break; }
      setFromRow(centres[c], rows[chosen]);
      rows.forEach((row, i) => (d2[i] = Math.min(d2[i], dist(row, centres[c], 1))));
    }
    let labels = new Array<number>(rows.length).fill(-1);
    let inertia = Infinity;
    for (let iter = 0; iter < 100; iter++) {
      const norms = centres.map((c) => c.reduce((s, x) => s + x * x, 0));
      inertia = 0;
      let moved = 0;
      const next = rows.map((row, i) => {
        let bestC = 0;
        let bestD = Infinity;
        for (let c = 0; c < k; c++) {
          const d = dist(row, centres[c], norms[c]);
          if (d < bestD) [bestC, bestD] = [c, d];
        }
        inertia += bestD;
        if (bestC !== labels[i]) moved++;
        return bestC;
      });
      labels = next;
      if (moved === 0) break;
      const counts = new Array<number>(k).fill(0);
      for (const c of centres) c.fill(0);
      rows.forEach((row, i) => {
        const c = centres[labels[i]];
        counts[labels[i]]++;
        row.ids.forEach((id, j) => (c[id] += row.w[j]));
      });
      centres.forEach((c, j) => {
        if (counts[j] === 0) {
          setFromRow(c, rows[Math.floor(random() * rows.length)]); // empty cluster: reseed
        } else for (let i = 0; i < dims; i++) c[i] /= counts[j];
      });
    }
    if (!best || inertia < best.inertia) best = { inertia, labels };
  }
  return best!.labels;
}

/** The same labels in a random order (fixed seed). */
function shuffled(labels: readonly string[]): string[] {
  const random = rng(42);
  const out = [...labels];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

// ---------------------------------------------------------------------------------------------- run

const f3 = (x: number) => x.toFixed(3);
const docs = loadComplaints();
const product = docs.map((d) => d.product);
const issue = docs.map((d) => d.issue);
const kProduct = new Set(product).size;
const kIssue = new Set(issue).size;
console.log(`clustering-eval: ${docs.length} narratives, ${docs[0].date} … ${docs[docs.length - 1].date}, ` +
  `${kProduct} products, ${kIssue} issues, ${docs.reduce((s, d) => s + d.terms.length, 0)} terms ` +
  `(${new Set(docs.flatMap((d) => d.terms)).size} distinct)`);

console.log(`\nbaseline: TF-IDF + k-means (k-means++, ${RESTARTS} restarts, best inertia), same terms`);
console.log('| weighting | k | vs | NMI | AMI | ARI | ms |');
console.log('|---|---|---|---|---|---|---|');
const baseline = { product: { nmi: 0, ami: 0, ari: 0 }, issue: { nmi: 0, ami: 0, ari: 0 } };
for (const sublinear of [false, true]) {
  const { rows, dims } = tfidfMatrix(docs, sublinear);
  for (const [name, truth, k] of [['product', product, kProduct], ['issue', issue, kIssue]] as const) {
    const t0 = performance.now();
    const labels = kmeans(rows, dims, k, RESTARTS).map(String);
    const ms = performance.now() - t0;
    const score = { nmi: nmi(truth, labels), ami: ami(truth, labels), ari: ari(truth, labels) };
    if (score.nmi > baseline[name].nmi) baseline[name] = score;
    console.log(`| ${sublinear ? 'sublinear tf' : 'raw tf'} | ${k} | ${name} | ${f3(score.nmi)} | ${f3(score.ami)} | ${f3(score.ari)} | ${ms.toFixed(0)} |`);
  }
}

console.log('\nstreaming clusterer (in-memory store), threshold sweep; topic of each message as given on arrival');
console.log('(chance NMI: the same topics shuffled over the messages, i.e. what the topic sizes alone earn)');
console.log('| threshold | topics | singletons | NMI product | AMI product | ARI product | chance NMI product | NMI issue | AMI issue | ARI issue | msg/s |');
console.log('|---|---|---|---|---|---|---|---|---|---|---|');
const half = Math.floor(docs.length / 2);
const older = docs.slice(0, half);
const newer = docs.slice(half);
type Scored = StreamRun & { amiProduct: number; olderAmi: number; newerAmi: number; newerNmi: number };
const runs: Scored[] = [];
for (const threshold of THRESHOLDS) {
  const run = await stream(docs, threshold);
  const olderRun = await stream(older, threshold);
  const newerRun = await stream(newer, threshold);
  const newerProduct = newer.map((d) => d.product);
  runs.push({
    ...run,
    amiProduct: ami(product, run.topics),
    olderAmi: ami(older.map((d) => d.product), olderRun.topics),
    newerAmi: ami(newerProduct, newerRun.topics),
    newerNmi: nmi(newerProduct, newerRun.topics),
  });
  console.log(`| ${threshold} | ${run.topicCount} | ${run.singletons} | ${f3(nmi(product, run.topics))} | ${f3(ami(product, run.topics))} | ` +
    `${f3(ari(product, run.topics))} | ${f3(nmi(product, shuffled(run.topics)))} | ` +
    `${f3(nmi(issue, run.topics))} | ${f3(ami(issue, run.topics))} | ${f3(ari(issue, run.topics))} | ` +
    `${Math.round((docs.length / run.ms) * 1000)} |`);
}

// Picked on AMI, not NMI: NMI keeps rising as topics fragment (see the chance column), AMI does not.
const pick = runs.reduce((a, b) => (b.amiProduct > a.amiProduct ? b : a));
const pickOlder = runs.reduce((a, b) => (b.olderAmi > a.olderAmi ? b : a));
console.log(`\npicked threshold ${pick.threshold}: the best Product AMI over the whole stream (NMI alone would reward ` +
  `fragmentation: its chance level climbs with the topic count).`);
console.log(`held-out check (each half streamed on its own): picked on the older half → ${pickOlder.threshold}; on the newer ` +
  `half it scores Product NMI ${f3(pickOlder.newerNmi)}, AMI ${f3(pickOlder.newerAmi)} (best threshold there: AMI ` +
  `${f3(Math.max(...runs.map((r) => r.newerAmi)))})`);

// k-means given as many clusters as we made: the comparison NMI's bias towards many clusters cannot flatter.
const { rows: rawRows, dims: rawDims } = tfidfMatrix(docs, false);
const kSame = kmeans(rawRows, rawDims, pick.topicCount, 1).map(String);

console.log('\n| at the picked threshold | clusters | NMI product | AMI product | ARI product | NMI issue | AMI issue | ARI issue |');
console.log('|---|---|---|---|---|---|---|---|');
const line = (name: string, clusters: string, labels: string[]) =>
  console.log(`| ${name} | ${clusters} | ${f3(nmi(product, labels))} | ${f3(ami(product, labels))} | ${f3(ari(product, labels))} | ` +
    `${f3(nmi(issue, labels))} | ${f3(ami(issue, labels))} | ${f3(ari(issue, labels))} |`);
line(`streaming, threshold ${pick.threshold} (picked)`, String(pick.topicCount), pick.topics);
console.log(`| TF-IDF + k-means, k = labels (best weighting) | ${kProduct} / ${kIssue} | ${f3(baseline.product.nmi)} | ` +
  `${f3(baseline.product.ami)} | ${f3(baseline.product.ari)} | ${f3(baseline.issue.nmi)} | ${f3(baseline.issue.ami)} | ${f3(baseline.issue.ari)} |`);
line('TF-IDF + k-means, k = our topic count (raw tf, 1 run)', String(pick.topicCount), kSame);

// Short messages: does the threshold carry over? BANKING77's test queries (one sentence each), shuffled.
const BANKING = fileURLToPath(new URL('../../shared/data/dutch-text/banking77/test.csv', import.meta.url));
if (existsSync(BANKING)) {
  const random = rng(77);
  const queries: { text: string; category: string }[] = parse(readFileSync(BANKING), { columns: true });
  for (let i = queries.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [queries[i], queries[j]] = [queries[j], queries[i]];
  }
  const short = queries.map((q, i) => ({ id: i, date: '', product: q.category, issue: q.category, ...tokenise(q.text) }));
  const intents = short.map((q) => q.product);
  const k = new Set(intents).size;
  const { rows, dims } = tfidfMatrix(short, false);
  const km = kmeans(rows, dims, k, RESTARTS).map(String);
  console.log(`\nshort messages (transfer check, not tuned): BANKING77 test, ${short.length} queries, ${k} intents, ` +
    `${(short.reduce((s, q) => s + q.terms.length, 0) / short.length).toFixed(1)} terms each, shuffled (seed 77)`);
  console.log('| method | clusters | NMI | AMI | ARI |');
  console.log('|---|---|---|---|---|');
  console.log(`| TF-IDF + k-means, k = ${k} | ${k} | ${f3(nmi(intents, km))} | ${f3(ami(intents, km))} | ${f3(ari(intents, km))} |`);
  for (const threshold of THRESHOLDS) {
    const run = await stream(short, threshold);
    console.log(`| streaming, threshold ${threshold}${threshold === pick.threshold ? ' (picked)' : ''} | ${run.topicCount} | ` +
      `${f3(nmi(intents, run.topics))} | ${f3(ami(intents, run.topics))} | ${f3(ari(intents, run.topics))} |`);
  }
} else {
  console.log(`\n(short-message check skipped: ${BANKING} is absent)`);
}

// Largest topics, their labels, and what they hold.
const sizes = new Map<string, number>();
pick.topics.forEach((t) => sizes.set(t, (sizes.get(t) ?? 0) + 1));
const largest = [...sizes].sort((a, b) => b[1] - a[1]).slice(0, 10).map(([t]) => t);
const views = await describeTopics(pick.store, largest);
console.log('\nlargest topics at the picked threshold (label · messages · most common product / issue):');
for (const v of views) {
  const members = docs.filter((_, i) => pick.topics[i] === v.id);
  const top = (xs: string[]) => {
    const c = new Map<string, number>();
    for (const x of xs) c.set(x, (c.get(x) ?? 0) + 1);
    const [name, n] = [...c].sort((a, b) => b[1] - a[1])[0];
    return `${name.length > 40 ? name.slice(0, 40) + '…' : name} (${Math.round((100 * n) / members.length)}%)`;
  };
  console.log(`  "${v.label}" · ${members.length} · ${top(members.map((m) => m.product))} / ${top(members.map((m) => m.issue))}`);
}

const pickNmi = nmi(product, pick.topics);
const ratio = pickNmi / baseline.product.nmi;
console.log(`RESULT clustering_nmi_product ${f3(pickNmi)} NMI baseline=${f3(baseline.product.nmi)} ratio=${ratio.toFixed(2)}`);
