export interface MacroActions {
  status?: string;
  priority?: string;
  tier?: string;
  /** case custom field values by key; null clears */
  fields?: Record<string, string | number | boolean | string[] | null>;
  team_id?: string;
  tags_add?: string[];
  tags_remove?: string[];
  note?: string;
  template_id?: string;
}

export interface Macro {
  id: string;
  name: string;
  owner_id: string | null;
  shared: boolean;
  actions: MacroActions;
}

export interface MacroOutcome {
  macro: { id: string; name: string };
  /** a custom field is fields.<key> */
  changes: { field: string; from: unknown; to: unknown }[];
  note: string | null;
  reply: { template_id: string; text: string; blocked: boolean } | null;
  problems: { code: string; message: string }[];
}
