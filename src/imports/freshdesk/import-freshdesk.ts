import type { Db } from '../../storage/db.ts';
import type { Actor } from '../../shared/actor.ts';
import { importHelpdesk, type HelpdeskImportOptions } from '../helpdesk/import-helpdesk.ts';
import type { ImportSummary } from '../summary.ts';
import { normaliseFreshdesk } from './normalise.ts';
import { readFreshdeskExport } from './read-export.ts';

/**
 * Imports a Freshdesk export (read-export.ts): each ticket a case of its requester, its description
 * and conversations the messages with their dates (incoming inbound, agents' replies outbound and
 * never sent again, private notes notes). Companies become organisations, custom_fields go onto
 * Luister fields of the same key (cf_ left off), the responder is the Luister agent of the same
 * e-mail; see helpdesk/import-helpdesk.ts for batches, dry runs and re-runs.
 */
export async function importFreshdesk(db: Db, actor: Actor, dir: string, opts: HelpdeskImportOptions = {}): Promise<ImportSummary> {
  const data = await readFreshdeskExport(dir);
  return importHelpdesk(db, actor, 'freshdesk', (s) => normaliseFreshdesk(data, s), opts);
}
