-- Listening (C3), first part: what the analysis says about each message, signals and problems.

CREATE TABLE message_analysis (
  account_id uuid NOT NULL REFERENCES accounts (account_id),
  message_id uuid NOT NULL,
  language text,
  sentiment real,
  anger real,
  intents text[] NOT NULL DEFAULT '{}',
  -- [{ "cents": 1250, "currency": "EUR" }]
  money jsonb NOT NULL DEFAULT '[]',
  reputation_risk smallint NOT NULL DEFAULT 0,
  mentions jsonb NOT NULL DEFAULT '[]',
  topic_id uuid,
  analysed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, message_id),
  FOREIGN KEY (account_id, message_id) REFERENCES messages (account_id, id)
);
CREATE INDEX message_analysis_topic ON message_analysis (account_id, topic_id, analysed_at);

CREATE TABLE signals (
  account_id uuid NOT NULL REFERENCES accounts (account_id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  topic_id uuid,
  title text NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'dismissed', 'converted')),
  -- { count, expected, score, reason, examples: [message ids], series: [{ at, count, expected }] }
  evidence jsonb NOT NULL DEFAULT '{}',
  raised_at timestamptz NOT NULL DEFAULT now(),
  problem_id uuid,
  PRIMARY KEY (account_id, id)
);
CREATE INDEX signals_open ON signals (account_id, raised_at DESC) WHERE status = 'open';

CREATE TABLE problems (
  account_id uuid NOT NULL REFERENCES accounts (account_id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  status text NOT NULL DEFAULT 'investigating' CHECK (status IN ('investigating', 'identified', 'fixing', 'resolved')),
  owner_id uuid NOT NULL,
  root_cause text,
  topic_id uuid,
  signal_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  resolved_at timestamptz,
  PRIMARY KEY (account_id, id),
  FOREIGN KEY (account_id, owner_id) REFERENCES agents (account_id, id),
  FOREIGN KEY (account_id, signal_id) REFERENCES signals (account_id, id)
);
CREATE INDEX problems_list ON problems (account_id, created_at DESC, id DESC);

ALTER TABLE signals ADD FOREIGN KEY (account_id, problem_id) REFERENCES problems (account_id, id);

CREATE TABLE problem_cases (
  account_id uuid NOT NULL REFERENCES accounts (account_id),
  problem_id uuid NOT NULL,
  case_id uuid NOT NULL,
  -- suggested: linked itself (similar topic); confirmed by an agent; removed by an agent (never suggested again)
  state text NOT NULL CHECK (state IN ('suggested', 'confirmed', 'removed')),
  linked_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, problem_id, case_id),
  FOREIGN KEY (account_id, problem_id) REFERENCES problems (account_id, id),
  FOREIGN KEY (account_id, case_id) REFERENCES cases (account_id, id)
);
CREATE INDEX problem_cases_case ON problem_cases (account_id, case_id);
