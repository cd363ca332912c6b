-- After a rebuild has committed: the live state's statistics on Citus, in full after a first
-- build, else on the columns of the tables' indexes (migrations 016, 020)
SELECT mvdash.live_analyze_state()
