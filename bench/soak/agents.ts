/**
 * The soak's agents: each reads the inbox, opens a case, answers it about half the time and searches now and then,
 * through the API of one of the server processes, with a think time between requests. Every request's latency is
 * kept with its route class and its time, so the soak can report p95 per class and phase.
 */
import http from 'node:http';
import { rng } from '../lib/random.ts';

export type RouteClass = 'inbox' | 'case' | 'reply' | 'search' | 'intake';
export interface ApiSample { cls: RouteClass; at: number; ms: number; status: number }

const SEARCH_WORDS = ['parkeren', 'pakket', 'factuur', 'abonnement', 'terugbetaling', 'afgeschreven', 'refund', 'parcel', 'invoice',
  'subscription', 'naheffing', 'opzeggen', 'bezorgd', 'charged twice', 'creditnota', 'cancel'];
const REPLIES = {
  nl: ['Beste klant,\n\nDank voor uw bericht, en excuses voor het ongemak. Ik heb uw vraag doorgezet naar onze financiële afdeling; u hoort binnen twee werkdagen van ons.\n\nMet vriendelijke groet,\nKlantenservice',
    'Hallo,\n\nBedankt voor uw geduld. Ik heb het nagekeken en het bedrag wordt deze week teruggestort op uw rekening. Sorry voor de moeite.\n\nGroet,\nKlantenservice'],
  en: ['Dear customer,\n\nThank you for your message, and sorry for the trouble. I have passed your question on to our billing team; you will hear from us within two working days.\n\nKind regards,\nCustomer Service',
    'Hello,\n\nThanks for your patience. I have checked it and the amount will be refunded to your account this week. Sorry for the inconvenience.\n\nBest regards,\nCustomer Service'],
};

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
const epoch = () => performance.timeOrigin + performance.now();

/** One API request; resolves with the status and parsed JSON (null when none). Never rejects: status 0 is a network error. */
export function request(base: string, token: string, method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown; ms: number; error?: string }> {
  const u = new URL(path, base);
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  const t0 = performance.now();
  return new Promise((resolve) => {
    const req = http.request({
      host: u.hostname, port: u.port, path: u.pathname + u.search, method, agent,
      headers: { authorization: `Bearer ${token}`, ...(payload ? { 'content-type': 'application/json', 'content-length': payload.length } : {}) },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        let json: unknown = null;
        try {
          json = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {}
        resolve({ status: res.statusCode ?? 0, json, ms: performance.now() - t0 });
      });
    });
    req.on('error', (err) => resolve({ status: 0, json: null, ms: performance.now() - t0, error: err.message }));
    if (payload) req.write(payload);
    req.end();
  });
}

export interface AgentsOptions {
  bases: string[];
  tokens: string[];
  /** mean think time between two requests of one agent */
  thinkMs: number;
  samples: ApiSample[];
  /** non-2xx answers (or network errors), with what was asked */
  errors: string[];
}

/** Starts the agents; the returned function stops them and waits for their last requests. */
export function startAgents(o: AgentsOptions): () => Promise<void> {
  let stopped = false;
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const run = async (i: number) => {
    const r = rng(1000 + i);
    const base = o.bases[i % o.bases.length];
    const token = o.tokens[i];
    const think = () => sleep(o.thinkMs * (0.5 + r()));
    const call = async (cls: RouteClass, method: string, path: string, body?: unknown) => {
      const at = epoch();
      const res = await request(base, token, method, path, body);
      o.samples.push({ cls, at, ms: res.ms, status: res.status });
      if (res.status < 200 || res.status >= 300) o.errors.push(`agent ${i}: ${method} ${path} -> ${res.status} ${res.error ?? JSON.stringify(res.json)?.slice(0, 300)}`);
      return res;
    };
    await sleep(o.thinkMs * r()); // not all at once
    while (!stopped) {
      const list = await call('inbox', 'GET', `/api/v1/cases?status=new,open&limit=25`);
      const cases = ((list.json as { data?: { id: string; language?: string | null }[] } | null)?.data ?? []);
      await think();
      if (stopped) break;
      if (cases.length) {
        const c = cases[Math.floor(r() * cases.length)];
        await call('case', 'GET', `/api/v1/cases/${c.id}`);
        await think();
        if (stopped) break;
        if (r() < 0.5) {
          const lang = c.language === 'en' ? 'en' : 'nl';
          await call('reply', 'POST', `/api/v1/cases/${c.id}/messages`, { body: REPLIES[lang][Math.floor(r() * 2)] });
          await think();
        }
      }
      if (!stopped && r() < 0.4) {
        await call('search', 'GET', `/api/v1/search?q=${encodeURIComponent(SEARCH_WORDS[Math.floor(r() * SEARCH_WORDS.length)])}&limit=20`);
        await think();
      }
    }
  };
  const all = Promise.all(o.tokens.map((_, i) => run(i)));
  return async () => {
    stopped = true;
    await all;
  };
}
