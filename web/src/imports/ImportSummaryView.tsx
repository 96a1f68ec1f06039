import { useTranslation } from 'react-i18next';

export type ImportSource = 'mbox' | 'eml' | 'zendesk' | 'freshdesk' | 'zammad' | 'chatwoot';
export const IMPORT_SOURCES: readonly ImportSource[] = ['mbox', 'eml', 'zendesk', 'freshdesk', 'zammad', 'chatwoot'];

/** GET /api/v1/imports/:id's summary: the same shape for every source (src/imports/summary.ts). */
export interface ImportSummary {
  source: ImportSource;
  dry_run: boolean;
  read: number;
  imported: number;
  cases: number;
  skipped: Record<string, number>;
  skipped_examples: { where: string; reason: string }[];
  mapped?: Record<string, number>;
  not_mapped: Record<string, number>;
  unresolved_references: Record<string, number>;
  batches: { size: number; committed: number; failed: { batch: number; items: string; error: string } | null };
  notes: string[];
}

export interface ImportJob {
  id: string;
  source: ImportSource;
  dry_run: boolean;
  status: 'queued' | 'running' | 'done' | 'failed';
  phase: 'checking' | 'importing' | null;
  done: number;
  total: number | null;
  summary: ImportSummary | null;
  error: string | null;
  created_at: string;
}

/** Reason → count as a table: the server's reasons are the source's own words (file and field names), shown as they are. */
function Counts({ id, title, counts }: { id: string; title: string; counts: Record<string, number> | undefined }) {
  const { t } = useTranslation();
  const rows = Object.entries(counts ?? {});
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {rows.length === 0 ? (
        <p className="muted">{t('imports.none')}</p>
      ) : (
        <table className="import-counts">
          <thead>
            <tr>
              <th scope="col">{t('imports.reason')}</th>
              <th scope="col" className="num">{t('imports.count')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([k, n]) => (
              <tr key={k}>
                <td>{k}</td>
                <td className="num">{n.toLocaleString()}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** An import's summary: what was (or would be) imported, skipped with reasons, mapped, not mapped, unresolved. */
export function ImportSummaryView({ summary }: { summary: ImportSummary }) {
  const { t } = useTranslation();
  const s = summary;
  return (
    <section className="import-summary" aria-labelledby="import-summary-title" data-testid="import-summary">
      <h2 id="import-summary-title">{s.dry_run ? t('imports.dryRunTitle') : t('imports.summaryTitle')}</h2>
      <dl className="import-totals">
        <dt>{t('imports.read')}</dt>
        <dd>{s.read.toLocaleString()}</dd>
        <dt>{s.dry_run ? t('imports.wouldImport') : t('imports.imported')}</dt>
        <dd data-testid="import-imported">{s.imported.toLocaleString()}</dd>
        <dt>{t('imports.cases')}</dt>
        <dd>{s.cases.toLocaleString()}</dd>
      </dl>
      {s.batches.failed && <p className="error">{t('imports.batches', { committed: s.batches.committed, failed: `${s.batches.failed.batch} (${s.batches.failed.items}): ${s.batches.failed.error}` })}</p>}
      <Counts id="import-skipped" title={t('imports.skipped')} counts={s.skipped} />
      {s.skipped_examples.length > 0 && (
        <details>
          <summary>{t('imports.examples')}</summary>
          <ul>
            {s.skipped_examples.map((e, i) => (
              <li key={i}>
                <strong>{e.where}</strong>: {e.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
      <Counts id="import-mapped" title={t('imports.mapped')} counts={s.mapped} />
      <Counts id="import-not-mapped" title={t('imports.notMapped')} counts={s.not_mapped} />
      <Counts id="import-unresolved" title={t('imports.unresolved')} counts={s.unresolved_references} />
      {s.notes.length > 0 && (
        <section aria-labelledby="import-notes">
          <h3 id="import-notes">{t('imports.notes')}</h3>
          <ul>
            {s.notes.map((n, i) => (
              <li key={i}>{n}</li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}
