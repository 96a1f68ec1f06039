-- The chat widget's optional knowledge-base bot (issue 17): off by default, switched on per account.
ALTER TABLE channel_settings ADD COLUMN chat_bot_enabled boolean NOT NULL DEFAULT false;

-- The bot's answer is an automatic message on the case, like an acknowledgement: never a person's reply.
ALTER TABLE messages DROP CONSTRAINT messages_automated_check;
ALTER TABLE messages ADD CONSTRAINT messages_automated_check CHECK (automated IN ('auto_reply', 'bounce', 'bulk', 'acknowledgement', 'bot'));
