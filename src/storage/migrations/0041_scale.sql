-- Issue 21: the job queue at depth, and a schema that shards per account.

-- Finished jobs are pruned (pruneJobs, the hourly 'jobs.prune' job) along this index, oldest first.
CREATE INDEX jobs_finished ON jobs (status, finished_at) WHERE status IN ('done', 'failed');
