-- After a rebuild has committed: the live state's statistics on Citus (migrations 016, 027),
-- for the tables it wrote enough of (:written, from live_rebuild_written; NULL: every table)
SELECT mvdash.live_analyze_state(:written::jsonb)
