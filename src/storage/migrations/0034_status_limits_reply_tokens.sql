-- Issue 15, the rest: subscribing to a status page is limited per client address (counted in intake_throttle,
-- the address kept only as a hash keyed with this secret) and per e-mail address (confirmation mails per day).
ALTER TABLE announcement_settings ADD COLUMN throttle_secret text NOT NULL
  DEFAULT replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '');
ALTER TABLE status_subscribers ADD COLUMN confirm_count integer NOT NULL DEFAULT 0;
ALTER TABLE status_subscribers ADD COLUMN confirm_window_start timestamptz;

-- Every announcement mail's Reply-To carries a token of its own (inbox+a-<token>@…): a reply to it names its
-- recipient even when the mail client dropped In-Reply-To/References, and nobody can answer for someone else
-- by quoting a Message-ID. Recipients scheduled before this have none and are matched as before.
ALTER TABLE announcement_recipients ADD COLUMN reply_token text;
CREATE UNIQUE INDEX announcement_recipients_reply_token ON announcement_recipients (reply_token) WHERE reply_token IS NOT NULL;

-- A component can say what it covers, in Dutch and English (shown on the page and as Statuspage's description).
ALTER TABLE status_components ADD COLUMN description_nl text CHECK (length(description_nl) <= 500);
ALTER TABLE status_components ADD COLUMN description_en text CHECK (length(description_en) <= 500);
