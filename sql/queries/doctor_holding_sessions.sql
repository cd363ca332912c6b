-- doctor: sessions whose transaction, open longer than the given seconds, holds mvdash's work back:
-- in live mode, both locks a writer holds while it may hold an arrival (an event table's and
-- the arrival order's RowExclusiveLock: every step waits for it, 038); in matview mode, a lock
-- on a read model that its refresh conflicts with (any lock but ACCESS SHARE against a
-- concurrent refresh's EXCLUSIVE, any lock at all against a plain one's ACCESS EXCLUSIVE), so
-- each refresh waits its minute and fails. Any role can hold such locks without a privilege
-- (a prepared statement, or nextval() of a relation's oid in a savepoint; RELIABILITY.md).
-- xact_start identifies the transaction for the fix (end_session.sql): NULL for other roles'
-- sessions when the caller may not read their activity (pg_read_all_stats).
WITH mode AS (
    SELECT mvdash.read_model_mode_now() AS now
),
steps_held AS (
    SELECT DISTINCT l.pid, 'live steps'::text AS held
    FROM pg_catalog.pg_locks l, mode
    WHERE mode.now = 'live' AND l.locktype = 'relation' AND l.granted
      AND l.relation = 'mvdash.event_arrival_seq'::pg_catalog.regclass
      AND l.mode = 'RowExclusiveLock'
      AND EXISTS (SELECT 1 FROM pg_catalog.pg_locks t
                  WHERE t.virtualtransaction = l.virtualtransaction AND t.granted
                    AND t.locktype = 'relation' AND t.mode = 'RowExclusiveLock'
                    AND t.relation IN ('public.bet_events'::pg_catalog.regclass,
                                       'public.balance_events'::pg_catalog.regclass,
                                       'public.payment_events'::pg_catalog.regclass))
),
refreshes_held AS (
    SELECT l.pid, pg_catalog.string_agg(DISTINCT p.view_name, ', ') AS held
    FROM pg_catalog.pg_locks l
    JOIN mvdash.materialized_views_refresh_plan() p
      ON l.relation = pg_catalog.to_regclass('mvdash.' || pg_catalog.quote_ident(p.view_name))
    CROSS JOIN mode
    WHERE mode.now = 'matview' AND l.locktype = 'relation' AND l.granted
      AND (p.method <> 'concurrently' OR l.mode <> 'AccessShareLock')
    GROUP BY l.pid
),
held AS (
    SELECT * FROM steps_held
    UNION ALL
    SELECT * FROM refreshes_held
)
SELECT a.pid, a.usename::text AS role, a.application_name, a.state, a.xact_start::text,
       extract(epoch FROM clock_timestamp() - a.xact_start)::bigint AS age_seconds, h.held
FROM held h
JOIN pg_catalog.pg_stat_activity a ON a.pid = h.pid
WHERE a.pid <> pg_catalog.pg_backend_pid()
  AND (a.xact_start IS NULL
       OR a.xact_start < clock_timestamp() - make_interval(secs => :holding_seconds))
  -- a refresh's own session is the refresh.running check's
  AND NOT (a.query ~* '(refresh_materialized_view|refresh_aggregate_views|refresh\s+materialized\s+view|live_step)'
           AND pg_catalog.has_function_privilege(a.usesysid, 'mvdash.refresh_aggregate_views()',
                                                 'EXECUTE'))
ORDER BY a.xact_start NULLS LAST, a.pid
