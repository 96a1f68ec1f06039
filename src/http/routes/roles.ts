import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../storage/db.ts';
import { PERMISSION_NAMES, PERMISSIONS } from '../../accounts/permissions.ts';
import { assignCustomRole } from '../../accounts/roles/assign-custom-role.ts';
import { createCustomRole } from '../../accounts/roles/create-custom-role.ts';
import { deleteCustomRole } from '../../accounts/roles/delete-custom-role.ts';
import { listCustomRoles, loadCustomRole } from '../../accounts/roles/store.ts';
import { updateCustomRole } from '../../accounts/roles/update-custom-role.ts';
import { actorOf } from '../auth.ts';
import * as s from '../schemas.ts';
import * as res from '../responses.ts';

const roleSchema = z
  .object({
    id: z.string(), name: z.string(), description: z.string(),
    permissions: z.array(z.string()).describe('what the role grants on top of the built-in role'),
    agent_ids: z.array(z.string()).describe('the agents who carry it'),
    created_by: z.string().nullable(), created_at: res.time, updated_at: res.time,
  })
  .describe('Custom role');
/** Names are checked against the permission table in the use case (422 unknown_permission, naming each). */
const names = z.array(z.string().max(100)).max(200);
const name = z.string().trim().min(1).max(100);
const description = z.string().max(1000);

/** Custom roles (src/accounts/roles/): composed from named permissions, given to agents on top of their built-in role. */
export function roleRoutes(app: FastifyInstance, db: Db) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['roles'];

  r.get('/api/v1/permissions', {
    config: { permission: 'agents.read' },
    schema: { tags, summary: 'Every permission by name: what it allows and the lowest built-in role that holds it (custom roles grant them to others)',
      response: { 200: res.listOf(z.object({ name: z.string(), role: s.role, description: z.string() })), ...res.errors } },
  }, async () => ({ data: PERMISSION_NAMES.map((p) => ({ name: p, role: PERMISSIONS[p].role, description: PERMISSIONS[p].description })) }));

  r.get('/api/v1/roles', {
    config: { permission: 'roles.manage' },
    schema: { tags, summary: 'The custom roles of the account, by name, with their permissions and agents', response: { 200: res.listOf(roleSchema), ...res.errors } },
  }, async (req) => ({ data: await listCustomRoles(db, actorOf(req).accountId) }));

  r.post('/api/v1/roles', {
    config: { permission: 'roles.manage' },
    schema: { tags, summary: 'Compose a custom role from permission names (an unknown name: 422 unknown_permission); audited',
      body: z.object({ name, description: description.optional(), permissions: names }).strict(), response: { 201: roleSchema, ...res.errors } },
  }, async (req, reply) => reply.code(201).send(await createCustomRole(db, actorOf(req), req.body)));

  r.get('/api/v1/roles/:id', {
    config: { permission: 'roles.manage' },
    schema: { tags, summary: 'One custom role', params: s.idParams, response: { 200: roleSchema, ...res.errors } },
  }, async (req) => loadCustomRole(db, actorOf(req).accountId, req.params.id));

  r.patch('/api/v1/roles/:id', {
    config: { permission: 'roles.manage' },
    schema: { tags, summary: 'Rename a custom role, or change what it grants: replace the list (permissions), or grant and revoke names. Its agents have the change from their next request; audited',
      params: s.idParams,
      body: z.object({ name: name.optional(), description: description.optional(), permissions: names.optional(), grant: names.optional(), revoke: names.optional() }).strict(),
      response: { 200: roleSchema, ...res.errors } },
  }, async (req) => updateCustomRole(db, actorOf(req), req.params.id, req.body));

  r.delete('/api/v1/roles/:id', {
    config: { permission: 'roles.manage' },
    schema: { tags, summary: 'Delete a custom role: its agents lose it and what it granted at once; audited', params: s.idParams, response: { 200: roleSchema, ...res.errors } },
  }, async (req) => deleteCustomRole(db, actorOf(req), req.params.id));

  r.put('/api/v1/agents/:id/custom-role', {
    config: { permission: 'roles.manage' },
    schema: { tags, summary: "Give an agent a custom role on top of their built-in role, or take it away (null); at most one each; audited", params: s.idParams,
      body: z.object({ custom_role_id: s.id.nullable() }).strict(), response: { 200: res.agentSchema, ...res.errors } },
  }, async (req) => assignCustomRole(db, actorOf(req), req.params.id, req.body.custom_role_id));
}
