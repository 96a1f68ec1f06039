/**
 * The soak's browsers: N server-sent-event streams (GET /api/v1/live) split over the server processes, in a process of
 * their own so that reading ~200 copies of every notice does not slow the load generator's clock. Started by
 * bench/soak.ts with IPC: `{ bases, tokens, streams }` in argv[2] as JSON.
 *
 * For every message.created notice it keeps the first and last arrival (epoch ms) and on how many streams it arrived;
 * a stream the server ends (after 30 minutes, as EventSource would) is opened again. On `{ type: 'dump' }` it sends
 * `{ type: 'dump', seen: [messageId, caseId, first, last, n][] }`; on `{ type: 'stats' }` the counts so far.
 */
import http from 'node:http';

const { bases, tokens, streams } = JSON.parse(process.argv[2]) as { bases: string[]; tokens: string[]; streams: number };
const now = () => performance.timeOrigin + performance.now();
const seen = new Map<string, [caseId: string, first: number, last: number, n: number]>();
let notices = 0;
let reconnects = 0;
let failures = 0;
let open = 0;
const events = new Map<string, number>();

function openStream(i: number): Promise<void> {
  const base = new URL(bases[i % bases.length]);
  return new Promise((resolve) => {
    let ready = false;
    const req = http.get({
      host: base.hostname, port: base.port, path: '/api/v1/live', agent: false,
      headers: { accept: 'text/event-stream', authorization: `Bearer ${tokens[i % tokens.length]}` },
    }, (res) => {
      if (res.statusCode !== 200) {
        failures++;
        res.resume();
        setTimeout(() => void openStream(i).then(resolve), 1000);
        return;
      }
      open++;
      res.setEncoding('utf8');
      let buf = '';
      res.on('data', (chunk: string) => {
        buf += chunk;
        let end: number;
        while ((end = buf.indexOf('\n\n')) >= 0) {
          const block = buf.slice(0, end);
          buf = buf.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1] ?? '';
          if (event === 'ready' && !ready) {
            ready = true;
            resolve();
            continue;
          }
          if (!event) continue;
          notices++;
          events.set(event, (events.get(event) ?? 0) + 1);
          if (event !== 'message.created') continue;
          const t = now();
          const data = JSON.parse(block.slice(block.indexOf('data: ') + 6)) as { id?: string; case_id?: string };
          if (!data.id) continue;
          const s = seen.get(data.id);
          if (s) {
            s[2] = t;
            s[3]++;
          } else seen.set(data.id, [data.case_id ?? '', t, t, 1]);
        }
      });
      res.on('end', () => {
        open--;
        if (stopping) return;
        reconnects++;
        void openStream(i); // the server ended it (30 minutes, or it is stopping): open it again
      });
      res.on('error', () => {});
    });
    req.on('error', () => {
      failures++;
      if (!ready && !stopping) setTimeout(() => void openStream(i).then(resolve), 1000);
    });
    active.add(req);
  });
}

let stopping = false;
const active = new Set<http.ClientRequest>();
await Promise.all(Array.from({ length: streams }, (_, i) => openStream(i)));
process.send!({ type: 'ready', open });

process.on('message', (msg: { type: string }) => {
  if (msg.type === 'stats') process.send!({ type: 'stats', open, notices, reconnects, failures, events: Object.fromEntries(events) });
  if (msg.type === 'dump') {
    const out: [string, string, number, number, number][] = [];
    for (const [id, [caseId, first, last, n]] of seen) out.push([id, caseId, first, last, n]);
    process.send!({ type: 'dump', seen: out, open, notices, reconnects, failures, events: Object.fromEntries(events) });
  }
  if (msg.type === 'stop') {
    stopping = true;
    for (const r of active) r.destroy();
    setTimeout(() => process.exit(0), 100);
  }
});
