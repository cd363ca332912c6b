-- Who keeps a read waiting, asked after a statement gave up on a lock (lock_timeout), so
-- that the message names them: the other sessions holding ACCESS EXCLUSIVE, the only mode
-- that stops a SELECT, on a table, view or materialized view of mvdash's schemas or the
-- event store, one row per session. Temporary relations are left out: every session holds
-- that lock on its own. pg_stat_activity hides most of another role's row from a role
-- without pg_read_all_stats: what it hides comes as NULL.
SELECT l.pid,
       pg_catalog.string_agg(n.nspname || '.' || c.relname, ', '
                             ORDER BY n.nspname, c.relname) AS relations,
       pg_catalog.min(a.application_name) AS application_name,
       pg_catalog.min(a.usename) AS role,
       pg_catalog.floor(extract(epoch FROM pg_catalog.now()
                                         - pg_catalog.min(a.xact_start)))::bigint AS held_seconds
FROM pg_catalog.pg_locks l
JOIN pg_catalog.pg_class c ON c.oid = l.relation
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_stat_activity a ON a.pid = l.pid
WHERE l.granted
  AND l.mode = 'AccessExclusiveLock'
  AND l.locktype = 'relation'
  AND l.database = (SELECT d.oid FROM pg_catalog.pg_database d
                    WHERE d.datname = pg_catalog.current_database())
  AND l.pid <> pg_catalog.pg_backend_pid()
  AND c.relkind IN ('r', 'p', 'v', 'm')
  AND c.relpersistence <> 't'
  AND n.nspname IN ('mvdash', 'tenant_scope', 'public')
GROUP BY l.pid
ORDER BY held_seconds DESC NULLS LAST, l.pid
LIMIT 3
