-- One live step (migration 011): waits at most this long for writers still in their
-- transaction; records history for an empty step when told to.
SELECT view_name, method, duration_ms, outcome, error
FROM mvdash.live_step(:wait::interval, :record_empty::boolean)
