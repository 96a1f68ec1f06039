import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, appendFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

/**
 * A primary and a hot standby of their own for the replica tests: two PostgreSQL clusters made
 * with the server's own tools (initdb, pg_ctl, pg_basebackup -R) in a temporary folder, on free
 * ports of 127.0.0.1 — nothing is registered under /etc/postgresql and no running cluster is
 * touched, so the tests can run beside everyone else's. As root the clusters run as the `postgres`
 * user (PostgreSQL refuses root). Debian's postgresql package has the tools (pg_createcluster
 * wraps the same initdb); PG_BINDIR points elsewhere.
 */
function binDir(): string | null {
  const candidates: string[] = [];
  if (process.env.PG_BINDIR) candidates.push(process.env.PG_BINDIR);
  try {
    candidates.push(execFileSync('pg_config', ['--bindir'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
  } catch {
    // no pg_config: look where Debian puts the server
  }
  if (existsSync('/usr/lib/postgresql')) {
    const versions = readdirSync('/usr/lib/postgresql').filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => `/usr/lib/postgresql/${v}/bin`));
  }
  return candidates.find((d) => ['initdb', 'pg_ctl', 'pg_basebackup', 'postgres'].every((b) => existsSync(join(d, b)))) ?? null;
}

const isRoot = () => process.getuid?.() === 0;
function postgresUser(): { uid: number; gid: number } | null {
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch {
    return null;
  }
}

/**
 * Why the replica tests cannot run here, or false. They run in the PostgreSQL run (DATABASE_URL
 * set; they start their own clusters) and need the server's binaries; under CI=true missing
 * binaries are a failure, not a skip.
 */
export function replicationUnavailable(): string | false {
  if (!process.env.DATABASE_URL) return 'runs in the PostgreSQL run (DATABASE_URL set): it starts a primary and a standby of its own';
  let why: string | null = null;
  if (!binDir()) why = 'PostgreSQL server binaries (initdb, pg_ctl, pg_basebackup) not found: apt-get install postgresql, or set PG_BINDIR';
  else if (isRoot() && !postgresUser()) why = 'running as root without a `postgres` user to run the clusters as';
  if (!why) return false;
  if (process.env.CI === 'true') throw new Error(`${why}; under CI the replica tests may not skip`);
  return `${why}: replica tests skipped`;
}

export interface PgNode {
  name: string;
  port: number;
  dir: string;
  url(database?: string): string;
  /** one statement on a connection of its own */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[], database?: string): Promise<T[]>;
  /** the postmaster's pid (from postmaster.pid) */
  pid(): number;
}

export interface ReplicatedPair {
  primary: PgNode;
  standby: PgNode;
  /** kill -9 of the node's postmaster and every process it started: a crash, nothing flushed on the way out */
  crash(node: PgNode): void;
  /** `pg_ctl promote`, waits until the node accepts writes, and lets it commit without a standby */
  promote(node: PgNode): Promise<void>;
  stop(node: PgNode): Promise<void>;
  /** stops both clusters and removes their folder */
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export async function startReplicatedPair(opts: { synchronous: boolean }): Promise<ReplicatedPair> {
  const bin = binDir();
  if (!bin) throw new Error('PostgreSQL server binaries not found');
  const owner = isRoot() ? postgresUser() : null;
  const root = mkdtempSync(join(tmpdir(), 'luister-replica-'));
  if (owner) chownSync(root, owner.uid, owner.gid);
  const as = (cmd: string, args: string[]) => (owner ? run('runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args]) : run(join(bin, cmd), args));
  const standbyName = 'luister_standby';

  const node = (name: string, port: number): PgNode => {
    const dir = join(root, name);
    return {
      name,
      port,
      dir,
      url: (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`,
      async query<T>(sql: string, params?: unknown[], database = 'postgres') {
        const c = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/${database}`, connectionTimeoutMillis: 5_000 });
        c.on('error', () => {});
        await c.connect();
        try {
          return (await c.query(sql, params)).rows as T[];
        } finally {
          await c.end().catch(() => {});
        }
      },
      pid: () => Number(readFileSync(join(dir, 'postmaster.pid'), 'utf8').split('\n')[0]),
    };
  };
  const primary = node('primary', await freePort());
  const standby = node('standby', await freePort());
  const started: PgNode[] = [];
  const logTail = (n: PgNode) => {
    try {
      return readFileSync(`${n.dir}.log`, 'utf8').split('\n').slice(-15).join('\n');
    } catch {
      return '(no log)';
    }
  };
  const start = async (n: PgNode) => {
    try {
      await as('pg_ctl', ['-D', n.dir, '-l', `${n.dir}.log`, '-w', '-t', '60', 'start']);
    } catch (err) {
      throw new Error(`${n.name} did not start: ${(err as Error).message}\n${logTail(n)}`);
    }
    started.push(n);
  };
  // a test that dies leaves no cluster running
  const onExit = () => {
    for (const n of started) {
      try {
        process.kill(n.pid(), 'SIGQUIT');
      } catch {
        // already gone
      }
    }
  };
  process.once('exit', onExit);

  const stop = async (n: PgNode) => {
    if (!started.includes(n)) return;
    await as('pg_ctl', ['-D', n.dir, '-m', 'immediate', '-w', 'stop']).catch(() => {});
    started.splice(started.indexOf(n), 1);
  };

  try {
    await as('initdb', ['-D', primary.dir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
    appendFileSync(primary.dir + '/postgresql.conf', [
      '',
      `port = ${primary.port}`,
      "listen_addresses = '127.0.0.1'",
      `unix_socket_directories = '${root}'`,
      'max_connections = 60',
      'shared_buffers = 32MB',
      'wal_level = replica',
      'max_wal_senders = 4',
      'wal_keep_size = 128MB',
      'hot_standby = on',
      // commit waits until the standby has the WAL on disk: a 250 for a mail means two copies
      opts.synchronous ? `synchronous_standby_names = '${standbyName}'` : "synchronous_standby_names = ''",
      'synchronous_commit = on',
      'fsync = on',
      '',
    ].join('\n'));
    await start(primary);
    await as('pg_basebackup', ['-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres', '-D', standby.dir, '-R', '-X', 'stream', '-c', 'fast',
      '-d', `application_name=${standbyName}`]);
    appendFileSync(standby.dir + '/postgresql.conf', `\nport = ${standby.port}\nhot_standby_feedback = on\n`);
    await start(standby);
    // streaming (and, when asked, counted as the synchronous standby) before the test begins
    const want = opts.synchronous ? 'sync' : 'async';
    for (let i = 0; ; i++) {
      const rows = await primary.query<{ sync_state: string; state: string }>('SELECT state, sync_state FROM pg_stat_replication WHERE application_name = $1', [standbyName]);
      if (rows[0]?.state === 'streaming' && rows[0].sync_state === want) break;
      if (i > 300) throw new Error(`standby not streaming (${JSON.stringify(rows)}):\n${logTail(standby)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  } catch (err) {
    for (const n of [...started]) await stop(n);
    rmSync(root, { recursive: true, force: true });
    process.removeListener('exit', onExit);
    throw err;
  }

  return {
    primary,
    standby,
    crash(n) {
      const pid = n.pid();
      // the postmaster first, then its children (they would notice its death, but not at once)
      const children = readdirSync('/proc').filter((p) => /^\d+$/.test(p)).filter((p) => {
        try {
          return Number(readFileSync(`/proc/${p}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ')[1]) === pid;
        } catch {
          return false;
        }
      });
      process.kill(pid, 'SIGKILL');
      for (const c of children) {
        try {
          process.kill(Number(c), 'SIGKILL');
        } catch {
          // gone already
        }
      }
      started.splice(started.indexOf(n), 1);
    },
    async promote(n) {
      await as('pg_ctl', ['-D', n.dir, '-w', '-t', '60', 'promote']);
      for (let i = 0; ; i++) {
        const [r] = await n.query<{ r: boolean }>('SELECT pg_is_in_recovery() AS r');
        if (!r.r) break;
        if (i > 300) throw new Error(`${n.name} still in recovery after promote`);
        await new Promise((res) => setTimeout(res, 100));
      }
      // it has no standby of its own yet: with the old primary's synchronous_standby_names every commit would wait for ever
      await n.query("ALTER SYSTEM SET synchronous_standby_names = ''");
      await n.query('SELECT pg_reload_conf()');
    },
    stop,
    async close() {
      for (const n of [...started]) await stop(n);
      process.removeListener('exit', onExit);
      rmSync(root, { recursive: true, force: true });
    },
  };
}
