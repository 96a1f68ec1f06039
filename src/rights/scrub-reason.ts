/** The reason for an erasure as kept in the audit: any of the person's own values in it replaced by "[…]". */
export function scrubReason(reason: string, values: readonly string[]): string {
  let out = reason.slice(0, 1000);
  for (const v of [...values].sort((a, b) => b.length - a.length)) {
    out = out.replace(new RegExp(v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi'), '[…]');
  }
  return out;
}
