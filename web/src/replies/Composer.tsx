import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, post } from '../shared/api.ts';
import type { CheckResult, Finding } from '../shared/types.ts';
import { highlightPieces } from './highlight.ts';
import { MentionPicker } from './MentionPicker.tsx';
import { WhatsAppWindow, type WhatsAppTemplateChoice } from './WhatsAppWindow.tsx';

export type ComposerMode = 'reply' | 'note';

/**
 * Write a reply (checked live by the reply checker, matched words underlined) or an internal note.
 * Ctrl+Enter sends. A blocked reply is refused by the server and its findings are shown.
 */
export function Composer({ caseId, myId, focus, draft, onSent, onTyping }: {
  caseId: string;
  myId?: string;
  focus: { mode: ComposerMode; at: number } | null;
  /** a reply to put in (a macro's template): becomes the draft when the field is empty, else goes after it */
  draft?: { text: string; at: number } | null;
  onSent: () => void;
  /** true while a reply is being written (colleagues on the case see "… is typing") */
  onTyping?: (typing: boolean) => void;
}) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<ComposerMode>('reply');
  const [text, setText] = useState('');
  const [check, setCheck] = useState<(CheckResult & { text: string }) | null>(null);
  const [checking, setChecking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [waTemplate, setWaTemplate] = useState<WhatsAppTemplateChoice>(null);
  const [sentCount, setSentCount] = useState(0);
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const area = useRef<HTMLTextAreaElement>(null);
  const mirror = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!focus) return;
    setMode(focus.mode);
    area.current?.focus();
  }, [focus]);

  useEffect(() => {
    if (!draft) return;
    setMode('reply');
    setText((cur) => (cur.trim() ? `${cur.replace(/\s+$/, '')}\n\n${draft.text}` : draft.text));
    requestAnimationFrame(() => area.current?.focus());
  }, [draft]);

  // typing = a reply draft touched in the last 8 seconds
  useEffect(() => {
    const writing = mode === 'reply' && text.trim() !== '';
    onTyping?.(writing);
    if (!writing) return;
    const idle = setTimeout(() => onTyping?.(false), 8000);
    return () => clearTimeout(idle);
  }, [text, mode, onTyping]);

  // live check, debounced: only the last draft's answer counts
  useEffect(() => {
    if (mode !== 'reply' || !text.trim()) {
      setCheck(null);
      setChecking(false);
      return;
    }
    const ac = new AbortController();
    setChecking(true);
    const timer = setTimeout(() => {
      post<CheckResult>('/api/v1/replies/check', { case_id: caseId, body: text }, ac.signal)
        .then((r) => setCheck({ ...r, text }))
        .catch(() => {})
        .finally(() => !ac.signal.aborted && setChecking(false));
    }, 300);
    return () => {
      clearTimeout(timer);
      ac.abort();
    };
  }, [text, mode, caseId]);

  async function send() {
    if (!text.trim() || busy) return;
    setBusy(true);
    setNotice(null);
    try {
      await post(`/api/v1/cases/${caseId}/${mode === 'reply' ? 'messages' : 'notes'}`, { body: text, ...(mode === 'reply' && waTemplate ? { whatsapp_template: waTemplate } : {}) });
      setText('');
      setWaTemplate(null);
      setSentCount((n) => n + 1);
      setCheck(null);
      setNotice({ kind: 'ok', text: mode === 'reply' ? t('composer.sent') : t('composer.noteAdded') });
      onSent();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'reply_blocked' && Array.isArray(e.details)) {
        setCheck({ findings: e.details as Finding[], blocked: true, text });
        setNotice({ kind: 'error', text: t('composer.blocked') });
      } else {
        setNotice({ kind: 'error', text: t('app.error', { message: (e as Error).message }) });
      }
    } finally {
      setBusy(false);
    }
  }

  /** Puts text at the cursor (or the end) and gives the focus back to the text. */
  function insert(piece: string) {
    const el = area.current;
    const at = el ? el.selectionStart : text.length;
    const end = el ? el.selectionEnd : text.length;
    const before = text.slice(0, at);
    const glue = before && !/\s$/.test(before) ? ' ' : '';
    setText(before + glue + piece + text.slice(end));
    requestAnimationFrame(() => {
      el?.focus();
      const pos = (before + glue + piece).length;
      el?.setSelectionRange(pos, pos);
    });
  }

  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void send();
    }
  }

  const current = check && check.text === text ? check : null;
  const findings = current?.findings ?? [];
  const pieces = highlightPieces(text, findings);

  return (
    <section className="composer card" aria-labelledby="composer-title">
      <h2 id="composer-title">{t('composer.title')}</h2>
      <fieldset className="modes">
        <legend className="visually-hidden">{t('composer.mode')}</legend>
        {(['reply', 'note'] as const).map((m) => (
          <label key={m} className={mode === m ? 'active' : undefined}>
            <input type="radio" name="composer-mode" value={m} checked={mode === m} onChange={() => setMode(m)} />
            {t(`composer.${m}`)}
          </label>
        ))}
      </fieldset>
      {mode === 'reply' && <WhatsAppWindow caseId={caseId} refreshKey={sentCount} template={waTemplate} onTemplate={setWaTemplate} />}
      <label htmlFor="composer-text" className="visually-hidden">
        {mode === 'reply' ? t('composer.replyLabel') : t('composer.noteLabel')}
      </label>
      <div className={`editor ${mode}`}>
        <div className="mirror" ref={mirror} aria-hidden="true">
          {pieces.map((p, i) => (p.finding ? <mark key={i} className={`sev-${p.finding.severity}`}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
          {/* a trailing newline needs a character after it to take up a line */}
          {'\u200b'}
        </div>
        <textarea
          id="composer-text"
          ref={area}
          value={text}
          rows={7}
          placeholder={mode === 'reply' ? t('composer.replyLabel') : t('composer.noteLabel')}
          aria-describedby="composer-hint composer-status"
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
          onScroll={(e) => mirror.current && (mirror.current.scrollTop = e.currentTarget.scrollTop)}
        />
      </div>
      <div className="composer-actions">
        <span id="composer-hint" className="muted small">
          {mode === 'note' ? t('composer.mentionHint') : t('composer.sendHint')}
        </span>
        {mode === 'note' && <MentionPicker myId={myId} onPick={insert} />}
        <button type="button" className="button primary" onClick={send} disabled={busy || !text.trim()}>
          {busy ? t('composer.sending') : mode === 'reply' ? t('composer.send') : t('composer.addNote')}
        </button>
      </div>
      <div id="composer-status" role="status" className="composer-status">
        {notice && <p className={notice.kind === 'error' ? 'error' : 'ok'}>{notice.text}</p>}
        {mode === 'reply' && text.trim() && (
          checking && !current ? (
            <p className="muted small">{t('composer.checking')}</p>
          ) : current && findings.length === 0 ? (
            <p className="ok small">{t('composer.noFindings')}</p>
          ) : current ? (
            <p className="small">{t('composer.findings', { count: findings.length })}</p>
          ) : null
        )}
      </div>
      {mode === 'reply' && findings.length > 0 && (
        <ul className="findings" aria-label={t('composer.findings', { count: findings.length })}>
          {findings.map((f, i) => (
            <li key={i} className={`finding sev-${f.severity}`} data-check={f.check}>
              <span className={`badge sev-${f.severity}`}>{t(`composer.severity.${f.severity}`)}</span> <strong>{f.message}</strong>
              {f.span && <q>{f.span.text}</q>}
              <br />
              <span className="muted">{f.suggestion}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
