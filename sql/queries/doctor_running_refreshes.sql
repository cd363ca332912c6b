-- doctor: refreshes running now, from the server's view of its backends (the engine's own
-- 'running' history row is not committed yet, so other sessions cannot see it): a backend
-- in a refresh function, a REFRESH or a live step; the read model it refreshes or waits for
-- (its lock on a materialized view of mvdash); how long; what it waits on; who blocks it and
-- whom it blocks (pg_blocking_pids). A role without pg_read_all_stats sees only its own.
-- Only sessions of roles that may refresh: any role writes its own query text and
-- application_name, and a tenant administrator's idle transaction that had selected the word
-- 'refresh_aggregate_views' was listed as a refresh running for as long as it stayed open.
SELECT coalesce((SELECT c.relname::text
                 FROM pg_catalog.pg_locks l
                 JOIN pg_catalog.pg_class c ON c.oid = l.relation
                 WHERE l.pid = a.pid AND c.relnamespace = 'mvdash'::regnamespace
                   AND c.relkind = 'm'
                   AND l.mode IN ('ExclusiveLock', 'AccessExclusiveLock')
                 ORDER BY l.granted, c.relname
                 LIMIT 1), '') AS view_name,
       a.pid, a.usename::text AS role, a.application_name,
       extract(epoch FROM clock_timestamp() - coalesce(a.xact_start, a.query_start))::bigint
           AS age_seconds,
       a.wait_event_type, a.wait_event,
       pg_catalog.array_to_string(pg_catalog.pg_blocking_pids(a.pid), ',') AS blocked_by,
       (SELECT pg_catalog.string_agg(o.pid::text, ',' ORDER BY o.pid)
        FROM pg_catalog.pg_stat_activity o
        WHERE a.pid = ANY (pg_catalog.pg_blocking_pids(o.pid))) AS blocking
FROM pg_catalog.pg_stat_activity a
WHERE a.pid <> pg_catalog.pg_backend_pid()
  AND a.state IS DISTINCT FROM 'idle'
  AND a.query ~* '(refresh_materialized_view|refresh_aggregate_views|refresh\s+materialized\s+view|live_step)'
  AND pg_catalog.has_function_privilege(a.usesysid, 'mvdash.refresh_aggregate_views()', 'EXECUTE')
ORDER BY a.xact_start
