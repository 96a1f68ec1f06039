-- Two-factor sign-in (TOTP, RFC 6238): one authenticator per agent, recovery codes, the account's
-- rule of who must use it, and the short-lived challenge between the password and the code.

-- The agent's TOTP secret, sealed with AES-256-GCM (SECRETS_KEY; see README), never in the clear.
-- enabled_at is null while enrolment waits for its first code.
CREATE TABLE agent_two_factor (
  account_id uuid NOT NULL REFERENCES accounts (account_id),
  agent_id uuid NOT NULL,
  secret_sealed text NOT NULL,
  enabled_at timestamptz,
  -- the last time step (unix seconds / 30) a code was accepted for: a code for it or before is a replay
  last_used_step bigint,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, agent_id),
  FOREIGN KEY (account_id, agent_id) REFERENCES agents (account_id, id)
);

-- Ten per enrolment, shown once; only SHA-256 of each 80-bit random code is kept; each works once.
CREATE TABLE agent_recovery_codes (
  account_id uuid NOT NULL REFERENCES accounts (account_id),
  agent_id uuid NOT NULL,
  code_hash text NOT NULL,
  used_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, agent_id, code_hash),
  FOREIGN KEY (account_id, agent_id) REFERENCES agents (account_id, id)
);

-- Who must use two-factor sign-in: the roles the account requires it of (all three: everyone),
-- and agents an admin required it of one by one.
CREATE TABLE two_factor_policies (
  account_id uuid PRIMARY KEY REFERENCES accounts (account_id),
  required_roles text[] NOT NULL DEFAULT '{}' CHECK (required_roles <@ ARRAY['agent', 'supervisor', 'admin']::text[]),
  updated_at timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE agents ADD COLUMN two_factor_required boolean NOT NULL DEFAULT false;

-- After the right password of an enrolled agent: a challenge (not a session) that the code completes.
-- Only a SHA-256 of its 256-bit secret is kept; it lives five minutes, takes five wrong codes, works once.
CREATE TABLE login_challenges (
  account_id uuid NOT NULL REFERENCES accounts (account_id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  agent_id uuid NOT NULL,
  secret_hash text NOT NULL,
  failures int NOT NULL DEFAULT 0,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, id),
  FOREIGN KEY (account_id, agent_id) REFERENCES agents (account_id, id)
);
CREATE INDEX login_challenges_expiry ON login_challenges (expires_at);
