-- Customer rights (issue 18, C9): contact preferences with where each came from, one-use links for
-- one-click unsubscribe and surveys, erasure marks, retention rules and their runs, CSAT/NPS answers.

-- One row per customer and kind; no row means allowed. Service messages have no kind: always allowed.
-- `sales` is also mirrored in customers.sales_opt_out (older code and imports read and write that flag;
-- the one decision, src/rights/may-contact.ts, reads both).
CREATE TABLE contact_preferences (
  account_id uuid NOT NULL REFERENCES accounts (account_id),
  customer_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('sales', 'surveys', 'announcements')),
  allowed boolean NOT NULL,
  source text NOT NULL CHECK (source IN ('agent', 'message', 'unsubscribe', 'import')),
  -- source 'message': the inbound message and the sentence that said it
  message_id uuid,
  case_id uuid,
  sentence text CHECK (length(sentence) <= 2000),
  set_by uuid,
  set_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (account_id, customer_id, kind),
  FOREIGN KEY (account_id, customer_id) REFERENCES customers (account_id, id)
);

-- the flag set before preferences existed (by hand or by import) becomes a preference
INSERT INTO contact_preferences (account_id, customer_id, kind, allowed, source, set_at)
SELECT account_id, id, 'sales', false, 'agent', updated_at FROM customers WHERE sales_opt_out;

-- Links in mail that work without signing in: one-click unsubscribe (RFC 8058) and survey answers.
-- Only a SHA-256 of the 256-bit random secret is stored; a survey link is used once.
CREATE TABLE rights_links (
  account_id uuid NOT NULL REFERENCES accounts (account_id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  customer_id uuid NOT NULL,
  purpose text NOT NULL CHECK (purpose IN ('unsubscribe', 'survey')),
  kind text CHECK (kind IN ('sales', 'surveys', 'announcements')),
  survey_id uuid,
  secret_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  used_at timestamptz,
  PRIMARY KEY (account_id, id),
  FOREIGN KEY (account_id, customer_id) REFERENCES customers (account_id, id)
);
CREATE INDEX rights_links_customer ON rights_links (account_id, customer_id);

-- An erased customer keeps its row (cases and figures point at it) with nothing personal left.
ALTER TABLE customers ADD COLUMN erased_at timestamptz;

-- CSAT after solving (one per solved case), NPS to a sample: the answer, the comment, who was asked.
CREATE TABLE surveys (
  account_id uuid NOT NULL REFERENCES accounts (account_id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('csat', 'nps')),
  customer_id uuid NOT NULL,
  case_id uuid,
  -- frozen at sending, so figures per agent, team, topic and channel stay right after changes
  agent_id uuid,
  team_id uuid,
  topic text,
  channel text,
  to_address text,
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'failed', 'answered', 'skipped')),
  score integer CHECK (score BETWEEN 0 AND 10),
  comment text CHECK (length(comment) <= 4000),
  sent_at timestamptz,
  answered_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, id),
  FOREIGN KEY (account_id, customer_id) REFERENCES customers (account_id, id)
);
CREATE UNIQUE INDEX surveys_csat_once ON surveys (account_id, case_id) WHERE kind = 'csat';
CREATE INDEX surveys_answered ON surveys (account_id, kind, answered_at) WHERE answered_at IS NOT NULL;

-- Retention per account: null = keep. Runs are logged with what they did (counts, never content).
CREATE TABLE retention_rules (
  account_id uuid PRIMARY KEY REFERENCES accounts (account_id),
  enabled boolean NOT NULL DEFAULT false,
  anonymise_closed_cases_after_months integer CHECK (anonymise_closed_cases_after_months BETWEEN 1 AND 600),
  delete_attachments_after_months integer CHECK (delete_attachments_after_months BETWEEN 1 AND 600),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE retention_runs (
  account_id uuid NOT NULL REFERENCES accounts (account_id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  dry_run boolean NOT NULL,
  cases_anonymised integer NOT NULL DEFAULT 0,
  messages_anonymised integer NOT NULL DEFAULT 0,
  attachments_deleted integer NOT NULL DEFAULT 0,
  started_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  finished_at timestamptz,
  PRIMARY KEY (account_id, id)
);

-- Erasure (GDPR art. 17) and the append-only audit log: see docs/erasure.md. Rows are never deleted and
-- who/what/when/which entity never change; the one change allowed is the erasure routine replacing the
-- before/after details of a row that held the erased person's data with the fixed marker {"erased": true},
-- inside a transaction that declared itself an erasure (SET LOCAL luister.erasure = 'on').
CREATE OR REPLACE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND coalesce(current_setting('luister.erasure', true), '') = 'on'
     AND NEW.account_id = OLD.account_id AND NEW.id = OLD.id AND NEW.at = OLD.at AND NEW.actor_type = OLD.actor_type
     AND NEW.actor_id IS NOT DISTINCT FROM OLD.actor_id AND NEW.action = OLD.action AND NEW.entity_type = OLD.entity_type
     AND NEW.entity_id = OLD.entity_id AND NEW.request_id IS NOT DISTINCT FROM OLD.request_id
     AND NEW.before IS NOT DISTINCT FROM (CASE WHEN OLD.before IS NULL THEN NULL ELSE '{"erased": true}'::jsonb END)
     AND NEW.after IS NOT DISTINCT FROM (CASE WHEN OLD.after IS NULL THEN NULL ELSE '{"erased": true}'::jsonb END) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
