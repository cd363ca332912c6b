-- Size of each view over time, from the samples taken after each refresh (Sizes panel).
SELECT view_name AS series, sampled_at AS at, total_bytes / 1048576.0 AS value
FROM (SELECT view_name, sampled_at, total_bytes, sample_id
      FROM materialized_views_size_history
      ORDER BY sample_id DESC
      LIMIT 2000) latest
ORDER BY sample_id
