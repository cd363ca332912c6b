-- Refresh durations over time (the Refresh panel chart): from the latest 2000 rows of the
-- history (about 300 runs, in either mode) of the mode the read models are in now. A live step
-- takes milliseconds where a matview's refresh took seconds: on one axis the steps lay flat on
-- zero after a convert, and the matviews' part (user_activity_except_bets, 020), which live
-- mode does not have, stayed in the legend.
-- Matview mode: one series per view. Live mode: one series, 'live step' (the panel names it),
-- one point a step: a step brings every read model up at once and logs the same duration for
-- each, six lines drawn on top of each other.
SELECT series, at, value
FROM (SELECT DISTINCT ON (h.run_id, h.series) h.series, h.started_at AS at,
             h.duration_ms AS value, h.history_id
      FROM (SELECT CASE WHEN method = 'live' THEN 'live step' ELSE view_name END AS series,
                   started_at, duration_ms, history_id, run_id
            FROM materialized_views_refresh_history
            WHERE outcome = 'ok'
              AND (method = 'live') = (SELECT m.mode = 'live' FROM read_model_mode m)
            ORDER BY history_id DESC
            LIMIT 2000) h
      ORDER BY h.run_id, h.series, h.history_id) latest
ORDER BY history_id
