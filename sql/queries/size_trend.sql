-- Size of each view over time (Sizes panel): the samples taken after each refresh, and in live
-- mode every 5 minutes (028); of the views there are now (the refresh plan: no series for the
-- matviews' part after a convert to live, or for a dropped tenant copy).
SELECT view_name AS series, sampled_at AS at, total_bytes / 1048576.0 AS value
FROM (SELECT h.view_name, h.sampled_at, h.total_bytes, h.sample_id
      FROM materialized_views_size_history h
      WHERE h.view_name IN (SELECT p.view_name FROM materialized_views_refresh_plan() p)
      ORDER BY h.sample_id DESC
      LIMIT 2000) latest
ORDER BY sample_id
