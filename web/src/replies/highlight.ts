import type { Finding } from '../shared/types.ts';

export interface Piece {
  text: string;
  finding: Finding | null;
}

/**
 * Cut the draft into plain pieces and pieces a finding points at, for the underline mirror.
 * Overlapping or out-of-range spans are skipped: a wrong underline is worse than none.
 */
export function highlightPieces(text: string, findings: readonly Finding[]): Piece[] {
  const spans = findings
    .filter((f) => f.span && f.span.start >= 0 && f.span.end <= text.length && f.span.start < f.span.end)
    .sort((a, b) => a.span!.start - b.span!.start);
  const out: Piece[] = [];
  let at = 0;
  for (const f of spans) {
    const { start, end } = f.span!;
    if (start < at) continue;
    if (start > at) out.push({ text: text.slice(at, start), finding: null });
    out.push({ text: text.slice(start, end), finding: f });
    at = end;
  }
  if (at < text.length) out.push({ text: text.slice(at), finding: null });
  return out;
}
