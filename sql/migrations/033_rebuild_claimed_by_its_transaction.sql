-- A rebuild's arrival and target come from its own begin, not from settings a caller can set;
-- its end swaps in, and moves the watermark to, only a build whose every statement ran to that
-- arrival.
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
--   transaction", as before); live_rebuild_end() removes it. mvdash.rebuild_to and
--   mvdash.rebuild_started are no longer set or read. mvdash.rebuild_into is still set, from
--   the claim, for the build's own functions (live_build_target()).
-- - live_build_target() accepts only mvdash or mvdash_staging, and raises for any other value.
--
-- The review also found that live_rebuild_end() took the build on trust: its only check was
-- that the new tables on plain PostgreSQL had their primary keys. An operator could call live_rebuild_begin() and then live_rebuild_end() with no statement in
-- between: on Citus the watermark jumped to the current arrival and the events in between were
-- never applied (no step repairs that); on plain PostgreSQL, running only the statements that
-- build the indexes and primary keys swapped in empty tables while live_progress said the read
-- models were current. A helper session's live_rebuild_task() could also build a part to an
-- arrival other than the rebuild's, and the end swapped it in.
--
-- Now each statement is recorded where it ran: live_rebuild_statement() in the rebuild's claim
-- (the ords it ran), live_rebuild_task() in live_rebuild_parts (owner-only, committed by
-- the helper: the statement, its part of how many, the arrival it built to, when). The end
-- refuses, naming them, when a statement of the build ran neither in the rebuild's transaction
-- nor, every part of it, on helpers to the claim's arrival since the rebuild began; the
-- transaction then rolls back as before (nothing swapped, the watermark where it was). A part
-- built again to another arrival replaces its record, so the end refuses that too.

CREATE TABLE live_rebuild_claims (
    backend_pid integer PRIMARY KEY,
    xact xid8 NOT NULL,
    rebuild_to bigint NOT NULL,
    rebuild_into text NOT NULL CHECK (rebuild_into IN ('mvdash', 'mvdash_staging')),
    started timestamptz NOT NULL,
    ran integer[] NOT NULL DEFAULT '{}'
);
COMMENT ON TABLE live_rebuild_claims IS
    'the rebuild running in a transaction (live_rebuild_begin): its arrival, target schema and '
    'start, read by live_rebuild_statement and live_rebuild_end; nobody is granted anything on it';
REVOKE ALL ON live_rebuild_claims FROM PUBLIC;
COMMENT ON COLUMN live_rebuild_claims.ran IS
    'the statements (ord) live_rebuild_statement ran in this rebuild''s transaction';

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
    -- (claims of backends gone are left by committed rebuilds that ended without
    -- live_rebuild_end: removed here, a few rows at most)
    DELETE FROM mvdash.live_rebuild_claims c
    WHERE c.backend_pid <> pg_backend_pid()
      AND NOT EXISTS (SELECT 1 FROM pg_stat_get_activity(c.backend_pid));
    INSERT INTO mvdash.live_rebuild_claims AS c (backend_pid, xact, rebuild_to, rebuild_into,
                                                 started)
    VALUES (pg_backend_pid(), pg_current_xact_id(), v_to, v_into, clock_timestamp())
    ON CONFLICT (backend_pid) DO UPDATE
    SET xact = excluded.xact, rebuild_to = excluded.rebuild_to,
        rebuild_into = excluded.rebuild_into, started = excluded.started;
    PERFORM set_config('mvdash.rebuild_into', v_into, true);
    RETURN v_to;
END
$$;

CREATE TABLE live_rebuild_parts (
    ord integer NOT NULL,
    part integer NOT NULL,
    parts integer NOT NULL,
    rebuild_to bigint NOT NULL,
    done_at timestamptz NOT NULL,
    PRIMARY KEY (ord, part, parts)
);
COMMENT ON TABLE live_rebuild_parts IS
    'the statements (or their parts) helper sessions ran for a rebuild on several sessions '
    '(live_rebuild_task), read by live_rebuild_end; nobody is granted anything on it';
REVOKE ALL ON live_rebuild_parts FROM PUBLIC;

-- The statements of the claimed rebuild that did not run (to its arrival, since it began).
CREATE FUNCTION live_rebuild_missing(p_claim live_rebuild_claims) RETURNS integer[]
LANGUAGE sql STABLE SET search_path = pg_catalog, mvdash, pg_temp AS $$
    SELECT coalesce(array_agg(s.ord ORDER BY s.ord), '{}')
    FROM mvdash.live_build_statements(p_claim.rebuild_into) s
    WHERE s.ord <> ALL (p_claim.ran)
      AND NOT EXISTS (SELECT 1
                      FROM mvdash.live_rebuild_parts p
                      WHERE p.ord = s.ord AND p.rebuild_to = p_claim.rebuild_to
                        AND p.done_at >= p_claim.started
                      GROUP BY p.parts
                      HAVING count(DISTINCT p.part) = p.parts)
$$;
REVOKE ALL ON FUNCTION live_rebuild_missing(live_rebuild_claims) FROM PUBLIC;

-- 027's statement runner, reading the claim and recording the statement in it (with 023's
-- work_mem, as 027 made it; CREATE OR REPLACE keeps its privileges).
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
    UPDATE mvdash.live_rebuild_claims c SET ran = c.ran || p_ord
    WHERE c.backend_pid = pg_backend_pid();
    v_table := substring(v_statement FROM
        '^(?:DELETE FROM|MERGE INTO|INSERT INTO|UPDATE) (?:mvdash|mvdash_staging)\.(live_[a-z_]+)');
    IF v_table IS NULL THEN
        RETURN NULL;
    END IF;
    PERFORM mvdash.live_rebuild_count_written(v_table, v_rows);
    RETURN v_rows;
END
$$;

-- 013's helper statement (with 023's work_mem), recording what it built. CREATE OR REPLACE
-- keeps its privileges (operators).
CREATE OR REPLACE FUNCTION live_rebuild_task(p_ord integer, p_part integer, p_parts integer,
                                             p_to bigint)
RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, mvdash, pg_temp
SET work_mem = '256MB' AS $$
DECLARE
    v_plan record;
    v_statement text;
BEGIN
    PERFORM mvdash.live_check_helper_call();
    SELECT p.on_helper, p.splits INTO v_plan FROM mvdash.live_build_plan() p WHERE p.ord = p_ord;
    IF NOT FOUND OR NOT v_plan.on_helper THEN
        RAISE EXCEPTION 'statement % of the build does not run on a helper session', p_ord
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_parts < 1 OR p_part < 0 OR p_part >= p_parts OR (p_parts > 1 AND NOT v_plan.splits) THEN
        RAISE EXCEPTION 'statement % cannot run as part % of %', p_ord, p_part, p_parts
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_to IS NULL OR p_to < 0 OR p_to > coalesce(pg_sequence_last_value('mvdash.event_arrival_seq'), 0) THEN
        RAISE EXCEPTION 'arrival % has not been handed out', p_to
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    PERFORM set_config('mvdash.rebuild_into', 'mvdash_staging', true);
    -- The sessions are the parallelism: parallel workers (of queries and of index builds) on
    -- top of them only compete for the same cores; and no sort where hashing or an index does
    -- (013). The orders the build relies on are ORDER BYs, which hold either way.
    PERFORM set_config('max_parallel_workers_per_gather', '0', true);
    PERFORM set_config('max_parallel_maintenance_workers', '0', true);
    PERFORM set_config('enable_sort', 'off', true);
    SELECT s.statement INTO STRICT v_statement
    FROM mvdash.live_build_statements('mvdash_staging', p_part, p_parts) s WHERE s.ord = p_ord;
    EXECUTE v_statement USING -1::bigint, p_to;
    PERFORM set_config('mvdash.rebuild_into', '', true);
    INSERT INTO mvdash.live_rebuild_parts AS r (ord, part, parts, rebuild_to, done_at)
    VALUES (p_ord, p_part, p_parts, p_to, clock_timestamp())
    ON CONFLICT (ord, part, parts) DO UPDATE
    SET rebuild_to = excluded.rebuild_to, done_at = excluded.done_at;
END
$$;

-- 021's end, reading the claim, refusing a build with a statement missing, and removing the
-- claim (a second end, or a statement after it, in the same transaction is refused).
CREATE OR REPLACE FUNCTION live_rebuild_end() RETURNS TABLE (events bigint, applied_arrival bigint, duration_ms numeric)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, mvdash, pg_temp AS $$
DECLARE
    v_claim mvdash.live_rebuild_claims;
    v_missing integer[];
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
    v_missing := mvdash.live_rebuild_missing(v_claim);
    IF cardinality(v_missing) > 0 THEN
        RAISE EXCEPTION 'the rebuild is incomplete: statement(s) % did not run to arrival %',
                        array_to_string(v_missing, ', '), v_claim.rebuild_to
            USING ERRCODE = 'object_not_in_prerequisite_state',
                  HINT = 'Nothing was changed. Run the rebuild again (mvdash-admin rebuild).';
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
    RETURN QUERY SELECT v_events, v_to, round(extract(epoch FROM v_done - v_claim.started) * 1000, 2);
END
$$;

REVOKE ALL ON FUNCTION live_rebuild_claim() FROM PUBLIC;
