-- A step's statistics of its scratch tables never wait for another session (issue #13: "a
-- follower ... survives"; ops move Citus shards while it runs).
--
-- A step fills three scratch tables and ANALYZEs each (011), so that the planner knows their
-- few rows. ANALYZE takes SHARE UPDATE EXCLUSIVE. On Citus a shard move or split holds that
-- lock on every table co-located with the moved shards, scratch tables included, for as long
-- as it copies and catches up. A step that came to its ANALYZE during a move waited for the
-- whole move. At its end the move waited in turn for that step, whose transaction held the
-- shards it had already written: a cycle that Citus's deadlock detection broke after seconds
-- by cancelling the step, or that lasted until the step's lock_timeout (1 min). Measured on
-- the local cluster, a follower stepping every 50 ms with a writer at 400 events/s: the move
-- of one shard group took 62 s instead of 3, and the read models stood still for that minute.
--
-- Now a step skips the ANALYZE of a scratch table that another session holds, or waits for,
-- in a mode that ANALYZE would queue behind. The planner then has the previous step's
-- statistics, which is harmless: a step's joins look keys up by index whatever the estimates
-- (hash and merge joins are off, 011 and 025). No lock is waited for, so no cycle forms, and
-- a step that the move's end does hold back waits only for the move's last moments.

CREATE FUNCTION live_analyze_scratch(p_table regclass) RETURNS boolean
LANGUAGE plpgsql SET search_path = pg_catalog, mvdash, pg_temp AS $$
BEGIN
    IF EXISTS (
            SELECT 1 FROM pg_catalog.pg_locks l
            WHERE l.locktype = 'relation' AND l.relation = p_table
              AND l.database = (SELECT d.oid FROM pg_catalog.pg_database d
                                WHERE d.datname = current_database())
              AND l.pid IS DISTINCT FROM pg_backend_pid()
              -- the modes that conflict with ANALYZE's, held or queued (a request that
              -- conflicts with one queued waits behind it)
              AND l.mode IN ('ShareUpdateExclusiveLock', 'ShareLock', 'ShareRowExclusiveLock',
                             'ExclusiveLock', 'AccessExclusiveLock')) THEN
        RETURN false;
    END IF;
    EXECUTE format('ANALYZE %s', p_table);
    RETURN true;
END
$$;

-- 024's statements, each scratch table's ANALYZE through the function above. The label stays
-- ("statistics: ..."); explain-step shows no plan for it, as before.
ALTER FUNCTION live_step_statements() RENAME TO live_step_statements_024;
CREATE FUNCTION live_step_statements()
RETURNS TABLE (ord integer, label text, statement text)
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, mvdash, pg_temp AS $f$
    SELECT s.ord, s.label,
           CASE WHEN s.statement ~ '^ANALYZE mvdash\.live_[a-z_]+$'
                THEN format('SELECT mvdash.live_analyze_scratch(%L::regclass)',
                            substr(s.statement, length('ANALYZE ') + 1))
                ELSE s.statement
           END
    FROM mvdash.live_step_statements_024() s
    ORDER BY 1
$f$;

-- Nothing for PUBLIC; operators see the statements (explain-step), as 024's
REVOKE ALL ON FUNCTION live_analyze_scratch(regclass), live_step_statements(),
    live_step_statements_024() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION live_step_statements(), live_step_statements_024() TO mvdash_operator;
