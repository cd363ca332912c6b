-- How long one statement of a dashboard session may run before the server stops it
-- (statement_timeout, in ms; 0: mvdash sets no limit, the role's, the database's or the
-- server's holds). The panels read on one session, a statement at a time: a read that runs on
-- without end (a plan gone wrong on a grown table, a server swamped) would otherwise hold up
-- every panel and the freshness badge behind it.
SELECT pg_catalog.set_config('statement_timeout',
                             CASE WHEN v.ms > 0 THEN v.ms || 'ms' ELSE s.reset_val END, false)
FROM (SELECT :statement_timeout_ms::integer AS ms) v, pg_catalog.pg_settings s
WHERE s.name = 'statement_timeout'
