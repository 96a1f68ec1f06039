-- Spam and block lists (issue 19). A blocked sender address, or a whole domain, per account:
-- mail and form posts from it are dropped at intake (src/intake/store-inbound.ts), never acknowledged.
CREATE TABLE blocked_senders (
  account_id uuid NOT NULL REFERENCES accounts (account_id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('address', 'domain')),
  -- lower-case: an address (someone@example.com) or a domain (example.com)
  value text NOT NULL CHECK (length(value) BETWEEN 1 AND 320 AND value = lower(value)),
  reason text CHECK (length(reason) <= 500),
  -- the case marked as spam that led to the block (no foreign key: retention may delete the case)
  case_id uuid,
  -- the agent who blocked (NULL: the CLI or the system)
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, id)
);
CREATE UNIQUE INDEX blocked_senders_value ON blocked_senders (account_id, kind, value);

-- a case marked as spam: closed, and left out of case lists unless asked for (list-cases.ts)
ALTER TABLE cases ADD COLUMN spam_at timestamptz;
