import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { get, patch, post } from '../shared/api.ts';
import { formatDateTime, formatNumber } from '../shared/format.ts';
import { useShortcuts } from '../shared/keys.ts';
import { can, type Me } from '../shared/types.ts';
import { useAction } from '../shared/useAction.ts';

interface Rules { enabled: boolean; anonymise_closed_cases_after_months: number | null; delete_attachments_after_months: number | null }
interface Result { dry_run: boolean; cases_anonymised: number; messages_anonymised: number; attachments_deleted: number; case_refs: string[] }
interface Run { id: string; cases_anonymised: number; messages_anonymised: number; attachments_deleted: number; started_at: string; finished_at: string | null }

const months = (v: string) => (v.trim() === '' ? null : Number(v));
const field = (n: number | null) => (n === null ? '' : String(n));

/**
 * Retention (admins): how long closed cases keep their personal content and attachments their
 * files; a preview of what would go now, before the rules are switched on; a run now; the log of
 * runs (counts only). The daily sweep applies the rules while they are on.
 */
export function Retention({ me, onHelp }: { me: Me; onHelp: () => void }) {
  const { t } = useTranslation();
  const [rules, setRules] = useState<Rules | null>(null);
  const [cases, setCases] = useState('');
  const [files, setFiles] = useState('');
  const [preview, setPreview] = useState<Result | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [runs, setRuns] = useState<Run[]>([]);
  const [version, setVersion] = useState(0);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const admin = can(me, 'retention.manage');
  useEffect(() => titleRef.current?.focus(), []);
  useShortcuts({ '?': onHelp });
  useEffect(() => {
    if (!admin) return;
    const ac = new AbortController();
    get<Rules>('/api/v1/settings/retention', ac.signal).then((r) => {
      setRules(r);
      setCases(field(r.anonymise_closed_cases_after_months));
      setFiles(field(r.delete_attachments_after_months));
    }, () => {});
    get<{ data: Run[] }>('/api/v1/retention/runs', ac.signal).then((r) => setRuns(r.data), () => {});
    return () => ac.abort();
  }, [admin, version]);
  const refresh = useCallback(() => setVersion((v) => v + 1), []);
  const { notice, act } = useAction(refresh, t('retention.saved'));

  if (!admin)
    return (
      <main id="main">
        <h1 ref={titleRef} tabIndex={-1}>{t('retention.title')}</h1>
        <p>{t('retention.adminsOnly')}</p>
      </main>
    );

  const dirty = rules !== null && (months(cases) !== rules.anonymise_closed_cases_after_months || months(files) !== rules.delete_attachments_after_months);
  const save = (e: FormEvent) => {
    e.preventDefault();
    void act(async () => {
      await patch('/api/v1/settings/retention', { anonymise_closed_cases_after_months: months(cases), delete_attachments_after_months: months(files) });
      setPreview(null);
    }, t('retention.saved'));
  };
  const showPreview = () => void act(async () => setPreview(await get<Result>('/api/v1/retention/preview')), t('retention.previewed'));
  const switchTo = (enabled: boolean) => void act(() => patch('/api/v1/settings/retention', { enabled }), enabled ? t('retention.switchedOn') : t('retention.switchedOff'));
  const runNow = () =>
    void act(async () => {
      const r = await post<Result>('/api/v1/retention/run', {});
      setConfirming(false);
      setPreview(null);
      return t('retention.ran', { cases: r.cases_anonymised, files: r.attachments_deleted });
    });

  return (
    <main id="main" className="retention">
      <h1 ref={titleRef} tabIndex={-1}>{t('retention.title')}</h1>
      <p className="muted">{t('retention.intro')}</p>
      <div role="status">{notice && <p className={notice.kind === 'error' ? 'error' : 'ok'}>{notice.text}</p>}</div>
      {!rules ? (
        <p className="muted">{t('app.loading')}</p>
      ) : (
        <>
          <section className="card" aria-labelledby="rules-title">
            <h2 id="rules-title">{t('retention.rules')}</h2>
            <p>
              <span className={rules.enabled ? 'badge' : 'badge flag'}>{rules.enabled ? t('retention.on') : t('retention.off')}</span>{' '}
              {rules.enabled ? t('retention.onNote') : t('retention.offNote')}
            </p>
            <form className="stack" onSubmit={save}>
              <div className="field">
                <label htmlFor="retention-cases">{t('retention.casesLabel')}</label>
                <input id="retention-cases" type="number" min={1} max={600} inputMode="numeric" value={cases} onChange={(e) => setCases(e.target.value)} aria-describedby="retention-keep" />
              </div>
              <div className="field">
                <label htmlFor="retention-files">{t('retention.filesLabel')}</label>
                <input id="retention-files" type="number" min={1} max={600} inputMode="numeric" value={files} onChange={(e) => setFiles(e.target.value)} aria-describedby="retention-keep" />
              </div>
              <p id="retention-keep" className="muted small">{t('retention.keepNote')}</p>
              <div className="actions-row">
                <button type="submit" className="button" disabled={!dirty}>{t('retention.save')}</button>
                <button type="button" className="button" onClick={showPreview} disabled={dirty}>{t('retention.preview')}</button>
                {rules.enabled && (
                  <button type="button" className="button" onClick={() => switchTo(false)}>{t('retention.switchOff')}</button>
                )}
              </div>
            </form>
          </section>
          {preview && (
            <section className="card" aria-labelledby="preview-title">
              <h2 id="preview-title">{t('retention.previewTitle')}</h2>
              <ul>
                <li>{t('retention.cases', { count: preview.cases_anonymised })}</li>
                <li>{t('retention.messages', { count: preview.messages_anonymised })}</li>
                <li>{t('retention.files', { count: preview.attachments_deleted })}</li>
              </ul>
              {preview.case_refs.length > 0 && <p className="small">{t('retention.refs', { refs: preview.case_refs.join(', ') })}</p>}
              <div className="actions-row">
                {!rules.enabled && (
                  <button type="button" className="button" onClick={() => switchTo(true)}>{t('retention.switchOn')}</button>
                )}
                {rules.enabled && !confirming && (
                  <button type="button" className="button danger" onClick={() => setConfirming(true)}>{t('retention.runNow')}</button>
                )}
              </div>
              {confirming && (
                <div className="stack" role="group" aria-labelledby="confirm-run">
                  <p id="confirm-run">{t('retention.confirm')}</p>
                  <div className="actions-row">
                    <button type="button" className="button danger" onClick={runNow}>{t('retention.runForGood')}</button>
                    <button type="button" className="button" onClick={() => setConfirming(false)}>{t('rights.cancel')}</button>
                  </div>
                </div>
              )}
            </section>
          )}
          <section className="card" aria-labelledby="runs-title">
            <h2 id="runs-title">{t('retention.runs')}</h2>
            {runs.length === 0 ? (
              <p className="muted">{t('retention.noRuns')}</p>
            ) : (
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t('retention.when')}</th>
                    <th scope="col">{t('retention.casesCol')}</th>
                    <th scope="col">{t('retention.messagesCol')}</th>
                    <th scope="col">{t('retention.filesCol')}</th>
                  </tr>
                </thead>
                <tbody>
                  {runs.map((r) => (
                    <tr key={r.id}>
                      <th scope="row">{formatDateTime(r.started_at)}</th>
                      <td>{formatNumber(r.cases_anonymised, 0)}</td>
                      <td>{formatNumber(r.messages_anonymised, 0)}</td>
                      <td>{formatNumber(r.attachments_deleted, 0)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        </>
      )}
    </main>
  );
}
