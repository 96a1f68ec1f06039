/** The API's shapes of signals and problems (listening, C3), as the problem screens use them. */
import type { CaseStatus } from '../shared/types.ts';

export interface SignalEvidence {
  count: number;
  expected: number;
  score: number;
  reason: string;
  examples: string[];
  series: { at: string; count: number; expected: number }[];
  /** why the signal was raised, as data (signals from before it existed have only the English `reason`) */
  why?:
    | { kind: 'new_topic'; customers: number; hours: number; threshold: number; related_topics: number }
    | { kind: 'spike'; evidence: 'value' | 'volatility' | 'level' | 'seasonal' | 'novelty' | 'range' | 'warmup'; season: 'hour' | 'weekday_hour' | null; count: number; expected: number }
    | { kind: 'burst_words'; customers: number; hours: number; threshold: number; words: { word: string; customers: number; expected: number }[] };
}

export interface ExampleMessage {
  id: string;
  case_id: string;
  case_ref: string;
  excerpt: string;
  at: string;
}

export interface Signal {
  id: string;
  topic_id: string | null;
  title: string;
  status: 'open' | 'dismissed' | 'converted';
  evidence: SignalEvidence;
  raised_at: string;
  problem_id: string | null;
  example_messages?: ExampleMessage[];
}

export type ProblemStatus = 'investigating' | 'identified' | 'fixing' | 'resolved';
export const PROBLEM_STATUSES: readonly ProblemStatus[] = ['investigating', 'identified', 'fixing', 'resolved'];

export interface Problem {
  id: string;
  title: string;
  status: ProblemStatus;
  owner_id: string;
  root_cause: string | null;
  topic_id: string | null;
  signal_id: string | null;
  created_at: string;
  updated_at: string;
  resolved_at: string | null;
  confirmed_cases?: number;
}

export interface LinkedCase {
  case_id: string;
  ref: string;
  subject: string;
  status: CaseStatus;
  customer_id: string;
  customer_name: string;
  state: 'suggested' | 'confirmed' | 'removed';
  linked_at: string;
  /** why the case was suggested (null: linked by hand) */
  reason?: { why: 'topic' | 'problem_topic' | 'signal_topic' | 'related_topic' | 'burst_words'; topic_id?: string; words?: string[] } | null;
  /** the amount the customer's complaint is about ({{amount}}); uncertain: a person chooses */
  amount?: { amount: { cents: number; currency: string }; certain: boolean; alternatives: { cents: number; currency: string }[] } | null;
}

export interface ProblemDetail extends Problem {
  cases: LinkedCase[];
  /** the incidents opened for it (its public face on the status page) */
  incidents: { id: string; title: { nl: string; en?: string }; status: 'investigating' | 'identified' | 'monitoring' | 'resolved'; next_update_at: string | null }[];
  affected_customers: number;
}

export interface BulkOutcome {
  case_id: string;
  ref: string;
  outcome: 'sent' | 'noted' | 'blocked' | 'skipped' | 'failed';
  message_id?: string;
  error?: { code: string; message: string };
}
