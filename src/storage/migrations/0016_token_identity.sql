-- Security review (issue 13). An API token carries its own identity: issued to an agent (agent_id),
-- it acts as that agent and never with more than that agent's role; without an agent it is a service
-- identity that is nobody's "me". created_by stays, for the audit of who made it.
ALTER TABLE api_tokens ADD COLUMN agent_id uuid;
-- Tokens made before this change acted as their creator. Those with the creator's own role keep
-- doing so; a token with a lower role than its creator becomes a service identity.
UPDATE api_tokens t SET agent_id = t.created_by
FROM agents a WHERE a.account_id = t.account_id AND a.id = t.created_by AND a.role = t.role;

-- Idempotency keys belong to the credential that used them: another credential with the same key
-- runs its own request, with its own authorisation, and never sees the first one's response.
DELETE FROM idempotency_keys;
ALTER TABLE idempotency_keys ADD COLUMN credential text NOT NULL DEFAULT '';
ALTER TABLE idempotency_keys DROP CONSTRAINT idempotency_keys_pkey;
ALTER TABLE idempotency_keys ADD PRIMARY KEY (account_id, credential, key);

-- Failed sign-ins, per e-mail address and per client address, for a growing delay. Sign-in cannot
-- know the account yet, so these rows are keyed by what the caller sent.
CREATE TABLE login_failures (
  key text PRIMARY KEY,
  failures integer NOT NULL,
  first_failed_at timestamptz NOT NULL DEFAULT now(),
  last_failed_at timestamptz NOT NULL DEFAULT now(),
  blocked_until timestamptz
);
CREATE INDEX login_failures_age ON login_failures (last_failed_at);

-- The help centre shows the version that was published, not the latest edit: an agent's edit to a
-- public article waits for someone who may publish. A supervisor's or admin's edit goes live.
ALTER TABLE articles ADD COLUMN published_version integer;
UPDATE articles SET published_version = version WHERE visibility = 'public';
