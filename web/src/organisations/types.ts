import type { FieldValues } from '../shared/types.ts';

export interface Organisation {
  id: string;
  name: string;
  segment: string;
  notes: string;
  domains: string[];
  people_count: number;
  custom_fields: FieldValues;
  portal_shares_cases: boolean;
  created_at: string;
  updated_at: string;
}

export interface OrganisationPage extends Organisation {
  people: { id: string; name: string; segment: string; emails: string[]; open_cases: number }[];
  cases: { id: string; ref: string; subject: string; status: string; priority: string; customer_id: string; customer_name: string; updated_at: string }[];
}
