-- doctor: transactions of this database, open longer than the given seconds, that hold
-- mvdash's work back: in live mode, both locks a writer holds while it may hold an arrival (an
-- event table's and the arrival order's RowExclusiveLock: every step waits for it, 038); in
-- matview mode, a lock on a read model that its refresh conflicts with (any lock but ACCESS
-- SHARE against a concurrent refresh's EXCLUSIVE; any lock at all, on the view or its indexes,
-- against a plain one's ACCESS EXCLUSIVE), so each refresh waits its minute and fails. Any role
-- can hold such locks without a privilege (a prepared statement, or nextval() of a relation's
-- oid in a savepoint; RELIABILITY.md).
-- Sessions are listed only when the caller sees their transaction's start (its own role's, or
-- with pg_read_all_stats): that start tells a stuck transaction from a writer's short one, and
-- identifies the transaction for end_session.sql (the epoch's exact numeric text). A refresh's
-- own session is refresh.running's. Prepared transactions (no session; gid) are listed too.
-- can_end: whether the caller may end that session (pg_terminate_backend's own rule).
WITH this_database AS (
    SELECT d.oid FROM pg_catalog.pg_database d WHERE d.datname = pg_catalog.current_database()
),
mode AS (
    SELECT mvdash.read_model_mode_now() AS now
),
cutoff AS (
    SELECT clock_timestamp() - make_interval(secs => :holding_seconds) AS at
),
steps_held AS (
    SELECT DISTINCT l.virtualtransaction, l.pid, 'live steps'::text AS held
    FROM pg_catalog.pg_locks l, mode, this_database db
    WHERE mode.now = 'live' AND l.locktype = 'relation' AND l.granted AND l.database = db.oid
      AND l.relation = 'mvdash.event_arrival_seq'::pg_catalog.regclass
      AND l.mode = 'RowExclusiveLock'
      AND EXISTS (SELECT 1 FROM pg_catalog.pg_locks t
                  WHERE t.virtualtransaction = l.virtualtransaction AND t.granted
                    AND t.locktype = 'relation' AND t.database = db.oid
                    AND t.mode = 'RowExclusiveLock'
                    AND t.relation IN ('public.bet_events'::pg_catalog.regclass,
                                       'public.balance_events'::pg_catalog.regclass,
                                       'public.payment_events'::pg_catalog.regclass))
),
refreshed AS (
    SELECT p.view_name, p.method,
           pg_catalog.to_regclass('mvdash.' || pg_catalog.quote_ident(p.view_name)) AS rel
    FROM mvdash.materialized_views_refresh_plan() p, mode
    WHERE mode.now = 'matview'
),
refreshes_held AS (
    SELECT l.virtualtransaction, l.pid, pg_catalog.string_agg(DISTINCT r.view_name, ', ') AS held
    FROM pg_catalog.pg_locks l, this_database db, refreshed r
    WHERE l.locktype = 'relation' AND l.granted AND l.database = db.oid
      AND ((l.relation = r.rel AND (r.method <> 'concurrently' OR l.mode <> 'AccessShareLock'))
           OR (r.method <> 'concurrently'
               AND l.relation IN (SELECT i.indexrelid FROM pg_catalog.pg_index i
                                  WHERE i.indrelid = r.rel)))
    GROUP BY l.virtualtransaction, l.pid
),
held AS (
    SELECT * FROM steps_held
    UNION ALL
    SELECT * FROM refreshes_held
)
SELECT h.pid, p.gid, coalesce(a.usename::text, p.owner::text) AS role, a.application_name,
       a.state, extract(epoch FROM a.xact_start)::text AS xact_start,
       extract(epoch FROM clock_timestamp() - coalesce(a.xact_start, p.prepared))::bigint
           AS age_seconds,
       h.held,
       (a.pid IS NOT NULL
        AND (SELECT CASE WHEN target.rolsuper THEN me.rolsuper
                         ELSE me.rolsuper
                              OR pg_catalog.pg_has_role(me.oid, target.oid, 'USAGE')
                              OR pg_catalog.pg_has_role(me.oid, 'pg_signal_backend', 'USAGE')
                    END
             FROM pg_catalog.pg_roles target, pg_catalog.pg_roles me
             WHERE target.oid = a.usesysid AND me.rolname = current_user)) AS can_end
FROM held h
CROSS JOIN cutoff
LEFT JOIN pg_catalog.pg_stat_activity a ON a.pid = h.pid
-- (a prepared transaction's locks keep a virtual transaction of their own: it is found by
-- the lock on its transaction id, which it holds under the same one)
LEFT JOIN pg_catalog.pg_prepared_xacts p
       ON h.pid IS NULL AND p.database = pg_catalog.current_database()
      AND EXISTS (SELECT 1 FROM pg_catalog.pg_locks x
                  WHERE x.locktype = 'transactionid' AND x.transactionid = p.transaction
                    AND x.virtualtransaction = h.virtualtransaction)
WHERE (a.pid IS NOT NULL AND a.pid <> pg_catalog.pg_backend_pid()
       AND a.backend_type = 'client backend' AND a.xact_start IS NOT NULL
       AND a.xact_start < cutoff.at
       AND NOT (a.query ~* '(refresh_materialized_view|refresh_aggregate_views|refresh\s+materialized\s+view|live_step)'
                AND pg_catalog.has_function_privilege(a.usesysid,
                                                      'mvdash.refresh_aggregate_views()',
                                                      'EXECUTE')))
   OR (p.gid IS NOT NULL
       AND p.prepared < cutoff.at)
ORDER BY coalesce(a.xact_start, p.prepared), h.pid
