import { z } from 'zod';
import { badImportFile } from '../mail/split-mbox.ts';
import { exportFolder, maybeNumericId as maybeId, numericId as id, parseRecord, records, recordsPerTicket } from '../helpdesk/read-json.ts';

/**
 * The records of a Chatwoot export as its Application API gives them (developers.chatwoot.com:
 * Contacts, Agents, Conversations, Messages; pages as {"payload": […]} or {"data": {"payload": […]}}).
 * Times are Unix seconds (the API) or ISO strings (a database export); message_type is a number
 * (0 incoming, 1 outgoing, 2 activity, 3 template) or its name.
 */
const time = z.union([z.number(), z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'not a date')]);
const attrs = z.record(z.string(), z.unknown()).nullish();

export const cwContact = z.looseObject({
  id, name: z.string().nullish(), email: z.string().nullish(), phone_number: z.string().nullish(), account_id: maybeId,
  additional_attributes: attrs, custom_attributes: attrs,
});
export const cwAgent = z.looseObject({ id, name: z.string().nullish(), email: z.string().nullish(), account_id: maybeId, role: z.string().nullish() });
export const cwMessage = z.looseObject({
  id,
  content: z.string().nullish(),
  account_id: maybeId,
  conversation_id: maybeId,
  message_type: z.union([z.number().int(), z.string()]),
  private: z.boolean().nullish(),
  created_at: time,
  sender_type: z.string().nullish(),
  sender_id: maybeId,
  sender: z.looseObject({ id: id.nullish(), type: z.string().nullish() }).nullish(),
  attachments: z.array(z.looseObject({ file_type: z.string().nullish(), data_url: z.string().nullish(), file_size: z.number().nullish(), extension: z.string().nullish() })).nullish(),
});
export const cwConversation = z.looseObject({
  id,
  account_id: maybeId,
  status: z.string().nullish(),
  priority: z.string().nullish(),
  labels: z.array(z.string()).nullish(),
  meta: z.looseObject({
    sender: z.looseObject({ id }).nullish(),
    assignee: z.looseObject({ id }).nullish(),
    team: z.unknown().optional(),
    channel: z.string().nullish(),
  }).nullish(),
  contact_id: maybeId,
  assignee_id: maybeId,
  team_id: maybeId,
  custom_attributes: attrs,
  additional_attributes: attrs,
  created_at: time,
  last_activity_at: time.nullish(),
  timestamp: time.nullish(),
  messages: z.array(z.unknown()).nullish(),
});

export type CwConversation = z.infer<typeof cwConversation>;
export type CwMessage = z.infer<typeof cwMessage>;
export type CwContact = z.infer<typeof cwContact>;

export interface ChatwootExport {
  contacts: CwContact[];
  agents: z.infer<typeof cwAgent>[];
  conversations: CwConversation[];
  /** conversation id → its messages */
  messages: Map<string, CwMessage[]>;
}

/**
 * Reads a folder holding a Chatwoot export: conversations.json, contacts.json, agents.json, each
 * an API page, an array or NDJSON; messages in messages/<conversation id>.json (the Messages API,
 * all of a conversation), else inside each conversation ("messages": […]; the conversation list
 * holds only the last one, so export messages per conversation for the whole history).
 */
export async function readChatwootExport(dir: string): Promise<ChatwootExport> {
  const names = await exportFolder(dir, 'Chatwoot', 'conversations.json, contacts.json, agents.json');
  const conversations = await records(dir, names, 'conversations', cwConversation, 'Chatwoot');
  if (!conversations.found) throw badImportFile(`No conversations.json in ${dir}: a Chatwoot export holds conversations.json, contacts.json and agents.json (see the README)`);
  const messages = await recordsPerTicket(dir, names, 'messages', 'payload', cwMessage, 'Chatwoot');
  for (const c of conversations.list) {
    if (messages.has(c.id) || !c.messages?.length) continue;
    messages.set(c.id, c.messages.map((m, i) => parseRecord(cwMessage, m, `conversations.json, conversation ${c.id}, message ${i + 1}`, 'Chatwoot')));
  }
  return {
    contacts: (await records(dir, names, 'contacts', cwContact, 'Chatwoot')).list,
    agents: (await records(dir, names, 'agents', cwAgent, 'Chatwoot')).list,
    conversations: conversations.list,
    messages,
  };
}
