SELECT mvdash.live_rebuild_statement(:ord::integer)
