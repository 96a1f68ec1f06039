-- The apology after a breach is written once: the follow-up that breached the promise claims it (a
-- retried job may take over a claim that is ten minutes old with nothing sent or drafted).
ALTER TABLE promises ADD COLUMN apology_claimed_at timestamptz;
-- and at most one apology waits for approval per promise
CREATE UNIQUE INDEX drafts_one_pending_per_promise ON drafts (account_id, promise_id) WHERE status = 'pending' AND promise_id IS NOT NULL;
