import type { Db } from '../../storage/db.ts';
import type { Actor } from '../../shared/actor.ts';
import { importHelpdesk, type HelpdeskImportOptions } from '../helpdesk/import-helpdesk.ts';
import type { ImportSummary } from '../summary.ts';
import { normaliseChatwoot } from './normalise.ts';
import { readChatwootExport } from './read-export.ts';

/**
 * Imports a Chatwoot export (read-export.ts): each conversation a case of its contact, its messages
 * with their dates (incoming inbound, outgoing outbound and never sent again, private notes).
 * Labels become tags, custom attributes go onto Luister fields of the same key, a contact's
 * company_name its organisation, the assignee the Luister agent of the same e-mail; see
 * helpdesk/import-helpdesk.ts for batches, dry runs and re-runs.
 */
export async function importChatwoot(db: Db, actor: Actor, dir: string, opts: HelpdeskImportOptions = {}): Promise<ImportSummary> {
  const data = await readChatwootExport(dir);
  return importHelpdesk(db, actor, 'chatwoot', (s) => normaliseChatwoot(data, s), opts);
}
