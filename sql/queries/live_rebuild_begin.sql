-- Starts a rebuild in this transaction: the arrival it builds to (migration 011)
SELECT mvdash.live_rebuild_begin()
