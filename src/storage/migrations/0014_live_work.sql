-- The live workspace (C10): time agents spend on a case, measured from the workspace's presence
-- heartbeats (one row per case, agent and day; the dashboard's cost per contact reads it), and
-- the hourly cost that turns that time into money.

CREATE TABLE case_work (
  account_id uuid NOT NULL REFERENCES accounts (account_id),
  case_id uuid NOT NULL,
  agent_id uuid NOT NULL,
  day date NOT NULL,
  seconds integer NOT NULL DEFAULT 0 CHECK (seconds >= 0),
  last_beat_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, case_id, agent_id, day),
  FOREIGN KEY (account_id, case_id) REFERENCES cases (account_id, id),
  FOREIGN KEY (account_id, agent_id) REFERENCES agents (account_id, id)
);
CREATE INDEX case_work_by_day ON case_work (account_id, day);

ALTER TABLE account_settings ADD COLUMN hourly_cost_cents integer CHECK (hourly_cost_cents BETWEEN 0 AND 100000000);
