export interface Announcement {
  id: string;
  kind: 'contract_terms' | 'price_change' | 'rebranding' | 'service_change' | 'planned_maintenance' | 'other';
  content: { nl: { subject: string; body: string; plain: string }; en?: { subject: string; body: string; plain: string } };
  effective_at: string;
  status: 'scheduled' | 'sending' | 'sent' | 'cancelled';
  override_reason: string | null;
}

interface Verdict { ok: boolean; required_days: number; given_days: number; earliest_effective_date: string; earliest_effective_at: string }
export interface NoticeCheck {
  regular: Verdict;
  with_vulnerable: Verdict;
  applies: 'regular' | 'with_vulnerable';
  audience: { total: number; vulnerable: number; skipped: number } | null;
}

export type IncidentStatus = 'investigating' | 'identified' | 'monitoring' | 'resolved';
export interface Incident {
  id: string;
  title: { nl: string; en?: string };
  impact: 'none' | 'minor' | 'major' | 'critical';
  status: IncidentStatus;
  owner_id: string;
  next_update_at: string | null;
  updates_on_time: number;
  updates_late: number;
}
