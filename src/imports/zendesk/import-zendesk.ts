import type { Db } from '../../storage/db.ts';
import type { Actor } from '../../shared/actor.ts';
import { AppError } from '../../shared/errors.ts';
import type { ImportSummary, ProgressFn } from '../summary.ts';

/** Zendesk export import: not built yet. */
export async function importZendesk(_db: Db, _actor: Actor, _dir: string, _opts: { dryRun?: boolean; onProgress?: ProgressFn; requestId?: string }): Promise<ImportSummary> {
  throw new AppError('not_implemented', 'The Zendesk import is not built yet', 501);
}
