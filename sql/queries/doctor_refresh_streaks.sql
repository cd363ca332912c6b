-- doctor: per view, the runs since its last successful one that failed or were skipped, and
-- the latest run's error.
WITH last_ok AS (
    SELECT view_name, max(history_id) AS history_id
    FROM materialized_views_refresh_history
    WHERE outcome = 'ok'
    GROUP BY view_name
)
SELECT h.view_name,
       count(*) FILTER (WHERE h.outcome = 'failed') AS failed_since_ok,
       count(*) FILTER (WHERE h.outcome = 'skipped') AS skipped_since_ok
FROM materialized_views_refresh_history h
LEFT JOIN last_ok o ON o.view_name = h.view_name
WHERE h.history_id > coalesce(o.history_id, 0)
GROUP BY h.view_name
ORDER BY h.view_name
