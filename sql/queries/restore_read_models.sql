-- mvdash-admin migrate: the read models dropped by hand, made again from their installed
-- definitions (migration 015); the names made.
SELECT pg_catalog.unnest(mvdash.restore_read_models()) AS view_name
