import { z } from 'zod';
import { INCIDENT_IMPACTS, INCIDENT_STATUSES, type IncidentImpact, type IncidentStatus, partsSchema, titleSchema } from './incident-store.ts';
import { contactRoute } from './settings.ts';

const id = z.string().uuid();
const when = z.iso.datetime({ offset: true }).transform((v) => new Date(v)).describe('ISO 8601 with offset');
export const incidentStatus = z.enum(INCIDENT_STATUSES as [IncidentStatus, ...IncidentStatus[]]);
export const incidentImpact = z.enum(INCIDENT_IMPACTS as [IncidentImpact, ...IncidentImpact[]]);

/** An update's body: the three parts, when the next update comes (the fourth), and a person to reach. */
const update = z.object({
  status: incidentStatus, parts: partsSchema.describe('what happened, what we are doing, what it means for you — in Dutch, optionally English'),
  next_update_at: when.optional().describe('when you hear from us next: required until resolved'), contact_route: contactRoute.optional(),
}).strict();

/** The bodies of opening an incident and posting an update, shared by the API and the CLI (`luister incidents open|update`). */
export const incidentBodies = {
  update,
  open: z.object({ title: titleSchema, impact: incidentImpact, component_ids: z.array(id).max(50).default([]), problem_id: id.optional(), owner_id: id.optional(), update }).strict(),
};
