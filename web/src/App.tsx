import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SignIn } from './accounts/SignIn.tsx';
import { forgetAgents } from './cases/agents.ts';
import { CaseView } from './cases/CaseView.tsx';
import { Inbox } from './cases/Inbox.tsx';
import { ApiError, get, post, whenSignedOut } from './shared/api.ts';
import { BASE, onLinkClick, useRoute } from './shared/router.ts';
import { ShortcutHelp } from './shared/ShortcutHelp.tsx';
import type { Me } from './shared/types.ts';

export function App() {
  const { t } = useTranslation();
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [help, setHelp] = useState(false);
  const route = useRoute();

  const loadMe = useCallback(() => {
    setError(null);
    get<Me>('/api/v1/me').then(setMe, (e) => (e instanceof ApiError && e.status === 401 ? setMe(null) : setError(e.message)));
  }, []);
  useEffect(() => {
    whenSignedOut(() => setMe(null));
    loadMe();
  }, [loadMe]);

  const showHelp = useCallback(() => setHelp(true), []);

  async function signOut() {
    await post('/api/v1/auth/logout', {}).catch(() => {});
    forgetAgents();
    setMe(null);
  }

  if (error)
    return (
      <main id="main" className="center">
        <p className="error" role="alert">
          {t('app.error', { message: error })}
        </p>
        <button type="button" className="button" onClick={loadMe}>
          {t('app.retry')}
        </button>
      </main>
    );
  if (me === undefined)
    return (
      <main id="main" className="center" aria-busy="true">
        <p className="muted">{t('app.loading')}</p>
      </main>
    );
  if (me === null) return <SignIn onSignedIn={loadMe} />;

  return (
    <>
      <a href="#main" className="skip-link">
        {t('app.skip')}
      </a>
      <header className="topbar">
        <a href={BASE} onClick={onLinkClick} className="brand">
          Luister
        </a>
        <nav aria-label={t('app.mainNav')}>
          <a href={BASE} onClick={onLinkClick} aria-current={route.screen === 'inbox' ? 'page' : undefined}>
            {t('app.inbox')}
          </a>
        </nav>
        <div className="topbar-end">
          <button type="button" className="link-button" onClick={showHelp} aria-keyshortcuts="?">
            {t('app.shortcuts')} <kbd>?</kbd>
          </button>
          <span className="who">
            {me.agent?.name ?? me.actor.type} · {me.account.name}
          </span>
          <button type="button" className="button" onClick={signOut}>
            {t('app.signOut')}
          </button>
        </div>
      </header>
      {route.screen === 'case' ? (
        <CaseView key={route.ref} me={me} caseRef={route.ref} onHelp={showHelp} />
      ) : (
        <Inbox me={me} params={route.params} onHelp={showHelp} />
      )}
      <ShortcutHelp open={help} onClose={() => setHelp(false)} />
    </>
  );
}
