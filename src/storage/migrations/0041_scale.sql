-- Issue 21: the job queue at depth, and a schema that shards per account.

-- Finished jobs are pruned (pruneJobs, the hourly 'jobs.prune' job) along this index, oldest first.
CREATE INDEX jobs_finished ON jobs (status, finished_at) WHERE status IN ('done', 'failed');

-- Sharding ready (docs/scaling.md, tests/integration/shardable.test.ts): a unique index on a table distributed by
-- account_id must include account_id. These three secrets are only ever looked up within their account (the chat
-- widget's account, the status page's account, the inbox's account), so their uniqueness is per account: safe on
-- existing data, since what was unique over all accounts is unique within each.
ALTER TABLE chat_sessions DROP CONSTRAINT chat_sessions_token_hash_key;
ALTER TABLE chat_sessions ADD CONSTRAINT chat_sessions_account_token_hash UNIQUE (account_id, token_hash);
DROP INDEX status_subscribers_unsubscribe;
CREATE UNIQUE INDEX status_subscribers_unsubscribe ON status_subscribers (account_id, unsubscribe_secret);
DROP INDEX announcement_recipients_reply_token;
CREATE UNIQUE INDEX announcement_recipients_reply_token ON announcement_recipients (account_id, reply_token) WHERE reply_token IS NOT NULL;
