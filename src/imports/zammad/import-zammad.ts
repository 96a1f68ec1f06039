import type { Db } from '../../storage/db.ts';
import type { Actor } from '../../shared/actor.ts';
import { importHelpdesk, type HelpdeskImportOptions } from '../helpdesk/import-helpdesk.ts';
import type { ImportSummary } from '../summary.ts';
import { normaliseZammad } from './normalise.ts';
import { readZammadExport } from './read-export.ts';

/**
 * Imports a Zammad export (read-export.ts): each ticket a case of its customer, its articles the
 * messages with their dates (the customer's inbound, agents' outbound and never sent again,
 * internal ones and notes notes). Organizations become organisations, custom attributes go onto
 * Luister fields of the same key, the owner is the Luister agent of the same e-mail; see
 * helpdesk/import-helpdesk.ts for batches, dry runs and re-runs.
 */
export async function importZammad(db: Db, actor: Actor, dir: string, opts: HelpdeskImportOptions = {}): Promise<ImportSummary> {
  const data = await readZammadExport(dir);
  return importHelpdesk(db, actor, 'zammad', (s) => normaliseZammad(data, s), opts);
}
