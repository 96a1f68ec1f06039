import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useShortcuts } from '../shared/keys.ts';
import { CHANNELS, DASHBOARD, FIELDS, IMPORTS, INBOXES, MACROS, SERVICE_RULES, onLinkClick, PORTAL_SETTINGS, RETENTION, ROLES, SECURITY, SSO, STATUS_SETTINGS } from '../shared/router.ts';
import { can, isSupervisor, type Me } from '../shared/types.ts';

interface Item {
  href: string;
  /** the link's name: the screen's own menu word */
  name: string;
  what: string;
}

/**
 * Everything that is set up once, grouped by what it is about, so that the top bar keeps only the
 * daily work. Each person sees the settings their permissions open (a custom role may add some); the
 * screens themselves still check (and the API checks again).
 */
export function SettingsIndex({ me, onHelp }: { me: Me; onHelp: () => void }) {
  const { t } = useTranslation();
  const titleRef = useRef<HTMLHeadingElement>(null);
  useShortcuts({ '?': onHelp });
  useEffect(() => titleRef.current?.focus(), []);
  const supervisor = isSupervisor(me);

  const groups: { title: string; items: Item[] }[] = [
    { title: t('settings.you'), items: [{ href: SECURITY, name: t('twoFactor.nav'), what: t('settings.security') }] },
    {
      title: t('settings.doors'),
      items: [
        ...(can(me, 'channels.manage') ? [{ href: CHANNELS, name: t('channels.nav'), what: t('settings.channels') }] : []),
        ...(can(me, 'inboxes.manage') ? [{ href: INBOXES, name: t('inboxes.nav'), what: t('settings.inboxes') }] : []),
        ...(can(me, 'channels.manage') ? [{ href: PORTAL_SETTINGS, name: t('portal.nav'), what: t('settings.portal') }] : []),
        { href: STATUS_SETTINGS, name: t('app.statusPage'), what: t('settings.statusPage') },
      ],
    },
    {
      title: t('settings.team'),
      items: [
        ...(can(me, 'sso.manage') ? [{ href: SSO, name: t('sso.nav'), what: t('settings.sso') }] : []),
        ...(can(me, 'roles.manage') ? [{ href: ROLES, name: t('roles.nav'), what: t('settings.roles') }] : []),
      ],
    },
    {
      title: t('settings.work'),
      items: [
        { href: MACROS, name: t('macros.title'), what: t('settings.macros') },
        ...(can(me, 'settings.read') ? [{ href: FIELDS, name: t('fieldDefs.nav'), what: t('settings.fields') }] : []),
        ...(can(me, 'routing.manage') || can(me, 'service_levels.manage') ? [{ href: SERVICE_RULES, name: t('rules.nav'), what: t('settings.rules') }] : []),
        ...(supervisor ? [{ href: DASHBOARD, name: t('app.dashboard'), what: t('settings.dashboardPanels') }] : []),
      ],
    },
    {
      title: t('settings.data'),
      items: [
        ...(can(me, 'imports.run') ? [{ href: IMPORTS, name: t('imports.nav'), what: t('settings.imports') }] : []),
        ...(can(me, 'retention.manage') ? [{ href: RETENTION, name: t('retention.nav'), what: t('settings.retention') }] : []),
      ],
    },
  ];

  return (
    <main id="main" className="settings-index">
      <h1 ref={titleRef} tabIndex={-1}>
        {t('settings.title')}
      </h1>
      <p className="muted">{t('settings.intro')}</p>
      {groups
        .filter((g) => g.items.length > 0)
        .map((g, n) => (
          <section key={g.title} aria-labelledby={`settings-group-${n}`}>
            <h2 id={`settings-group-${n}`}>{g.title}</h2>
            <ul className="settings-list">
              {g.items.map((i) => (
                <li key={i.href}>
                  <a href={i.href} onClick={onLinkClick}>
                    {i.name}
                  </a>
                  <p className="muted">{i.what}</p>
                </li>
              ))}
            </ul>
          </section>
        ))}
    </main>
  );
}
