-- Builds the six materialized views in mvdash_staging before a switch back (migration 011)
SELECT mvdash.live_stage_matviews()
