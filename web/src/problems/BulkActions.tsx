import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { get, post } from '../shared/api.ts';
import { caseHref, onLinkClick } from '../shared/router.ts';
import type { BulkOutcome, CaseDetail, LinkedCase, Me } from '../shared/types.ts';
import { firstName, formatAmount, renderPreview, TEMPLATE_VARIABLES } from './template.ts';

// The bulk actions on a problem's confirmed cases: a personal reply to each (with a preview per case) or one note on all.

const amounts = new Map<string, Promise<string | undefined>>();
function amountOf(caseId: string): Promise<string | undefined> {
  let a = amounts.get(caseId);
  if (!a) {
    a = get<CaseDetail>(`/api/v1/cases/${caseId}`).then(
      (d) => {
        const inbound = d.timeline.filter((e) => e.kind === 'message' && e.type === 'inbound' && e.analysis?.money.length);
        const m = inbound.length ? (inbound[inbound.length - 1] as { analysis: { money: { cents: number; currency: string }[] } }).analysis.money[0] : null;
        return m ? formatAmount(m.cents, m.currency, d.language) : undefined;
      },
      () => undefined,
    );
    amounts.set(caseId, a);
  }
  return a;
}

export function BulkReply({ me, problemId, confirmed, onDone }: { me: Me; problemId: string; confirmed: LinkedCase[]; onDone: (o: BulkOutcome[]) => void }) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const [solve, setSolve] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [previewId, setPreviewId] = useState('');
  const [amount, setAmount] = useState<string | undefined>(undefined);
  const target = confirmed.find((c) => c.case_id === previewId) ?? confirmed[0];

  useEffect(() => {
    let live = true;
    setAmount(undefined);
    if (target) void amountOf(target.case_id).then((a) => live && setAmount(a));
    return () => {
      live = false;
    };
  }, [target?.case_id]);

  const preview = useMemo(() => {
    if (!target || !body.trim()) return null;
    return renderPreview(body, {
      'customer.first_name': firstName(target.customer_name),
      'customer.name': target.customer_name,
      'case.ref': target.ref,
      'case.subject': target.subject,
      amount,
      'agent.name': me.agent?.name,
    });
  }, [body, target, amount, me.agent?.name]);

  async function send(e: FormEvent) {
    e.preventDefault();
    if (!body.trim() || busy || !confirmed.length) return;
    setBusy(true);
    setError(null);
    try {
      const r = await post<{ data: BulkOutcome[] }>(`/api/v1/problems/${problemId}/reply`, { body, solve });
      onDone(r.data);
      if (r.data.every((o) => o.outcome === 'sent')) setBody('');
    } catch (err) {
      setError(t('app.error', { message: (err as Error).message }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card bulk" aria-labelledby="bulk-reply-title">
      <h2 id="bulk-reply-title">{t('problem.reply')}</h2>
      {!confirmed.length && <p className="muted">{t('problem.noConfirmed')}</p>}
      <form onSubmit={send} className="stack">
        <label htmlFor="bulk-reply">{t('problem.replyLabel')}</label>
        <p className="muted small" id="bulk-reply-help">
          {t('problem.variables', { list: TEMPLATE_VARIABLES.map((v) => `{{${v}}}`).join(', ') })}
        </p>
        <textarea id="bulk-reply" rows={8} value={body} onChange={(e) => setBody(e.target.value)} aria-describedby="bulk-reply-help" />
        <label className="check">
          <input type="checkbox" checked={solve} onChange={(e) => setSolve(e.target.checked)} /> {t('problem.solve')}
        </label>
        {preview && target && (
          <div className="preview">
            <div className="preview-head">
              <h3 id="preview-title">{t('problem.preview')}</h3>
              {confirmed.length > 1 && (
                <>
                  <label htmlFor="preview-for">{t('problem.previewFor')}</label>
                  <select id="preview-for" value={target.case_id} onChange={(e) => setPreviewId(e.target.value)}>
                    {confirmed.map((c) => (
                      <option key={c.case_id} value={c.case_id}>
                        {c.ref} · {c.customer_name}
                      </option>
                    ))}
                  </select>
                </>
              )}
            </div>
            <p className="body preview-text" data-testid="preview">
              {preview.pieces.map((x, i) =>
                'text' in x ? (
                  <span key={i}>{x.text}</span>
                ) : x.value === null ? (
                  <mark key={i} className="missing">{`{{${x.variable}}}`}</mark>
                ) : (
                  <mark key={i} className="filled" title={`{{${x.variable}}}`}>
                    {x.value}
                  </mark>
                ),
              )}
            </p>
            {preview.missing.length > 0 && (
              <p className="error small">{t('problem.missing', { list: preview.missing.map((v) => `{{${v}}}`).join(', ') })}</p>
            )}
          </div>
        )}
        <div role="status">{error && <p className="error">{error}</p>}</div>
        <div>
          <button type="submit" className="button primary" disabled={busy || !confirmed.length || !body.trim()}>
            {busy ? t('problem.sending') : t('problem.send', { count: confirmed.length })}
          </button>
        </div>
      </form>
    </section>
  );
}

export function BulkNote({ problemId, confirmed, onDone }: { problemId: string; confirmed: LinkedCase[]; onDone: (o: BulkOutcome[]) => void }) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function add(e: FormEvent) {
    e.preventDefault();
    if (!body.trim() || busy) return;
    setBusy(true);
    setError(null);
    try {
      const r = await post<{ data: BulkOutcome[] }>(`/api/v1/problems/${problemId}/note`, { body });
      setBody('');
      onDone(r.data);
    } catch (err) {
      setError(t('app.error', { message: (err as Error).message }));
    } finally {
      setBusy(false);
    }
  }
  return (
    <section className="card bulk" aria-labelledby="bulk-note-title">
      <h2 id="bulk-note-title">{t('problem.note')}</h2>
      <form onSubmit={add} className="stack">
        <label htmlFor="bulk-note">{t('problem.noteLabel')}</label>
        <textarea id="bulk-note" className="note" rows={3} value={body} onChange={(e) => setBody(e.target.value)} />
        <div role="status">{error && <p className="error">{error}</p>}</div>
        <div>
          <button type="submit" className="button" disabled={busy || !confirmed.length || !body.trim()}>
            {t('problem.addNote')}
          </button>
        </div>
      </form>
    </section>
  );
}

export function Outcomes({ outcomes }: { outcomes: BulkOutcome[] }) {
  const { t } = useTranslation();
  const ok = outcomes.filter((o) => o.outcome === 'sent' || o.outcome === 'noted').length;
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), [outcomes]);
  return (
    <section className="card outcomes" aria-labelledby="outcomes-title">
      <h2 id="outcomes-title" ref={ref} tabIndex={-1}>
        {t('problem.outcomes')}
      </h2>
      <p role="status">{t('problem.summary', { ok, bad: outcomes.length - ok })}</p>
      <ul className="plain">
        {outcomes.map((o) => (
          <li key={o.case_id} data-ref={o.ref}>
            <a href={caseHref(o.ref)} onClick={onLinkClick} className="ref">
              {o.ref}
            </a>{' '}
            <span className={`badge outcome-${o.outcome}`}>{t(`problem.outcome.${o.outcome}`)}</span>
            {o.error && <span className="muted"> — {o.error.message}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
