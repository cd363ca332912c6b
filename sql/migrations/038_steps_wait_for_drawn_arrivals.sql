-- The live steps wait for the transactions that are writing and drew an arrival, not for every
-- lock on an event table (found by an attack on the live mode as a tenant role, 2026-12-01).
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
-- Here the wait is for the transactions that hold both that lock on an event table and the
-- lock drawing an arrival takes: nextval locks its sequence (RowExclusiveLock) until the end of
-- the top-level transaction, and a prepared transaction keeps it. A transaction that drew an
-- arrival at or below T (read before the wait) drew it inside an INSERT or COPY into an event
-- table that had begun before T was read, and holds both locks from then to its end: it is
-- waited for, whoever it is and however it wrote (a SECURITY DEFINER function, a column grant,
-- a role that lost its privilege since). One that holds only one of them has drawn nothing
-- yet, and what it draws later is above T: the prepared DELETE above holds only the table's;
-- a reader of the sequence (pg_sequence_last_value, which the freshness functions and the
-- pg_sequences view call, takes the same lock as nextval) holds only the sequence's.
--
-- Two forms of this migration did not land. The first left out tenant roles that could not
-- insert: a diff review showed it could lose a real writer's events (a tenant role inserting
-- through a SECURITY DEFINER function, a column-level INSERT grant, a privilege revoked
-- mid-transaction, a recovered prepared transaction judged by its owner) and cost seconds a
-- step with thousands of roles. The second waited for the sequence's lock alone: every reader
-- of the freshness in an open transaction then held the steps back (a CI run hung with two
-- followers beside a writer), and so could any role with `SELECT * FROM pg_sequences`.
--
-- Still possible for any role: holding both, on purpose (a prepared statement on an event
-- table, then pg_sequences), and staying in its transaction. The steps record who
-- (live_progress.blocked_by) and the doctor names it.

CREATE OR REPLACE FUNCTION live_wait_for_writers(p_timeout interval) RETURNS integer[]
LANGUAGE plpgsql SET search_path = pg_catalog, mvdash, pg_temp AS $$
DECLARE
    -- (011 waited for the event tables' lock alone; the sequence's is the arrival's own)
    v_tables oid[] := ARRAY['public.bet_events'::regclass, 'public.balance_events'::regclass,
                            'public.payment_events'::regclass]::oid[];
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
      AND l.pid IS DISTINCT FROM pg_backend_pid()
      AND EXISTS (SELECT 1 FROM pg_locks t
                  WHERE t.virtualtransaction = l.virtualtransaction
                    AND t.locktype = 'relation' AND t.relation = ANY (v_tables)
                    AND t.mode = 'RowExclusiveLock' AND t.granted);
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
