-- Custom fields in routing and service-level selection; per-inbox signatures (issue 19).

-- A condition list: [{ "entity": "case"|"customer"|"organisation", "key": "contract", "op": "equals"|"one_of", "value": … }],
-- all must hold (validated against the field's type when saved: src/custom-fields/conditions.ts).
ALTER TABLE sla_policies ADD COLUMN field_conditions jsonb NOT NULL DEFAULT '[]';
-- one policy per combination, the conditions part of it (the same segment × priority × channel may differ by a field)
ALTER TABLE sla_policies DROP CONSTRAINT sla_policies_account_id_segment_priority_channel_key;
CREATE UNIQUE INDEX sla_policies_combination ON sla_policies (account_id, segment, priority, channel, field_conditions) NULLS NOT DISTINCT;

-- Routing rules: the first rule (by position) whose conditions a case meets decides the team that
-- takes it and/or the lowest tier that may (src/routing/). Agents are then chosen as before.
CREATE TABLE routing_rules (
  account_id uuid NOT NULL REFERENCES accounts (account_id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  position int NOT NULL DEFAULT 0,
  conditions jsonb NOT NULL DEFAULT '[]',
  team_id uuid,
  tier text CHECK (tier IN ('L1', 'L2', 'L3')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, id),
  UNIQUE (account_id, name),
  FOREIGN KEY (account_id, team_id) REFERENCES teams (account_id, id),
  CHECK (team_id IS NOT NULL OR tier IS NOT NULL)
);

-- The closing lines under every mail sent from an inbox (replies and acknowledgements), after the
-- standard "-- " separator; one per language, the other used when one is empty. The sender name is `name`.
ALTER TABLE inboxes ADD COLUMN signature_nl text NOT NULL DEFAULT '' CHECK (length(signature_nl) <= 2000);
ALTER TABLE inboxes ADD COLUMN signature_en text NOT NULL DEFAULT '' CHECK (length(signature_en) <= 2000);
