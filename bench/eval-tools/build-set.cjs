// The builder shared by the blind sets 3, 4 and 5: each set's build.cjs names its directory, its number (the
// prefix of its ids) and its seeds. Deterministic: fixed seeds, no clock; a set rebuilt with it is byte-identical
// to what was frozen (checked when it was extracted: `node build.cjs && git diff --exit-code`).
'use strict';
const fs = require('fs');
const path = require('path');

function mulberry32(seed) {
  let a = seed >>> 0;
  return function () {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
function shuffle(arr, seed) {
  const r = mulberry32(seed);
  const a = arr.slice();
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}
const pad = (n, w) => String(n).padStart(w, '0');
function writer(dir) {
  return function write(file, rows) {
    fs.writeFileSync(path.join(dir, file), rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
    console.log(`${file}: ${rows.length}`);
  };
}
function hash(s) {
  let h = 2166136261;
  for (const c of s) { h ^= c.codePointAt(0); h = Math.imul(h, 16777619) >>> 0; }
  return h;
}


/** Writes the set's .jsonl files in `dir` from `dir/src/*.cjs`. */
module.exports = function buildSet(dir, n, seeds) {
  const src = (f) => require(path.join(dir, 'src', f));
  const write = writer(dir);
  // ---- story-overcharge ----
  const story = src('story.cjs').map((s, i) => ({
    id: `s${n}-` + pad(i + 1, 2),
    from_name: s.from_name,
    from_email: s.from_email,
    subject: s.subject,
    text: s.text,
    minute_offset: s.minute_offset,
    charged_amount_cents: s.charged,
    other_amounts_cents: s.others,
  }));
  write('story-overcharge.jsonl', story);

  // ---- story-background ----
  const domains = ['gmail.com', 'hotmail.com', 'outlook.com', 'ziggo.nl', 'kpnmail.nl', 'telenet.be', 'skynet.be', 'live.nl', 'icloud.com', 'proton.me', 'yahoo.com', 'planet.nl'];
  function emailFor(name) {
    const base = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
      .replace(/[^a-z0-9 ]/g, '').trim().split(/\s+/);
    const h = hash(name);
    const local = h % 3 === 0 ? base.join('.') : h % 3 === 1 ? base[0][0] + base.slice(1).join('') : base.join('') + (h % 90 + 10);
    return local + '@' + domains[h % domains.length];
  }
  const have = (f) => fs.existsSync(path.join(dir, 'src', f));
  const bgRaw = [1, 2, 3, 4].map((n) => `background${n}.cjs`).filter(have).flatMap((f) => src(f));
  const rb = mulberry32(seeds.background);
  // All but the last 22 source entries are spread over the 14 previous days; the last 22 fall on the incident day.
  const BEFORE = bgRaw.length - 22;
  const bg = bgRaw.map((b, i) => {
    let off = b.minute_offset;
    if (off === undefined) {
      if (i < BEFORE) {
        const day = -14 + (i % 14);            // -14 .. -1
        const minute = Math.floor(rb() * 16 * 60); // 07:00 .. 23:00
        off = day * 1440 + minute;
      } else {
        off = Math.floor(rb() * 11 * 60);       // 07:00 .. 18:00 on the incident day
      }
    } else { rb(); }
    return { from_name: b.from_name, from_email: b.from_email || emailFor(b.from_name), subject: b.subject, text: b.text, minute_offset: off, topic_hint: b.topic };
  });
  bg.sort((a, b) => a.minute_offset - b.minute_offset || a.from_name.localeCompare(b.from_name));
  if (bg.length) write('story-background.jsonl', bg.map((b, i) => ({ id: `b${n}-` + pad(i + 1, 3), ...b })));

  // ---- replies ----
  const LABELS = { b: 'blame', c: 'condescension', a: 'apology', t: 'thanks', n: 'no_concrete_action', s: 'sales_pitch', r: 'stock_reply' };
  const repRaw = [1, 2, 3, 4, 5, 6].map((n) => `replies${n}.cjs`).filter((f) => fs.existsSync(path.join(dir, 'src', f))).flatMap((f) => src(f));
  const replies = shuffle(repRaw, seeds.replies).map((r, i) => {
    const row = {
      id: `r${n}-` + pad(i + 1, 3),
      lang: r.lang,
      customer_context: `${r.ctx} | complained about stock replies: ${r.stock ? 'yes' : 'no'} | opted out of marketing: ${r.optout ? 'yes' : 'no'}`,
      text: r.text,
    };
    for (const [k, name] of Object.entries(LABELS)) row[name] = r.l.includes(k);
    return row;
  });
  if (replies.length) write('replies.jsonl', replies);

  // ---- messages ----
  const INTENTS = ['complaint', 'question', 'cancellation', 'refund_request', 'opt_out'];
  const msgRaw = [1, 2, 3, 4, 5].map((n) => `messages${n}.cjs`).filter((f) => fs.existsSync(path.join(dir, 'src', f))).flatMap((f) => src(f));
  const messages = shuffle(msgRaw, seeds.messages).map((m, i) => ({
    id: `m${n}-` + pad(i + 1, 3),
    lang: m.lang,
    text: m.text,
    intents: INTENTS.filter((x) => (m.i || []).includes(x)),
    sentiment: m.s,
    anger: !!m.anger,
    sarcasm: !!m.sarcasm,
    vulnerable: m.v || null,
    vulnerable_sentence: m.v ? m.vs : null,
  }));
  if (messages.length) write('messages.jsonl', messages);

  // ---- promises ----
  const proRaw = [1, 2, 3].map((n) => `promises${n}.cjs`).filter((f) => fs.existsSync(path.join(dir, 'src', f))).flatMap((f) => src(f));
  const promises = shuffle(proRaw, seeds.promises).map((p, i) => ({
    id: `p${n}-` + pad(i + 1, 3),
    lang: p.lang,
    text: p.text,
    promise: p.kind ? { kind: p.kind, when: p.when } : null,
  }));
  if (promises.length) write('promises.jsonl', promises);
};
