import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';
import type { Db } from '../storage/db.ts';
import type { ReadReplica } from '../storage/read-replica.ts';
import { formatLsn, parseLsn, type Lsn } from '../storage/replica-route.ts';
import type { Actor } from '../shared/actor.ts';

/** The Db a read-only route uses for this request (the replica, or the primary: see read-replica.ts). */
export type Reads = (req: FastifyRequest) => Db;

/** Carries the reader's last write position to whichever server process handles their next read. */
export const READ_AFTER_COOKIE = 'luister_read_after';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
const writerKey = (a: Actor) => (a.agentId ? `agent:${a.agentId}` : `${a.type}:${a.id}`);

/**
 * Read-your-writes on top of a replica. After every changing request (POST, PATCH, PUT, DELETE) of
 * a signed-in agent or token, the primary's WAL position is remembered for that agent (in this
 * process) and sent back in a cookie (for the next process, behind a load balancer): their reads
 * wait for the replica to replay it, or go to the primary meanwhile. Costs one small query per
 * write, and only when a replica is configured. A forged cookie can only send its sender's reads to
 * the primary.
 */
export function readRouting(app: FastifyInstance, replica: ReadReplica, config: Pick<Config, 'COOKIE_SECURE' | 'REPLICA_MAX_LAG_MS'>): Reads {
  if (!replica.status()) return () => replica.reader(null);
  // a write older than this no longer holds its writer's reads back: a replica further behind is skipped anyway
  const REMEMBER_MS = Math.max(60_000, 2 * config.REPLICA_MAX_LAG_MS);
  const lastWrite = new Map<string, { lsn: Lsn; at: number }>();

  app.addHook('onSend', async (req, reply, payload) => {
    if (SAFE.has(req.method) || !req.actor) return payload;
    const lsn = await replica.writePosition();
    if (lsn === null) return payload;
    const now = Date.now();
    if (lastWrite.size > 10_000) for (const [k, v] of lastWrite) if (now - v.at > REMEMBER_MS) lastWrite.delete(k);
    lastWrite.set(writerKey(req.actor), { lsn, at: now });
    const secure = config.COOKIE_SECURE === 'auto' ? req.protocol === 'https' : config.COOKIE_SECURE === 'true';
    reply.setCookie(READ_AFTER_COOKIE, formatLsn(lsn), { path: '/api/', httpOnly: true, sameSite: 'strict', secure, maxAge: Math.ceil(REMEMBER_MS / 1000) });
    return payload;
  });

  return (req) => {
    let after: Lsn | null = parseLsn(req.cookies?.[READ_AFTER_COOKIE]);
    const mine = req.actor ? lastWrite.get(writerKey(req.actor)) : undefined;
    if (mine && Date.now() - mine.at <= REMEMBER_MS && (after === null || mine.lsn > after)) after = mine.lsn;
    return replica.reader(after);
  };
}
