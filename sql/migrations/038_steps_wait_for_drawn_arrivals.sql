-- The live steps wait for the transactions that drew an arrival, not for every lock on an event
-- table (found by an attack on the live mode as a tenant role, 2026-12-01).
--
-- A step moves the watermark only once every transaction that may hold an arrival at or below
-- it has ended. 011 recognised those transactions by a writer's lock (RowExclusiveLock) on an
-- event table: a writer draws its arrival (the column's default, nextval) while it holds that
-- lock. But PostgreSQL takes that lock while it parses a statement, before it checks
-- privileges, so any role held it without any privilege on the table and without drawing
-- anything:
--     BEGIN; PREPARE p AS DELETE FROM public.bet_events WHERE false;   -- then idle
-- Every step then waited for it and was skipped ("a writer of the event tables is still in its
-- transaction"), for as long as that transaction lasted: the live read models of every tenant
-- stopped, and a convert or rebuild failed after its minute. The server's timeouts do not end
-- it (the session sets its own), and the schema public is usable by every role.
--
-- Here the wait is for the transactions that hold the lock drawing an arrival takes: nextval
-- locks its sequence (RowExclusiveLock) for the rest of the top-level transaction, kept by a
-- prepared transaction too, so the holders of that lock on mvdash.event_arrival_seq are exactly
-- the transactions that drew an arrival and have not ended. A first form of this migration
-- left out tenant roles that could not insert; a diff review showed that it could lose a real
-- writer's events (a tenant role inserting through a SECURITY DEFINER function, a column-level
-- INSERT grant, a privilege revoked mid-transaction, a prepared transaction's owner) and cost
-- seconds per step with many roles. This one judges no role: it waits for what was drawn.
--
-- Still possible for any role, as before: drawing an arrival itself (writers' defaults need the
-- sequence usable by every role: nextval(<its oid>)) and staying in its transaction. The steps
-- record who (live_progress.blocked_by) and the doctor names it.

CREATE OR REPLACE FUNCTION live_wait_for_writers(p_timeout interval) RETURNS integer[]
LANGUAGE plpgsql SET search_path = pg_catalog, mvdash, pg_temp AS $$
DECLARE
    -- (011 waited for the event tables' RowExclusiveLock; the sequence's is the arrival's own)
    v_sequence oid := 'mvdash.event_arrival_seq'::regclass;
    v_vxids text[];
    v_pids integer[];
    v_deadline timestamptz := clock_timestamp() + p_timeout;
    v_blocker text;
BEGIN
    SELECT array_agg(DISTINCT l.virtualtransaction), array_agg(DISTINCT l.pid)
    INTO v_vxids, v_pids
    FROM pg_locks l
    WHERE l.locktype = 'relation' AND l.relation = v_sequence
      AND l.mode = 'RowExclusiveLock' AND l.granted
      AND l.database = (SELECT d.oid FROM pg_database d WHERE d.datname = current_database())
      AND l.pid IS DISTINCT FROM pg_backend_pid();
    IF v_vxids IS NOT NULL THEN
        -- for ops (and tests): pg_stat_activity shows whom the step waits for, until it ends
        PERFORM set_config('application_name',
                           left(current_setting('application_name')
                                || ' (live step waiting for writers ' || array_to_string(v_pids, ',')
                                || ')', 63), true);
    END IF;
    WHILE v_vxids IS NOT NULL AND EXISTS (
            SELECT 1 FROM pg_locks l
            WHERE l.locktype = 'relation' AND l.relation = v_sequence
              AND l.mode = 'RowExclusiveLock' AND l.granted
              AND l.virtualtransaction = ANY (v_vxids)) LOOP
        IF clock_timestamp() > v_deadline THEN
            -- (a prepared transaction has no session: 011 said "pid , role , ..." for it)
            SELECT CASE WHEN l.pid IS NULL
                        THEN 'a prepared transaction (see pg_prepared_xacts; ROLLBACK PREPARED '
                             'ends it)'
                        ELSE format('pid %s, role %s, transaction open since %s', a.pid,
                                    a.usename, to_char(a.xact_start, 'YYYY-MM-DD HH24:MI:SS TZ'))
                   END
            INTO v_blocker
            FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid
            WHERE l.locktype = 'relation' AND l.relation = v_sequence
              AND l.mode = 'RowExclusiveLock' AND l.granted AND l.virtualtransaction = ANY (v_vxids)
            ORDER BY a.xact_start NULLS LAST LIMIT 1;
            RAISE EXCEPTION 'a writer of the event tables is still in its transaction after %: %',
                            p_timeout, v_blocker
                USING ERRCODE = 'lock_not_available';
        END IF;
        PERFORM pg_sleep(0.002);
    END LOOP;
    RETURN coalesce(v_pids, '{}');
END
$$;
