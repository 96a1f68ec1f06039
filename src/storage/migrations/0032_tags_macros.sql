-- Tags on cases (customer tags are in 0024); the same shape as customer_tags, so one rule for both.
CREATE TABLE case_tags (
  account_id uuid NOT NULL REFERENCES accounts (account_id),
  case_id uuid NOT NULL,
  tag text NOT NULL CHECK (tag ~ '^[a-z0-9][a-z0-9:_-]{0,63}$'),
  PRIMARY KEY (account_id, case_id, tag),
  FOREIGN KEY (account_id, case_id) REFERENCES cases (account_id, id)
);
CREATE INDEX case_tags_tag ON case_tags (account_id, tag, case_id);

-- A macro: several case changes in one action. Personal (owner_id set) or shared (owner_id NULL).
CREATE TABLE macros (
  account_id uuid NOT NULL REFERENCES accounts (account_id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  -- the agent whose personal macro this is; NULL: shared with the whole account
  owner_id uuid,
  -- { status?, priority?, team_id?, tags_add?, tags_remove?, note?, template_id? } (validated in src/macros/)
  actions jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, id),
  FOREIGN KEY (account_id, owner_id) REFERENCES agents (account_id, id)
);
CREATE UNIQUE INDEX macros_name ON macros (account_id, coalesce(owner_id, '00000000-0000-0000-0000-000000000000'::uuid), lower(name));
