/**
 * The soak's processes: `luister serve` and `luister worker` as the compiled CLI runs them (dist/cli/main.js, as
 * bench/server.ts), and what /proc says about them (CPU ticks, RSS).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { join } from 'node:path';

export interface Proc {
  name: string;
  child: ChildProcess;
  /** stderr/stdout lines at level error or worse (pino JSON level >= 50, or a stack trace) */
  errors: string[];
  /** the last lines of output, for a crash report */
  tail: string[];
  exited: boolean;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

const canConnect = (port: number) => new Promise<boolean>((resolve) => {
  const sock = connect(port, '127.0.0.1', () => {
    sock.destroy();
    resolve(true);
  });
  sock.once('error', () => resolve(false));
});

/** Spawns `node dist/cli/main.js <command>`; counts the error lines it prints (LOG_LEVEL=warn gives warnings too). */
export function startProc(root: string, name: string, command: 'serve' | 'worker', env: NodeJS.ProcessEnv): Proc {
  const child = spawn(process.execPath, [join(root, 'dist', 'cli', 'main.js'), command], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const p: Proc = { name, child, errors: [], tail: [], exited: false };
  const onLine = (line: string) => {
    if (!line.trim()) return;
    p.tail.push(line);
    if (p.tail.length > 40) p.tail.shift();
    let level = 0;
    try {
      level = (JSON.parse(line) as { level?: number }).level ?? 0;
    } catch {
      level = /error|exception|unhandled/i.test(line) ? 50 : 0;
    }
    if (level >= 50) p.errors.push(line.slice(0, 500));
    else if (level === 40 && /job failed/.test(line)) p.errors.push(line.slice(0, 500));
  };
  for (const stream of [child.stdout!, child.stderr!]) {
    let buf = '';
    stream.on('data', (d: Buffer) => {
      buf += d.toString();
      let i: number;
      while ((i = buf.indexOf('\n')) >= 0) {
        onLine(buf.slice(0, i));
        buf = buf.slice(i + 1);
      }
    });
  }
  child.once('exit', () => (p.exited = true));
  return p;
}

/** Waits until the port accepts connections (the server's SMTP listener starts after its HTTP). */
export async function waitForPort(p: Proc, port: number, ms = 240_000): Promise<void> {
  const t = performance.now();
  while (!(await canConnect(port))) {
    if (p.exited) throw new Error(`${p.name} exited while starting:\n${p.tail.join('\n')}`);
    if (performance.now() - t > ms) throw new Error(`${p.name} did not listen on ${port} within ${ms / 1000} s:\n${p.tail.join('\n')}`);
    await sleep(100);
  }
}

export function stopProc(p: Proc, ms = 20_000): Promise<number | null> {
  return new Promise((resolve) => {
    if (p.exited) return resolve(p.child.exitCode);
    const kill = setTimeout(() => p.child.kill('SIGKILL'), ms);
    p.child.once('exit', (code) => {
      clearTimeout(kill);
      resolve(code);
    });
    p.child.kill('SIGTERM');
  });
}

/** user + system CPU seconds of one process (Linux /proc, USER_HZ 100), or null when it is gone. */
export function cpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch {
    return null;
  }
}

/** Resident memory of one process in MB (VmRSS), or null when it is gone. */
export function rssMb(pid: number): number | null {
  try {
    const m = /^VmRSS:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}
