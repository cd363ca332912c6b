-- In a rebuild's transaction, before its commit: the rows it wrote per state table (migration
-- 027), for the statistics after the commit
SELECT mvdash.live_rebuild_written()::text
