-- Starts a rebuild in this transaction: the arrival it builds to (migrations 011, 013); false:
-- a helper session creates the new tables (live_rebuild_stage)
SELECT mvdash.live_rebuild_begin(:stage::boolean)
