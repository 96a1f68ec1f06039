import type { promises as nl } from '../nl/promises.ts';
import type { Shape } from '../nl.ts';

/** Promises due today and the notification bell (web/src/promises). */
export const promises: Shape<typeof nl> = {
  promises: {
    title: 'Promises due today',
    hint: 'Open promises due today and broken promises. Mark a promise kept as soon as it is done.',
    mine: 'Only my promises',
    breached: 'Broken',
    noBreached: 'No broken promises.',
    due: 'Due today',
    noDue: 'No more promises due today.',
    caption_one: '{{count}} promise',
    caption_other: '{{count}} promises',
    col: { case: 'Case', promise: 'Promise', owner: 'Owner', due: 'Due', action: 'Action' },
    kind: { callback: 'Call back', appointment_window: 'Appointment', answer_by: 'Answer', refund_by: 'Refund', next_update_by: 'Update', custom: 'Other' },
    keep: { callback_logged: 'Called back', appointment_kept: 'Appointment kept', refund_paid: 'Refund paid', answered: 'Answered', done: 'Done' },
    keepLabel: '{{action}}: {{promise}}',
    byReply: 'a reply keeps this promise',
    kept: 'Kept: {{promise}}',
    drafts: 'Waiting for approval',
    noDrafts: 'No drafts waiting for approval.',
    reason: 'Reason',
    proposed: 'Proposed new time: {{date}}',
    approve: 'Approve and send',
    discard: 'Discard',
    discardReason: 'Why discard it?',
    approved: 'Sent.',
    discarded: 'Discarded.',
    onlySupervisors: 'Only a supervisor approves messages.',
  },
  notifications: {
    button: 'Notifications',
    unread_one: '{{count}} unread notification',
    unread_other: '{{count}} unread notifications',
    title: 'Notifications',
    none: 'No new notifications.',
    openCase: 'Open the case',
    markRead: 'Read',
    markReadLabel: 'Mark as read: {{body}}',
    close: 'Close',
  },
};
