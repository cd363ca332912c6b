-- doctor: the last run of each application that refreshed (the CronJob sets
-- application_name 'mvdash-cronjob', the Kubernetes follower 'mvdash-follow', `mvdash-admin
-- follow` is 'mvdash follow'), from the engine's history. A step waiting for writers adds
-- " (live step waiting for writers <pids>)" to its session's name while it waits (011),
-- cut at 63 characters with the name: the same application.
SELECT regexp_replace(application_name, ' \(live step.*$', '')
           AS application_name,
       max(started_at) AS last_started_at,
       extract(epoch FROM clock_timestamp() - max(started_at))::bigint AS age_seconds,
       count(*) FILTER (WHERE outcome = 'failed'
                          AND started_at > clock_timestamp() - interval '1 day') AS failed_last_day
FROM materialized_views_refresh_history
GROUP BY 1
ORDER BY max(started_at) DESC
