-- doctor (Citus): two-phase commits left half done on the workers (LIVE.md, "A worker lost in
-- the middle of a distributed commit"). A distributed commit prepares on every worker, commits
-- on the coordinator, then sends COMMIT PREPARED; one that lost a worker in between stays
-- prepared there, its rows invisible, until Citus's recovery (recover_prepared_transactions(),
-- every citus.recover_2pc_interval) commits it when the coordinator recorded the commit
-- (pg_dist_transaction), else rolls it back. Normally a prepared transaction lives
-- milliseconds: these are Citus's, begun by this coordinator (the gid's group, as its recovery
-- reads them) for this database, prepared longer ago than the bound value allows. Recovery
-- resolves them within citus.recover_2pc_interval (a minute by default) once the worker is
-- back, and leaves no trace: the doctor sees one only while it lasts (LIVE.md).
SELECT w.nodename || ':' || w.nodeport AS node, p.gid,
       round(extract(epoch FROM pg_catalog.now() - p.prepared))::bigint AS age_seconds,
       EXISTS (SELECT 1 FROM pg_catalog.pg_dist_transaction t
               JOIN pg_catalog.pg_dist_node n ON n.groupid = t.groupid
               WHERE t.gid = p.gid AND n.nodename = w.nodename AND n.nodeport = w.nodeport)
           AS committed
FROM pg_catalog.run_command_on_workers(pg_catalog.format(
         $$SELECT coalesce(json_agg(json_build_object('gid', gid, 'prepared', prepared)), '[]')
           FROM pg_catalog.pg_prepared_xacts
           WHERE database = current_database() AND gid LIKE 'citus\_%s\_%%'
             AND prepared < now() - make_interval(secs => %s)$$,
         (SELECT g.groupid FROM pg_catalog.pg_dist_local_group g), :older_seconds::integer)) w
CROSS JOIN LATERAL json_to_recordset(w.result::json) AS p (gid text, prepared timestamptz)
WHERE w.success
ORDER BY 1, 2
