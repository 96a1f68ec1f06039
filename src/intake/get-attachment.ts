import { withoutBidiControls } from './pipeline/clean-text.ts';
import type { Db } from '../storage/db.ts';
import { notFound } from '../shared/errors.ts';

/** An attachment's bytes for download, in this account only. */
export async function getAttachment(db: Db, accountId: string, id: string) {
  const [row] = await db.query<{ filename: string; size: number; sha256: string; content: Buffer | Uint8Array }>(
    'SELECT filename, size, sha256, content FROM attachments WHERE account_id = $1 AND id = $2',
    [accountId, id],
  );
  if (!row) throw notFound('attachment', id);
  return { ...row, content: Buffer.from(row.content) };
}

/**
 * Download headers that keep an attachment from ever running in our origin: always a download,
 * never sniffed, never rendered (an .html attachment stays a file).
 */
export function downloadHeaders(stored: string, size: number): Record<string, string> {
  const filename = withoutBidiControls(stored); // rows stored before intake removed them
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return {
    'content-type': 'application/octet-stream',
    'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
    'content-length': String(size),
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; sandbox",
    'cache-control': 'private, no-store',
  };
}
