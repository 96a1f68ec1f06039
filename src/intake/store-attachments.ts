import { createHash } from 'node:crypto';
import type { Db } from '../storage/db.ts';
import type { InboundAttachment } from './types.ts';

// file-type is read on the first attachment, not at start-up (issue 21, idle memory)
let fileTypeModule: Promise<typeof import('file-type')> | undefined;
const fileType = () => (fileTypeModule ??= import('file-type'));

export interface CheckedAttachment extends InboundAttachment {
  detectedType: string | null;
  sha256: string;
}

/**
 * Looks at attachments before anything is stored: the content hash, the type the bytes show
 * beside the type the sender declared, and the size limit. Over the limit: not kept, and the
 * message says so. Attachments are only ever offered as downloads, never shown inline as HTML.
 */
export async function checkAttachments(list: InboundAttachment[], maxBytes: number): Promise<{ keep: CheckedAttachment[]; notes: string[] }> {
  const keep: CheckedAttachment[] = [];
  const notes: string[] = [];
  for (const a of list) {
    if (a.content.length > maxBytes) {
      notes.push(`attachment "${a.filename}" (${megabytes(a.content.length)}) not stored: over the ${megabytes(maxBytes)} limit`);
      continue;
    }
    const { fileTypeFromBuffer } = await fileType();
    const detected = await fileTypeFromBuffer(a.content).catch(() => undefined);
    const detectedType = detected?.mime ?? null;
    if (detectedType && detectedType !== a.declaredType && a.declaredType !== 'application/octet-stream') {
      notes.push(`attachment "${a.filename}" is declared ${a.declaredType} but its content is ${detectedType}`);
    }
    keep.push({ ...a, detectedType, sha256: createHash('sha256').update(a.content).digest('hex') });
  }
  return { keep, notes };
}

export async function insertAttachments(tx: Db, accountId: string, messageId: string, list: CheckedAttachment[]): Promise<void> {
  for (const a of list) {
    await tx.query(
      `INSERT INTO attachments (account_id, message_id, filename, declared_type, detected_type, size, sha256, content)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [accountId, messageId, a.filename, a.declaredType.slice(0, 200), a.detectedType, a.content.length, a.sha256, a.content],
    );
  }
}

const megabytes = (n: number) => `${(n / 1_048_576).toFixed(1)} MB`;
