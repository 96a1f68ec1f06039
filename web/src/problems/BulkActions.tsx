import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../shared/api.ts';
import { caseHref, onLinkClick } from '../shared/router.ts';
import type { Me } from '../shared/types.ts';
import type { BulkOutcome, LinkedCase } from './types.ts';
import { firstName, formatAmount, renderPreview, TEMPLATE_VARIABLES } from './template.ts';

// The bulk actions on a problem's confirmed cases: a personal reply to each (with a preview per case) or one note on all.

type Money = { cents: number; currency: string };

/** The amount a linked case's customer disputes, as {{amount}} shows it in the case's language. */
const shown = (m: Money) => formatAmount(m.cents, m.currency, null);

export function BulkReply({ me, problemId, confirmed, onDone }: { me: Me; problemId: string; confirmed: LinkedCase[]; onDone: (o: BulkOutcome[]) => void }) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const [solve, setSolve] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [previewId, setPreviewId] = useState('');
  // per case: the amount a person chose where the customer's amount was uncertain
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const target = confirmed.find((c) => c.case_id === previewId) ?? confirmed[0];
  const usesAmount = /\{\{\s*amount\s*\}\}/.test(body);
  const uncertain = confirmed.filter((c) => c.amount && !c.amount.certain);
  const optionsOf = (c: LinkedCase): Money[] => (c.amount ? [c.amount.amount, ...c.amount.alternatives] : []);
  const amountFor = (c: LinkedCase): Money | undefined => {
    const pick = chosen[c.case_id];
    if (pick !== undefined) return optionsOf(c)[Number(pick)];
    return c.amount?.certain ? c.amount.amount : undefined;
  };
  const amount = target ? (amountFor(target) ? shown(amountFor(target)!) : undefined) : undefined;

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
      const amounts = Object.fromEntries(uncertain.filter((c) => chosen[c.case_id] !== undefined).map((c) => [c.case_id, amountFor(c)!]));
      const r = await post<{ data: BulkOutcome[] }>(`/api/v1/problems/${problemId}/reply`, { body, solve, ...(Object.keys(amounts).length ? { amounts } : {}) });
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
        {usesAmount && uncertain.length > 0 && (
          <fieldset className="uncertain-amounts">
            <legend>{t('problem.uncertainTitle', { count: uncertain.length })}</legend>
            <p className="muted small">{t('problem.uncertainHelp')}</p>
            {uncertain.map((c) => (
              <div key={c.case_id} className="row">
                <label htmlFor={`amount-${c.case_id}`}>
                  {c.ref} · {c.customer_name}
                </label>
                <select id={`amount-${c.case_id}`} value={chosen[c.case_id] ?? ''} onChange={(e) => setChosen((x) => ({ ...x, [c.case_id]: e.target.value }))}>
                  <option value="">{t('problem.uncertainChoose')}</option>
                  {optionsOf(c).map((m, i) => (
                    <option key={i} value={String(i)}>
                      {shown(m)}
                    </option>
                  ))}
                </select>
              </div>
            ))}
          </fieldset>
        )}
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
