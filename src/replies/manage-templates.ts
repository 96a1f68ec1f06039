import type { Db } from '../storage/db.ts';
import { type Actor } from '../shared/actor.ts';
import { requirePermission } from '../accounts/permissions.ts';
import { recordAudit } from '../shared/audit.ts';
import { conflict, isUniqueViolation, notFound } from '../shared/errors.ts';
import { parseTemplate } from './render-template.ts';
import { checkTemplateFields } from './template-fields.ts';
import { fieldDefinitions } from '../custom-fields/store.ts';

export interface TemplateRow {
  id: string;
  name: string;
  language: string | null;
  body: string;
  /** the variables the template uses */
  variables: string[];
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = 'id, name, language, body, created_at, updated_at';
const withVariables = (r: Omit<TemplateRow, 'variables'>): TemplateRow => ({ ...r, variables: parseTemplate(r.body) });

export async function createTemplate(db: Db, actor: Actor, opts: { name: string; body: string; language?: string | null }) {
  requirePermission(actor, 'templates.manage', 'Managing templates');
  const paths = parseTemplate(opts.body);
  return db.transaction(async (tx) => {
    if (paths.some((p) => p.includes('.fields'))) checkTemplateFields(paths, await fieldDefinitions(tx, actor.accountId));
    try {
      const [row] = await tx.query<Omit<TemplateRow, 'variables'>>(
        `INSERT INTO templates (account_id, name, language, body) VALUES ($1, $2, $3, $4) RETURNING ${COLUMNS}`,
        [actor.accountId, opts.name.trim(), opts.language ?? null, opts.body],
      );
      await recordAudit(tx, actor, { action: 'template.created', entityType: 'template', entityId: row.id, after: { name: row.name } });
      return withVariables(row);
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict('template_exists', `A template named "${opts.name}" already exists`);
      throw err;
    }
  });
}

export async function updateTemplate(db: Db, actor: Actor, id: string, opts: { name?: string; body?: string; language?: string | null }) {
  requirePermission(actor, 'templates.manage', 'Managing templates');
  const paths = opts.body !== undefined ? parseTemplate(opts.body) : [];
  return db.transaction(async (tx) => {
    if (paths.some((p) => p.includes('.fields'))) checkTemplateFields(paths, await fieldDefinitions(tx, actor.accountId));
    const [before] = await tx.query<Omit<TemplateRow, 'variables'>>(`SELECT ${COLUMNS} FROM templates WHERE account_id = $1 AND id = $2 FOR UPDATE`, [actor.accountId, id]);
    if (!before) throw notFound('template', id);
    try {
      const [row] = await tx.query<Omit<TemplateRow, 'variables'>>(
        `UPDATE templates SET name = coalesce($3, name), body = coalesce($4, body),
           language = CASE WHEN $5::boolean THEN $6 ELSE language END, updated_at = now()
         WHERE account_id = $1 AND id = $2 RETURNING ${COLUMNS}`,
        [actor.accountId, id, opts.name?.trim() ?? null, opts.body ?? null, opts.language !== undefined, opts.language ?? null],
      );
      await recordAudit(tx, actor, { action: 'template.updated', entityType: 'template', entityId: id, before: { name: before.name, body: before.body }, after: { name: row.name, body: row.body } });
      return withVariables(row);
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict('template_exists', `A template named "${opts.name}" already exists`);
      throw err;
    }
  });
}

export async function deleteTemplate(db: Db, actor: Actor, id: string) {
  requirePermission(actor, 'templates.manage', 'Managing templates');
  return db.transaction(async (tx) => {
    const [row] = await tx.query<Omit<TemplateRow, 'variables'>>(`DELETE FROM templates WHERE account_id = $1 AND id = $2 RETURNING ${COLUMNS}`, [actor.accountId, id]);
    if (!row) throw notFound('template', id);
    await recordAudit(tx, actor, { action: 'template.deleted', entityType: 'template', entityId: id, before: { name: row.name, body: row.body } });
    return withVariables(row);
  });
}

export async function getTemplate(db: Db, accountId: string, id: string) {
  const [row] = await db.query<Omit<TemplateRow, 'variables'>>(`SELECT ${COLUMNS} FROM templates WHERE account_id = $1 AND id = $2`, [accountId, id]);
  if (!row) throw notFound('template', id);
  return withVariables(row);
}

export async function listTemplates(db: Db, accountId: string) {
  const rows = await db.query<Omit<TemplateRow, 'variables'>>(`SELECT ${COLUMNS} FROM templates WHERE account_id = $1 ORDER BY name`, [accountId]);
  return rows.map(withVariables);
}
