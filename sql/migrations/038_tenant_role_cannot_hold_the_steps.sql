-- A tenant administrator's role cannot hold the live steps back (found by an attack on the
-- live mode as a tenant role, 2026-12-01).
--
-- A step moves the watermark only once every session holding a writer's lock
-- (RowExclusiveLock) on an event table has ended its transaction (011's live_wait_for_writers):
-- the lock is how it knows a writer may hold an earlier arrival. PostgreSQL takes that lock
-- while it parses a statement, before it checks privileges, so a role with no privilege on the
-- event tables holds it by preparing one and staying in its transaction:
--     BEGIN; PREPARE p AS DELETE FROM public.bet_events WHERE false;   -- then idle
-- Every step then waited for it and was skipped ("a writer of the event tables is still in its
-- transaction"), for as long as that transaction lasted: the live read models of every tenant
-- stopped, and a convert or rebuild failed after its minute. The server's timeouts do not end
-- it (the session sets its own), and the schema public is usable by every role.
--
-- Here the wait leaves out a holder that cannot have drawn an arrival: a session (or a prepared
-- transaction) whose role is a tenant administrator's (a member of mvdash_tenant, which grant-
-- tenant makes) and which can insert into that table neither as itself nor as any role it may
-- become (SET ROLE), nor as a superuser. A tenant role reads through tenant_scope and has no
-- privilege on the event tables (034), so its lock on one is never a write in flight. Every
-- other holder is waited for as before: the platform's writers are not tenant roles, and a
-- role that was given INSERT is a writer whatever else it is. The pg_stat_activity snapshot is
-- cleared first, so that a session's role is read as it is now (a pid can be reused).
--
-- Left as it was: any other login role (one the platform made, not a tenant's) can still hold
-- the steps back this way; blocked_by and the doctor name its pid and role (tst_live).

CREATE FUNCTION live_holder_is_a_tenant_reader(p_pid integer, p_vxid text, p_table oid)
RETURNS boolean
LANGUAGE sql STABLE SET search_path = pg_catalog, mvdash, pg_temp AS $$
    SELECT EXISTS (
        SELECT 1
        FROM (SELECT a.usesysid AS role FROM pg_catalog.pg_stat_activity a WHERE a.pid = p_pid
              UNION ALL
              -- a prepared transaction keeps its locks without a session: its owner's role
              SELECT r.oid FROM pg_catalog.pg_prepared_xacts x
              JOIN pg_catalog.pg_roles r ON r.rolname = x.owner
              WHERE p_pid IS NULL AND p_vxid = '-1/' || x.transaction::text) h
        WHERE pg_catalog.pg_has_role(h.role, 'mvdash_tenant', 'MEMBER')
          AND NOT EXISTS (
              SELECT 1 FROM pg_catalog.pg_roles r
              WHERE pg_catalog.pg_has_role(h.role, r.oid, 'MEMBER')
                AND (r.rolsuper OR pg_catalog.has_table_privilege(r.oid, p_table, 'INSERT'))))
$$;
REVOKE ALL ON FUNCTION live_holder_is_a_tenant_reader(integer, text, oid) FROM PUBLIC;

-- 011's, with the holders above left out of the wait (and named nowhere: they hold nothing
-- back). Everything else as 011: new writers do not hold the wait up, prepared transactions
-- are waited for, lock_not_available after p_timeout naming the oldest holder.
CREATE OR REPLACE FUNCTION live_wait_for_writers(p_timeout interval) RETURNS integer[]
LANGUAGE plpgsql SET search_path = pg_catalog, mvdash, pg_temp AS $$
DECLARE
    v_tables oid[] := ARRAY['public.bet_events'::regclass, 'public.balance_events'::regclass,
                            'public.payment_events'::regclass]::oid[];
    v_vxids text[];
    v_pids integer[];
    v_deadline timestamptz := clock_timestamp() + p_timeout;
    v_blocker text;
BEGIN
    PERFORM pg_catalog.pg_stat_clear_snapshot();
    SELECT array_agg(DISTINCT l.virtualtransaction), array_agg(DISTINCT l.pid)
    INTO v_vxids, v_pids
    FROM pg_locks l
    WHERE l.locktype = 'relation' AND l.relation = ANY (v_tables)
      AND l.mode = 'RowExclusiveLock' AND l.granted
      AND l.database = (SELECT d.oid FROM pg_database d WHERE d.datname = current_database())
      AND l.pid IS DISTINCT FROM pg_backend_pid()
      AND NOT mvdash.live_holder_is_a_tenant_reader(l.pid, l.virtualtransaction, l.relation);
    IF v_vxids IS NOT NULL THEN
        -- for ops (and tests): pg_stat_activity shows whom the step waits for, until it ends
        PERFORM set_config('application_name',
                           left(current_setting('application_name')
                                || ' (live step waiting for writers ' || array_to_string(v_pids, ',')
                                || ')', 63), true);
    END IF;
    WHILE v_vxids IS NOT NULL AND EXISTS (
            SELECT 1 FROM pg_locks l
            WHERE l.locktype = 'relation' AND l.relation = ANY (v_tables)
              AND l.mode = 'RowExclusiveLock' AND l.granted
              AND l.virtualtransaction = ANY (v_vxids)) LOOP
        IF clock_timestamp() > v_deadline THEN
            SELECT format('pid %s, role %s, transaction open since %s', a.pid, a.usename,
                          to_char(a.xact_start, 'YYYY-MM-DD HH24:MI:SS TZ'))
            INTO v_blocker
            FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid
            WHERE l.locktype = 'relation' AND l.relation = ANY (v_tables)
              AND l.mode = 'RowExclusiveLock' AND l.granted AND l.virtualtransaction = ANY (v_vxids)
            ORDER BY a.xact_start LIMIT 1;
            RAISE EXCEPTION 'a writer of the event tables is still in its transaction after %: %',
                            p_timeout, coalesce(v_blocker, 'a prepared transaction')
                USING ERRCODE = 'lock_not_available';
        END IF;
        PERFORM pg_sleep(0.002);
    END LOOP;
    RETURN coalesce(v_pids, '{}');
END
$$;
