import type { MessageType } from '../../cases/insert-message.ts';
import type { CaseStatus, ChannelKind, Priority } from '../../cases/status.ts';
import type { HelpdeskSource } from '../summary.ts';

/**
 * Another helpdesk's export, read (<source>/read-export.ts) and put in one shape
 * (<source>/normalise.ts): what every helpdesk has — people, organisations, tickets with their
 * messages — so that matching agents, organisations and custom fields, planning, batching and
 * storing are written once (import-helpdesk.ts). What a source has beyond this shape its
 * normaliser counts in the summary's not_mapped; nothing is dropped without a word.
 */
export interface HelpdeskExport {
  source: HelpdeskSource;
  /** how the source's files and fields are called, for the summary (see RefLabels) */
  labels: RefLabels;
  people: SourcePerson[];
  organisations: SourceOrganisation[];
  tickets: SourceTicket[];
}

/** Names of the source's own files and fields, so that an unresolved reference reads as the source says it. */
export interface RefLabels {
  /** "Zendesk" */
  product: string;
  /** "ticket", "conversation" */
  ticket: string;
  /** "comment", "article", "message" */
  message: string;
  /** the file that holds people: "users.json", "contacts.json / agents.json" */
  peopleFile: string;
  /** the file that holds organisations: "organizations.json" */
  organisationsFile: string;
  /** field names: "ticket.requester_id", … */
  requester: string;
  assignee: string;
  author: string;
  personOrganisation: string;
  ticketOrganisation: string;
}

/** A custom field value as the source has it: its key (or id) and label, matched to a Luister field by key. */
export interface SourceField {
  key: string;
  label?: string | null;
  value: unknown;
}

export interface SourcePerson {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  /** an agent or admin of the source (matched to a Luister agent by e-mail), else a customer */
  agent: boolean;
  organisationId: string | null;
  fields: SourceField[];
}

export interface SourceOrganisation {
  id: string;
  name: string;
  /** e-mail domains (claimed where Luister can: not free-mail, not claimed by another organisation) */
  domains: string[];
  fields: SourceField[];
}

export interface SourceAttachment {
  name: string | null;
  type: string | null;
  size: number | null;
  url: string | null;
}

export interface SourceMessage {
  id: string;
  authorId: string | null;
  /** inbound (the customer), outbound (an agent's reply, sent then, never again), note (private) */
  type: MessageType;
  body: string;
  at: Date;
  attachments: SourceAttachment[];
}

export interface SourceTicket {
  id: string;
  subject: string | null;
  /** mapped: Luister's status, null when the source's value is unknown (raw is reported) */
  status: { mapped: CaseStatus | null; raw: string };
  priority: { mapped: Priority | null; raw: string };
  channel: ChannelKind;
  requesterId: string | null;
  assigneeId: string | null;
  organisationId: string | null;
  tags: string[];
  fields: SourceField[];
  createdAt: Date;
  updatedAt: Date;
  /** oldest first */
  messages: SourceMessage[];
}
