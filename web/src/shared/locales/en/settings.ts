import type { settings as nl } from '../nl/settings.ts';
import type { Shape } from '../nl.ts';

export const settings: Shape<typeof nl> = {
  settings: {
    nav: 'Settings',
    title: 'Settings',
    intro: 'What you set up once, in one place. The daily work is in the bar at the top.',
    you: 'Your sign-in',
    doors: 'How customers reach you',
    team: 'Team and access',
    work: 'Ways of working',
    data: 'Customer data',
    security: 'Two-factor sign-in for yourself; admins require it per role or per agent.',
    channels: 'Contact form, chat, callback booking, phone and WhatsApp, with opening hours.',
    portal: 'Customers follow their cases and reply online, signed in with a link by mail.',
    statusPage: 'The public status page: components, time zone and subscribers.',
    sso: 'Sign-in through your organisation’s identity provider (OpenID Connect).',
    roles: 'Custom roles made of named permissions, on top of the built-in role, and who has which.',
    macros: 'Fixed actions in one click: status, priority, tier, team, tags, fields, note and reply.',
    dashboardPanels: 'Auto-close, NPS rounds and the hourly cost are under the dashboard.',
    imports: 'History from a mail archive or from Zendesk, Freshdesk, Zammad or Chatwoot: a dry run first, then for real.',
    retention: 'How long Luister keeps cases and messages, and running the retention rules now.',
    rules: 'Which team and tier get the cases with certain field values, and which response times hold.',
    fields: 'Custom fields on cases, customers and organisations: type, options, needed to solve.',
    inboxes: 'Sender name and signature per e-mail inbox, for replies and acknowledgements.',
  },
};
