-- Refresh the materialized views from inside PostgreSQL with pg_cron, the alternative to the
-- Kubernetes CronJob (packaging/k8s/cronjob-refresh-views.yaml) where pg_cron is available.
--
-- Server prerequisites (postgresql.conf, then a restart):
--   shared_preload_libraries = 'pg_cron'
--   cron.database_name = '<the mvdash database>'    -- pg_cron's metadata lives there
--   cron.host = '<socket directory or host>'         -- pg_cron connects like a client
-- Debian: apt-get install postgresql-15-cron
--
-- Run in the mvdash database as a superuser (or a role allowed to use pg_cron):
--   psql -v schedule='*/5 * * * *' -f schedule-refresh.sql
-- Scheduling again with the same job name replaces the schedule.

\if :{?schedule}
\else
\set schedule '*/5 * * * *'
\endif

CREATE EXTENSION IF NOT EXISTS pg_cron;

-- The committing procedure: each view is visible as soon as it is refreshed and locks are
-- held one view at a time; a concurrent run (a slow previous one) skips busy views. A run in
-- which every view was skipped, for materialized_views_max_skipped_runs() runs in a row
-- (default 3, `ALTER DATABASE ... SET mvdash.max_skipped_runs = N`), ends with an error,
-- so cron.job_run_details shows it as failed.
SELECT cron.schedule('mvdash-refresh-views', :'schedule',
                     'CALL refresh_aggregate_views_committing()');

-- What ran, and how it went:
--   SELECT jobid, status, return_message, start_time, end_time
--   FROM cron.job_run_details ORDER BY start_time DESC LIMIT 10;
-- Unschedule:
--   SELECT cron.unschedule('mvdash-refresh-views');
