// analyseMessage throughput on one core (issue 5: analyse + cluster must reach 2,000 messages/s):
//   taskset -c 1 node bin/run-ts.mjs bench/analysis-speed.ts [messages] [rounds]
// Messages are built from real sentences when ../shared/data is there (three lingua sentences per
// message, 70% Dutch, 30% English, like a Dutch helpdesk's inbox), else from a few of our own.
// Prints the time per stage, then the whole analysis `rounds` times (default 3): CPU time per
// message (what one core spends, the figure to read on a shared machine), wall-clock rate and the
// share of garbage collection. The RESULT line has the median rate by CPU time against the goal.
import { existsSync, readFileSync } from 'node:fs';
import { PerformanceObserver } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { analyseMessage } from '../src/listening/analyse-message.ts';
import { scoreMessage } from '../src/listening/message-model/score-message.ts';
import { readMessage } from '../src/listening/read-message.ts';
import { angerOf } from '../src/listening/anger.ts';
import { detectIntents } from '../src/listening/intents.ts';
import { scoreLexicon } from '../src/listening/lexicon-score.ts';
import { findMoney } from '../src/listening/money.ts';
import { assessReputationRisk } from '../src/listening/reputation-risk.ts';
import { sentimentOf } from '../src/listening/sentiment.ts';
import { findVulnerability } from '../src/listening/vulnerability.ts';
import { detectLanguage } from '../src/text/detect-language.ts';
import { stem } from '../src/text/stem.ts';
import { words } from '../src/text/tokenise.ts';

const N = Number(process.argv[2] ?? 20_000);
const ROUNDS = Number(process.argv[3] ?? 3);
const GOAL = 2000;
const DATA = fileURLToPath(new URL('../../shared/data/dutch-text/lingua-testdata/sentences/', import.meta.url));

const OWN = [
  'Beste klantenservice, ik heb € 12,50 te veel betaald voor het parkeren. Dit is al de derde keer! Ik wil mijn geld terug.',
  'Goedemorgen, wanneer wordt mijn bestelling bezorgd? Ik heb vorige week besteld en nog niets ontvangen.',
  'Ik wil mijn abonnement opzeggen per 1 juni. Met vriendelijke groet, Anne',
  'Niet geïnteresseerd, bel me niet meer. Haal me van de lijst.',
  'Dit is een SCHANDE!!! Ik stap naar Radar en zet het op Twitter.',
  'Hi, I was charged $12.50 twice for my subscription. Please refund me.',
  'Thanks for the quick help, everything works now!',
  'De app werkt niet sinds de update, ik kan niet inloggen. Kunnen jullie dit oplossen?',
];

function corpus(): { messages: string[]; source: string } {
  const rnd = mulberry32(42);
  if (existsSync(`${DATA}nl.txt`)) {
    const nl = readFileSync(`${DATA}nl.txt`, 'utf8').split('\n').filter(Boolean);
    const en = readFileSync(`${DATA}en.txt`, 'utf8').split('\n').filter(Boolean);
    const messages: string[] = [];
    for (let i = 0; i < 5000; i++) {
      const pool = rnd() < 0.7 ? nl : en;
      const parts = [0, 1, 2].map(() => pool[Math.floor(rnd() * pool.length)]!);
      if (rnd() < 0.5) parts.push(OWN[Math.floor(rnd() * OWN.length)]!);
      messages.push(parts.join(' '));
    }
    return { messages, source: 'lingua sentences (3 per message, 70% nl / 30% en) + half with one of our own complaint lines' };
  }
  return { messages: OWN, source: 'our own 8 example messages (../shared/data absent)' };
}

function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// garbage collection time, from V8's own reports (delivered after the loop, hence the tick)
let gcMs = 0;
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) gcMs += e.duration;
}).observe({ entryTypes: ['gc'] });
const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

interface Timing {
  cpuMicros: number;
  perSecondCpu: number;
  perSecondWall: number;
  gcShare: number;
}

async function time(label: string, messages: string[], fn: (m: string) => unknown): Promise<Timing> {
  for (let i = 0; i < Math.min(2000, N); i++) fn(messages[i % messages.length]!); // warm up
  await tick();
  gcMs = 0;
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  for (let i = 0; i < N; i++) fn(messages[i % messages.length]!);
  const cpu = process.cpuUsage(c0);
  const ms = performance.now() - t0;
  await tick();
  const cpuMs = (cpu.user + cpu.system) / 1000;
  // CPU time is what one core spends; wall time also counts waiting when the machine is busy
  const t: Timing = { cpuMicros: (cpuMs * 1000) / N, perSecondCpu: (N / cpuMs) * 1000, perSecondWall: (N / ms) * 1000, gcShare: gcMs / cpuMs };
  console.log(`| ${label} | ${t.cpuMicros.toFixed(1)} | ${Math.round(t.perSecondCpu).toLocaleString('en')} | ${Math.round(t.perSecondWall).toLocaleString('en')} | ${(100 * t.gcShare).toFixed(1)} % |`);
  return t;
}

const { messages, source } = corpus();
const chars = messages.reduce((s, m) => s + m.length, 0) / messages.length;
console.log(`analyseMessage speed, ${N.toLocaleString('en')} messages, one core. Corpus: ${source}; ${chars.toFixed(0)} characters per message on average.\n`);
console.log('| stage | CPU µs/message | messages/s (CPU time) | messages/s (wall clock) | GC (share of CPU) |');
console.log('|---|---:|---:|---:|---:|');
await time('detectLanguage', messages, (m) => detectLanguage(m));
await time('lexicon pass + sentiment + anger (nl)', messages, (m) => {
  const s = scoreLexicon(m, 'nl');
  return angerOf(s, sentimentOf(s));
});
await time('intents', messages, (m) => detectIntents(m, { sentiment: 0 }));
await time('money', messages, findMoney);
await time('reputation risk', messages, (m) => assessReputationRisk(m));
await time('vulnerability', messages, findVulnerability);
await time('tokenise + stem', messages, (m) => words(m).map((w) => stem(w, 'nl')));
await time('readMessage (language, lexicon, tokens, stems)', messages, (m) => readMessage(m));
await time('readMessage + message model (features, weights)', messages, (m) => {
  const r = readMessage(m);
  return scoreMessage({ folded: r.folded, all: r.all, language: r.language, stems: r.stems, lexicon: r.lexicon, lexiconSentiment: r.lexiconSentiment });
});
await time('analyseMessage, rules alone (model: null)', messages, (m) => analyseMessage(m, { model: null }));
const rounds: Timing[] = [];
for (let r = 1; r <= ROUNDS; r++) rounds.push(await time(`**analyseMessage (all of it)**, round ${r}`, messages, (m) => analyseMessage(m)));
const median = <T,>(xs: T[], key: (x: T) => number) => [...xs].sort((a, b) => key(a) - key(b))[Math.floor(xs.length / 2)]!;
const total = median(rounds, (t) => t.perSecondCpu);
const rss = process.memoryUsage().rss / 2 ** 20;
const load = (await import('node:os')).loadavg()[0]!;
console.log(`\nanalyseMessage, median of ${ROUNDS}: ${Math.round(total.perSecondCpu).toLocaleString('en')} messages/s on one core by CPU time (${total.cpuMicros.toFixed(0)} µs a message), ` +
  `${Math.round(median(rounds, (t) => t.perSecondWall).perSecondWall).toLocaleString('en')} by the wall clock, garbage collection ${(100 * median(rounds, (t) => t.gcShare).gcShare).toFixed(1)} % of CPU time; ` +
  `machine load average ${load.toFixed(1)}; resident memory ${rss.toFixed(0)} MiB (ELD's n-gram table included).`);
console.log(`Budget: at 2,000 messages/s analyse + cluster have 500 µs per message; analysis takes ${total.cpuMicros.toFixed(0)} µs of it.`);
console.log(`RESULT analysis_msgs_per_s ${Math.round(total.perSecondCpu)} msg/s baseline=${GOAL} ratio=${(total.perSecondCpu / GOAL).toFixed(2)}`);
