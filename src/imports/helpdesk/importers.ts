import type { Db } from '../../storage/db.ts';
import type { Actor } from '../../shared/actor.ts';
import type { HelpdeskSource, ImportSummary } from '../summary.ts';
import type { HelpdeskImportOptions } from './import-helpdesk.ts';

type Importer = (db: Db, actor: Actor, dir: string, opts: HelpdeskImportOptions) => Promise<ImportSummary>;

/** Each helpdesk's import of an export folder, by source: the one map the CLI and the API job use (loaded when used). */
export const HELPDESK_IMPORTERS: Record<HelpdeskSource, Importer> = {
  zendesk: async (...a) => (await import('../zendesk/import-zendesk.ts')).importZendesk(...a),
  freshdesk: async (...a) => (await import('../freshdesk/import-freshdesk.ts')).importFreshdesk(...a),
  zammad: async (...a) => (await import('../zammad/import-zammad.ts')).importZammad(...a),
  chatwoot: async (...a) => (await import('../chatwoot/import-chatwoot.ts')).importChatwoot(...a),
};

/** How each product's export is named in messages. */
export const PRODUCT: Record<HelpdeskSource, string> = { zendesk: 'Zendesk', freshdesk: 'Freshdesk', zammad: 'Zammad', chatwoot: 'Chatwoot' };
