-- Service levels: each case's target that went at risk or was breached is pushed to its owner once.
CREATE TABLE sla_alerts (
  account_id uuid NOT NULL,
  case_id uuid NOT NULL,
  target text NOT NULL CHECK (target IN ('first_response', 'next_response', 'resolution')),
  state text NOT NULL CHECK (state IN ('at_risk', 'breached')),
  -- the clock's start: a new wait for a next response is a new clock, alerted anew
  clock_started_at timestamptz NOT NULL,
  alerted_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, case_id, target, state, clock_started_at),
  FOREIGN KEY (account_id, case_id) REFERENCES cases (account_id, id)
);
