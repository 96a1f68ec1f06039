import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { get, upload } from '../shared/api.ts';
import { useShortcuts } from '../shared/keys.ts';
import { can, type Me } from '../shared/types.ts';
import { IMPORT_SOURCES, ImportSummaryView, type ImportJob, type ImportSource } from './ImportSummaryView.tsx';

const POLL_MS = 500;

/**
 * Importing history (admins, imports.run): the admin picks where it comes from and uploads the
 * file; a dry run shows what would be imported, skipped (with reasons), mapped and not mapped;
 * then the real import runs with live progress and ends with the same summary. The job runs on
 * the server (POST /api/v1/imports), this screen polls it; the earlier imports are listed below.
 */
export function Imports({ me, onHelp }: { me: Me; onHelp: () => void }) {
  const { t, i18n } = useTranslation();
  const allowed = can(me, 'imports.run');
  const [source, setSource] = useState<ImportSource>('mbox');
  const [file, setFile] = useState<File | null>(null);
  const [job, setJob] = useState<ImportJob | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [missingFile, setMissingFile] = useState(false);
  const [recent, setRecent] = useState<ImportJob[] | null>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => titleRef.current?.focus(), []);
  useShortcuts({ '?': onHelp });

  const loadRecent = useCallback(() => {
    if (allowed) get<{ data: ImportJob[] }>('/api/v1/imports').then((r) => setRecent(r.data), () => setRecent([]));
  }, [allowed]);
  useEffect(loadRecent, [loadRecent]);

  // poll the running job until it ends; then the result takes the focus, so that it is read out
  const running = job && (job.status === 'queued' || job.status === 'running');
  useEffect(() => {
    if (!job || !running) return;
    const ac = new AbortController();
    const timer = setTimeout(() => {
      get<ImportJob>(`/api/v1/imports/${job.id}`, ac.signal).then((j) => {
        setJob(j);
        if (j.status === 'done' || j.status === 'failed') {
          loadRecent();
          requestAnimationFrame(() => resultRef.current?.focus());
        }
      }, (e) => !ac.signal.aborted && setError((e as Error).message));
    }, POLL_MS);
    return () => {
      clearTimeout(timer);
      ac.abort();
    };
  }, [job, running, loadRecent]);

  if (!allowed)
    return (
      <main id="main">
        <h1 ref={titleRef} tabIndex={-1}>{t('imports.title')}</h1>
        <p>{t('imports.adminsOnly')}</p>
      </main>
    );

  const start = async (dryRun: boolean) => {
    if (!file) {
      setMissingFile(true);
      fileRef.current?.focus();
      return;
    }
    setError(null);
    try {
      const j = await upload<ImportJob>(`/api/v1/imports?source=${source}&dry_run=${dryRun}`, file, source === 'mbox' ? 'application/mbox' : 'application/zip');
      setJob(j);
    } catch (e) {
      setError((e as Error).message);
      requestAnimationFrame(() => resultRef.current?.focus());
    }
  };
  const check = (e: FormEvent) => {
    e.preventDefault();
    void start(true);
  };
  const reset = () => {
    setJob(null);
    setError(null);
    setFile(null);
    requestAnimationFrame(() => fileRef.current?.focus());
  };

  const finished = job && (job.status === 'done' || job.status === 'failed');
  return (
    <main id="main" className="imports">
      <h1 ref={titleRef} tabIndex={-1}>{t('imports.title')}</h1>
      <p className="muted">{t('imports.intro')}</p>
      {!job && (
        <form onSubmit={check} noValidate>
          <fieldset>
            <legend>{t('imports.source')}</legend>
            {IMPORT_SOURCES.map((s) => (
              <div key={s} className="radio">
                <input type="radio" id={`import-source-${s}`} name="import-source" value={s} checked={source === s} onChange={() => setSource(s)} aria-describedby={`import-hint-${s}`} />
                <label htmlFor={`import-source-${s}`}>{t(`imports.sources.${s}`)}</label>
                <p id={`import-hint-${s}`} className="muted small">{t(`imports.hints.${s}`)}</p>
              </div>
            ))}
          </fieldset>
          <div className="field">
            <label htmlFor="import-file">{t('imports.file')}</label>
            <input ref={fileRef} id="import-file" type="file" accept={source === 'mbox' ? '.mbox,.mbx,application/mbox,text/plain' : '.zip,application/zip'}
              onChange={(e) => { setFile(e.target.files?.[0] ?? null); setMissingFile(false); }}
              aria-invalid={missingFile || undefined} aria-describedby={missingFile ? 'import-file-error' : undefined} />
            {missingFile && <p id="import-file-error" className="error small">{t('imports.chooseFirst')}</p>}
          </div>
          <button type="submit">{t('imports.check')}</button>
        </form>
      )}
      {error && (
        <p className="error" role="alert">{t('imports.failed', { message: error })}</p>
      )}
      {job && (
        <section aria-labelledby="import-result" className="import-job">
          <h2 id="import-result" ref={resultRef} tabIndex={-1}>
            {t(`imports.sources.${job.source}`)}: {job.dry_run ? t('imports.dryRunTitle') : t('imports.summaryTitle')} · {t(`imports.status.${job.status}`)}
          </h2>
          <div role="status" data-testid="import-status">
            {running && (
              <>
                <p id="import-progress-label">{job.phase ? t(`imports.phase.${job.phase}`) : t('imports.checking')}</p>
                <progress aria-labelledby="import-progress-label" max={job.total ?? undefined} value={job.total ? job.done : undefined} />
                <p className="muted small">{job.total ? t('imports.progress', { done: job.done, total: job.total }) : t('imports.progressUnknown', { done: job.done })}</p>
              </>
            )}
            {job.status === 'done' && <p>{job.dry_run ? t('imports.dryRunDone') : t('imports.realDone')}</p>}
            {job.status === 'failed' && <p className="error">{t('imports.failed', { message: job.error ?? '' })}</p>}
          </div>
          {job.summary && <ImportSummaryView summary={job.summary} />}
          {finished && (
            <div className="actions">
              {job.status === 'done' && job.dry_run && <button type="button" onClick={() => void start(false)}>{t('imports.startReal')}</button>}
              <button type="button" className="secondary" onClick={reset}>{t('imports.again')}</button>
            </div>
          )}
        </section>
      )}
      <section aria-labelledby="import-recent">
        <h2 id="import-recent">{t('imports.recent')}</h2>
        {recent && recent.length === 0 && <p className="muted">{t('imports.noRecent')}</p>}
        {recent && recent.length > 0 && (
          <table>
            <thead>
              <tr>
                <th scope="col">{t('imports.when')}</th>
                <th scope="col">{t('imports.kind')}</th>
                <th scope="col">{t('imports.result')}</th>
              </tr>
            </thead>
            <tbody>
              {recent.map((j) => (
                <tr key={j.id}>
                  <td>{new Date(j.created_at).toLocaleString(i18n.language)}</td>
                  <td>{t(`imports.sources.${j.source}`)} ({j.dry_run ? t('imports.dry') : t('imports.real')})</td>
                  <td>{t(`imports.status.${j.status}`)}{j.summary ? ` · ${t('imports.imported')}: ${j.summary.imported}` : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </main>
  );
}
