/**
 * The bulk reply's variables, rendered in the browser for a preview: the same {{path}} syntax the
 * server renders (src/replies/render-template.ts), strict like it — a variable without a value is
 * reported, never shown as an empty gap.
 */
export const TEMPLATE_VARIABLES = ['customer.first_name', 'customer.name', 'case.ref', 'case.subject', 'amount', 'agent.name'] as const;

export type Piece = { text: string } | { variable: string; value: string | null };

export function renderPreview(body: string, vars: Record<string, string | undefined>): { pieces: Piece[]; missing: string[] } {
  const pieces: Piece[] = [];
  const missing = new Set<string>();
  let at = 0;
  for (const m of body.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)) {
    if (m.index > at) pieces.push({ text: body.slice(at, m.index) });
    const value = vars[m[1]]?.trim() ? vars[m[1]]! : null;
    if (value === null) missing.add(m[1]);
    pieces.push({ variable: m[1], value });
    at = m.index + m[0].length;
  }
  if (at < body.length) pieces.push({ text: body.slice(at) });
  return { pieces, missing: [...missing] };
}

export const firstName = (name: string) => name.trim().split(/\s+/)[0] ?? '';

/** "€ 12,50" for Dutch, "€12.50" for English: the way the server writes {{amount}}. */
export const formatAmount = (cents: number, currency: string, language: string | null) =>
  new Intl.NumberFormat(language?.startsWith('en') ? 'en-GB' : 'nl-NL', { style: 'currency', currency }).format(cents / 100);
