/** GET /api/v1/insight/dashboard */
export interface Spike {
  signal_id: string;
  day: string;
  title: string;
}
export interface Dashboard {
  from: string;
  to: string;
  time_zone: string;
  days: string[];
  contacts: {
    total: number;
    by_day: number[];
    topics: { topic_id: string | null; label: string | null; total: number; counts: number[]; spikes: Spike[] }[];
    spikes: (Spike & { topic_id: string | null })[];
  };
  cases: {
    opened: number;
    repeat_contact_cases: number;
    repeat_contact_rate: number | null;
    customers: number;
    customers_with_several_cases: number;
    transfers_per_case: number | null;
    resolved: number;
    first_contact_resolved: number;
    first_contact_resolution_rate: number | null;
    contacts_per_resolved_case: number | null;
    backlog: number;
  };
  channels: { channel: string; cases: number; share: number | null }[];
  sla: { policies: number; cases_breached: number; met_rate: number | null; first_response_median_minutes: number | null };
  promises: { due: number; kept_on_time: number; broken: number; open: number; kept_rate: number | null };
  cost: { hourly_cost_cents: number; handled_hours: number; cost_per_contact_cents: number | null };
  refunds: {
    requested: number;
    paid: number;
    paid_cents: number;
    median_hours_to_paid: number | null;
    max_hours_to_paid: number | null;
    waiting: number;
    oldest_waiting_hours: number | null;
    median_hours_charge_to_paid: number | null;
    median_hours_complaint_to_paid: number | null;
    by_month: {
      month: string;
      paid: number;
      median_hours_to_paid: number | null;
      median_hours_charge_to_paid: number | null;
      median_hours_complaint_to_paid: number | null;
    }[];
  };
}
