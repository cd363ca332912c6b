-- Refresh durations over time, per view (the Refresh panel chart): the latest 2000 runs.
SELECT view_name AS series, started_at AS at, duration_ms AS value
FROM (SELECT view_name, started_at, duration_ms, history_id
      FROM materialized_views_refresh_history
      WHERE outcome = 'ok'
      ORDER BY history_id DESC
      LIMIT 2000) latest
ORDER BY history_id
