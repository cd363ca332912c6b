-- How long one statement of a dashboard session may run before the server stops it
-- (statement_timeout, "60000ms"; "0" for no limit). The panels read on one session, a
-- statement at a time: a read that runs on without end (a plan gone wrong on a grown table, a
-- server swamped) would otherwise hold up every panel and the freshness badge behind it.
SELECT pg_catalog.set_config('statement_timeout', :statement_timeout, false)
