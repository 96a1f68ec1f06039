// analyseMessage throughput on one core (issue 5: analyse + cluster must reach 2,000 messages/s):
//   node bin/run-ts.mjs bench/analysis-speed.ts [messages]
// Messages are built from real sentences when ../shared/data is there (three lingua sentences per
// message, 70% Dutch, 30% English, like a Dutch helpdesk's inbox), else from a few of our own.
// Prints messages/s for the whole analysis and the time per stage.
import { existsSync, readFileSync } from 'node:fs';
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
import { detectLanguage } from '../src/text/detect-language.ts';
import { stem } from '../src/text/stem.ts';
import { words } from '../src/text/tokenise.ts';

const N = Number(process.argv[2] ?? 20_000);
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

function time(label: string, messages: string[], fn: (m: string) => unknown): number {
  for (let i = 0; i < Math.min(2000, N); i++) fn(messages[i % messages.length]!); // warm up
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  for (let i = 0; i < N; i++) fn(messages[i % messages.length]!);
  const cpu = process.cpuUsage(c0);
  const ms = performance.now() - t0;
  const cpuMs = (cpu.user + cpu.system) / 1000;
  // CPU time is what one core spends; wall time also counts waiting when the machine is busy
  const perSecond = (N / cpuMs) * 1000;
  console.log(`| ${label} | ${((cpuMs * 1000) / N).toFixed(1)} | ${Math.round(perSecond).toLocaleString('en')} | ${Math.round((N / ms) * 1000).toLocaleString('en')} |`);
  return perSecond;
}

const { messages, source } = corpus();
const chars = messages.reduce((s, m) => s + m.length, 0) / messages.length;
console.log(`analyseMessage speed, ${N.toLocaleString('en')} messages, one core. Corpus: ${source}; ${chars.toFixed(0)} characters per message on average.\n`);
console.log('| stage | CPU µs/message | messages/s (CPU time) | messages/s (wall clock) |');
console.log('|---|---:|---:|---:|');
time('detectLanguage', messages, detectLanguage);
time('lexicon pass + sentiment + anger (nl)', messages, (m) => {
  const s = scoreLexicon(m, 'nl');
  return angerOf(s, sentimentOf(s));
});
time('intents', messages, (m) => detectIntents(m, { sentiment: 0 }));
time('money', messages, findMoney);
time('reputation risk', messages, assessReputationRisk);
time('tokenise + stem', messages, (m) => words(m).map((w) => stem(w, 'nl')));
time('readMessage (language, lexicon, tokens, stems)', messages, (m) => readMessage(m));
time('readMessage + message model (features, weights)', messages, (m) => {
  const r = readMessage(m);
  return scoreMessage({ folded: r.folded, all: r.all, language: r.language, stems: r.stems, lexicon: r.lexicon, lexiconSentiment: r.lexiconSentiment });
});
const total = time('**analyseMessage (all of it)**', messages, (m) => analyseMessage(m));
const rss = process.memoryUsage().rss / 2 ** 20;
const load = (await import('node:os')).loadavg()[0]!;
console.log(`\nanalyseMessage: ${Math.round(total).toLocaleString('en')} messages/s on one core (CPU time; machine load average ${load.toFixed(1)}); resident memory ${rss.toFixed(0)} MiB (ELD's n-gram table included).`);
console.log(`Budget: at 2,000 messages/s analyse + cluster have 500 µs per message; analysis takes ${(1e6 / total).toFixed(0)} µs of it.`);
