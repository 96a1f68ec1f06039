/**
 * Listening throughput and memory (issue 5): `node bin/run-ts.mjs bench/listening.ts`
 * (one core: `taskset -c 0 node bin/run-ts.mjs bench/listening.ts`)
 *
 * BENCH_MESSAGES (default 1,000,000) synthetic customer messages go one at a time through the product's listening
 * pipeline (src/listening/listen-to-message.ts, with the in-memory store instead of PostgreSQL): analyseMessage (no
 * language given, so language detection runs too) → clusterMessage(store, {terms: clusterTerms(stems), surfaces, at},
 * TOPIC_OPTIONS) → runUpkeep inline whenever it is due → isComplaintLike. Messages are generated in batches of 1,000
 * and the generation is timed apart: msg/s is analysis + clustering alone.
 *
 * Texts: Dutch (60%) and English (40%) complaints and questions from templates of this file, 200–400 characters,
 * with random products, 500 made-up shops and services (popular ones more often), amounts, dates, times, order
 * numbers, and in 30% of messages a never-seen pseudo-word (a street,
 * a name, a typo) so the vocabulary grows without end, as it does in real mail.
 * Resident memory (process.memoryUsage().rss) and heap are read after a full GC at every 100,000 messages, with the
 * store's counts. Env: BENCH_MESSAGES (1000000), BENCH_ONE_OFF (0.3: share of messages with a never-seen word). Prints figures and one `RESULT` line; never asserts.
 */
import { cpus, loadavg } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { analyseMessage } from '../src/listening/analyse-message.ts';
import { clusterTerms, isComplaintLike, TOPIC_OPTIONS } from '../src/listening/listen-to-message.ts';
import { clusterMessage } from '../src/listening/clustering/cluster-message.ts';
import { MemoryClusterStore } from '../src/listening/clustering/memory-store.ts';
import { runUpkeep } from '../src/listening/clustering/run-upkeep.ts';

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 1_000_000);
const BATCH = 1_000;
const CHECKPOINT = 100_000;
const ONE_OFF = Number(process.env.BENCH_ONE_OFF ?? 0.3);

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

// ---------------------------------------------------------------------------------------------- generator

let seed = 0x5eed;
function rnd(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)];
const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));

const SYL = 'ba be bo de di do ka ke ko la le lo ma me mi na ne no pa pe ra re ri sa se so ta te to va ve wa we za zo'.split(' ');
const oneOff = () => {
  let w = '';
  for (let i = int(3, 5); i > 0; i--) w += pick(SYL);
  return w;
};

/** 500 made-up shops and services, popular ones more often (rank ~ u²): the topic structure of the stream. */
const BRANDS = Array.from({ length: 500 }, (_, i) => {
  let w = '';
  for (let n = i + 37; n > 0; n = Math.floor(n / SYL.length)) w += SYL[n % SYL.length];
  return w + pick(['x', 'net', 'pay', 'go', 'mart', 'tel', 'park', 'shop']);
});
const brand = () => BRANDS[Math.floor(BRANDS.length * rnd() ** 2)];

const NL = {
  product: ['parkeerapp', 'abonnement', 'factuur', 'pakket', 'bezorging', 'energierekening', 'telefoonabonnement', 'internetverbinding', 'verzekering', 'retourzending', 'laadpas', 'parkeersessie', 'webshop', 'klantenkaart', 'treinkaartje', 'zorgpolis'],
  problem: ['te veel in rekening gebracht', 'dubbel afgeschreven', 'nooit geleverd', 'kapot aangekomen', 'zonder reden opgezegd', 'al weken niet bereikbaar', 'verkeerd berekend', 'niet terugbetaald', 'automatisch verlengd', 'plotseling duurder geworden'],
  feeling: ['Ik ben er echt klaar mee.', 'Dit is de derde keer al!', 'Heel vervelend.', 'Belachelijk gewoon.', 'Ik snap er niets van.', 'Graag snel een reactie.', 'Niemand neemt de telefoon op.', 'Ik overweeg naar de Consumentenbond te stappen.'],
  ask: ['Ik wil mijn geld terug.', 'Kunnen jullie dit terugstorten?', 'Ik wil mijn abonnement opzeggen.', 'Hoe kan ik dit oplossen?', 'Wanneer krijg ik een antwoord?', 'Graag een terugbetaling.', 'Kunt u mij terugbellen?'],
  day: ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag', 'gisteren', 'vorige week'],
  city: ['Amsterdam', 'Utrecht', 'Rotterdam', 'Den Haag', 'Eindhoven', 'Groningen', 'Zwolle', 'Haarlem', 'Breda', 'Nijmegen'],
};
const EN = {
  product: ['parking app', 'subscription', 'invoice', 'parcel', 'delivery', 'energy bill', 'phone contract', 'broadband', 'insurance policy', 'return', 'charging card', 'parking session', 'online order', 'loyalty card', 'train ticket', 'credit card'],
  problem: ['overcharged me', 'charged twice', 'never arrived', 'arrived broken', 'was cancelled without notice', 'has been down for weeks', 'was calculated wrongly', 'was never refunded', 'renewed automatically', 'suddenly became more expensive'],
  feeling: ['I am really fed up.', 'This is the third time!', 'Very annoying.', 'Absolutely ridiculous.', 'I do not understand this at all.', 'Please respond quickly.', 'Nobody answers the phone.', 'I am considering going to the ombudsman.'],
  ask: ['I want my money back.', 'Can you refund this?', 'I want to cancel my subscription.', 'How can I fix this?', 'When will I get an answer?', 'Please issue a refund.', 'Could you call me back?'],
  day: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'yesterday', 'last week'],
  city: ['London', 'Manchester', 'Leeds', 'Bristol', 'Glasgow', 'Dublin', 'Cardiff', 'York', 'Bath', 'Brighton'],
};
const euros = () => `€ ${int(1, 300)},${String(int(0, 99)).padStart(2, '0')}`;
const pounds = () => `£${int(1, 300)}.${String(int(0, 99)).padStart(2, '0')}`;
const time = () => `${int(6, 23)}:${String(int(0, 59)).padStart(2, '0')}`;

function dutch(): string {
  const p = pick(NL.product);
  const parts = [
    pick(['Beste klantenservice,', 'Hallo,', 'Goedemiddag,', 'Geachte heer/mevrouw,']),
    `Mijn ${p} bij ${brand()} is ${pick(NL.problem)}.`,
    `Op ${pick(NL.day)} om ${time()} in ${pick(NL.city)} zag ik dat er ${euros()} was afgeschreven in plaats van ${euros()}.`,
    pick(NL.feeling),
    rnd() < 0.5 ? `Mijn klantnummer is ${int(100000, 999999)} en het ordernummer ${int(1e6, 9e6)}.` : `Het gaat om de ${p} van ${pick(NL.day)}.`,
    rnd() < ONE_OFF ? `Ik woon aan de ${oneOff()}straat.` : '',
    pick(NL.ask),
    pick(['Met vriendelijke groet,', 'Groeten,', 'Mvg,']),
    pick(['Jan', 'Fatima', 'Sanne', 'Mohamed', 'Pieter', 'Eva', 'Daan', 'Lotte']),
  ];
  return parts.filter(Boolean).join(' ');
}

function english(): string {
  const p = pick(EN.product);
  const parts = [
    pick(['Dear customer service,', 'Hello,', 'Hi there,', 'To whom it may concern,']),
    `My ${p} with ${brand()} ${pick(EN.problem)}.`,
    `On ${pick(EN.day)} at ${time()} in ${pick(EN.city)} I noticed ${pounds()} was taken instead of ${pounds()}.`,
    pick(EN.feeling),
    rnd() < 0.5 ? `My customer number is ${int(100000, 999999)} and the order number ${int(1e6, 9e6)}.` : `This is about the ${p} from ${pick(EN.day)}.`,
    rnd() < ONE_OFF ? `I live on ${oneOff()} Road.` : '',
    pick(EN.ask),
    pick(['Kind regards,', 'Best,', 'Thanks,']),
    pick(['John', 'Aisha', 'Emma', 'Oliver', 'Priya', 'Liam', 'Sophie', 'Noah']),
  ];
  return parts.filter(Boolean).join(' ');
}

// ---------------------------------------------------------------------------------------------- run

const store = new MemoryClusterStore();
const start = Date.UTC(2026, 0, 1);
let genMs = 0;
let workMs = 0;
let chars = 0;
let complaintLike = 0;
let nl = 0;
let sinceUpkeep = 0;
let lastCheckpointWork = 0;
let lastCheckpointDone = 0;
const rows: string[] = [];

console.log(`listening bench: ${MESSAGES.toLocaleString('en')} messages, node ${process.version}, ${cpus().length} cpus, load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
const texts: string[] = new Array(BATCH);
for (let done = 0; done < MESSAGES; ) {
  const n = Math.min(BATCH, MESSAGES - done);
  let t = performance.now();
  for (let i = 0; i < n; i++) {
    texts[i] = rnd() < 0.6 ? dutch() : english();
    chars += texts[i].length;
  }
  genMs += performance.now() - t;

  t = performance.now();
  for (let i = 0; i < n; i++) {
    const a = analyseMessage(texts[i]);
    if (a.language === 'nl') nl++;
    const terms = clusterTerms(a.stems);
    const surfaces = [...a.tokens, ...a.tokens.filter((_, j) => a.stems[j].length >= 8)];
    const r = await clusterMessage(store, { terms, surfaces, at: start + (done + i) * 30_000 }, TOPIC_OPTIONS);
    sinceUpkeep++;
    if (r.upkeepDue) {
      await runUpkeep(store, TOPIC_OPTIONS, sinceUpkeep);
      sinceUpkeep = 0;
    }
    if (isComplaintLike(a)) complaintLike++;
  }
  workMs += performance.now() - t;
  done += n;

  if (done % CHECKPOINT === 0 || done === MESSAGES) {
    gc();
    const mem = process.memoryUsage();
    const c = store.counts();
    const rate = ((done - lastCheckpointDone) / (workMs - lastCheckpointWork)) * 1000;
    lastCheckpointWork = workMs;
    lastCheckpointDone = done;
    const line =
      `${(done / 1000).toFixed(0).padStart(5)}k  ${rate.toFixed(0).padStart(6)} msg/s (since last)  ` +
      `rss ${(mem.rss / 2 ** 20).toFixed(0).padStart(5)} MB  heap ${(mem.heapUsed / 2 ** 20).toFixed(0).padStart(5)} MB  ` +
      `terms ${c.terms}  topics ${c.topics}  postings ${c.postings}`;
    console.log(line);
    rows.push(line);
  }
}

const perS = (MESSAGES / workMs) * 1000;
console.log('');
console.log(`analysis + clustering: ${perS.toFixed(0)} msg/s overall (${(workMs / 1000).toFixed(1)} s); generation apart: ${(genMs / 1000).toFixed(1)} s`);
console.log(`mean text ${(chars / MESSAGES).toFixed(0)} chars; detected Dutch ${((nl / MESSAGES) * 100).toFixed(1)}% (generated 60%); complaint-like ${((complaintLike / MESSAGES) * 100).toFixed(1)}%`);
console.log(`RESULT listening_msgs_per_s ${perS.toFixed(0)} msg/s baseline=2000 ratio=${(perS / 2000).toFixed(2)}`);
