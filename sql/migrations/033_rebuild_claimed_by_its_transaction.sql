-- A rebuild's arrival and target come from its own begin, not from settings a caller can set.
--
-- A hostile review of 027-032 found that the rebuild's SECURITY DEFINER functions, granted to
-- operators, took what to build from the session's custom settings, which any role may set:
-- - mvdash.rebuild_into (012's live_build_target()) named the schema the build's statements
--   write, quoted but never checked. An operator who made a TEMP table live_bets with a
--   trigger, set mvdash.rebuild_into to 'pg_temp' and mvdash.rebuild_to to anything, and
--   called live_rebuild_statement(), had the trigger run as the functions' owner (a superuser
--   on Citus, DATABASE.md "On Citus").
-- - mvdash.rebuild_to (the arrival a rebuild builds to) and mvdash.rebuild_started were only
--   checked for being set. Set by hand they ran the build's statements without
--   live_rebuild_begin(): without the live lock, and with an arrival of the caller's choosing
--   (0 deleted every row of a state table as "keys without events"; an old arrival merged the
--   state back while live_progress said it was current, which no step repairs).
--
-- Now:
-- - live_rebuild_begin() writes what it decided (the arrival, the target schema, its start)
--   into live_rebuild_claims, a table nobody is granted anything on, keyed by the backend and
--   stamped with the transaction: the row goes with a rollback, and a later transaction of the
--   same backend does not match it. live_rebuild_statement() and live_rebuild_end() read the
--   arrival, the target and the start from there, and refuse without it ("no rebuild in this
--   transaction", as before); live_rebuild_end() removes it. The settings are still set (the
--   build's own functions and a client's messages read them) but no longer decide anything.
-- - live_build_target() accepts only mvdash or mvdash_staging, and raises for any other value.
-- Not changed: a helper session's live_rebuild_task() takes the arrival as an argument, as the
-- rebuild's client hands it over, and checks that a rebuild holds the live lock and that the
-- arrival was handed out (013); it writes only mvdash_staging's tables, which only the
-- rebuild's own live_rebuild_end() swaps in.

CREATE TABLE live_rebuild_claims (
    backend_pid integer PRIMARY KEY,
    xact xid8 NOT NULL,
    rebuild_to bigint NOT NULL,
    rebuild_into text NOT NULL CHECK (rebuild_into IN ('mvdash', 'mvdash_staging')),
    started timestamptz NOT NULL
);
COMMENT ON TABLE live_rebuild_claims IS
    'the rebuild running in a transaction (live_rebuild_begin): its arrival, target schema and '
    'start, read by live_rebuild_statement and live_rebuild_end; nobody is granted anything on it';
REVOKE ALL ON live_rebuild_claims FROM PUBLIC;

-- The claim of a rebuild begun in the caller's transaction, or no row.
CREATE FUNCTION live_rebuild_claim() RETURNS SETOF live_rebuild_claims
LANGUAGE sql STABLE SET search_path = pg_catalog, mvdash, pg_temp AS $$
    SELECT c.*
    FROM mvdash.live_rebuild_claims c
    WHERE c.backend_pid = pg_backend_pid() AND c.xact = pg_current_xact_id_if_assigned()
$$;

-- 012's target, checked: the two schemas a build writes, nothing else.
CREATE OR REPLACE FUNCTION live_build_target() RETURNS text
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, mvdash, pg_temp AS $$
DECLARE
    v_target text := coalesce(nullif(current_setting('mvdash.rebuild_into', true), ''), 'mvdash');
BEGIN
    IF v_target NOT IN ('mvdash', 'mvdash_staging') THEN
        RAISE EXCEPTION 'a build writes mvdash or mvdash_staging, not %', v_target
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN v_target;
END
$$;

-- 013's begin, now claiming the rebuild for its transaction.
CREATE OR REPLACE FUNCTION live_rebuild_begin(p_stage boolean DEFAULT true) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, mvdash, pg_temp AS $$
DECLARE
    v_to bigint;
    v_citus boolean := EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'citus');
    v_into text;
    v_started timestamptz;
BEGIN
    IF current_setting('transaction_isolation') <> 'read committed' THEN
        RAISE EXCEPTION 'a rebuild needs READ COMMITTED' USING ERRCODE = 'invalid_transaction_state';
    END IF;
    IF NOT mvdash.mvdash_try_refresh_lock('*live*') THEN
        RAISE EXCEPTION 'a live step is running (%)',
                        coalesce(mvdash.mvdash_refresh_lock_holder('*live*'), 'holder unknown')
            USING ERRCODE = 'lock_not_available', HINT = 'Try again when it has finished.';
    END IF;
    v_to := coalesce(pg_sequence_last_value('mvdash.event_arrival_seq'), 0);
    PERFORM mvdash.live_wait_for_writers('1min');
    IF NOT v_citus AND p_stage THEN
        PERFORM mvdash.live_create_staged_tables();
    END IF;
    v_into := CASE WHEN v_citus THEN 'mvdash' ELSE 'mvdash_staging' END;
    v_started := clock_timestamp();
    -- (claims of backends gone are left by committed rebuilds that ended without
    -- live_rebuild_end: removed here, a few rows at most)
    DELETE FROM mvdash.live_rebuild_claims c
    WHERE c.backend_pid <> pg_backend_pid()
      AND NOT EXISTS (SELECT 1 FROM pg_stat_get_activity(c.backend_pid));
    INSERT INTO mvdash.live_rebuild_claims AS c (backend_pid, xact, rebuild_to, rebuild_into,
                                                 started)
    VALUES (pg_backend_pid(), pg_current_xact_id(), v_to, v_into, v_started)
    ON CONFLICT (backend_pid) DO UPDATE
    SET xact = excluded.xact, rebuild_to = excluded.rebuild_to,
        rebuild_into = excluded.rebuild_into, started = excluded.started;
    PERFORM set_config('mvdash.rebuild_into', v_into, true);
    PERFORM set_config('mvdash.rebuild_to', v_to::text, true);
    PERFORM set_config('mvdash.rebuild_started', v_started::text, true);
    RETURN v_to;
END
$$;

-- 027's statement runner, reading the claim (with 023's work_mem, as 027 made it; CREATE OR
-- REPLACE keeps its privileges).
CREATE OR REPLACE FUNCTION live_rebuild_statement(p_ord integer) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, mvdash, pg_temp
SET work_mem = '256MB' AS $$
DECLARE
    v_claim mvdash.live_rebuild_claims;
    v_statement text;
    v_table text;
    v_rows bigint;
BEGIN
    SELECT * INTO v_claim FROM mvdash.live_rebuild_claim();
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no rebuild in this transaction'
            USING ERRCODE = 'object_not_in_prerequisite_state', HINT = 'Call live_rebuild_begin() first.';
    END IF;
    SELECT s.statement INTO STRICT v_statement
    FROM mvdash.live_build_statements(v_claim.rebuild_into) s WHERE s.ord = p_ord;
    -- (the build's own functions, run by its statements, read the target from the setting)
    PERFORM set_config('mvdash.rebuild_into', v_claim.rebuild_into, true);
    EXECUTE v_statement USING -1::bigint, v_claim.rebuild_to;
    GET DIAGNOSTICS v_rows = ROW_COUNT;
    v_table := substring(v_statement FROM
        '^(?:DELETE FROM|MERGE INTO|INSERT INTO|UPDATE) (?:mvdash|mvdash_staging)\.(live_[a-z_]+)');
    IF v_table IS NULL THEN
        RETURN NULL;
    END IF;
    PERFORM mvdash.live_rebuild_count_written(v_table, v_rows);
    RETURN v_rows;
END
$$;

-- 021's end, reading the claim, and removing it (a second end, or a statement after it, in the
-- same transaction is refused).
CREATE OR REPLACE FUNCTION live_rebuild_end() RETURNS TABLE (events bigint, applied_arrival bigint, duration_ms numeric)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, mvdash, pg_temp AS $$
DECLARE
    v_claim mvdash.live_rebuild_claims;
    v_to bigint;
    v_events bigint;
    v_counted text;
    v_done timestamptz;
    v_table text;
BEGIN
    SELECT * INTO v_claim FROM mvdash.live_rebuild_claim();
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no rebuild in this transaction'
            USING ERRCODE = 'object_not_in_prerequisite_state', HINT = 'Call live_rebuild_begin() first.';
    END IF;
    v_to := v_claim.rebuild_to;
    IF v_claim.rebuild_into = 'mvdash_staging' THEN
        FOREACH v_table IN ARRAY mvdash.live_swapped_tables() LOOP
            IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint k
                           JOIN pg_catalog.pg_class c ON c.oid = k.conrelid
                           WHERE c.relnamespace = 'mvdash_staging'::regnamespace
                             AND c.relname = v_table AND k.contype = 'p') THEN
                RAISE EXCEPTION 'the rebuilt % is incomplete (no primary key): not swapped in', v_table
                    USING ERRCODE = 'object_not_in_prerequisite_state';
            END IF;
        END LOOP;
        -- the swap, last and short: the read models' views (live mode) now read the new
        -- tables, the old ones go, the new ones take their names. Readers that arrive now wait
        -- for the commit; the ones reading already finish first on the old tables.
        PERFORM set_config('mvdash.rebuild_into', 'mvdash_staging', true);
        IF mvdash.read_model_mode_now() = 'live' THEN
            PERFORM mvdash.live_create_views('mvdash_staging');
        END IF;
        FOREACH v_table IN ARRAY mvdash.live_swapped_tables() LOOP
            EXECUTE format('DROP TABLE mvdash.%I', v_table);
            EXECUTE format('ALTER TABLE mvdash_staging.%I SET SCHEMA mvdash', v_table);
        END LOOP;
    END IF;
    PERFORM set_config('mvdash.rebuild_into', '', true);
    PERFORM mvdash.live_sync_tenants();
    -- counted by the build's statement 5 while the helpers worked, or now (in place, on Citus)
    -- (a value for another arrival, or not a count, is not taken)
    v_counted := current_setting('mvdash.rebuild_events', true);
    v_events := CASE WHEN v_counted ~ '^[0-9]+:[0-9]+$' AND split_part(v_counted, ':', 1) = v_to::text
                     THEN split_part(v_counted, ':', 2)::bigint
                     ELSE (SELECT count(*) FROM public.bet_events e WHERE e.arrival_id <= v_to)
                          + (SELECT count(*) FROM public.balance_events e WHERE e.arrival_id <= v_to)
                          + (SELECT count(*) FROM public.payment_events e WHERE e.arrival_id <= v_to) END;
    PERFORM set_config('mvdash.rebuild_events', '', true);
    v_done := clock_timestamp();
    UPDATE mvdash.live_progress
    SET applied_arrival = v_to, applied_at = now(), step_count = step_count + 1,
        last_step_at = v_done, last_step_events = v_events,
        last_step_ms = round(extract(epoch FROM v_done - v_claim.started) * 1000, 2),
        blocked_by = NULL;
    DELETE FROM mvdash.live_rebuild_claims c WHERE c.backend_pid = pg_backend_pid();
    PERFORM set_config('mvdash.rebuild_to', '', true);
    RETURN QUERY SELECT v_events, v_to, round(extract(epoch FROM v_done - v_claim.started) * 1000, 2);
END
$$;

REVOKE ALL ON FUNCTION live_rebuild_claim() FROM PUBLIC;
