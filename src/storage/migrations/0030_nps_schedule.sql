-- NPS on a schedule (issue 18): every N days a sample of customers who accept surveys and were not
-- asked in 90 days gets the NPS question, sent by the daily `nps.sweep` job. null = not scheduled.
CREATE TABLE survey_settings (
  account_id uuid PRIMARY KEY REFERENCES accounts (account_id),
  nps_every_days integer CHECK (nps_every_days BETWEEN 7 AND 366),
  nps_sample integer NOT NULL DEFAULT 100 CHECK (nps_sample BETWEEN 1 AND 10000),
  nps_last_sent_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now()
);
