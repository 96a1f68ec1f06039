import type { LiveNotice } from '../src/live/notice.ts';

/** A real server-sent-events connection, read as the browser's EventSource would, for the tests. */
export interface LiveStream {
  /** waits for the first notice (from now or already received) that matches */
  next(match: (n: LiveNotice) => boolean, ms?: number): Promise<LiveNotice>;
  /** every notice received so far */
  readonly seen: LiveNotice[];
  /** resolves true when the server ends the stream within `ms`, false when it is still open then */
  endsWithin(ms: number): Promise<boolean>;
  close(): void;
}

export async function openLiveStream(base: string, headers: Record<string, string>): Promise<LiveStream> {
  const ac = new AbortController();
  const res = await fetch(`${base}/api/v1/live`, { headers: { accept: 'text/event-stream', ...headers }, signal: ac.signal });
  if (res.status !== 200) throw new Error(`live stream: HTTP ${res.status} ${await res.text()}`);
  const seen: LiveNotice[] = [];
  const waiters = new Set<() => void>();
  let ready!: () => void;
  let opened = false;
  const isReady = new Promise<void>((r) => (ready = r));
  let serverEnded!: () => void;
  const ended = new Promise<void>((r) => (serverEnded = r));
  void (async () => {
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buf = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) {
          serverEnded();
          break;
        }
        buf += value;
        let end: number;
        while ((end = buf.indexOf('\n\n')) >= 0) {
          const block = buf.slice(0, end);
          buf = buf.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          // the first `ready` opens the stream; a later one (the server's database connection came back) is a notice
          if (event === 'ready' && !opened) {
            opened = true;
            ready();
          } else if (event && data) {
            seen.push(JSON.parse(data) as LiveNotice);
            for (const w of waiters) w();
          }
        }
      }
    } catch {
      // aborted
    }
  })();
  await isReady;
  return {
    seen,
    next(match, ms = 5000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const hit = seen.find(match);
          if (!hit) return false;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(hit);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching live notice within ${ms} ms; seen: ${seen.map((n) => n.event).join(', ') || 'none'}`));
        }, ms);
        if (!check()) waiters.add(check);
      });
    },
    endsWithin: (ms) => Promise.race([ended.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms))]),
    close: () => ac.abort(),
  };
}
