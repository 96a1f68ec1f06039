-- Insight (C8/C10): contacts per topic per day read from the analysis alone. Each analysis row carries
-- its message's time, so a period is one index range in the account instead of a scan of every message.
ALTER TABLE message_analysis ADD COLUMN message_at timestamptz;
UPDATE message_analysis a SET message_at = m.created_at
FROM messages m WHERE m.account_id = a.account_id AND m.id = a.message_id AND a.message_at IS NULL;
CREATE INDEX message_analysis_time ON message_analysis (account_id, message_at);
