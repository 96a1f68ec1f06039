import type { Shape } from '../nl.ts';
import type { announcements as nl } from '../nl/announcements.ts';

/** Announcements and incidents (web/src/announcements). */
export const announcements: Shape<typeof nl> = {
  announcements: {
    title: 'Announcements',
    hint: 'Tell customers in time what is changing. Luister enforces the minimum notice for each kind of change.',
    none: 'No announcements yet.',
    caption_one: '{{count}} announcement',
    caption_other: '{{count}} announcements',
    col: { kind: 'Kind', subject: 'Subject', effective: 'Takes effect', status: 'Status', delivery: 'Sent' },
    kind: { contract_terms: 'Contract terms', price_change: 'Price change', rebranding: 'Rebranding', service_change: 'Service change', planned_maintenance: 'Planned maintenance', other: 'Other' },
    status: { scheduled: 'Scheduled', sending: 'Sending', sent: 'Sent', cancelled: 'Cancelled' },
    overridden: 'Notice overridden: {{reason}}',
    compose: 'New announcement',
    field: {
      kind: 'Kind of change', effective: 'Takes effect on', audience: 'Audience', audienceValue: 'Tag or product', subjectNl: 'Subject (Dutch)',
      bodyNl: 'Message (Dutch)', plainNl: 'Plain-language version (Dutch), for vulnerable customers', contact: 'Contact with a person (address or phone number)',
      override: 'Reason to override the notice (admins only)',
    },
    audience: { all: 'All customers', tag: 'Customers with a tag or product' },
    check: {
      ok: 'Notice is fine: at least {{days}} days.',
      short: 'Too short: {{days}} days needed. The earliest allowed effective date is {{date}}.',
      counts: '{{total}} recipients, {{vulnerable}} of them vulnerable; {{skipped}} skipped.',
    },
    schedule: 'Schedule',
    scheduled: 'Scheduled.',
  },
  incidents: {
    title: 'Incidents',
    hint: 'Every update says what happened, what we are doing, what it means for the customer and when the next update comes.',
    none: 'No open incidents.',
    impact: { none: 'No impact', minor: 'Minor', major: 'Major', critical: 'Critical' },
    status: { investigating: 'Investigating', identified: 'Identified', monitoring: 'Monitoring', resolved: 'Resolved' },
    next: 'Next update by {{time}} ({{left}} left)',
    overdue: 'Overdue: the update was promised by {{time}}',
    late: '{{late}} of {{total}} updates late',
    open: 'Report an incident',
    update: 'Post update',
    field: {
      title: 'Title', impact: 'Impact', status: 'Status', happened: 'What happened', doing: 'What we are doing', means: 'What it means for you',
      next: 'Next update by', contact: 'Contact with a person',
    },
    posted: 'Update posted.',
    opened: 'Incident reported.',
    statusPage: 'Public status page',
  },
};
