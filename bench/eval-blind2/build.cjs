#!/usr/bin/env node
// Builds the blind evaluation set (JSON Lines) from src/*.cjs. Deterministic: fixed-seed PRNG.
// Usage: node build.cjs
'use strict';
const fs = require('fs');
const path = require('path');
const SRC = path.join(__dirname, 'src');
const OUT = __dirname;

function mulberry32(seed) {
  return function () {
    seed |= 0; seed = (seed + 0x6D2B79F5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
function shuffle(arr, seed) {
  const rnd = mulberry32(seed);
  const a = arr.slice();
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}
function hash(s) { // FNV-1a, for per-item deterministic choices
  let h = 0x811c9dc5;
  for (const ch of s) { h ^= ch.codePointAt(0); h = Math.imul(h, 0x01000193) >>> 0; }
  return h >>> 0;
}
const pad = (n, w) => String(n).padStart(w, '0');
function writeJsonl(name, rows) {
  fs.writeFileSync(path.join(OUT, name), rows.map((r) => JSON.stringify(r)).join('\n') + '\n', 'utf8');
  console.log(`${name}: ${rows.length}`);
}
const load = (f) => require(path.join(SRC, f));

// ---------- 1. story ----------
const story = load('story.cjs').map((s, i) => ({
  id: `s2-${pad(i + 1, 2)}`,
  from_name: s.from_name,
  from_email: s.from_email,
  subject: s.subject,
  text: s.text,
  minute_offset: s.minute_offset,
  charged_amount_cents: s.charged,
  other_amounts_cents: s.others,
}));
writeJsonl('story-overcharge.jsonl', story);

// ---------- 2. background ----------
const DOMAINS_NL = ['gmail.com', 'hotmail.com', 'outlook.com', 'ziggo.nl', 'kpnmail.nl', 'live.nl', 'icloud.com', 'xs4all.nl', 'planet.nl', 'home.nl', 'yahoo.com', 'hotmail.nl'];
function slug(s) {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9 ]/g, '').trim();
}
function emailFor(name, key) {
  const h = hash(key);
  const parts = slug(name).split(/\s+/).filter(Boolean);
  const first = parts[0] || 'klant';
  const last = parts.length > 1 ? parts.slice(1).join('') : '';
  const domain = DOMAINS_NL[h % DOMAINS_NL.length];
  const num = 10 + (h >>> 8) % 89;
  let local;
  switch (last ? (h >>> 4) % 5 : 4) {
    case 0: local = `${first}.${last}`; break;
    case 1: local = `${first}${last}`; break;
    case 2: local = `${first[0]}.${last}`; break;
    case 3: local = `${first}.${last}${num}`; break;
    default: local = `${first}${num}`;
  }
  return `${local}@${domain}`;
}
const bgSrc = [...load('background1.cjs'), ...load('background2.cjs'), ...load('background3.cjs')];
const bgRnd = mulberry32(20261207);
const bg = bgSrc.map(([topic, name, subject, text, fixed], i) => {
  let offset;
  if (typeof fixed === 'number') offset = fixed;
  else {
    // spread over the 14 days before the incident day and the incident day itself,
    // between 07:00 and 23:00 (minute 0 = 07:00 on the incident day; incident day up to 18:00)
    const day = -14 + Math.floor(bgRnd() * 15);
    const maxMin = day === 0 ? 660 : 960;
    offset = day * 1440 + Math.floor(bgRnd() * maxMin);
  }
  return { src: i, topic, name, subject, text, offset };
});
bg.sort((a, b) => a.offset - b.offset || a.src - b.src);
writeJsonl('story-background.jsonl', bg.map((b, i) => ({
  id: `b2-${pad(i + 1, 3)}`,
  from_name: b.name,
  from_email: emailFor(b.name, `${b.name}|${b.subject}`),
  subject: b.subject,
  text: b.text,
  minute_offset: b.offset,
  topic_hint: b.topic,
})));

// ---------- 3. replies ----------
const REPLY_FLAGS = { b: 'blame', c: 'condescension', a: 'apology', t: 'thanks', n: 'no_concrete_action', s: 'sales_pitch', r: 'stock_reply' };
let replies = [];
for (let k = 1; k <= 6; k++) {
  const m = load(`replies${k}.cjs`);
  for (const [ctx, stock, optout, text, flags] of m.items) {
    for (const ch of flags) if (!REPLY_FLAGS[ch]) throw new Error(`bad reply flag ${ch}`);
    const row = {
      lang: m.lang,
      customer_context: `${ctx} | complained about stock replies: ${stock ? 'yes' : 'no'} | opted out of marketing: ${optout ? 'yes' : 'no'}`,
      text,
    };
    for (const [ch, label] of Object.entries(REPLY_FLAGS)) row[label] = flags.includes(ch);
    replies.push(row);
  }
}
replies = shuffle(replies, 7001).map((r, i) => ({ id: `r2-${pad(i + 1, 3)}`, ...r }));
writeJsonl('replies.jsonl', replies);

// ---------- 4. messages ----------
const INTENTS = { c: 'complaint', q: 'question', x: 'cancellation', r: 'refund_request', o: 'opt_out' };
const SENT = { neg: 'negative', neu: 'neutral', pos: 'positive' };
let messages = [];
for (let k = 1; k <= 5; k++) {
  const m = load(`messages${k}.cjs`);
  for (const [text, intents, sent, flags, vuln, vsent] of m.items) {
    for (const ch of intents) if (!INTENTS[ch]) throw new Error(`bad intent ${ch}`);
    if (!SENT[sent]) throw new Error(`bad sentiment ${sent}`);
    messages.push({
      lang: m.lang,
      text,
      intents: Object.keys(INTENTS).filter((ch) => intents.includes(ch)).map((ch) => INTENTS[ch]),
      sentiment: SENT[sent],
      anger: flags.includes('A'),
      sarcasm: flags.includes('S'),
      vulnerable: vuln,
      vulnerable_sentence: vsent,
    });
  }
}
messages = shuffle(messages, 7002).map((r, i) => ({ id: `m2-${pad(i + 1, 3)}`, ...r }));
writeJsonl('messages.jsonl', messages);

// ---------- 5. promises ----------
let promises = [];
for (let k = 1; k <= 3; k++) {
  const m = load(`promises${k}.cjs`);
  for (const [text, kind, when] of m.items) {
    promises.push({ lang: m.lang, text, promise: kind ? { kind, when } : null });
  }
}
promises = shuffle(promises, 7003).map((r, i) => ({ id: `p2-${pad(i + 1, 3)}`, ...r }));
writeJsonl('promises.jsonl', promises);
