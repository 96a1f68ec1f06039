import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../shared/errors.ts';

/**
 * PGlite allows one process per data folder; a second one would corrupt it. Every process
 * that opens ./data (server or CLI) holds this lock file with its pid (and port for servers).
 */
export interface LockInfo {
  pid: number;
  port?: number;
  command: string;
}

export function acquireDataLock(dataDir: string, info: Omit<LockInfo, 'pid'>): () => void {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'luister.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, JSON.stringify({ pid: process.pid, ...info }));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          unlinkSync(file);
        } catch {}
      };
      process.once('exit', release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = readLock(file);
      if (holder && holder.pid !== process.pid && isAlive(holder.pid)) {
        const where = holder.port ? ` serving on port ${holder.port}` : '';
        throw new AppError(
          'data_dir_in_use',
          `${dataDir} is in use by Luister (${holder.command}, pid ${holder.pid}${where}). The embedded database allows one process at a time: ` +
            `stop it first, use the HTTP API${holder.port ? ` at http://localhost:${holder.port}/docs` : ''}, or use PostgreSQL (DATABASE_URL).`,
          409,
        );
      }
      // stale lock of a process that is gone
      try {
        unlinkSync(file);
      } catch {}
    }
  }
  throw new AppError('data_dir_in_use', `Could not lock ${dataDir}`, 409);
}

function readLock(file: string): LockInfo | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as LockInfo;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
