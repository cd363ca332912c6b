-- After a rebuild has committed: the live state's statistics on Citus (migration 016)
SELECT mvdash.live_analyze_state()
