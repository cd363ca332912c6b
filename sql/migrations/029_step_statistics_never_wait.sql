-- A step's statistics of its scratch tables never wait for another session (issue #13: "a
-- follower ... survives"; ops move Citus shards while it runs), and a rebuild waits for a
-- step in progress instead of failing (ops rebuild while the follower runs).
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
-- in a mode that ANALYZE would queue behind (and, should such a lock come between that look
-- and the ANALYZE, after 50 ms). The planner then has the previous step's statistics, which
-- is harmless: a step's joins look keys up by index whatever the estimates (hash and merge
-- joins are off, 011 and 025). No lock is waited for, so no cycle forms, and a step that the
-- move's end does hold back waits only for the move's last moments.

CREATE FUNCTION live_analyze_scratch(p_table regclass) RETURNS boolean
LANGUAGE plpgsql SET search_path = pg_catalog, mvdash, pg_temp SET lock_timeout = '50ms' AS $$
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
    -- (a lock taken between the look and the ANALYZE: a moment's wait, then skipped too; the
    -- function's lock_timeout is the caller's again when it returns)
    BEGIN
        EXECUTE format('ANALYZE %s', p_table);
    EXCEPTION
        WHEN lock_not_available THEN
            RETURN false;
    END;
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
           CASE WHEN s.label LIKE 'statistics: %' AND s.statement ~ '^ANALYZE mvdash\.live_[a-z_]+$'
                THEN format('SELECT mvdash.live_analyze_scratch(%L::regclass)',
                            substr(s.statement, length('ANALYZE ') + 1))
                ELSE s.statement
           END
    FROM mvdash.live_step_statements_024() s
    ORDER BY 1
$f$;

-- (a list that came to ANALYZE a table some other way would wait again: refuse it here)
DO $check$
BEGIN
    IF EXISTS (SELECT 1 FROM live_step_statements() s WHERE s.statement ~* '^\s*ANALYZE') THEN
        RAISE EXCEPTION 'a step statement still ANALYZEs a table directly';
    END IF;
END
$check$;

-- A rebuild beside a running follower: live_rebuild_begin() tries the live lock once and fails
-- when a step holds it ("a live step is running ... Try again when it has finished"), which
-- with a follower stepping every second or two was a matter of luck. This takes the live lock
-- in the caller's transaction, waiting up to p_wait for its holder (a step, another rebuild or
-- convert) to let go; live_rebuild_begin() then finds it its own. NULL when taken, else who
-- still holds it. It polls (every 50 ms) rather than waits on the lock's row, so that it never
-- queues in front of a step or a rebuild, and raises nothing while it waits.
CREATE FUNCTION live_take_live_lock(p_wait interval) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, mvdash, pg_temp AS $$
DECLARE
    v_deadline timestamptz := clock_timestamp() + p_wait;
BEGIN
    WHILE NOT mvdash.mvdash_try_refresh_lock('*live*') LOOP
        IF clock_timestamp() >= v_deadline THEN
            RETURN coalesce(mvdash.mvdash_refresh_lock_holder('*live*'), 'holder unknown');
        END IF;
        PERFORM pg_sleep(0.05);
    END LOOP;
    RETURN NULL;
END
$$;

-- Nothing for PUBLIC; operators see the statements (explain-step), as 024's, and rebuild
REVOKE ALL ON FUNCTION live_analyze_scratch(regclass), live_step_statements(),
    live_step_statements_024(), live_take_live_lock(interval) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION live_step_statements(), live_step_statements_024(),
    live_take_live_lock(interval) TO mvdash_operator;
