import { useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { get } from '../shared/api.ts';
import { Time } from '../shared/Time.tsx';
import { LANGS, type ArticleDiff, type TextDiff, type VersionSummary } from './types.ts';

/** Who changed what and when; any version's changes word by word against the one before. */
export function VersionHistory({ articleId, versions }: { articleId: string; versions: VersionSummary[] }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<number | null>(null);
  const [diff, setDiff] = useState<ArticleDiff | null>(null);
  const [error, setError] = useState<string | null>(null);
  async function show(v: number) {
    if (open === v) return setOpen(null);
    setOpen(v);
    setDiff(null);
    setError(null);
    try {
      setDiff(await get<ArticleDiff>(`/api/v1/articles/${articleId}/diff?from=${v - 1}&to=${v}`));
    } catch (e) {
      setError((e as Error).message);
    }
  }
  return (
    <section className="card" aria-labelledby="versions-title">
      <h2 id="versions-title">{t('kb.history')}</h2>
      <ol className="versions">
        {versions.map((v) => (
          <li key={v.version}>
            <strong>{t('kb.versionN', { version: v.version })}</strong> · {v.author_name ?? t(`kb.actor.${v.actor_type}`, { defaultValue: v.actor_type })} · <Time iso={v.created_at} />
            {v.changed.length > 0 && <span className="muted small"> · {v.changed.map((f) => fieldName(t, f)).join(', ')}</span>}
            {v.version > 1 && (
              <>
                {' '}
                <button type="button" className="link-button" aria-expanded={open === v.version} onClick={() => show(v.version)}>
                  {open === v.version ? t('kb.hideChanges') : t('kb.showChanges')}
                </button>
              </>
            )}
            {open === v.version && (
              <div className="diff" role="region" aria-label={t('kb.changesOf', { version: v.version })}>
                {error && <p className="error">{t('app.error', { message: error })}</p>}
                {!diff && !error && <p className="muted">{t('app.loading')}</p>}
                {diff &&
                  LANGS.map((l) => {
                    const d = diff.translations[l];
                    if (!d || d.status === 'unchanged') return null;
                    return (
                      <div key={l}>
                        <h3>{t(`kb.lang.${l}`)} · {t(`kb.diffStatus.${d.status}`)}</h3>
                        <p className="diff-title"><Parts diff={d.title} /></p>
                        <p className="diff-body"><Parts diff={d.body} /></p>
                      </div>
                    );
                  })}
              </div>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

function Parts({ diff }: { diff: TextDiff }) {
  return (
    <>
      {diff.parts.map((p, i) => (p.op === 'insert' ? <ins key={i}>{p.text}</ins> : p.op === 'delete' ? <del key={i}>{p.text}</del> : <span key={i}>{p.text}</span>))}
    </>
  );
}

/** A changed field as the agent reads it: "slug" → "adres", "nl.title" → "titel (Nederlands)". */
function fieldName(t: TFunction, field: string): string {
  const [lang, part] = field.split('.');
  if (part === 'title' || part === 'body') return t(`kb.field.${part}`, { lang: t(`kb.lang.${lang}`, { defaultValue: lang }) });
  return t(`kb.field.${field}`, { defaultValue: field });
}
