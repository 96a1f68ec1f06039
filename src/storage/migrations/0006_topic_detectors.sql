-- Spike detection per topic (C3): each live topic's detector state and the next hour it has to look at.
CREATE TABLE topic_detectors (
  account_id uuid NOT NULL REFERENCES accounts (account_id),
  topic_id uuid NOT NULL,
  state jsonb NOT NULL,
  next_bucket timestamptz NOT NULL,
  PRIMARY KEY (account_id, topic_id),
  FOREIGN KEY (account_id, topic_id) REFERENCES topics (account_id, id)
);

-- Recurring system jobs (account_id NULL, e.g. the hourly topic sweep): at most one waiting at a time.
CREATE UNIQUE INDEX jobs_one_scheduled ON jobs (kind) WHERE account_id IS NULL AND status = 'queued';
