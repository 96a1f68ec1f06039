-- Replies that help (C7): reply-check settings, findings on sent messages, the mantra index, templates.

CREATE TABLE account_settings (
  account_id uuid PRIMARY KEY REFERENCES accounts (account_id),
  -- { "checks": { "<check>": "off" | "warn" | "block" }, "mantra": { "min_customers": 20, "similarity": 0.8, "days": 30 } }
  reply_checks jsonb NOT NULL DEFAULT '{}',
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- warnings the reply checker raised on an outbound message that was sent anyway
ALTER TABLE messages ADD COLUMN findings jsonb;

-- Mantra detection: a MinHash signature per outbound reply, and its LSH band keys for lookup.
CREATE TABLE reply_fingerprints (
  account_id uuid NOT NULL REFERENCES accounts (account_id),
  message_id uuid NOT NULL,
  customer_id uuid,
  signature integer[] NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, message_id),
  FOREIGN KEY (account_id, message_id) REFERENCES messages (account_id, id)
);

CREATE TABLE reply_bands (
  account_id uuid NOT NULL REFERENCES accounts (account_id),
  band_key bigint NOT NULL,
  message_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, band_key, message_id),
  FOREIGN KEY (account_id, message_id) REFERENCES reply_fingerprints (account_id, message_id)
);

CREATE TABLE templates (
  account_id uuid NOT NULL REFERENCES accounts (account_id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  language text,
  body text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, id),
  UNIQUE (account_id, name)
);
