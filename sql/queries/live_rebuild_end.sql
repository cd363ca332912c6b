SELECT events, applied_arrival, duration_ms FROM mvdash.live_rebuild_end()
