export interface Announcement {
  id: string;
  kind: 'contract_terms' | 'price_change' | 'rebranding' | 'service_change' | 'planned_maintenance' | 'other';
  content: { nl: { subject: string; body: string; plain: string }; en?: { subject: string; body: string; plain: string } };
  effective_at: string;
  status: 'scheduled' | 'sending' | 'sent' | 'cancelled';
  override_reason: string | null;
  override_by_name?: string | null;
  delivery: { queued: number; sending: number; sent: number; bounced: number; replied: number; skipped: number; total: number; vulnerable: number };
}

interface Verdict { ok: boolean; required_days: number; given_days: number; earliest_effective_date: string; earliest_effective_at: string }
export interface NoticeCheck {
  regular: Verdict;
  with_vulnerable: Verdict;
  applies: 'regular' | 'with_vulnerable';
  audience: { total: number; vulnerable: number; skipped: number; skipped_by_reason: Record<string, number> } | null;
}

export type IncidentStatus = 'investigating' | 'identified' | 'monitoring' | 'resolved';
export interface Incident {
  id: string;
  title: { nl: string; en?: string };
  impact: 'none' | 'minor' | 'major' | 'critical';
  status: IncidentStatus;
  owner_id: string;
  next_update_at: string | null;
  problem_id: string | null;
  component_ids: string[];
  updates_on_time: number;
  updates_late: number;
}
