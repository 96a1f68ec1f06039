-- Issue 20: single sign-on with OpenID Connect, one identity provider per account.
-- The client secret is stored encrypted (AES-256-GCM, key SECRETS_KEY or DATA_DIR/secrets.key), never in plain text.
CREATE TABLE sso_settings (
  account_id uuid PRIMARY KEY REFERENCES accounts (account_id),
  label text NOT NULL CHECK (length(label) BETWEEN 1 AND 100),
  discovery_url text NOT NULL CHECK (length(discovery_url) BETWEEN 1 AND 2000),
  client_id text NOT NULL CHECK (length(client_id) BETWEEN 1 AND 500),
  client_secret_enc text NOT NULL,
  -- the role of an agent created on first sign-in; NULL: nobody is created, only existing agents sign in
  auto_create_role text CHECK (auto_create_role IN ('agent', 'supervisor', 'admin')),
  -- false: agents of this account sign in only through the identity provider
  password_sign_in boolean NOT NULL DEFAULT true,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- One row per sign-in begun: state, nonce and PKCE verifier stay on the server, bound to the browser
-- that began it by a cookie whose hash is kept here. Used once; expires after ten minutes.
CREATE TABLE sso_logins (
  account_id uuid NOT NULL REFERENCES accounts (account_id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  browser_hash text NOT NULL,
  state text NOT NULL,
  nonce text NOT NULL,
  code_verifier text NOT NULL,
  redirect_uri text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  PRIMARY KEY (account_id, id)
);
CREATE INDEX sso_logins_expires ON sso_logins (expires_at);
