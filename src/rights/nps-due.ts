/**
 * Whether an account's scheduled NPS round is due: never sent, or sent at least `everyDays` ago
 * (a round counts from when it was sent, so a sweep that runs late does not shift the next one
 * much). An account without a schedule is never due. Pure.
 */
export function npsDue(o: { everyDays: number | null; lastSentAt: Date | null; now: Date }): boolean {
  if (o.everyDays === null) return false;
  if (!o.lastSentAt) return true;
  // an hour's slack: the daily sweep runs at about the same time, so "7 days" must not become 8
  return o.now.getTime() - o.lastSentAt.getTime() >= o.everyDays * 86_400_000 - 3_600_000;
}
