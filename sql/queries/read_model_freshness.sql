-- Per read model: the mode, its "as of", and in live mode the watermark and the lag behind the
-- newest committed event (migration 011)
SELECT view_name, mode, as_of, applied_arrival, latest_arrival, lag_events, lag_seconds,
       last_step_ms, blocked_by
FROM mvdash.read_model_freshness()
