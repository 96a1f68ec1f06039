-- Auto-close (issue 19): a case pending with the customer for N days gets a reminder, then is
-- solved with a closing message (src/autoclose/). Off by default: an account turns it on.
CREATE TABLE autoclose_settings (
  account_id uuid PRIMARY KEY REFERENCES accounts (account_id),
  enabled boolean NOT NULL DEFAULT false,
  remind_after_days integer NOT NULL DEFAULT 7 CHECK (remind_after_days BETWEEN 1 AND 90),
  close_after_days integer NOT NULL DEFAULT 14 CHECK (close_after_days BETWEEN 2 AND 180),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (close_after_days > remind_after_days)
);

-- When the case last went to pending_customer, and whether this spell was reminded already.
-- A trigger keeps both right for every way a status changes (reply, PATCH, macro, intake):
-- entering pending_customer starts a new spell (and a new reminder may go out), nothing else does.
ALTER TABLE cases ADD COLUMN pending_customer_since timestamptz;
ALTER TABLE cases ADD COLUMN autoclose_reminded_at timestamptz;
UPDATE cases SET pending_customer_since = updated_at WHERE status = 'pending_customer';

CREATE FUNCTION cases_pending_customer_spell() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status = 'pending_customer' AND (TG_OP = 'INSERT' OR OLD.status IS DISTINCT FROM 'pending_customer') THEN
    NEW.pending_customer_since := now();
    NEW.autoclose_reminded_at := NULL;
  ELSIF NEW.status <> 'pending_customer' THEN
    NEW.pending_customer_since := NULL;
    NEW.autoclose_reminded_at := NULL;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER cases_pending_customer BEFORE INSERT OR UPDATE OF status ON cases
  FOR EACH ROW EXECUTE FUNCTION cases_pending_customer_spell();

CREATE INDEX cases_pending_customer_since ON cases (account_id, pending_customer_since) WHERE status = 'pending_customer';
