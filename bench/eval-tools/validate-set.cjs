// Checks every line of a blind set's .jsonl files (eval-blind3, eval-blind4: the same formats, ids s<N>-, b<N>-, …)
// and prints counts per label; exits 1 on error. Each set's validate.cjs calls it with its folder and number.
'use strict';
const fs = require('fs');
const path = require('path');
module.exports = function validateSet(dir, n) {
  let errors = 0;
  const err = (f, n, msg) => { errors++; console.error(`${f}:${n}: ${msg}`); };
  const isStr = (x) => typeof x === 'string' && x.trim().length > 0;
  const isInt = (x) => Number.isInteger(x);
  const isBool = (x) => typeof x === 'boolean';
  function load(file, expected) {
    const p = path.join(dir, file);
    if (!fs.existsSync(p)) { err(file, 0, 'missing'); return []; }
    const lines = fs.readFileSync(p, 'utf8').split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    const rows = [];
    const ids = new Set();
    lines.forEach((l, i) => {
      let o;
      try { o = JSON.parse(l); } catch (e) { err(file, i + 1, 'bad JSON: ' + e.message); return; }
      if (ids.has(o.id)) err(file, i + 1, 'duplicate id ' + o.id);
      ids.add(o.id);
      o.__line = i + 1;
      rows.push(o);
    });
    if (rows.length !== expected) err(file, 0, `expected ${expected} lines, got ${rows.length}`);
    return rows;
  }
  function keys(file, o, want) {
    const k = Object.keys(o).filter((x) => x !== '__line');
    if (k.join(',') !== want.join(',')) err(file, o.__line, `fields ${k.join(',')} != ${want.join(',')}`);
  }
  const count = (rows, f) => rows.reduce((m, r) => { const k = f(r); m[k] = (m[k] || 0) + 1; return m; }, {});
  const fmt = (m) => Object.entries(m).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', ');

  // story-overcharge
  {
    const f = 'story-overcharge.jsonl';
    const rows = load(f, 20);
    for (const o of rows) {
      keys(f, o, ['id', 'from_name', 'from_email', 'subject', 'text', 'minute_offset', 'charged_amount_cents', 'other_amounts_cents']);
      if (!new RegExp(`^s${n}-\\d{2}$`).test(o.id)) err(f, o.__line, 'bad id');
      for (const k of ['from_name', 'from_email', 'subject', 'text']) if (!isStr(o[k])) err(f, o.__line, k);
      if (!/^[^@\s]+@[^@\s]+\.[a-z]+$/.test(o.from_email)) err(f, o.__line, 'email');
      if (!isInt(o.minute_offset) || o.minute_offset < 0 || o.minute_offset > 1020) err(f, o.__line, 'minute_offset');
      if (!isInt(o.charged_amount_cents) || o.charged_amount_cents <= 0) err(f, o.__line, 'charged_amount_cents');
      if (!Array.isArray(o.other_amounts_cents) || !o.other_amounts_cents.every((x) => isInt(x) && x > 0)) err(f, o.__line, 'other_amounts_cents');
    }
    console.log(`story-overcharge: ${rows.length}; offsets ${Math.min(...rows.map((r) => r.minute_offset))}..${Math.max(...rows.map((r) => r.minute_offset))}; charged: ${fmt(count(rows, (r) => r.charged_amount_cents))}`);
  }
  // story-background
  {
    const f = 'story-background.jsonl';
    const rows = load(f, 250);
    let prev = -Infinity;
    for (const o of rows) {
      keys(f, o, ['id', 'from_name', 'from_email', 'subject', 'text', 'minute_offset', 'topic_hint']);
      if (!new RegExp(`^b${n}-\\d{3}$`).test(o.id)) err(f, o.__line, 'bad id');
      for (const k of ['from_name', 'from_email', 'subject', 'text']) if (!isStr(o[k])) err(f, o.__line, k);
      if (!/^[a-z_]+:[a-z_]+$/.test(o.topic_hint || '')) err(f, o.__line, 'topic_hint ' + o.topic_hint);
      if (!isInt(o.minute_offset) || o.minute_offset < -14 * 1440 || o.minute_offset > 660) err(f, o.__line, 'minute_offset');
      if (o.minute_offset < prev) err(f, o.__line, 'not sorted by minute_offset');
      prev = o.minute_offset;
    }
    console.log(`story-background: ${rows.length} (${rows.filter((r) => r.minute_offset < 0).length} before the incident, ${rows.filter((r) => r.minute_offset >= 0).length} on the incident day); ${new Set(rows.map((r) => r.topic_hint.split(':')[0])).size} domains: ${fmt(count(rows, (r) => r.topic_hint.split(':')[0]))}`);
  }
  // replies
  {
    const f = 'replies.jsonl';
    const L = ['blame', 'condescension', 'apology', 'thanks', 'no_concrete_action', 'sales_pitch', 'stock_reply'];
    const rows = load(f, 180);
    for (const o of rows) {
      keys(f, o, ['id', 'lang', 'customer_context', 'text', ...L]);
      if (!new RegExp(`^r${n}-\\d{3}$`).test(o.id)) err(f, o.__line, 'bad id');
      if (!['nl', 'en'].includes(o.lang)) err(f, o.__line, 'lang');
      if (!isStr(o.text)) err(f, o.__line, 'text');
      if (!/^.+ \| complained about stock replies: (yes|no) \| opted out of marketing: (yes|no)$/s.test(o.customer_context || '')) err(f, o.__line, 'customer_context');
      for (const k of L) if (!isBool(o[k])) err(f, o.__line, k);
    }
    const by = count(rows, (r) => r.lang);
    console.log(`replies: ${rows.length} (nl ${by.nl || 0}, en ${by.en || 0})`);
    for (const k of L) {
      const p = rows.filter((r) => r[k]);
      console.log(`  ${k}: ${p.length} (nl ${p.filter((r) => r.lang === 'nl').length} / en ${p.filter((r) => r.lang === 'en').length})`);
    }
    const sp = rows.filter((r) => r.sales_pitch && /opted out of marketing: yes/.test(r.customer_context)).length;
    const sr = rows.filter((r) => r.stock_reply && /complained about stock replies: yes/.test(r.customer_context)).length;
    console.log(`  sales_pitch to opted-out: ${sp}; stock_reply to stock complainers: ${sr}; no label: ${rows.filter((r) => L.every((k) => !r[k])).length}`);
    if (by.nl !== 130 || by.en !== 50) err(f, 0, 'language split must be 130 nl / 50 en');
  }
  // messages
  {
    const f = 'messages.jsonl';
    const INT = ['complaint', 'question', 'cancellation', 'refund_request', 'opt_out'];
    const VUL = ['health', 'disability', 'age', 'bereavement', 'money_trouble', 'panic'];
    const rows = load(f, 160);
    for (const o of rows) {
      keys(f, o, ['id', 'lang', 'text', 'intents', 'sentiment', 'anger', 'sarcasm', 'vulnerable', 'vulnerable_sentence']);
      if (!new RegExp(`^m${n}-\\d{3}$`).test(o.id)) err(f, o.__line, 'bad id');
      if (!['nl', 'en'].includes(o.lang)) err(f, o.__line, 'lang');
      if (!isStr(o.text)) err(f, o.__line, 'text');
      if (!Array.isArray(o.intents) || !o.intents.every((x) => INT.includes(x))) err(f, o.__line, 'intents');
      else if (o.intents.join() !== INT.filter((x) => o.intents.includes(x)).join()) err(f, o.__line, 'intents order/duplicates');
      if (!['negative', 'neutral', 'positive'].includes(o.sentiment)) err(f, o.__line, 'sentiment');
      if (!isBool(o.anger) || !isBool(o.sarcasm)) err(f, o.__line, 'anger/sarcasm');
      if (o.anger && o.sarcasm) err(f, o.__line, 'sarcastic and angry');
      if (o.vulnerable === null) { if (o.vulnerable_sentence !== null) err(f, o.__line, 'vulnerable_sentence without vulnerable'); }
      else if (!VUL.includes(o.vulnerable)) err(f, o.__line, 'vulnerable kind');
      else if (!isStr(o.vulnerable_sentence) || o.text.split(o.vulnerable_sentence).length !== 2) err(f, o.__line, 'vulnerable_sentence must occur exactly once in text');
    }
    const by = count(rows, (r) => r.lang);
    console.log(`messages: ${rows.length} (nl ${by.nl || 0}, en ${by.en || 0})`);
    const ic = {};
    for (const r of rows) { if (!r.intents.length) ic.none = (ic.none || 0) + 1; for (const i of r.intents) ic[i] = (ic[i] || 0) + 1; }
    console.log(`  intents: ${fmt(ic)}`);
    console.log(`  sentiment: ${fmt(count(rows, (r) => r.sentiment))}`);
    console.log(`  anger ${rows.filter((r) => r.anger).length}, sarcasm ${rows.filter((r) => r.sarcasm).length}`);
    const v = rows.filter((r) => r.vulnerable);
    console.log(`  vulnerable ${v.length} (nl ${v.filter((r) => r.lang === 'nl').length}, en ${v.filter((r) => r.lang === 'en').length}): ${fmt(count(v, (r) => r.vulnerable))}; null ${rows.length - v.length}`);
    console.log(`  flat complaints: ${rows.filter((r) => r.intents.includes('complaint') && r.sentiment === 'negative' && !r.anger && !r.sarcasm && !r.vulnerable).length}`);
    if (by.nl !== 120 || by.en !== 40) err(f, 0, 'language split must be 120 nl / 40 en');
  }
  // promises
  {
    const f = 'promises.jsonl';
    const KINDS = ['callback', 'refund_by', 'update_by', 'fix_by', 'delivery_by', 'appointment_window', 'reply_by', 'other'];
    const rows = load(f, 100);
    for (const o of rows) {
      keys(f, o, ['id', 'lang', 'text', 'promise']);
      if (!new RegExp(`^p${n}-\\d{3}$`).test(o.id)) err(f, o.__line, 'bad id');
      if (!['nl', 'en'].includes(o.lang)) err(f, o.__line, 'lang');
      if (!isStr(o.text)) err(f, o.__line, 'text');
      if (o.promise !== null) {
        if (typeof o.promise !== 'object' || Object.keys(o.promise).join() !== 'kind,when') err(f, o.__line, 'promise fields');
        else {
          if (!KINDS.includes(o.promise.kind)) err(f, o.__line, 'kind ' + o.promise.kind);
          if (!isStr(o.promise.when) || !o.text.includes(o.promise.when)) err(f, o.__line, 'when must be a substring of text: ' + o.promise.when);
        }
      }
    }
    const by = count(rows, (r) => r.lang);
    const p = rows.filter((r) => r.promise);
    console.log(`promises: ${rows.length} (nl ${by.nl || 0}, en ${by.en || 0}); promises ${p.length} (nl ${p.filter((r) => r.lang === 'nl').length}, en ${p.filter((r) => r.lang === 'en').length}); null ${rows.length - p.length}`);
    console.log(`  kinds: ${fmt(count(p, (r) => r.promise.kind))}`);
    if (by.nl !== 75 || by.en !== 25) err(f, 0, 'language split must be 75 nl / 25 en');
  }
  if (errors) { console.error(`${errors} error(s)`); process.exit(1); }
  console.log('OK');
};
