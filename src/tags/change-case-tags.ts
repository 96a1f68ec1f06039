import type { Db } from '../storage/db.ts';
import type { Actor } from '../shared/actor.ts';
import { recordAudit } from '../shared/audit.ts';
import { emitEvent } from '../webhooks/events.ts';
import { type CaseRow, loadCase, publicCase } from '../cases/store.ts';
import { nextTags, parseTagChange, type TagChange } from './tags.ts';
import { tagsOf, writeTags } from './store.ts';

/**
 * Adds and removes tags on a case, in the caller's transaction, on a case row already locked.
 * Audited as case.tags_changed; returns the tags before and after. `strictRemove`: removing a tag
 * the case does not carry is an error (the API) rather than nothing to do (a macro).
 */
export async function applyCaseTags(tx: Db, actor: Actor, c: CaseRow, change: TagChange, strictRemove: boolean) {
  const parsed = parseTagChange(change);
  const before = await tagsOf(tx, actor.accountId, 'case', c.id);
  const after = nextTags(before, parsed, strictRemove);
  if (JSON.stringify(before) !== JSON.stringify(after)) {
    await writeTags(tx, actor.accountId, 'case', c.id, after);
    await recordAudit(tx, actor, { action: 'case.tags_changed', entityType: 'case', entityId: c.id, before: { tags: before }, after: { tags: after } });
  }
  return { before, after };
}

/** Tags a case (add and/or remove); live and as a case.updated webhook when something changed. */
export async function changeCaseTags(db: Db, actor: Actor, caseIdOrRef: string, change: TagChange): Promise<{ case_id: string; tags: string[] }> {
  return db.transaction(async (tx) => {
    const c = await loadCase(tx, actor.accountId, caseIdOrRef, true);
    const { before, after } = await applyCaseTags(tx, actor, c, change, true);
    if (JSON.stringify(before) !== JSON.stringify(after)) {
      await tx.query('UPDATE cases SET updated_at = now() WHERE account_id = $1 AND id = $2', [actor.accountId, c.id]);
      await emitEvent(tx, actor.accountId, 'case.updated', { ...publicCase(c), tags: after });
    }
    return { case_id: c.id, tags: after };
  });
}
