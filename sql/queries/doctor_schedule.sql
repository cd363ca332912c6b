-- doctor: the last run of each application that refreshed (the CronJob sets
-- application_name 'mvdash-cronjob', the follower 'mvdash-follow'), from the engine's history.
SELECT application_name, max(started_at) AS last_started_at,
       extract(epoch FROM clock_timestamp() - max(started_at))::bigint AS age_seconds,
       count(*) FILTER (WHERE outcome = 'failed'
                          AND started_at > clock_timestamp() - interval '1 day') AS failed_last_day
FROM materialized_views_refresh_history
GROUP BY application_name
ORDER BY max(started_at) DESC
