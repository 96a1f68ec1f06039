-- Issue 20, imports from Freshdesk, Zammad and Chatwoot beside Zendesk: the same idempotency table
-- (what came from which helpdesk, by its id there) and the same jobs, for the new sources.
ALTER TABLE import_refs DROP CONSTRAINT IF EXISTS import_refs_source_check;
ALTER TABLE import_refs ADD CONSTRAINT import_refs_source_check CHECK (source IN ('zendesk', 'freshdesk', 'zammad', 'chatwoot'));
ALTER TABLE import_jobs DROP CONSTRAINT IF EXISTS import_jobs_source_check;
ALTER TABLE import_jobs ADD CONSTRAINT import_jobs_source_check CHECK (source IN ('mbox', 'eml', 'zendesk', 'freshdesk', 'zammad', 'chatwoot'));
