SELECT mvdash.live_rebuild_statement(?::integer)
