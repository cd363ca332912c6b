-- Takes the live lock in this transaction, waiting up to :wait for a step (or a rebuild) that
-- holds it (migration 029): NULL when taken, else who still holds it
SELECT mvdash.live_take_live_lock(:wait::interval)
