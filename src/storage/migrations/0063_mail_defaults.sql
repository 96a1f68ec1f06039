-- The account's defaults for outbound mail (issue 19): the sender name and the signature that an inbox
-- without its own uses (src/intake/inboxes/mail-defaults.ts). An inbox's name '' now means "the account's".
CREATE TABLE mail_defaults (
  account_id uuid PRIMARY KEY REFERENCES accounts (account_id),
  -- '' = the account's name
  sender_name text NOT NULL DEFAULT '' CHECK (length(sender_name) <= 200),
  signature_nl text NOT NULL DEFAULT '' CHECK (length(signature_nl) <= 2000),
  signature_en text NOT NULL DEFAULT '' CHECK (length(signature_en) <= 2000),
  updated_at timestamptz NOT NULL DEFAULT now()
);
