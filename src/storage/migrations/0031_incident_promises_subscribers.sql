-- Issue 15 continued: an incident's "next update by" is a promise like any other (C5), replies and
-- bounces to an announcement come back to its recipients, and anyone can subscribe to the status page.

-- 1. The promised next update of an open incident is a row in `promises`: it shows in "promises due",
-- counts in the kept rate, is kept by an update posted in time and broken when overdue. Such a promise
-- belongs to an incident, not to a case or a customer.
ALTER TABLE promises
  ALTER COLUMN case_id DROP NOT NULL,
  ALTER COLUMN customer_id DROP NOT NULL,
  ADD COLUMN incident_id uuid,
  ADD CONSTRAINT promises_incident FOREIGN KEY (account_id, incident_id) REFERENCES incidents (account_id, id),
  ADD CONSTRAINT promises_subject CHECK ((case_id IS NOT NULL AND customer_id IS NOT NULL) OR incident_id IS NOT NULL);
-- one open promise per incident: its current "next update by"
CREATE UNIQUE INDEX promises_incident_open ON promises (account_id, incident_id) WHERE state = 'open' AND incident_id IS NOT NULL;

-- the incidents open today get their promise now (nothing was kept or broken before this)
INSERT INTO promises (account_id, incident_id, owner_id, kind, description, due_at, created_at, updated_at)
SELECT i.account_id, i.id, i.owner_id, 'next_update_by', 'Volgende update over storing "' || left(i.title->>'nl', 200) || '"', i.next_update_at, now(), now()
FROM incidents i WHERE i.status <> 'resolved' AND i.next_update_at IS NOT NULL;

-- 2. Replies and bounces to an announcement: the case the reply opened (or joined) and when.
ALTER TABLE announcement_recipients
  ADD COLUMN reply_case_id uuid,
  ADD COLUMN replied_at timestamptz,
  ADD COLUMN bounced_at timestamptz,
  ADD CONSTRAINT announcement_recipients_reply_case FOREIGN KEY (account_id, reply_case_id) REFERENCES cases (account_id, id);

-- 3. Status page subscribers: double opt-in by e-mail, per component (none listed = all).
CREATE TABLE status_subscribers (
  account_id uuid NOT NULL REFERENCES accounts (account_id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  email text NOT NULL CHECK (length(email) BETWEEN 3 AND 320),
  language text NOT NULL DEFAULT 'nl' CHECK (language IN ('nl', 'en')),
  component_ids uuid[] NOT NULL DEFAULT '{}',
  state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'confirmed', 'unsubscribed')),
  -- SHA-256 of the secret in the latest confirmation link (the secret itself is only in that mail)
  confirm_hash text,
  -- the one-click unsubscribe link's secret, in every mail: kept as is, since all it can do is end the subscription
  unsubscribe_secret text NOT NULL,
  confirm_sent_at timestamptz,
  confirmed_at timestamptz,
  unsubscribed_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, id),
  UNIQUE (account_id, email)
);
CREATE INDEX status_subscribers_confirmed ON status_subscribers (account_id) WHERE state = 'confirmed';
CREATE UNIQUE INDEX status_subscribers_unsubscribe ON status_subscribers (unsubscribe_secret);

-- One row per subscriber and notice (an incident update, a maintenance announcement): sent once, resumable.
CREATE TABLE status_deliveries (
  account_id uuid NOT NULL,
  subscriber_id uuid NOT NULL,
  -- 'update:<incident update id>' or 'maintenance:<announcement id>'
  notice text NOT NULL,
  state text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'sending', 'sent', 'failed')),
  email_message_id text NOT NULL,
  sent_at timestamptz,
  error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, notice, subscriber_id),
  FOREIGN KEY (account_id, subscriber_id) REFERENCES status_subscribers (account_id, id)
);
CREATE INDEX status_deliveries_due ON status_deliveries (account_id, notice) WHERE state IN ('queued', 'sending');
