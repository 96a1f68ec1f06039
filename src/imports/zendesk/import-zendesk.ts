import type { Db } from '../../storage/db.ts';
import type { Actor } from '../../shared/actor.ts';
import { importHelpdesk, type HelpdeskImportOptions } from '../helpdesk/import-helpdesk.ts';
import type { ImportSummary } from '../summary.ts';
import { normaliseZendesk } from './normalise.ts';
import { readZendeskExport } from './read-export.ts';

/**
 * Imports a Zendesk export (read-export.ts): each ticket becomes a case of its requester, its
 * comments the case's messages with their original dates (the requester's inbound, agents' replies
 * outbound and never sent again, private comments notes). Organizations become organisations (by
 * name, with their domains), custom field values go onto Luister fields of the same key, the
 * assignee is the Luister agent of the same e-mail. The rest is counted under not_mapped; see
 * helpdesk/import-helpdesk.ts for batches, dry runs and re-runs.
 */
export async function importZendesk(db: Db, actor: Actor, dir: string, opts: HelpdeskImportOptions = {}): Promise<ImportSummary> {
  const data = await readZendeskExport(dir);
  return importHelpdesk(db, actor, 'zendesk', (s) => normaliseZendesk(data, s), opts);
}
