-- Issue 20, imports. What came from another helpdesk, by its id there: importing the same export
-- again (or a later export with more comments) finds what is already here and changes nothing.
-- Mail archives need no table: a message is known by its Message-ID (messages.email_message_id).
CREATE TABLE import_refs (
  account_id uuid NOT NULL REFERENCES accounts (account_id),
  source text NOT NULL CHECK (source IN ('zendesk', 'freshdesk')),
  kind text NOT NULL CHECK (kind IN ('ticket', 'comment')),
  external_id text NOT NULL CHECK (length(external_id) BETWEEN 1 AND 200),
  -- the case (ticket) or message (comment) it became
  local_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, source, kind, external_id)
);

-- An import started through the API: the uploaded file is read by the job, its progress polled.
CREATE TABLE import_jobs (
  account_id uuid NOT NULL REFERENCES accounts (account_id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  source text NOT NULL CHECK (source IN ('mbox', 'eml', 'zendesk')),
  dry_run boolean NOT NULL DEFAULT false,
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
  phase text,
  done integer NOT NULL DEFAULT 0,
  total integer,
  summary jsonb,
  error text,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  PRIMARY KEY (account_id, id)
);
CREATE INDEX import_jobs_recent ON import_jobs (account_id, created_at DESC);
