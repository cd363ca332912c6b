-- Refresh durations over time, per view (the Refresh panel chart): the latest 2000 runs of the
-- mode the read models are in now. A live step takes milliseconds where a matview's refresh
-- took seconds: on one axis the steps lay flat on zero after a convert, and the matviews' part
-- (user_activity_except_bets, 020), which live mode does not have, stayed in the legend.
SELECT view_name AS series, started_at AS at, duration_ms AS value
FROM (SELECT view_name, started_at, duration_ms, history_id
      FROM materialized_views_refresh_history
      WHERE outcome = 'ok'
        AND (method = 'live') = (SELECT m.mode = 'live' FROM read_model_mode m)
      ORDER BY history_id DESC
      LIMIT 2000) latest
ORDER BY history_id
