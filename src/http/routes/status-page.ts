import type { FastifyInstance } from 'fastify';
import type { Db } from '../../storage/db.ts';

export function statusPageRoutes(_app: FastifyInstance, _db: Db) {}
