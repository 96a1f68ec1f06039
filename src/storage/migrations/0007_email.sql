-- Email in and out (C2): inboxes, e-mail facts on messages, attachments, bouncing identities.

-- An inbox is an address that brings mail into one account: delivered to Luister's SMTP listener
-- (the domain's MX or a forward) and/or fetched from an existing mailbox over IMAP.
CREATE TABLE inboxes (
  account_id uuid NOT NULL REFERENCES accounts (account_id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  -- lower-case; plus-addressed mail (support+1234@…) is delivered to the inbox of support@…
  address text NOT NULL,
  -- the team that signs acknowledgements and replies, e.g. 'Klantenservice Parkeren'
  name text NOT NULL,
  team_id uuid,
  acknowledge boolean NOT NULL DEFAULT true,
  -- IMAP polling: imap(s)://user@host:port/Mailbox; the password is kept apart and never returned
  imap_url text,
  imap_password text,
  -- after a message is committed: mark it \Seen, or move it to this folder
  imap_move_to text,
  imap_uidvalidity bigint,
  imap_last_uid bigint NOT NULL DEFAULT 0,
  imap_polled_at timestamptz,
  imap_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, id),
  FOREIGN KEY (account_id, team_id) REFERENCES teams (account_id, id)
);
-- SMTP routing looks an address up before it knows the account: one address, one account.
CREATE UNIQUE INDEX inboxes_address ON inboxes (address);

ALTER TABLE cases ADD COLUMN inbox_id uuid;
ALTER TABLE cases ADD FOREIGN KEY (account_id, inbox_id) REFERENCES inboxes (account_id, id);

ALTER TABLE messages
  ADD COLUMN subject text,
  -- the RFC 5322 Message-ID without <>: ours for outbound mail, the sender's for inbound mail
  ADD COLUMN email_message_id text,
  -- In-Reply-To and References, oldest first
  ADD COLUMN email_references text[],
  ADD COLUMN from_address text,
  ADD COLUMN to_address text,
  -- body holds what the customer newly wrote; original_body the whole text as received
  ADD COLUMN original_body text,
  -- sanitised HTML for display
  ADD COLUMN html text,
  ADD COLUMN automated text CHECK (automated IN ('auto_reply', 'bounce', 'bulk', 'acknowledgement')),
  ADD COLUMN inbox_id uuid,
  -- outbound e-mail: queued → sent, or failed after the last retry
  ADD COLUMN delivery_status text CHECK (delivery_status IN ('queued', 'sent', 'failed')),
  ADD COLUMN sent_at timestamptz,
  ADD COLUMN delivery_error text,
  -- what intake noticed and did, for a person to read (e.g. an attachment over the size limit not stored)
  ADD COLUMN intake_notes text[],
  ADD FOREIGN KEY (account_id, inbox_id) REFERENCES inboxes (account_id, id);
-- a mail delivered twice (SMTP retry, IMAP fetched again, two inboxes of one account) is stored once
CREATE UNIQUE INDEX messages_email_message_id ON messages (account_id, email_message_id) WHERE email_message_id IS NOT NULL;
-- threading in any arrival order: which stored messages point at a given Message-ID
CREATE INDEX messages_email_references ON messages USING gin (email_references);
-- loop protection: acknowledgements per sender per hour
CREATE INDEX messages_acknowledgements ON messages (account_id, to_address, created_at) WHERE automated = 'acknowledgement';

CREATE TABLE attachments (
  account_id uuid NOT NULL REFERENCES accounts (account_id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  message_id uuid NOT NULL,
  filename text NOT NULL,
  declared_type text NOT NULL,
  detected_type text,
  size integer NOT NULL,
  sha256 text NOT NULL,
  content bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, id),
  FOREIGN KEY (account_id, message_id) REFERENCES messages (account_id, id)
);
CREATE INDEX attachments_message ON attachments (account_id, message_id);

-- A bounce marks the address, so agents see why the customer does not answer.
ALTER TABLE customer_identities
  ADD COLUMN bouncing_since timestamptz,
  ADD COLUMN bounce_reason text;
