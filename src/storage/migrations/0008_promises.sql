-- Promises and service levels (C5): every commitment an object with an owner and a due time.

-- Per account: the time zone and business-hours calendar due times are computed in, when owners
-- are reminded, and whether the apology after a breach is sent at once or drafted for approval.
ALTER TABLE account_settings
  ADD COLUMN time_zone text NOT NULL DEFAULT 'Europe/Amsterdam',
  -- { weekly: { "1": [{ start: "09:00", end: "17:00" }], … }, holidays: { country: "NL" }, closures: [] }; {} = the default calendar
  ADD COLUMN calendar jsonb NOT NULL DEFAULT '{}',
  ADD COLUMN remind_before_minutes integer NOT NULL DEFAULT 60 CHECK (remind_before_minutes BETWEEN 0 AND 10080),
  ADD COLUMN breach_notice text NOT NULL DEFAULT 'draft' CHECK (breach_notice IN ('draft', 'send'));

CREATE TABLE promises (
  account_id uuid NOT NULL REFERENCES accounts (account_id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL,
  customer_id uuid NOT NULL,
  owner_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('callback', 'appointment_window', 'answer_by', 'refund_by', 'next_update_by', 'custom')),
  description text NOT NULL,
  -- appointments: a window; everything else: due_at only
  window_start timestamptz,
  due_at timestamptz NOT NULL,
  state text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'kept', 'breached', 'renegotiated', 'cancelled')),
  -- where it came from: an agent typed it, or it was found in an outbound reply
  source text NOT NULL DEFAULT 'manual' CHECK (source IN ('manual', 'reply', 'renegotiation')),
  source_message_id uuid,
  remind_at timestamptz,
  reminded_at timestamptz,
  breached_at timestamptz,
  -- the message to the customer after the breach (an apology with a new time); required before closing
  breach_notice_message_id uuid,
  kept_at timestamptz,
  -- the action that kept it, e.g. 'reply:<message id>', 'callback_logged', 'refund_paid'
  kept_by text,
  replaced_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (window_start IS NULL OR window_start < due_at),
  PRIMARY KEY (account_id, id),
  FOREIGN KEY (account_id, case_id) REFERENCES cases (account_id, id),
  FOREIGN KEY (account_id, customer_id) REFERENCES customers (account_id, id),
  FOREIGN KEY (account_id, owner_id) REFERENCES agents (account_id, id),
  FOREIGN KEY (account_id, source_message_id) REFERENCES messages (account_id, id),
  FOREIGN KEY (account_id, breach_notice_message_id) REFERENCES messages (account_id, id),
  FOREIGN KEY (account_id, replaced_by) REFERENCES promises (account_id, id)
);
CREATE INDEX promises_case ON promises (account_id, case_id);
CREATE INDEX promises_owner_due ON promises (account_id, owner_id, due_at) WHERE state = 'open';
-- the sweeps: what is due (across accounts, like the job queue), and what needs a reminder
CREATE INDEX promises_due ON promises (due_at) WHERE state = 'open';
CREATE INDEX promises_remind ON promises (remind_at) WHERE state = 'open' AND reminded_at IS NULL;

-- What an agent must see: a reminder, an escalation, a breach. Shown in the workspace, also as webhooks.
CREATE TABLE notifications (
  account_id uuid NOT NULL REFERENCES accounts (account_id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  agent_id uuid NOT NULL,
  kind text NOT NULL,
  case_id uuid,
  promise_id uuid,
  body text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  read_at timestamptz,
  PRIMARY KEY (account_id, id),
  FOREIGN KEY (account_id, agent_id) REFERENCES agents (account_id, id),
  FOREIGN KEY (account_id, case_id) REFERENCES cases (account_id, id),
  FOREIGN KEY (account_id, promise_id) REFERENCES promises (account_id, id)
);
CREATE INDEX notifications_agent ON notifications (account_id, agent_id, created_at DESC);

-- A message to the customer waiting for a supervisor's approval (e.g. the apology after a breach).
CREATE TABLE drafts (
  account_id uuid NOT NULL REFERENCES accounts (account_id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL,
  promise_id uuid,
  body text NOT NULL,
  reason text NOT NULL,
  -- for a broken promise: the new time the apology offers (becomes the renegotiated promise)
  proposed_due_at timestamptz,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'discarded')),
  sent_message_id uuid,
  decided_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  decided_at timestamptz,
  PRIMARY KEY (account_id, id),
  FOREIGN KEY (account_id, case_id) REFERENCES cases (account_id, id),
  FOREIGN KEY (account_id, promise_id) REFERENCES promises (account_id, id),
  FOREIGN KEY (account_id, sent_message_id) REFERENCES messages (account_id, id),
  FOREIGN KEY (account_id, decided_by) REFERENCES agents (account_id, id)
);
CREATE INDEX drafts_pending ON drafts (account_id, created_at) WHERE status = 'pending';

-- While a case waits on the customer its service-level clock stands still: every such interval.
CREATE TABLE case_pauses (
  account_id uuid NOT NULL,
  case_id uuid NOT NULL,
  started_at timestamptz NOT NULL,
  ended_at timestamptz,
  PRIMARY KEY (account_id, case_id, started_at),
  FOREIGN KEY (account_id, case_id) REFERENCES cases (account_id, id)
);

CREATE FUNCTION cases_track_pauses() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status = 'pending_customer' AND OLD.status IS DISTINCT FROM 'pending_customer' THEN
    INSERT INTO case_pauses (account_id, case_id, started_at) VALUES (NEW.account_id, NEW.id, clock_timestamp())
    ON CONFLICT DO NOTHING;
  ELSIF OLD.status = 'pending_customer' AND NEW.status IS DISTINCT FROM 'pending_customer' THEN
    UPDATE case_pauses SET ended_at = clock_timestamp()
    WHERE account_id = NEW.account_id AND case_id = NEW.id AND ended_at IS NULL;
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER cases_pauses AFTER UPDATE OF status ON cases FOR EACH ROW EXECUTE FUNCTION cases_track_pauses();

-- Service levels: targets by segment × priority × channel (NULL = any); the most specific match wins.
CREATE TABLE sla_policies (
  account_id uuid NOT NULL REFERENCES accounts (account_id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  name text NOT NULL,
  segment text,
  priority text CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
  channel text CHECK (channel IN ('email', 'web', 'chat', 'phone', 'social', 'api')),
  first_response_minutes integer CHECK (first_response_minutes > 0),
  next_response_minutes integer CHECK (next_response_minutes > 0),
  resolution_minutes integer CHECK (resolution_minutes > 0),
  -- at risk when this share of a target has passed
  at_risk_percent integer NOT NULL DEFAULT 80 CHECK (at_risk_percent BETWEEN 1 AND 99),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, id),
  UNIQUE NULLS NOT DISTINCT (account_id, segment, priority, channel)
);
