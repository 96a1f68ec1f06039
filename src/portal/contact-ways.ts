import type { HelpContact } from '../knowledge/set-help-centre.ts';

/** How a portal visitor reaches a person, on every page: what the account offers of these. */
export interface ContactWays {
  phone: string | null;
  email: string | null;
  hours: string | null;
  /** the help centre's contact page (an https link the admin gave) */
  url: string | null;
  callback: boolean;
  form: boolean;
}

/** From the help centre's contact (phone, hours, mail, a page), the first inbox's address and the doors that are open. Pure. */
export function contactWaysOf(help: HelpContact | null, inbox: string | null, doors: { callback_enabled: boolean; form_enabled: boolean }): ContactWays {
  const c = help ?? {};
  return {
    phone: c.phone ?? null,
    email: c.email ?? inbox ?? null,
    hours: c.hours ?? null,
    url: c.url ?? null,
    callback: doors.callback_enabled,
    form: doors.form_enabled,
  };
}
