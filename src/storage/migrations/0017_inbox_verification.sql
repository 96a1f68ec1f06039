-- An inbox address routes mail to an account only once that account proved it controls the
-- address: a code mailed to it (entered back through the API), a DNS TXT record on its domain,
-- or an installation admin (`luister inbox verify`). Before, the first account to register an
-- address received its mail, and the 409 on a second registration told that the address existed
-- elsewhere. Now any account may register any address (unique within the account only), and at
-- most one account has it verified: only that one receives its mail.
ALTER TABLE inboxes
  ADD COLUMN verified_at timestamptz,
  ADD COLUMN verified_by text CHECK (verified_by IN ('mail', 'dns', 'admin', 'existing')),
  -- SHA-256 of the mailed code (never the code), its expiry and wrong attempts so far
  ADD COLUMN verification_code_hash text,
  ADD COLUMN verification_expires_at timestamptz,
  ADD COLUMN verification_attempts integer NOT NULL DEFAULT 0,
  ADD COLUMN verification_sent_at timestamptz,
  -- the value of the TXT record _luister.<domain> that proves the domain (per inbox)
  ADD COLUMN dns_token text NOT NULL DEFAULT replace(gen_random_uuid()::text, '-', '');

-- Inboxes that already receive mail keep receiving it (an upgrade must not stop the mail):
-- an admin of a multi-account installation reviews them (README, "E-mail").
UPDATE inboxes SET verified_at = created_at, verified_by = 'existing';

DROP INDEX inboxes_address;
CREATE UNIQUE INDEX inboxes_account_address ON inboxes (account_id, address);
-- SMTP routing looks an address up before it knows the account: one verified owner at most.
CREATE UNIQUE INDEX inboxes_address_verified ON inboxes (address) WHERE verified_at IS NOT NULL;
