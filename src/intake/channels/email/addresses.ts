/** Small facts about e-mail addresses and Message-IDs, shared by the listener, the poller and sending. */

// Local part: anything but blanks, brackets and separators (RFC 6532 allows UTF-8 there: "jdöe"). Domain: labels of
// letters, digits and hyphens in any script (an internationalised domain, "mächine.example", as mailparser gives it
// after undoing punycode), or its punycode form ("xn--mchine-bua.example").
const LABEL = String.raw`[\p{L}\p{N}](?:[\p{L}\p{N}\p{M}-]{0,62}[\p{L}\p{N}\p{M}])?`;
const ADDRESS = new RegExp(String.raw`^[^\s@<>(),;:"[\]\\\p{Cc}\p{Cf}]+@${LABEL}(?:\.${LABEL})+$`, 'u');

/** A plain, usable address (no display name, no route), ASCII or internationalised (RFC 6531/6532): what we accept as sender or recipient. */
export function isMailAddress(value: string): boolean {
  return value.length <= 254 && ADDRESS.test(value);
}

/**
 * `Support+LU-1042@Parkeren.nl` → `{ base: 'support@parkeren.nl', tag: 'lu-1042' }`. Replies to our
 * mail come back to the plus-address, so the tag names the case even when the subject was changed.
 */
export function splitPlusAddress(address: string): { base: string; tag: string | null } {
  const lower = address.trim().toLowerCase();
  const at = lower.lastIndexOf('@');
  if (at < 0) return { base: lower, tag: null };
  const local = lower.slice(0, at);
  const plus = local.indexOf('+');
  if (plus < 0) return { base: lower, tag: null };
  return { base: `${local.slice(0, plus)}${lower.slice(at)}`, tag: local.slice(plus + 1) || null };
}

export function plusAddress(address: string, tag: string): string {
  const at = address.lastIndexOf('@');
  return `${address.slice(0, at)}+${tag.toLowerCase()}${address.slice(at)}`;
}

/** `<abc@x>` → `abc@x`; ids are compared without brackets, exactly as written otherwise. */
export function bareMessageId(id: string): string {
  return id.trim().replace(/^<+|>+$/g, '').trim();
}

/** Every Message-ID in a References / In-Reply-To value (header text or mailparser's array). */
export function messageIds(value: string | string[] | undefined | null): string[] {
  if (!value) return [];
  const text = Array.isArray(value) ? value.join(' ') : value;
  const bracketed = text.match(/<[^<>\s]+>/g);
  const ids = bracketed ? bracketed.map(bareMessageId) : text.split(/\s+/).map(bareMessageId);
  return ids.filter((id) => id.length > 0 && id.length <= 500);
}
