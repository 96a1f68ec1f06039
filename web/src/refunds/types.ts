export type RefundState = 'requested' | 'approved' | 'paid' | 'rejected';
export type RefundQueue = 'awaiting_approval' | 'requested' | 'approved' | 'in_batch' | 'overdue' | 'paid' | 'rejected';
export const QUEUES: RefundQueue[] = ['awaiting_approval', 'requested', 'approved', 'in_batch', 'overdue', 'paid', 'rejected'];

export interface Refund {
  id: string;
  case_id: string;
  case_ref: string;
  customer_id: string;
  customer_name: string;
  amount_cents: number;
  currency: string;
  reason: string;
  destination: 'iban' | 'original_payment';
  iban: string | null;
  state: RefundState;
  batch_id: string | null;
  due_at: string | null;
  needs_supervisor: boolean;
  overdue: boolean;
}

export interface Finding {
  id: string;
  kind: 'double_charge' | 'overcharge' | 'after_cancellation';
  customer_ref: string;
  customer_name: string | null;
  case_ref: string | null;
  amount_cents: number;
  currency: string;
  explanation: string;
  status: 'proposed' | 'approved' | 'dismissed';
}

export interface Batch {
  id: string;
  message_id: string;
  refund_count: number;
  total_cents: number;
  status: 'exported' | 'paid';
  created_at: string;
}
