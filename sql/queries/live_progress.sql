SELECT applied_arrival, last_step_events, last_step_ms, step_count, blocked_by
FROM mvdash.live_progress
