/** The API's response shapes the workspace uses (see src/http/responses.ts on the server). Times are ISO strings on the wire. */
export type CaseStatus = 'new' | 'open' | 'pending_customer' | 'pending_us' | 'solved' | 'closed';
export const CASE_STATUSES: readonly CaseStatus[] = ['new', 'open', 'pending_customer', 'pending_us', 'solved', 'closed'];
export type Tier = 'L1' | 'L2' | 'L3';
export type Role = 'agent' | 'supervisor' | 'admin';

export interface Agent {
  id: string;
  email: string;
  name: string;
  role: Role;
  team_id: string | null;
  /** a custom role on top of the built-in one */
  custom_role_id?: string | null;
}

export interface Me {
  account: { id: string; name: string };
  /** permissions: every permission the caller holds (the built-in role's and a custom role's) */
  actor: { type: string; id: string | null; role: Role; permissions?: string[] };
  agent: Agent | null;
  /** an agent's two-factor sign-in; must_enrol: the session can do nothing else until it is set up */
  two_factor?: { enabled: boolean; required: boolean; must_enrol: boolean; recovery_codes_left: number };
}

export interface Case {
  id: string;
  custom_fields?: FieldValues;
  /** the case's tags (in lists and on one case) */
  tags?: string[];
  ref: string;
  subject: string;
  /** in case lists: the customer's name (empty when unknown) */
  customer_name?: string;
  status: CaseStatus;
  priority: 'low' | 'normal' | 'high' | 'urgent';
  tier: Tier;
  topic: string | null;
  language: string | null;
  channel: string;
  customer_id: string;
  owner_id: string | null;
  team_id: string | null;
  transfer_count: number;
  contact_count: number;
  created_at: string;
  updated_at: string;
  last_contact_at: string;
}

export interface Page<T> {
  data: T[];
  next_cursor: string | null;
}

export interface Identity {
  id: string;
  kind: 'email' | 'phone' | 'social' | 'external';
  value: string;
  bouncing_since: string | null;
  bounce_reason: string | null;
}

export interface Customer {
  id: string;
  /** the customer's tags and products */
  tags?: string[];
  name: string;
  segment: string;
  language: string | null;
  vulnerable: boolean;
  media: boolean;
  sales_opt_out: boolean;
  identities: Identity[];
  vulnerable_source?: { source: string; kind?: VulnerabilityKind; at?: string } | null;
  vulnerability_signs?: VulnerabilitySign[];
  /** the organisation (company) the customer belongs to */
  organisation_id?: string | null;
  custom_fields?: FieldValues;
}

/** Custom field values by key: text, number, date (YYYY-MM-DD), yes/no, one option or several. */
export type FieldValues = Record<string, string | number | boolean | string[]>;

export type VulnerabilityKind = 'health' | 'disability' | 'age' | 'bereavement' | 'money_trouble' | 'panic';

export interface VulnerabilitySign {
  id: string;
  kind: VulnerabilityKind;
  sentence: string;
  status: 'suggested' | 'confirmed' | 'dismissed';
  created_at: string;
}

export interface Analysis {
  language: string | null;
  sentiment: number | null;
  anger: number | null;
  intents: string[];
  money: { cents: number; currency: string }[];
  reputation_risk: number;
}

export interface Finding {
  check: string;
  severity: 'info' | 'warning' | 'block';
  message: string;
  suggestion: string;
  span: { start: number; end: number; text: string } | null;
}

export interface MessageEntry {
  kind: 'message';
  id: string;
  type: 'inbound' | 'outbound' | 'note';
  channel: string;
  author_agent_id: string | null;
  body: string;
  findings: Finding[] | null;
  automated: string | null;
  delivery_status: 'queued' | 'sent' | 'failed' | null;
  created_at: string;
  analysis: Analysis | null;
  attachments: { id: string; filename: string; size: number }[];
}

export interface EventEntry {
  kind: 'event';
  id: number;
  action: string;
  actor_type: string;
  actor_id: string | null;
  before: unknown;
  after: unknown;
  created_at: string;
  /** an event of a case merged into this one: that case's reference */
  case_ref?: string;
}

export interface CaseLink { id: string; ref: string; subject: string }
export interface Follower { agent_id: string; name: string; added_by: string | null; created_at: string }

export interface CaseDetail extends Case {
  customer: Customer | null;
  pending_transfer: { id: string; from_agent_id: string | null; to_agent_id: string; note: string | null; created_at: string } | null;
  timeline: (MessageEntry | EventEntry)[];
  merged_into?: CaseLink | null;
  merged_from?: (CaseLink & { merged_at: string | null })[];
  followers?: Follower[];
}

export interface CheckResult {
  findings: Finding[];
  blocked: boolean;
}

export type ClockState = 'ok' | 'at_risk' | 'breached' | 'paused' | 'met';
export interface Clock {
  target: 'first_response' | 'next_response' | 'resolution';
  target_minutes: number;
  due_at: string | null;
  met_at: string | null;
  elapsed_minutes: number;
  state: ClockState;
}
export interface CaseClocks {
  case_id: string;
  ref: string;
  subject: string;
  owner_id: string | null;
  policy: { id: string; name: string } | null;
  clocks: Clock[];
}

export interface CasePromise {
  id: string;
  kind: string;
  description: string;
  due_at: string;
  state: string;
  owner_id: string;
}

export interface SearchHit {
  type: 'case' | 'message' | 'customer';
  id: string;
  case_id: string | null;
  case_ref: string | null;
  title: string;
  snippet: string;
  created_at: string;
}

export interface Suggestions {
  data: { id: string; slug: string; title: string; snippet: string; score: number; language: string }[];
}

export const isSupervisor = (me: Me) => me.actor.role === 'supervisor' || me.actor.role === 'admin';
/** Whether the signed-in caller holds a permission (src/accounts/permissions.ts): their built-in role's, or a custom role's. */
export const can = (me: Me, permission: string) => me.actor.permissions?.includes(permission) ?? false;


export type PromiseKind = 'callback' | 'appointment_window' | 'answer_by' | 'refund_by' | 'next_update_by' | 'custom';
export type KeepingAction = 'callback_logged' | 'appointment_kept' | 'refund_paid' | 'answered' | 'done';

export interface PromiseItem {
  id: string;
  /** null for an incident's promised next update */
  case_id: string | null;
  customer_id: string | null;
  incident_id: string | null;
  owner_id: string;
  kind: PromiseKind;
  description: string;
  window_start: string | null;
  due_at: string;
  state: 'open' | 'kept' | 'breached' | 'renegotiated' | 'cancelled';
  breached_at: string | null;
  kept_at: string | null;
}

export interface Draft {
  id: string;
  case_id: string;
  promise_id: string | null;
  body: string;
  reason: string;
  status: 'pending' | 'sent' | 'discarded';
  proposed_due_at: string | null;
  created_at: string;
}

export interface AppNotification {
  id: string;
  kind: string;
  body: string;
  case_id: string | null;
  promise_id: string | null;
  created_at: string;
  read_at: string | null;
}

export interface Transfer {
  id: string;
  case_id: string;
  from_agent_id: string | null;
  to_agent_id: string;
  note: string | null;
  status: 'offered' | 'accepted' | 'declined' | 'cancelled';
}
