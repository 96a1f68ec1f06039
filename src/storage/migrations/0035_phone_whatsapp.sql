-- Phone and WhatsApp (C2, issue 17): a telephony webhook that logs calls on the customer's open case
-- and turns a missed call into a callback promise; WhatsApp Cloud API in and out.

-- WhatsApp is a channel of its own: a case, a message and a service level can be on it.
ALTER TABLE cases DROP CONSTRAINT cases_channel_check;
ALTER TABLE cases ADD CONSTRAINT cases_channel_check CHECK (channel IN ('email', 'web', 'chat', 'phone', 'social', 'api', 'whatsapp'));
ALTER TABLE messages DROP CONSTRAINT messages_channel_check;
ALTER TABLE messages ADD CONSTRAINT messages_channel_check CHECK (channel IN ('email', 'web', 'chat', 'phone', 'social', 'api', 'internal', 'whatsapp'));
ALTER TABLE sla_policies DROP CONSTRAINT sla_policies_channel_check;
ALTER TABLE sla_policies ADD CONSTRAINT sla_policies_channel_check CHECK (channel IN ('email', 'web', 'chat', 'phone', 'social', 'api', 'whatsapp'));

-- Per account: the phone and WhatsApp connections. The secrets are kept as they are because they
-- are keys (an HMAC key checks signatures, an access token calls the Graph API): a hash would not
-- do. They are never logged and never returned in full (the API shows the last four characters).
CREATE TABLE phone_whatsapp_settings (
  account_id uuid PRIMARY KEY REFERENCES accounts (account_id),
  phone_enabled boolean NOT NULL DEFAULT false,
  -- signs the telephony provider's events (HMAC-SHA256 over "timestamp.body"); made by Luister
  phone_secret text,
  -- a missed call is called back within this much business time
  phone_callback_minutes integer NOT NULL DEFAULT 120 CHECK (phone_callback_minutes BETWEEN 5 AND 10080),
  whatsapp_enabled boolean NOT NULL DEFAULT false,
  -- the Meta app secret: X-Hub-Signature-256 is an HMAC-SHA256 of the raw body with it
  whatsapp_app_secret text,
  -- what Meta sends back in hub.verify_token when the webhook is set up
  whatsapp_verify_token text,
  -- a (system user) access token for the Graph API, and the business number's id
  whatsapp_access_token text,
  whatsapp_phone_number_id text CHECK (whatsapp_phone_number_id ~ '^[0-9]{1,30}$'),
  -- templates Meta approved, the only messages allowed outside the 24-hour service window:
  -- [{ "name": "case_update", "language": "nl" }, …]
  whatsapp_templates jsonb NOT NULL DEFAULT '[]',
  -- the generic messaging webhook (other networks through a bridge), signed like the phone's
  messaging_enabled boolean NOT NULL DEFAULT false,
  messaging_secret text,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Events of outside channels already handled: a provider's retry (Meta retries for days, telephony
-- providers on every timeout) finds its event here and changes nothing.
CREATE TABLE channel_events (
  account_id uuid NOT NULL REFERENCES accounts (account_id),
  channel text NOT NULL CHECK (channel IN ('phone', 'whatsapp', 'social')),
  event_id text NOT NULL,
  case_id uuid,
  message_id uuid,
  received_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, channel, event_id)
);

-- A call while it goes on (started, answered), until its end or its miss is logged on the case.
CREATE TABLE phone_calls (
  account_id uuid NOT NULL REFERENCES accounts (account_id),
  call_id text NOT NULL,
  direction text NOT NULL CHECK (direction IN ('inbound', 'outbound')),
  customer_phone text NOT NULL,
  our_phone text NOT NULL,
  state text NOT NULL CHECK (state IN ('started', 'answered', 'ended', 'missed')),
  started_at timestamptz NOT NULL,
  answered_at timestamptz,
  case_id uuid,
  PRIMARY KEY (account_id, call_id)
);

-- WhatsApp messages we send: one row per outbound message, claimed before the Graph API is called
-- and marked sent after, so a retried or doubled job never sends it twice. The idempotency key goes
-- with the request (biz_opaque_callback_data) and comes back in Meta's status events.
CREATE TABLE whatsapp_outbound (
  account_id uuid NOT NULL REFERENCES accounts (account_id),
  message_id uuid NOT NULL,
  idempotency_key uuid NOT NULL DEFAULT gen_random_uuid(),
  to_wa_id text NOT NULL,
  -- null: free text; else { "name", "language", "parameters": [...] }
  template jsonb,
  state text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'sending', 'sent', 'failed')),
  claimed_at timestamptz,
  wamid text,
  last_error text,
  PRIMARY KEY (account_id, message_id),
  UNIQUE (account_id, idempotency_key),
  FOREIGN KEY (account_id, message_id) REFERENCES messages (account_id, id)
);
