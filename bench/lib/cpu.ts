import { readdirSync, readFileSync } from 'node:fs';

/**
 * Where the machine's CPU went during a run (Linux /proc): this process (server + load generator), the PostgreSQL
 * processes of our database (plus the server's background processes), and everything else. Other people's work on
 * a shared machine shows up as "other" and makes a run unreliable.
 */
export interface CpuSnap {
  t: number; busy: number; self: number;
  /** ticks of every PostgreSQL process counted (backends of the database + the server's background processes) */
  pg: number;
  /** ticks of the client backends of the database alone (minus `exclude`d ones) */
  pgBackends: number;
}
export const TICK = 100; // USER_HZ on Linux
/**
 * The PostgreSQL server's processes and their CPU ticks: client backends connected to `dbName` (none when it is
 * null), and the server's background processes (checkpointer, WAL writer, …, shared by every database on the server).
 */
export function pgProcesses(dbName: string | null): { pid: number; ticks: number; backend: boolean; rssKb: number }[] {
  const out: { pid: number; ticks: number; backend: boolean; rssKb: number }[] = [];
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (!stat.includes('(postgres)')) continue;
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      const backend = /\d+\.\d+\.\d+\.\d+\(|\[local\]/.test(cmd);
      if (backend && (dbName === null || !cmd.includes(` ${dbName} `))) continue;
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // f[21]: resident pages (4 KB), shared buffers included
      out.push({ pid: Number(pid), ticks: Number(f[11]) + Number(f[12]), backend, rssKb: Number(f[21]) * 4 });
    } catch {}
  }
  return out;
}
/** `exclude`: backend pids not to count (e.g. the connection a bench runs ANALYZE on, as autovacuum would). */
export function cpuSnap(dbName: string | null, exclude: ReadonlySet<number> = new Set()): CpuSnap {
  let busy = 0;
  try {
    const v = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    busy = v[0] + v[1] + v[2] + v[5] + v[6] + v[7];
  } catch {}
  const u = process.cpuUsage();
  const procs = pgProcesses(dbName);
  const pg = procs.reduce((n, p) => n + p.ticks, 0);
  const pgBackends = procs.filter((p) => p.backend && !exclude.has(p.pid)).reduce((n, p) => n + p.ticks, 0);
  return { t: performance.now(), busy, self: (u.user + u.system) / 1e6, pg, pgBackends };
}
