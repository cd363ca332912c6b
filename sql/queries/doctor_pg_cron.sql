-- doctor: pg_cron's jobs that run refresh_aggregate_views() and their latest run (called only
-- when the cron schema exists).
SELECT j.jobid, j.schedule, j.active, r.status, r.return_message,
       r.start_time,
       extract(epoch FROM clock_timestamp() - r.start_time)::bigint AS age_seconds
FROM cron.job j
LEFT JOIN LATERAL (SELECT d.status, d.return_message, d.start_time
                   FROM cron.job_run_details d
                   WHERE d.jobid = j.jobid
                   ORDER BY d.start_time DESC
                   LIMIT 1) r ON true
WHERE j.command ILIKE '%refresh_aggregate_views%'
ORDER BY j.jobid
