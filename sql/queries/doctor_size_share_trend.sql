-- doctor: the views' share of the event tables over the last 30 days (migration 015's samples)
-- as a line: share against time in days, least squares; the growth of each side beside it.
SELECT count(*) AS samples,
       pg_catalog.regr_slope(views_bytes::float8 / event_tables_bytes,
                             extract(epoch FROM sampled_at) / 86400.0) AS share_per_day,
       pg_catalog.regr_slope(views_bytes::float8,
                             extract(epoch FROM sampled_at) / 86400.0) AS views_bytes_per_day,
       pg_catalog.regr_slope(event_tables_bytes::float8,
                             extract(epoch FROM sampled_at) / 86400.0) AS event_bytes_per_day,
       (pg_catalog.array_agg(views_bytes::float8 / event_tables_bytes
                             ORDER BY sample_id DESC))[1] AS last_share,
       extract(epoch FROM clock_timestamp() - min(sampled_at)) / 86400.0 AS days
FROM mvdash.storage_share_history
WHERE sampled_at > clock_timestamp() - interval '30 days' AND event_tables_bytes > 0
