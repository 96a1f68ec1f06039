import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SignIn } from './accounts/SignIn.tsx';
import { TwoFactorRequired } from './accounts/TwoFactorEnrol.tsx';
import { TwoFactorSettings } from './accounts/TwoFactorSettings.tsx';
import { forgetAgents } from './cases/agents.ts';
import { CaseView } from './cases/CaseView.tsx';
import { Inbox } from './cases/Inbox.tsx';
import { ProblemsBoard } from './problems/ProblemsBoard.tsx';
import { ProblemView } from './problems/ProblemView.tsx';
import { DueToday } from './promises/DueToday.tsx';
import { Dashboard } from './insight/Dashboard.tsx';
import { ArticleEditor } from './knowledge/ArticleEditor.tsx';
import { KnowledgeList } from './knowledge/KnowledgeList.tsx';
import { Notifications } from './promises/Notifications.tsx';
import { RefundsQueue } from './refunds/RefundsQueue.tsx';
import { Announcements } from './announcements/Announcements.tsx';
import { Incidents } from './announcements/Incidents.tsx';
import { Retention } from './rights/Retention.tsx';
import { StatusSettings } from './announcements/StatusSettings.tsx';
import { Channels } from './channels/Channels.tsx';
import { PortalSettings } from './channels/PortalSettings.tsx';
import { MacroList } from './macros/MacroList.tsx';
import { ServiceRules } from './settings/ServiceRules.tsx';
import { InboxSenders } from './channels/InboxSenders.tsx';
import { FieldDefinitions } from './custom-fields/FieldDefinitions.tsx';
import { SsoSettings } from './accounts/SsoSettings.tsx';
import { Roles } from './accounts/Roles.tsx';
import { Imports } from './imports/Imports.tsx';
import { Organisations } from './organisations/Organisations.tsx';
import { OrganisationView } from './organisations/OrganisationView.tsx';
import { ApiError, get, post, whenSignedOut } from './shared/api.ts';
import { useGoShortcuts } from './shared/keys.ts';
import { LiveIndicator } from './shared/LiveIndicator.tsx';
import { startLive, stopLive } from './shared/live.ts';
import { ANNOUNCEMENTS, BASE, DASHBOARD, INCIDENTS, KNOWLEDGE, navigate, onLinkClick, PROBLEMS, PROMISES, REFUNDS, SETTINGS, ORGANISATIONS, useRoute, type Route } from './shared/router.ts';
import { ShortcutHelp } from './shared/ShortcutHelp.tsx';
import { SettingsIndex } from './settings/SettingsIndex.tsx';
import type { Me } from './shared/types.ts';

/** The screens reached from Settings: the top bar marks Settings as current on each of them. */
const SETTINGS_SCREENS = new Set<Route['screen']>(['settings', 'security', 'channels', 'portal', 'status-settings', 'sso', 'macros', 'retention', 'roles', 'imports', 'service-rules', 'inboxes', 'fields']);

export function App() {
  const { t } = useTranslation();
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [help, setHelp] = useState(false);
  const [bell, setBell] = useState(false);
  const route = useRoute();
  useGoShortcuts({
    i: () => navigate(BASE),
    p: () => navigate(PROBLEMS),
    d: () => navigate(PROMISES),
    o: () => navigate(DASHBOARD),
    k: () => navigate(KNOWLEDGE),
    r: () => navigate(REFUNDS),
    s: () => navigate(SETTINGS),
    n: () => setBell((b) => !b),
  });

  const loadMe = useCallback(() => {
    setError(null);
    get<Me>('/api/v1/me').then(setMe, (e) => (e instanceof ApiError && e.status === 401 ? setMe(null) : setError(e.message)));
  }, []);
  useEffect(() => {
    whenSignedOut(() => setMe(null));
    loadMe();
  }, [loadMe]);
  // one live stream per signed-in tab
  useEffect(() => {
    if (!me || me.two_factor?.must_enrol) return;
    startLive();
    return stopLive;
  }, [me]);

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
  // required two-factor sign-in not set up yet: nothing else until it is
  if (me.two_factor?.must_enrol) return <TwoFactorRequired onDone={loadMe} onSignOut={signOut} />;

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
          <a href={BASE} onClick={onLinkClick} aria-current={route.screen === 'inbox' ? 'page' : undefined} aria-keyshortcuts="g i">
            {t('app.inbox')}
          </a>
          <a href={PROBLEMS} onClick={onLinkClick} aria-current={route.screen === 'problems' || route.screen === 'problem' ? 'page' : undefined} aria-keyshortcuts="g p">
            {t('app.problems')}
          </a>
          <a href={PROMISES} onClick={onLinkClick} aria-current={route.screen === 'promises' ? 'page' : undefined} aria-keyshortcuts="g d">
            {t('app.promises')}
          </a>
          <a href={REFUNDS} onClick={onLinkClick} aria-current={route.screen === 'refunds' ? 'page' : undefined} aria-keyshortcuts="g r">
            {t('refunds.nav')}
          </a>
          <a href={ANNOUNCEMENTS} onClick={onLinkClick} aria-current={route.screen === 'announcements' ? 'page' : undefined}>
            {t('app.announcements')}
          </a>
          <a href={INCIDENTS} onClick={onLinkClick} aria-current={route.screen === 'incidents' ? 'page' : undefined}>
            {t('app.incidents')}
          </a>
          <a href={KNOWLEDGE} onClick={onLinkClick} aria-current={route.screen === 'knowledge' ? 'page' : undefined} aria-keyshortcuts="g k">
            {t('app.knowledge')}
          </a>
          <a href={DASHBOARD} onClick={onLinkClick} aria-current={route.screen === 'dashboard' ? 'page' : undefined} aria-keyshortcuts="g o">
            {t('app.dashboard')}
          </a>
          <a href={ORGANISATIONS} onClick={onLinkClick} aria-current={route.screen === 'organisations' || route.screen === 'organisation' ? 'page' : undefined}>
            {t('organisations.nav')}
          </a>
          <a href={SETTINGS} onClick={onLinkClick} aria-current={SETTINGS_SCREENS.has(route.screen) ? 'page' : undefined} aria-keyshortcuts="g s">
            {t('settings.nav')}
          </a>
        </nav>
        <div className="topbar-end">
          <LiveIndicator />
          {me.agent && <Notifications open={bell} onOpenChange={setBell} />}
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
      ) : route.screen === 'problems' ? (
        <ProblemsBoard me={me} onHelp={showHelp} />
      ) : route.screen === 'problem' ? (
        <ProblemView key={route.id} me={me} id={route.id} onHelp={showHelp} />
      ) : route.screen === 'promises' ? (
        <DueToday me={me} onHelp={showHelp} />
      ) : route.screen === 'refunds' ? (
        <RefundsQueue me={me} onHelp={showHelp} />
      ) : route.screen === 'announcements' ? (
        <Announcements me={me} onHelp={showHelp} />
      ) : route.screen === 'incidents' ? (
        <Incidents me={me} onHelp={showHelp} />
      ) : route.screen === 'service-rules' ? (
        <ServiceRules me={me} onHelp={showHelp} />
      ) : route.screen === 'fields' ? (
        <FieldDefinitions me={me} onHelp={showHelp} />
      ) : route.screen === 'inboxes' ? (
        <InboxSenders me={me} onHelp={showHelp} />
      ) : route.screen === 'macros' ? (
        <MacroList me={me} onHelp={showHelp} />
      ) : route.screen === 'organisations' ? (
        <Organisations me={me} onHelp={showHelp} />
      ) : route.screen === 'organisation' ? (
        <OrganisationView key={route.id} me={me} id={route.id} onHelp={showHelp} />
      ) : route.screen === 'retention' ? (
        <Retention me={me} onHelp={showHelp} />
      ) : route.screen === 'status-settings' ? (
        <StatusSettings me={me} onHelp={showHelp} />
      ) : route.screen === 'sso' ? (
        <SsoSettings me={me} onHelp={showHelp} />
      ) : route.screen === 'roles' ? (
        <Roles me={me} onHelp={showHelp} />
      ) : route.screen === 'imports' ? (
        <Imports me={me} onHelp={showHelp} />
      ) : route.screen === 'security' ? (
        <TwoFactorSettings me={me} onHelp={showHelp} />
      ) : route.screen === 'settings' ? (
        <SettingsIndex me={me} onHelp={showHelp} />
      ) : route.screen === 'channels' ? (
        <Channels me={me} onHelp={showHelp} />
      ) : route.screen === 'portal' ? (
        <PortalSettings me={me} onHelp={showHelp} />
      ) : route.screen === 'dashboard' ? (
        <Dashboard me={me} params={route.params} onHelp={showHelp} />
      ) : route.screen === 'knowledge' ? (
        route.id ? <ArticleEditor key={route.id} me={me} id={route.id} onHelp={showHelp} /> : <KnowledgeList params={new URLSearchParams(location.search)} onHelp={showHelp} />
      ) : (
        <Inbox me={me} params={route.params} onHelp={showHelp} />
      )}
      <ShortcutHelp open={help} onClose={() => setHelp(false)} />
    </>
  );
}
