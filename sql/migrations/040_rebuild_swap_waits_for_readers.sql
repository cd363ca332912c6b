-- Who holds what a rebuild's swap must lock (found by an attack on the live mode as a tenant
-- role, 2026-12-01; the C++ side is rebuildLiveState's swap).
--
-- On plain PostgreSQL a rebuild builds the new state in mvdash_staging and swaps it in at the
-- end (live_rebuild_end): the read models' views are pointed at the new tables and the old
-- tables dropped, which takes their exclusive locks. Behind a reader's open transaction (a
-- tenant administrator's idle session that had read bets_view) the swap waited without limit,
-- and every reader after it queued behind its lock request, for as long as that transaction
-- lasted (88 s in the attack). The rebuild now asks this function first and tries the swap
-- only when nobody holds those relations, with a short lock timeout, so that readers queue
-- behind it for that moment at most; it names the holders while it waits.
--
-- Only a rebuild into mvdash_staging swaps (its transaction's mvdash.rebuild_into): a Citus
-- rebuild writes in place and takes no such lock, so there the answer is empty. Autovacuum is
-- not a holder to wait for: the server cancels it when it blocks a lock request for longer
-- than deadlock_timeout, which the swap's lock timeout (1.5 s) outlasts.
CREATE FUNCTION live_swap_holders()
RETURNS TABLE (pid integer, role text, transaction_start timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, mvdash, pg_temp AS $$
    SELECT DISTINCT l.pid, a.usename::text, a.xact_start
    FROM pg_catalog.pg_locks l
    LEFT JOIN pg_catalog.pg_stat_activity a ON a.pid = l.pid
    WHERE pg_catalog.current_setting('mvdash.rebuild_into', true) = 'mvdash_staging'
      AND l.locktype = 'relation' AND l.granted
      AND l.pid IS DISTINCT FROM pg_catalog.pg_backend_pid()
      AND a.backend_type IS DISTINCT FROM 'autovacuum worker'
      AND l.database = (SELECT d.oid FROM pg_catalog.pg_database d
                        WHERE d.datname = pg_catalog.current_database())
      AND l.relation IN (SELECT c.oid FROM pg_catalog.pg_class c
                         WHERE c.relnamespace = 'mvdash'::regnamespace
                           AND (c.relname = ANY (mvdash.live_swapped_tables())
                                OR c.relname IN (SELECT d.view_name
                                                 FROM mvdash.read_model_definitions d)))
    ORDER BY 3 NULLS LAST, 1
$$;
REVOKE ALL ON FUNCTION live_swap_holders() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION live_swap_holders() TO mvdash_operator;
