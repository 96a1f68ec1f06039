import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, get, patch, post } from '../shared/api.ts';
import { useShortcuts } from '../shared/keys.ts';
import { articleHref, KNOWLEDGE, navigate, onLinkClick } from '../shared/router.ts';
import { can, type Me } from '../shared/types.ts';
import { LANGS, type Article, type Lang } from './types.ts';
import { VersionHistory } from './VersionHistory.tsx';

type Texts = Record<Lang, { title: string; body: string }>;
const empty = (): Texts => ({ nl: { title: '', body: '' }, en: { title: '', body: '' } });
const textsOf = (a: Article): Texts => {
  const t = empty();
  for (const l of LANGS) if (a.translations[l]) t[l] = { title: a.translations[l]!.title, body: a.translations[l]!.body };
  return t;
};

/**
 * Write or edit an article in Dutch and English. Every save is a new version; a save on top of
 * a colleague's newer version is refused (409) instead of overwriting it. Supervisors publish.
 */
export function ArticleEditor({ me, id, onHelp }: { me: Me; id: string; onHelp: () => void }) {
  const { t } = useTranslation();
  const isNew = id === 'new';
  const [article, setArticle] = useState<Article | null>(null);
  const [texts, setTexts] = useState<Texts>(empty);
  const [tags, setTags] = useState('');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string; conflict?: boolean } | null>(null);
  const [version, setVersion] = useState(0);
  const titleRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => titleRef.current?.focus(), []);
  useEffect(() => {
    if (isNew) return;
    const ac = new AbortController();
    get<Article>(`/api/v1/articles/${encodeURIComponent(id)}`, ac.signal)
      .then((a) => {
        setArticle(a);
        setTexts(textsOf(a));
        setTags(a.tags.join(', '));
      })
      .catch((e) => !ac.signal.aborted && setNotice({ kind: 'error', text: t('app.error', { message: e.message }) }));
    return () => ac.abort();
  }, [id, isNew, version, t]);
  useShortcuts({ Escape: () => navigate(KNOWLEDGE), '?': onHelp });

  const set = (l: Lang, field: 'title' | 'body', v: string) => setTexts((x) => ({ ...x, [l]: { ...x[l], [field]: v } }));
  const tagList = () => tags.split(',').map((x) => x.trim()).filter(Boolean);

  async function save(e: FormEvent) {
    e.preventDefault();
    setNotice(null);
    const filled = LANGS.filter((l) => texts[l].title.trim() || texts[l].body.trim());
    if (!filled.length) return setNotice({ kind: 'error', text: t('kb.needText') });
    setBusy(true);
    try {
      if (isNew) {
        const translations = Object.fromEntries(filled.map((l) => [l, texts[l]]));
        const a = await post<Article>('/api/v1/articles', { translations, tags: tagList() });
        navigate(articleHref(a.id), { replace: true });
      } else if (article) {
        // a language emptied on purpose is removed; one that never existed stays absent
        const translations: Partial<Record<Lang, { title: string; body: string } | null>> = {};
        for (const l of LANGS) {
          if (filled.includes(l)) translations[l] = texts[l];
          else if (article.translations[l]) translations[l] = null;
        }
        const a = await patch<Article>(`/api/v1/articles/${article.id}`, { translations, tags: tagList(), expected_version: article.version });
        setNotice({ kind: 'ok', text: t('kb.saved', { version: a.version }) });
        setVersion((v) => v + 1);
      }
    } catch (err) {
      const conflict = err instanceof ApiError && err.status === 409;
      setNotice({ kind: 'error', text: conflict ? t('kb.conflict') : t('app.error', { message: (err as Error).message }), conflict });
    } finally {
      setBusy(false);
    }
  }

  // a public article whose latest edit the help centre does not show yet
  const pending = Boolean(article && article.visibility === 'public' && article.published_version != null && article.published_version < article.version);

  async function publish(action: 'publish' | 'unpublish') {
    if (!article) return;
    try {
      await post(`/api/v1/articles/${article.id}/${action}`, {});
      setNotice({ kind: 'ok', text: t(action === 'publish' ? 'kb.published' : 'kb.unpublished') });
      setVersion((v) => v + 1);
    } catch (err) {
      setNotice({ kind: 'error', text: t('app.error', { message: (err as Error).message }) });
    }
  }

  if (!isNew && !article && !notice) return <main id="main" className="knowledge" aria-busy="true"><p className="muted">{t('app.loading')}</p></main>;
  return (
    <main id="main" className="knowledge">
      <p>
        <a href={KNOWLEDGE} onClick={onLinkClick}>
          ← {t('kb.back')}
        </a>
      </p>
      <h1 ref={titleRef} tabIndex={-1}>
        {isNew ? t('kb.new') : (article?.translations.nl?.title ?? article?.translations.en?.title ?? t('kb.title'))}
      </h1>
      {article && (
        <p className="muted">
          <span className={`badge vis-${article.visibility}`}>{t(`kb.visibility.${article.visibility}`)}</span> {t('kb.versionOf', { version: article.version, slug: article.slug })}
        </p>
      )}
      {pending && (
        <p className="notice" data-testid="edit-pending">
          {t(can(me, 'articles.publish') ? 'kb.pendingSupervisor' : 'kb.pendingAgent', { published: article!.published_version, version: article!.version })}
        </p>
      )}
      <form className="article-form" onSubmit={save}>
        <div className="langs">
          {LANGS.map((l) => (
            <fieldset key={l} className="card">
              <legend>{t(`kb.lang.${l}`)}</legend>
              <label htmlFor={`title-${l}`}>{t('kb.fieldTitle')}</label>
              <input id={`title-${l}`} lang={l} value={texts[l].title} onChange={(e) => set(l, 'title', e.target.value)} maxLength={300} />
              <label htmlFor={`body-${l}`}>{t('kb.fieldBody')}</label>
              <textarea id={`body-${l}`} lang={l} rows={12} value={texts[l].body} onChange={(e) => set(l, 'body', e.target.value)} />
            </fieldset>
          ))}
        </div>
        <label htmlFor="kb-tags">{t('kb.tags')}</label>
        <input id="kb-tags" value={tags} onChange={(e) => setTags(e.target.value)} placeholder={t('kb.tagsPlaceholder')} />
        <div className="composer-actions">
          <button type="submit" className="button primary" disabled={busy}>
            {isNew ? t('kb.create') : t('kb.save')}
          </button>
          {article && can(me, 'articles.publish') && pending && (
            <button type="button" className="button" onClick={() => publish('publish')}>
              {t('kb.publishEdit')}
            </button>
          )}
          {article && can(me, 'articles.publish') && (
            <button type="button" className="button" onClick={() => publish(article.visibility === 'public' ? 'unpublish' : 'publish')}>
              {article.visibility === 'public' ? t('kb.unpublish') : t('kb.publish')}
            </button>
          )}
        </div>
        <div role="status">
          {notice && (
            <p className={notice.kind === 'error' ? 'error' : 'ok'}>
              {notice.text}{' '}
              {notice.conflict && (
                <button type="button" className="button" onClick={() => { setNotice(null); setVersion((v) => v + 1); }}>
                  {t('kb.reload')}
                </button>
              )}
            </p>
          )}
        </div>
      </form>
      {article?.versions && <VersionHistory articleId={article.id} versions={article.versions} />}
    </main>
  );
}
