import type { Shape } from '../nl.ts';
import type { portal as nl } from '../nl/portal.ts';

/** The customer portal's settings screen (web/src/channels/PortalSettings.tsx). */
export const portal: Shape<typeof nl> = {
  portal: {
    nav: 'Customer portal',
    title: 'Customer portal',
    intro: 'Customers sign in with a link we mail to an address we know for them, no password. They see their open and closed cases, the messages and what we promised them, and reply right there.',
    enabled: 'Customer portal on',
    on: 'On: customers sign in at {{url}}. Acknowledgement mails name this address.',
    off: 'Off: nobody can sign in, and whoever was signed in is signed out.',
    open: 'Open the portal',
    linkMinutes: 'A sign-in link works for (minutes)',
    linkRange: 'Enter a whole number from 5 to 60.',
    idleMinutes: 'Sign out after this many minutes of inactivity',
    idleRange: 'Enter a whole number from 5 to 240.',
    noPublicUrl: 'PUBLIC_URL is not set: without the public address no sign-in links can be sent.',
    save: 'Save',
    saved: 'Customer portal saved.',
    adminsOnly: 'Only admins set up the customer portal.',
  },
};
