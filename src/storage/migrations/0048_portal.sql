-- The customer portal (issue 19): a customer signs in with a magic link sent to an e-mail address
-- Luister knows for them, sees their cases, the messages and the promises made to them, and replies.

-- A portal reply is a message of its own channel, so the workspace shows where it came from.
ALTER TABLE cases DROP CONSTRAINT cases_channel_check;
ALTER TABLE cases ADD CONSTRAINT cases_channel_check CHECK (channel IN ('email', 'web', 'chat', 'phone', 'social', 'api', 'whatsapp', 'portal'));
ALTER TABLE messages DROP CONSTRAINT messages_channel_check;
ALTER TABLE messages ADD CONSTRAINT messages_channel_check CHECK (channel IN ('email', 'web', 'chat', 'phone', 'social', 'api', 'internal', 'whatsapp', 'portal'));
ALTER TABLE sla_policies DROP CONSTRAINT sla_policies_channel_check;
ALTER TABLE sla_policies ADD CONSTRAINT sla_policies_channel_check CHECK (channel IN ('email', 'web', 'chat', 'phone', 'social', 'api', 'whatsapp', 'portal'));

-- Per account: the portal on or off (off by default), how long a sign-in link lives and how long a
-- signed-in customer may be idle. The portal lives at /portal/<the public doors' slug>.
CREATE TABLE portal_settings (
  account_id uuid PRIMARY KEY REFERENCES accounts (account_id),
  enabled boolean NOT NULL DEFAULT false,
  link_minutes integer NOT NULL DEFAULT 15 CHECK (link_minutes BETWEEN 5 AND 60),
  idle_minutes integer NOT NULL DEFAULT 30 CHECK (idle_minutes BETWEEN 5 AND 240),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- A sign-in link: single use, short-lived, bound to the address it was sent to. Only the sha256 of its
-- secret is kept. No foreign key to the customer: who the address belongs to is looked up again when
-- the link is used (a merge moves the address; an erasure deletes it, and these rows with it).
CREATE TABLE portal_links (
  account_id uuid NOT NULL REFERENCES accounts (account_id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  customer_id uuid NOT NULL,
  email text NOT NULL CHECK (length(email) <= 320),
  token_hash text NOT NULL,
  language text NOT NULL CHECK (language IN ('nl', 'en')),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  PRIMARY KEY (account_id, id),
  UNIQUE (account_id, token_hash)
);
CREATE INDEX portal_links_expiry ON portal_links (account_id, expires_at);
CREATE INDEX portal_links_customer ON portal_links (account_id, customer_id);

-- A signed-in customer: the sha256 of the cookie's secret, the address they signed in with, an idle
-- timeout (last_seen_at) and an absolute end (expires_at). Signing out ends it.
CREATE TABLE portal_sessions (
  account_id uuid NOT NULL REFERENCES accounts (account_id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  customer_id uuid NOT NULL,
  email text NOT NULL CHECK (length(email) <= 320),
  token_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  ended_at timestamptz,
  PRIMARY KEY (account_id, id),
  UNIQUE (account_id, token_hash)
);
CREATE INDEX portal_sessions_expiry ON portal_sessions (account_id, expires_at);
CREATE INDEX portal_sessions_customer ON portal_sessions (account_id, customer_id);

-- A business customer sees their colleagues' cases in the portal only when their organisation allows it.
ALTER TABLE organisations ADD COLUMN portal_shares_cases boolean NOT NULL DEFAULT false;

