/** What an import did (or, on a dry run, would do): the same shape for every source. */
/** Where history comes from: a mail archive, or another helpdesk's export. */
export type ImportSource = 'mbox' | 'eml' | HelpdeskSource;
export type HelpdeskSource = 'zendesk' | 'freshdesk' | 'zammad' | 'chatwoot';
export const IMPORT_SOURCES: readonly ImportSource[] = ['mbox', 'eml', 'zendesk', 'freshdesk', 'zammad', 'chatwoot'];
export const HELPDESK_SOURCES: readonly HelpdeskSource[] = ['zendesk', 'freshdesk', 'zammad', 'chatwoot'];

export interface ImportSummary {
  source: ImportSource;
  dry_run: boolean;
  /** items read from the source (messages; for a helpdesk export: tickets) */
  read: number;
  /** stored now (dry run: would be stored) */
  imported: number;
  /** cases opened (dry run: conversations that would become cases at most) */
  cases: number;
  /** reason → how many; nothing is left out without a reason here */
  skipped: Record<string, number>;
  /** the first few skipped items, where they are in the source and why */
  skipped_examples: { where: string; reason: string }[];
  /** what found its place in Luister besides cases and messages (organisations, custom field values, agents by e-mail, …), counted */
  mapped: Record<string, number>;
  /** what Luister has no place for yet (organisations, custom fields, …): counted, never silently dropped */
  not_mapped: Record<string, number>;
  /** ids the export refers to that it does not hold (a ticket's requester missing from users, …) */
  unresolved_references: Record<string, number>;
  batches: { size: number; committed: number; failed: { batch: number; items: string; error: string } | null };
  notes: string[];
  duration_ms: number;
}

export interface ImportProgress {
  phase: 'checking' | 'importing';
  done: number;
  /** known once the source was checked whole */
  total: number | null;
}

export type ProgressFn = (p: ImportProgress) => void;

export function emptySummary(source: ImportSummary['source'], dryRun: boolean, batchSize: number): ImportSummary {
  return {
    source, dry_run: dryRun, read: 0, imported: 0, cases: 0, skipped: {}, skipped_examples: [], mapped: {}, not_mapped: {},
    unresolved_references: {}, batches: { size: batchSize, committed: 0, failed: null }, notes: [], duration_ms: 0,
  };
}

export function skip(s: ImportSummary, where: string, reason: string, group = reason): void {
  s.skipped[group] = (s.skipped[group] ?? 0) + 1;
  if (s.skipped_examples.length < 20) s.skipped_examples.push({ where, reason });
}

export const count = (r: Record<string, number>, key: string, n = 1) => {
  r[key] = (r[key] ?? 0) + n;
};
