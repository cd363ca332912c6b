-- A helper of a rebuild: the new tables in mvdash_staging, committed for the other helpers
SELECT mvdash.live_rebuild_stage()
