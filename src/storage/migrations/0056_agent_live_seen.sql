-- Availability from real presence (issue 17): when an agent's live workspace stream (/api/v1/live) last said
-- they are there. The stream marks it when it opens and with every ping (25 s); "talk to a person" counts an
-- agent only while this is recent AND their availability switch is on (src/live/agent-live.ts).
ALTER TABLE agents ADD COLUMN live_seen_at timestamptz;
