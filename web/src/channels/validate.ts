/** The door settings as the screen edits them: text for every field, checked before saving. */
export interface DoorsDraft {
  slug: string;
  origins: string;
  form_enabled: boolean;
  min_fill_seconds: string;
  submissions_per_hour: string;
  callback_enabled: boolean;
  callback_slot_minutes: string;
  callback_capacity: string;
  callback_days_ahead: string;
  chat_enabled: boolean;
  chat_bot_enabled: boolean;
}

/** What the server takes (PUT /api/v1/channels). */
export interface DoorsPatch {
  slug: string;
  allowed_origins: string[];
  form_enabled: boolean;
  min_fill_seconds: number;
  submissions_per_hour: number;
  callback_enabled: boolean;
  callback_slot_minutes: number;
  callback_capacity: number;
  callback_days_ahead: number;
  chat_enabled: boolean;
  chat_bot_enabled: boolean;
}

/** An error key per field (a locale key under channels.errors) with its values. */
export type DraftErrors = Partial<Record<keyof DoorsDraft, { key: string; values?: Record<string, string | number> }>>;

const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const SLOTS = [15, 20, 30, 60];

/** An origin as browsers send it (scheme and host, no path), or null; the same rule as the server's. */
export function originOf(raw: string): string | null {
  try {
    const u = new URL(raw.trim());
    if ((u.protocol === 'https:' || u.protocol === 'http:') && (u.pathname === '/' || u.pathname === '') && !u.search && !u.hash && !u.username) return u.origin;
  } catch {
    // not a URL
  }
  return null;
}

function whole(raw: string, min: number, max: number): number | null {
  if (!/^\s*\d+\s*$/.test(raw)) return null;
  const n = Number(raw);
  return n >= min && n <= max ? n : null;
}

/** Checks the draft the way the server would, so each field says what is wrong before a save is tried. */
export function checkDraft(d: DoorsDraft): { patch: DoorsPatch | null; errors: DraftErrors } {
  const errors: DraftErrors = {};
  const slug = d.slug.trim();
  if (!SLUG.test(slug)) errors.slug = { key: slug === '' ? 'slugRequired' : 'slug' };
  const lines = d.origins.split('\n').map((l) => l.trim()).filter(Boolean);
  const origins: string[] = [];
  for (const line of lines) {
    const o = originOf(line);
    if (!o) {
      errors.origins = { key: 'origin', values: { origin: line } };
      break;
    }
    if (!origins.includes(o)) origins.push(o);
  }
  if (!errors.origins && origins.length > 20) errors.origins = { key: 'tooManyOrigins', values: { max: 20 } };
  const num = (k: 'min_fill_seconds' | 'submissions_per_hour' | 'callback_capacity' | 'callback_days_ahead', min: number, max: number) => {
    const n = whole(d[k], min, max);
    if (n === null) errors[k] = { key: 'range', values: { min, max } };
    return n ?? 0;
  };
  const minFill = num('min_fill_seconds', 0, 600);
  const perHour = num('submissions_per_hour', 1, 1000);
  const capacity = num('callback_capacity', 1, 100);
  const days = num('callback_days_ahead', 1, 60);
  const slot = Number(d.callback_slot_minutes);
  if (!SLOTS.includes(slot)) errors.callback_slot_minutes = { key: 'slot' };
  if (Object.keys(errors).length) return { patch: null, errors };
  return {
    errors,
    patch: {
      slug, allowed_origins: origins, form_enabled: d.form_enabled, min_fill_seconds: minFill, submissions_per_hour: perHour,
      callback_enabled: d.callback_enabled, callback_slot_minutes: slot, callback_capacity: capacity, callback_days_ahead: days, chat_enabled: d.chat_enabled, chat_bot_enabled: d.chat_bot_enabled,
    },
  };
}

/** The one script tag a company pastes into its website. */
export const snippet = (origin: string, slug: string) => `<script src="${origin}/widget.js" data-luister="${slug}" async></script>`;
