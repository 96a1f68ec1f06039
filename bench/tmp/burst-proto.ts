// prototype: bursty terms grouped by co-occurrence, on the dev stories (not committed)
import { readFileSync } from 'node:fs';
import { analyseMessage } from '../../src/listening/analyse-message.ts';
import { clusterTerms, isComplaintLike } from '../../src/listening/listen-to-message.ts';

const dir = 'bench/eval-dev/';
const read = (f: string) => readFileSync(dir + f, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const W = Number(process.env.W ?? 24) * 3600_000;
const P = Number(process.env.P ?? 1e-4);
const MINOBS = Number(process.env.MINOBS ?? 3);
const MINC = 5;
const STOP = new Set(['niet','vandag','vanocht','vanoc~','gister','vanmiddag','vanavond','morgen','todai','yesterdai','morn','tonight','vanmid~','vanav~','gisteravond','giste~','vorig','wek','week','dag','maand','jar','month','year','dai','nu','net','allebei','alleb~']);
type M = { id: string; at: number; cust: string; terms: Set<string>; story: string | null; weight: number };
function pois(k: number, lam: number) { // P(X>=k)
  let p = Math.exp(-lam), c = p; for (let i = 1; i < k; i++) { p *= lam / i; c += p; } return Math.max(0, 1 - c);
}
const bg = read('background.jsonl');
const stories = read('stories.jsonl');
let totalFalse = 0;
for (const st of (process.env.STORIES ?? 'abcd').split('')) {
  const mails = [...bg.map((m: any) => ({ m, story: null })), ...stories.filter((s: any) => s.story === st).map((m: any) => ({ m, story: st }))]
    .sort((a: any, b: any) => a.m.minute_offset - b.m.minute_offset);
  const all: M[] = [];
  const df = new Map<string, number>();
  let storyN = 0, first: number | null = null; const falseG: string[] = []; const fired = new Set<string>();
  let groupAtEnd = new Set<string>(); let problem: Set<string> | null = null;
  for (const { m, story } of mails) {
    const at = m.minute_offset * 60_000;
    const a = analyseMessage(m.text); const s = analyseMessage(m.subject, { language: a.language === 'other' ? null : a.language });
    const names = new Set(String(m.from_name).toLowerCase().split(/\s+/).flatMap((w: string) => [w, w.slice(0, 5) + '~', w.replace(/e$/, '')]));
    const terms = new Set(clusterTerms([...s.stems, ...a.stems]).filter((t) => !(process.env.CLEAN && (STOP.has(t) || names.has(t)))));
    const msg: M = { id: m.id, at, cust: m.from_email, terms, story, weight: isComplaintLike(a) || a.anger >= 0.5 ? 1 : 0.3 };
    if (story) storyN++;
    const win = all.filter((x) => x.at > at - W); win.push(msg);
    const hist = all.filter((x) => x.at <= at - W);
    // burstiness of each term in window vs history
    const bursty = new Map<string, number>();
    const candidates = new Set<string>(); for (const x of win) for (const t of x.terms) candidates.add(t);
    const histDocs = hist.length;
    for (const t of candidates) {
      const custs = new Set(win.filter((x) => x.terms.has(t)).map((x) => x.cust));
      const obs = custs.size; if (obs < MINOBS) continue;
      const hdf = hist.filter((x) => x.terms.has(t)).length;
      const rate = (hdf + 0.5) / (histDocs + 10);
      if (rate > Number(process.env.MAXRATE ?? 1)) continue;
      const lam = rate * win.length;
      const p = pois(obs, lam);
      if (p < P) bursty.set(t, p);
    }
    // group: messages in window sharing >= 1 bursty term with msg, expanded once via co-bursting terms
    const mine = [...msg.terms].filter((t) => bursty.has(t));
    all.push(msg);
    if (!mine.length) continue;
    if (process.env.EXPAND) {
      const co = new Map<string, number>();
      for (const x of win) if (mine.some((t) => x.terms.has(t))) for (const t of x.terms) if (bursty.has(t) && !mine.includes(t)) co.set(t, (co.get(t) ?? 0) + 1);
      for (const [t, n] of co) if (n >= Number(process.env.EXPAND)) mine.push(t);
    }
    const group = win.filter((x) => mine.some((t) => x.terms.has(t)));
    if (process.env.V === '2' && story) console.log('  ', storyN, m.id, 'mine', mine.join(' '), 'group', group.length, new Set(group.map((x) => x.cust)).size, 'bursty', [...bursty.keys()].join(' '));
    const custW = new Map<string, number>(); for (const x of group) custW.set(x.cust, Math.max(custW.get(x.cust) ?? 0, x.weight));
    const w = [...custW.values()].reduce((a, b) => a + b, 0);
    if (problem) {
      const on = group.filter((x) => problem!.has(x.id)).length;
      if (on >= Number(process.env.JOIN ?? 2) && msg !== undefined) { problem.add(msg.id); continue; }
    }
    if (custW.size >= MINC && w >= Number(process.env.MINW ?? MINC - 1)) {
      if (!problem && group.filter((x) => x.story).length >= group.length / 2) problem = new Set(group.map((x) => x.id));
      const storyShare = group.filter((x) => x.story).length;
      const key = mine.sort().join(',');
      if (storyShare >= group.length / 2) { if (first === null) first = storyN; groupAtEnd = new Set([...groupAtEnd, ...group.filter((x) => x.story).map((x) => x.id)]); }
      else if (!fired.has(key)) { fired.add(key); falseG.push(`${(at / 86400000).toFixed(1)}d [${mine.join(' ')}] ${group.length}`); }
    }
  }
  totalFalse += falseG.length;
  const onP = problem ? [...problem].filter((id) => id.startsWith('st-')).length : 0;
  console.log(`story ${st}: first at customer ${first}, story msgs in groups ${groupAtEnd.size}/20, on problem ${onP} (+${problem ? problem.size - onP : 0} bg), false groups ${falseG.length}`);
  if (process.env.V) for (const f of falseG.slice(0, 15)) console.log('   ', f);
}
console.log('total false', totalFalse);
