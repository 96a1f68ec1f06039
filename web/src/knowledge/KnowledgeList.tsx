import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get, query } from '../shared/api.ts';
import { useShortcuts } from '../shared/keys.ts';
import { Marked } from '../shared/Marked.tsx';
import { articleHref, KNOWLEDGE, navigate, onLinkClick } from '../shared/router.ts';
import { SearchBox } from '../shared/SearchBox.tsx';
import { Time } from '../shared/Time.tsx';
import type { Page } from '../shared/types.ts';
import type { ArticleHit, ArticleSummary } from './types.ts';

/** The knowledge base: every article (internal and public), a search, and a way to write a new one. */
export function KnowledgeList({ params, onHelp }: { params: URLSearchParams; onHelp: () => void }) {
  const { t } = useTranslation();
  const q = params.get('q') ?? '';
  const [articles, setArticles] = useState<ArticleSummary[] | null>(null);
  const [hits, setHits] = useState<ArticleHit[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  useEffect(() => titleRef.current?.focus(), []);
  useEffect(() => {
    const ac = new AbortController();
    setError(null);
    const load = q
      ? get<{ data: ArticleHit[] }>(`/api/v1/articles/search${query({ q, limit: 50 })}`, ac.signal).then((r) => setHits(r.data))
      : get<Page<ArticleSummary>>('/api/v1/articles?limit=100', ac.signal).then((r) => {
          setHits(null);
          setArticles(r.data);
        });
    load.catch((e) => !ac.signal.aborted && setError(e.message));
    return () => ac.abort();
  }, [q]);
  useShortcuts({ '/': () => searchRef.current?.focus(), c: () => navigate(articleHref('new')), '?': onHelp });

  return (
    <main id="main" className="knowledge">
      <div className="inbox-head">
        <h1 ref={titleRef} tabIndex={-1}>
          {t('kb.title')}
        </h1>
        <SearchBox id="kb-search" ref={searchRef} value={q} placeholder={t('kb.searchPlaceholder')} onSearch={(v) => navigate(`${KNOWLEDGE}${query({ q: v })}`)} />
        <a className="button primary" href={articleHref('new')} onClick={onLinkClick} aria-keyshortcuts="c">
          {t('kb.new')} <kbd>c</kbd>
        </a>
      </div>
      {error && (
        <p className="error" role="alert">
          {t('app.error', { message: error })}
        </p>
      )}
      {hits ? (
        <section aria-labelledby="kb-results">
          <h2 id="kb-results">{t('inbox.results', { q })}</h2>
          {hits.length === 0 && <p>{t('inbox.noResults', { q })}</p>}
          <ol className="hits">
            {hits.map((h) => (
              <li key={`${h.id}:${h.language}`}>
                <a href={articleHref(h.id)} onClick={onLinkClick}>
                  {h.title}
                </a>{' '}
                <span className="badge">{h.language}</span> <span className={`badge vis-${h.visibility}`}>{t(`kb.visibility.${h.visibility}`)}</span>
                <p className="snippet">
                  <Marked snippet={h.snippet} />
                </p>
              </li>
            ))}
          </ol>
          <a href={KNOWLEDGE} onClick={onLinkClick}>
            {t('inbox.clearSearch')}
          </a>
        </section>
      ) : !articles ? (
        !error && <p className="muted">{t('app.loading')}</p>
      ) : articles.length === 0 ? (
        <p>{t('kb.empty')}</p>
      ) : (
        <table className="cases">
          <caption className="visually-hidden">{t('kb.caption', { count: articles.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('kb.article')}</th>
              <th scope="col">{t('kb.languages')}</th>
              <th scope="col">{t('kb.status')}</th>
              <th scope="col">{t('kb.version')}</th>
              <th scope="col">{t('kb.updated')}</th>
            </tr>
          </thead>
          <tbody>
            {articles.map((a) => (
              <tr key={a.id}>
                <td>
                  <a href={articleHref(a.id)} onClick={onLinkClick}>
                    {a.titles.nl ?? a.titles.en ?? a.slug}
                  </a>
                  {a.tags.length > 0 && <span className="muted small"> · {a.tags.join(', ')}</span>}
                </td>
                <td>{Object.keys(a.titles).join(', ')}</td>
                <td>
                  <span className={`badge vis-${a.visibility}`}>{t(`kb.visibility.${a.visibility}`)}</span>
                </td>
                <td>{a.version}</td>
                <td>
                  <Time iso={a.updated_at} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
