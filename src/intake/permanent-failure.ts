/**
 * A message that can never be stored, however often it is delivered again: it cannot be read (over
 * 1,000 MIME parts, HTML nested so deep that parsing it overflows the stack) or breaks a hard limit of
 * the database (its text makes a search index entry over 1 MB). SMTP answers such a message with a
 * 5xx and a reason, so the sender learns at once instead of retrying for days; anything else that goes
 * wrong (the database is down, a deadlock) stays temporary: 451, try again later.
 */
export class PermanentFailure extends Error {
  constructor(
    /** 552: too much of something (RFC 5321: exceeded storage allocation); 554: cannot be processed */
    readonly smtpCode: 552 | 554,
    /** enhanced status code (RFC 3463), e.g. 5.3.4 message too big for system, 5.6.0 media error */
    readonly status: string,
    message: string,
  ) {
    super(message);
    this.name = 'PermanentFailure';
  }
}

/** Reading a message is deterministic: what fails to parse fails again on every retry. Turns such an error into its reason. */
export function unreadable(err: unknown): PermanentFailure {
  if (err instanceof PermanentFailure) return err;
  const message = err instanceof Error ? err.message : String(err);
  if (/child nodes/i.test(message)) return new PermanentFailure(554, '5.6.0', 'Message refused: more than 1,000 MIME parts');
  if (err instanceof RangeError && /call stack/i.test(message)) {
    return new PermanentFailure(554, '5.6.0', 'Message refused: its HTML or MIME structure is nested too deeply to read');
  }
  if (err instanceof RangeError) return new PermanentFailure(552, '5.3.4', `Message refused: too large to read (${message.slice(0, 120)})`);
  return new PermanentFailure(554, '5.6.0', `Message refused: it cannot be read (${message.slice(0, 120)})`);
}

/**
 * The database said no for a reason that retrying does not change: SQLSTATE class 54 (program limit
 * exceeded: a search index entry over 1 MB, too many columns), class 22 (data exception: a value the
 * column cannot hold) and 23514 (a CHECK constraint). Connection loss (08), shutdown (57), lack of
 * resources (53), serialisation failures and deadlocks (40) and the rest are temporary.
 */
export function permanentDatabaseFailure(err: unknown): PermanentFailure | null {
  const code = (err as { code?: unknown })?.code;
  if (typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code)) return null;
  const detail = err instanceof Error ? err.message.slice(0, 120) : '';
  if (code.startsWith('54')) return new PermanentFailure(552, '5.3.4', `Message refused: too large to store (${detail})`);
  if (code.startsWith('22') || code === '23514') return new PermanentFailure(554, '5.6.0', `Message refused: its content cannot be stored (${detail})`);
  return null;
}
