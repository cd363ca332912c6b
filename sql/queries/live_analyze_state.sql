-- After a rebuild has committed: the live state's statistics on Citus, for the tables whose
-- rows moved, all of them after a first build (migrations 016, 020)
SELECT mvdash.live_analyze_state()
