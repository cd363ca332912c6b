-- doctor: per view, the successful refreshes of the last 30 days as a line (duration in ms
-- against time in days, least squares), to say when a refresh would outgrow the schedule.
SELECT view_name, count(*) AS runs,
       pg_catalog.regr_slope(duration_ms, extract(epoch FROM started_at) / 86400.0) AS ms_per_day,
       max(duration_ms) AS latest_max_ms,
       (pg_catalog.array_agg(duration_ms ORDER BY history_id DESC))[1] AS last_ms
FROM materialized_views_refresh_history
WHERE outcome = 'ok' AND started_at > clock_timestamp() - interval '30 days'
GROUP BY view_name
HAVING count(*) >= 5
ORDER BY view_name
