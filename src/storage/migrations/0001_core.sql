-- Luister core schema (C1). Runs unchanged on PostgreSQL 15+ and PGlite.
-- Every table carries account_id; primary keys and foreign keys include it, so a row can only
-- ever point at rows of its own account, and the data can later be distributed per account.

CREATE TABLE accounts (
  account_id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE teams (
  account_id uuid NOT NULL REFERENCES accounts (account_id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, id),
  UNIQUE (account_id, name)
);

CREATE TABLE agents (
  account_id uuid NOT NULL REFERENCES accounts (account_id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  email text NOT NULL,
  name text NOT NULL,
  role text NOT NULL CHECK (role IN ('agent', 'supervisor', 'admin')),
  team_id uuid,
  password_hash text,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, id),
  FOREIGN KEY (account_id, team_id) REFERENCES teams (account_id, id)
);
CREATE UNIQUE INDEX agents_account_email ON agents (account_id, lower(email));
CREATE INDEX agents_email ON agents (lower(email));

CREATE TABLE sessions (
  account_id uuid NOT NULL REFERENCES accounts (account_id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  agent_id uuid NOT NULL,
  secret_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz,
  PRIMARY KEY (account_id, id),
  FOREIGN KEY (account_id, agent_id) REFERENCES agents (account_id, id)
);

CREATE TABLE api_tokens (
  account_id uuid NOT NULL REFERENCES accounts (account_id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  name text NOT NULL,
  role text NOT NULL CHECK (role IN ('agent', 'supervisor', 'admin')),
  secret_hash text NOT NULL,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  revoked_at timestamptz,
  PRIMARY KEY (account_id, id)
);

CREATE TABLE customers (
  account_id uuid NOT NULL REFERENCES accounts (account_id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  name text NOT NULL DEFAULT '',
  segment text NOT NULL DEFAULT 'standard' CHECK (segment ~ '^[a-z][a-z0-9_-]{0,31}$'),
  language text,
  vulnerable boolean NOT NULL DEFAULT false,
  media boolean NOT NULL DEFAULT false,
  sales_opt_out boolean NOT NULL DEFAULT false,
  merged_into uuid,
  -- name and identities, kept by the application; names are not stemmed
  search_text text NOT NULL DEFAULT '',
  search_tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, search_text)) STORED,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, id),
  FOREIGN KEY (account_id, merged_into) REFERENCES customers (account_id, id)
);
CREATE INDEX customers_list ON customers (account_id, created_at DESC, id DESC);
CREATE INDEX customers_search ON customers USING gin (search_tsv);

CREATE TABLE customer_identities (
  account_id uuid NOT NULL REFERENCES accounts (account_id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  customer_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('email', 'phone', 'social')),
  value text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, id),
  UNIQUE (account_id, kind, value),
  FOREIGN KEY (account_id, customer_id) REFERENCES customers (account_id, id)
);
CREATE INDEX customer_identities_customer ON customer_identities (account_id, customer_id);

CREATE SEQUENCE case_number_seq START 1001;

CREATE TABLE cases (
  account_id uuid NOT NULL REFERENCES accounts (account_id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  number bigint NOT NULL DEFAULT nextval('case_number_seq'),
  ref text GENERATED ALWAYS AS ('LU-' || number::text) STORED,
  customer_id uuid NOT NULL,
  subject text NOT NULL,
  subject_key text NOT NULL,
  status text NOT NULL DEFAULT 'new'
    CHECK (status IN ('new', 'open', 'pending_customer', 'pending_us', 'solved', 'closed')),
  priority text NOT NULL DEFAULT 'normal' CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
  tier text NOT NULL DEFAULT 'L1' CHECK (tier IN ('L1', 'L2', 'L3')),
  topic text,
  language text,
  channel text NOT NULL CHECK (channel IN ('email', 'web', 'chat', 'phone', 'social', 'api')),
  owner_id uuid,
  team_id uuid,
  transfer_count integer NOT NULL DEFAULT 0,
  contact_count integer NOT NULL DEFAULT 1,
  search_config regconfig NOT NULL DEFAULT 'simple',
  subject_tsv tsvector GENERATED ALWAYS AS (to_tsvector(search_config, subject)) STORED,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  last_contact_at timestamptz NOT NULL DEFAULT now(),
  solved_at timestamptz,
  closed_at timestamptz,
  -- exactly one accountable owner once triaged
  CONSTRAINT cases_owner_once_triaged CHECK (status = 'new' OR owner_id IS NOT NULL),
  PRIMARY KEY (account_id, id),
  UNIQUE (account_id, number),
  FOREIGN KEY (account_id, customer_id) REFERENCES customers (account_id, id),
  FOREIGN KEY (account_id, owner_id) REFERENCES agents (account_id, id),
  FOREIGN KEY (account_id, team_id) REFERENCES teams (account_id, id)
);
CREATE INDEX cases_list ON cases (account_id, created_at DESC, id DESC);
CREATE INDEX cases_customer_subject ON cases (account_id, customer_id, subject_key);
CREATE INDEX cases_owner ON cases (account_id, owner_id);
CREATE INDEX cases_passed_around ON cases (account_id, transfer_count) WHERE transfer_count >= 2;
CREATE INDEX cases_search ON cases USING gin (subject_tsv);

CREATE TABLE case_transfers (
  account_id uuid NOT NULL REFERENCES accounts (account_id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL,
  from_agent_id uuid,
  to_agent_id uuid NOT NULL,
  note text,
  status text NOT NULL DEFAULT 'offered' CHECK (status IN ('offered', 'accepted', 'declined', 'cancelled')),
  created_at timestamptz NOT NULL DEFAULT now(),
  responded_at timestamptz,
  PRIMARY KEY (account_id, id),
  FOREIGN KEY (account_id, case_id) REFERENCES cases (account_id, id),
  FOREIGN KEY (account_id, from_agent_id) REFERENCES agents (account_id, id),
  FOREIGN KEY (account_id, to_agent_id) REFERENCES agents (account_id, id)
);
-- one open offer per case at a time
CREATE UNIQUE INDEX case_transfers_open ON case_transfers (account_id, case_id) WHERE status = 'offered';

CREATE TABLE messages (
  account_id uuid NOT NULL REFERENCES accounts (account_id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL,
  type text NOT NULL CHECK (type IN ('inbound', 'outbound', 'note')),
  channel text NOT NULL CHECK (channel IN ('email', 'web', 'chat', 'phone', 'social', 'api', 'internal')),
  author_agent_id uuid,
  customer_id uuid,
  body text NOT NULL,
  language text,
  search_config regconfig NOT NULL DEFAULT 'simple',
  tsv tsvector GENERATED ALWAYS AS (to_tsvector(search_config, body)) STORED,
  -- wall-clock time of insertion, so the timeline orders messages and audit events as they happened
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (account_id, id),
  FOREIGN KEY (account_id, case_id) REFERENCES cases (account_id, id),
  FOREIGN KEY (account_id, author_agent_id) REFERENCES agents (account_id, id),
  FOREIGN KEY (account_id, customer_id) REFERENCES customers (account_id, id)
);
CREATE INDEX messages_case ON messages (account_id, case_id, created_at);
CREATE INDEX messages_search ON messages USING gin (tsv);

-- Append-only: who did what, when, before and after.
CREATE TABLE audit_log (
  account_id uuid NOT NULL REFERENCES accounts (account_id),
  id bigserial,
  at timestamptz NOT NULL DEFAULT clock_timestamp(),
  actor_type text NOT NULL CHECK (actor_type IN ('agent', 'token', 'system', 'customer')),
  actor_id uuid,
  action text NOT NULL,
  entity_type text NOT NULL,
  entity_id uuid NOT NULL,
  before jsonb,
  after jsonb,
  request_id text,
  PRIMARY KEY (account_id, id)
);
CREATE INDEX audit_log_entity ON audit_log (account_id, entity_id, id);

CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();

-- Background work, claimed with FOR UPDATE SKIP LOCKED. account_id is NULL for system jobs.
CREATE TABLE jobs (
  id bigserial PRIMARY KEY,
  account_id uuid REFERENCES accounts (account_id),
  kind text NOT NULL,
  payload jsonb NOT NULL DEFAULT '{}',
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
  run_at timestamptz NOT NULL DEFAULT now(),
  attempts integer NOT NULL DEFAULT 0,
  max_attempts integer NOT NULL DEFAULT 10,
  locked_by text,
  locked_at timestamptz,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
CREATE INDEX jobs_due ON jobs (run_at) WHERE status = 'queued';
CREATE INDEX jobs_running ON jobs (locked_at) WHERE status = 'running';

CREATE TABLE webhooks (
  account_id uuid NOT NULL REFERENCES accounts (account_id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  url text NOT NULL,
  secret text NOT NULL,
  events text[] NOT NULL,
  description text,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, id)
);

CREATE TABLE webhook_deliveries (
  account_id uuid NOT NULL REFERENCES accounts (account_id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  webhook_id uuid NOT NULL,
  event text NOT NULL,
  payload jsonb NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  last_status_code integer,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  delivered_at timestamptz,
  PRIMARY KEY (account_id, id),
  FOREIGN KEY (account_id, webhook_id) REFERENCES webhooks (account_id, id)
);
CREATE INDEX webhook_deliveries_webhook ON webhook_deliveries (account_id, webhook_id, created_at DESC);

CREATE TABLE idempotency_keys (
  account_id uuid NOT NULL REFERENCES accounts (account_id),
  key text NOT NULL,
  request_hash text NOT NULL,
  status text NOT NULL DEFAULT 'started' CHECK (status IN ('started', 'done')),
  response_status integer,
  response_body text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, key)
);
