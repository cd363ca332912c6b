-- doctor: per view, the successful refreshes of the last 30 days as a line (duration in ms
-- against time in days, least squares), to say when a refresh would outgrow the schedule.
-- - Matview mode only: live read models are not refreshed on the schedule, and whether their
--   steps keep up is the lag (refresh.fresh). A line through a convert's history (seconds of
--   refreshes, then milliseconds of steps, or the other way) foretold nonsense.
-- - Only when the runs span a day: a line through minutes of runs, stretched to a day,
--   foretold the interval reached within days on a database a few minutes old.
SELECT view_name, count(*) AS runs,
       pg_catalog.regr_slope(duration_ms, extract(epoch FROM started_at) / 86400.0) AS ms_per_day,
       max(duration_ms) AS latest_max_ms,
       (pg_catalog.array_agg(duration_ms ORDER BY history_id DESC))[1] AS last_ms
FROM materialized_views_refresh_history
WHERE outcome = 'ok' AND method <> 'live'
  AND started_at > clock_timestamp() - interval '30 days'
  AND (SELECT m.mode FROM read_model_mode m) IS DISTINCT FROM 'live'
GROUP BY view_name
HAVING count(*) >= 5 AND max(started_at) - min(started_at) >= interval '1 day'
ORDER BY view_name
