-- user_activity_view in two parts: what does not come from bets_view is refreshed beside
-- bets_view instead of after it (issue #13: "matview mode is not left behind: Refresh all
-- concurrently at 10M <= 20 s").
--
-- At 10M events the engine's Refresh all on two sessions took 23-25 s, and its critical path
-- was bets_view concurrently (15.5 s) and then user_activity_view (7.3 s), which reads it: the
-- other session was done with payments_view and user_balances_view at 9 s and then waited.
-- Most of user_activity_view's query reads no bets: the pass over the three event tables for
-- every (tenant, user) pair and its newest event time (2.3 s of 6.1 s), the balances, the
-- payment totals.
--
-- Here that is its own materialized view, mvdash.user_activity_except_bets: every user with
-- current_balance, total_deposited, total_withdrawn and last_activity_at. It reads the event
-- tables, payments_view and user_balances_view, not bets_view; the engine (which now starts a
-- view as soon as the views it reads are done, not a level at a time) refreshes it on the
-- second session after those two while bets_view still runs. user_activity_view is then that
-- part joined with the bet totals of bets_view. Measured alone at 10M, concurrently:
-- user_activity_view 6.7 s before, 3.0-3.3 s reading the part.
--
-- The part is a materialized view of the schema like the others: the engine, the guide's
-- refresh_aggregate_views(), the refresh log and the size figures count it. It is not a read
-- model: no reader role may read it (every tenant's users), it has no tenant copies, and in
-- live mode it does not exist (the state of user activity is kept apart, 011). Its definition
-- is kept in read_model_parts, beside read_model_definitions, and every function that makes
-- the matviews (stage for a convert, switch, restore) makes it in build order: after the
-- views it reads, before the views that read it.

CREATE TABLE read_model_parts (
    part_name         text PRIMARY KEY,
    build_order       integer NOT NULL, -- with the read models': a part is built first in its order
    definition        text NOT NULL,
    index_definitions text[] NOT NULL
);
-- as read_model_definitions (011): the engine, run by operators, asks which views are parts
GRANT SELECT ON read_model_parts TO mvdash_reader;

-- What a convert or this migration staged and did not switch in goes before anything is
-- staged again (011's live_stage_matviews did it itself).
CREATE FUNCTION drop_staged_matviews() RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, mvdash, pg_temp AS $$
DECLARE
    v_staged text;
BEGIN
    FOR v_staged IN SELECT c.relname FROM pg_class c
                    WHERE c.relnamespace = 'mvdash_staging'::regnamespace AND c.relkind = 'm' LOOP
        EXECUTE format('DROP MATERIALIZED VIEW IF EXISTS mvdash_staging.%I CASCADE', v_staged);
    END LOOP;
END
$$;
REVOKE ALL ON FUNCTION drop_staged_matviews() FROM PUBLIC;

-- Every matview the install defines, in build order: a part before the read models of its
-- order, which read it (what staging, restoring and this migration build).
CREATE FUNCTION matview_builds()
RETURNS TABLE (name text, definition text, index_definitions text[], is_part boolean,
               build_order integer)
LANGUAGE sql STABLE SET search_path = pg_catalog, mvdash, pg_temp AS $$
    SELECT p.part_name, p.definition, p.index_definitions, true, p.build_order
    FROM mvdash.read_model_parts p
    UNION ALL
    SELECT r.view_name, r.definition, r.index_definitions, false, r.build_order
    FROM mvdash.read_model_definitions r
    ORDER BY 5, 4 DESC, 1
$$;
REVOKE ALL ON FUNCTION matview_builds() FROM PUBLIC;

-- One of them built, with data and its indexes, as p_schema.p_name; its definition names
-- mvdash's relations unqualified, and they resolve under p_search_path (for this call only:
-- the function's own path comes back when it returns).
CREATE FUNCTION build_matview(p_schema text, p_name text, p_definition text, p_indexes text[],
                              p_search_path text)
RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, mvdash, pg_temp AS $$
DECLARE
    v_index text;
BEGIN
    PERFORM set_config('search_path', p_search_path, true);
    EXECUTE format('CREATE MATERIALIZED VIEW %I.%I AS %s', p_schema, p_name, p_definition);
    FOREACH v_index IN ARRAY p_indexes LOOP
        EXECUTE format(v_index, format('%I.%I', p_schema, p_name));
    END LOOP;
END
$$;
REVOKE ALL ON FUNCTION build_matview(text, text, text, text[], text) FROM PUBLIC;

-- The definitions, taken from the catalog as 012 did: built WITH NO DATA in mvdash_staging and
-- read back with mvdash's relations unqualified (they resolve in the schema a definition is
-- built in) and the event store as public.*. The views they read are staged beside them, from
-- their stored definitions (not from mvdash's relations: in either mode one may have been
-- dropped by hand, which restore_read_models() mends after the migrations). Leftovers of a
-- convert that staged and did not switch go first.
DO $stage$
DECLARE
    d record;
BEGIN
    PERFORM mvdash.drop_staged_matviews();
    PERFORM set_config('search_path', 'mvdash_staging, pg_catalog, pg_temp', true);
    FOR d IN SELECT r.view_name, r.definition FROM mvdash.read_model_definitions r
             WHERE r.view_name IN ('bets_view', 'payments_view', 'user_balances_view') LOOP
        -- (pg_get_viewdef ends its text with a semicolon)
        EXECUTE format('CREATE MATERIALIZED VIEW mvdash_staging.%I AS %s WITH NO DATA',
                       d.view_name, regexp_replace(d.definition, ';\s*$', ''));
    END LOOP;
    PERFORM set_config('search_path', 'mvdash, pg_temp', true);
END
$stage$;

CREATE MATERIALIZED VIEW mvdash_staging.user_activity_except_bets AS
WITH users AS MATERIALIZED (
    SELECT tenant_id, user_id, max(last_ts) AS last_activity_at
    FROM (SELECT tenant_id, user_id, max(event_timestamp) AS last_ts
          FROM public.bet_events GROUP BY tenant_id, user_id
          UNION ALL
          SELECT tenant_id, user_id, max(event_timestamp)
          FROM public.balance_events GROUP BY tenant_id, user_id
          UNION ALL
          SELECT tenant_id, user_id, max(event_timestamp)
          FROM public.payment_events GROUP BY tenant_id, user_id) AS per_table
    GROUP BY tenant_id, user_id
),
payments AS (
    SELECT tenant_id, user_id,
           coalesce(sum(amount) FILTER (WHERE status = 'completed' AND payment_type = 'deposit'), 0)
               AS total_deposited,
           coalesce(sum(amount) FILTER (WHERE status = 'completed' AND payment_type = 'withdrawal'), 0)
               AS total_withdrawn
    FROM mvdash_staging.payments_view
    GROUP BY tenant_id, user_id
)
SELECT u.tenant_id,
       u.user_id,
       coalesce(b.balance, 0) AS current_balance,
       coalesce(payments.total_deposited, 0) AS total_deposited,
       coalesce(payments.total_withdrawn, 0) AS total_withdrawn,
       u.last_activity_at
FROM users u
LEFT JOIN mvdash_staging.user_balances_view b ON b.tenant_id = u.tenant_id AND b.user_id = u.user_id
LEFT JOIN payments ON payments.tenant_id = u.tenant_id AND payments.user_id = u.user_id
-- row-image order, as 012's views: the concurrent refresh's duplicate check sorts by it
ORDER BY u.tenant_id, u.user_id COLLATE "C"
WITH NO DATA;
CREATE UNIQUE INDEX user_activity_except_bets_key
    ON mvdash_staging.user_activity_except_bets (tenant_id, user_id);

CREATE MATERIALIZED VIEW mvdash_staging.user_activity_view AS
WITH bets AS (
    SELECT tenant_id, user_id,
           count(*)::integer AS total_bets,
           coalesce(sum(stake) FILTER (WHERE status NOT IN ('cancelled', 'voided')), 0)
               AS total_wagered,
           coalesce(sum(payout) FILTER (WHERE status = 'settled' AND result = 'win'), 0)
               AS total_winnings
    FROM mvdash_staging.bets_view
    GROUP BY tenant_id, user_id
)
SELECT u.tenant_id,
       u.user_id,
       u.current_balance,
       coalesce(bets.total_bets, 0) AS total_bets,
       coalesce(bets.total_wagered, 0) AS total_wagered,
       coalesce(bets.total_winnings, 0) AS total_winnings,
       u.total_deposited,
       u.total_withdrawn,
       u.last_activity_at
FROM mvdash_staging.user_activity_except_bets u
LEFT JOIN bets ON bets.tenant_id = u.tenant_id AND bets.user_id = u.user_id
ORDER BY u.tenant_id, u.user_id COLLATE "C"
WITH NO DATA;

DO $definitions$
BEGIN
    PERFORM set_config('search_path', 'mvdash_staging, pg_catalog', true);
    -- build order 1: after payments_view and user_balances_view, before user_activity_view
    INSERT INTO mvdash.read_model_parts
    SELECT 'user_activity_except_bets', 1, pg_get_viewdef(c.oid, false),
           ARRAY(SELECT replace(pg_get_indexdef(i.indexrelid),
                                ' ON mvdash_staging.user_activity_except_bets ', ' ON %s ')
                 FROM pg_index i WHERE i.indrelid = c.oid ORDER BY i.indexrelid)
    FROM pg_class c
    WHERE c.oid = 'mvdash_staging.user_activity_except_bets'::regclass;
    UPDATE mvdash.read_model_definitions d
    SET definition = pg_get_viewdef('mvdash_staging.user_activity_view'::regclass, false)
    WHERE d.view_name = 'user_activity_view';
    PERFORM set_config('search_path', 'mvdash, pg_temp', true);
    DROP MATERIALIZED VIEW mvdash_staging.user_activity_view;
    DROP MATERIALIZED VIEW mvdash_staging.user_activity_except_bets;
    DROP MATERIALIZED VIEW mvdash_staging.bets_view, mvdash_staging.payments_view,
        mvdash_staging.user_balances_view;
END
$definitions$;

------------------------------------------------------------------------------------------
-- The functions that make the materialized views make the parts first
------------------------------------------------------------------------------------------

-- 011's, with the parts: built in mvdash_staging before the read models that read them.
CREATE OR REPLACE FUNCTION live_stage_matviews() RETURNS integer
LANGUAGE plpgsql SET search_path = pg_catalog, mvdash, pg_temp AS $$
DECLARE
    d record;
    v_built integer := 0;
BEGIN
    PERFORM mvdash.drop_staged_matviews();
    -- the definitions name mvdash's relations unqualified: here they resolve to the staged ones
    FOR d IN SELECT * FROM mvdash.matview_builds() LOOP
        PERFORM mvdash.build_matview('mvdash_staging', d.name, d.definition, d.index_definitions,
                                     'mvdash_staging, pg_catalog, pg_temp');
        v_built := v_built + (NOT d.is_part)::integer;
    END LOOP;
    RETURN v_built;
END
$$;

-- 014's, with the parts: dropped after the read models that read them when going live, moved
-- in with them when going back.
CREATE OR REPLACE FUNCTION live_switch(p_mode text) RETURNS text
LANGUAGE plpgsql SET search_path = pg_catalog, mvdash, pg_temp AS $$
DECLARE
    v_mode text := mvdash.read_model_mode_now();
    v_names text[];
    v_bases text[];
    v_tenants bigint[];
    i integer;
    c record;
    v_row record;
    v_view text;
BEGIN
    IF p_mode NOT IN ('live', 'matview') THEN
        RAISE EXCEPTION 'unknown read-model mode: % (live or matview)', p_mode
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_mode = v_mode THEN
        RETURN format('the read models are already in %s mode', p_mode);
    END IF;
    SELECT coalesce(array_agg(t.copy_name), '{}'), coalesce(array_agg(t.base), '{}'),
           coalesce(array_agg(t.tenant_id), '{}')
    INTO v_names, v_bases, v_tenants
    FROM mvdash.mvdash_tenant_copies() t;
    IF p_mode = 'live' THEN
        -- a last step, here: the state is as fresh as the switch
        FOR v_row IN SELECT * FROM mvdash.mvdash_live_step(true, '30s') LOOP
            IF v_row.outcome <> 'ok' THEN
                RAISE EXCEPTION 'the last step before the switch did not run: %', v_row.error
                    USING ERRCODE = 'lock_not_available';
            END IF;
        END LOOP;
        FOR i IN 1 .. cardinality(v_names) LOOP
            EXECUTE format('DROP MATERIALIZED VIEW mvdash.%I', v_names[i]);
        END LOOP;
        DROP MATERIALIZED VIEW mvdash.tenants_summary_view, mvdash.tenant_bet_status_view,
            mvdash.user_activity_view;
        -- a part reads base views: it goes between
        FOR v_view IN SELECT p.part_name FROM mvdash.read_model_parts p LOOP
            EXECUTE format('DROP MATERIALIZED VIEW IF EXISTS mvdash.%I', v_view);
        END LOOP;
        DROP MATERIALIZED VIEW mvdash.bets_view, mvdash.payments_view, mvdash.user_balances_view;
        PERFORM mvdash.live_create_views();
        FOR i IN 1 .. cardinality(v_names) LOOP
            PERFORM mvdash.tenant_copy_build(v_bases[i], v_tenants[i], 'v');
        END LOOP;
    ELSE
        IF (SELECT count(*) FROM pg_class k
            WHERE k.relnamespace = 'mvdash_staging'::regnamespace AND k.relkind = 'm'
              AND (k.relname IN (SELECT d.view_name FROM mvdash.read_model_definitions d)
                   OR k.relname IN (SELECT p.part_name FROM mvdash.read_model_parts p)))
           <> (SELECT count(*) FROM mvdash.read_model_definitions)
              + (SELECT count(*) FROM mvdash.read_model_parts) THEN
            RAISE EXCEPTION 'the materialized views are not staged'
                USING ERRCODE = 'object_not_in_prerequisite_state',
                      HINT = 'SELECT mvdash.live_stage_matviews() first (mvdash-admin convert does).';
        END IF;
        FOR i IN 1 .. cardinality(v_names) LOOP
            EXECUTE format('DROP VIEW mvdash.%I', v_names[i]);
        END LOOP;
        DROP VIEW mvdash.tenants_summary_view, mvdash.tenant_bet_status_view,
            mvdash.user_activity_view, mvdash.bets_view, mvdash.payments_view,
            mvdash.user_balances_view;
        FOR v_view IN SELECT p.part_name FROM mvdash.read_model_parts p
                      UNION ALL
                      SELECT d.view_name FROM mvdash.read_model_definitions d LOOP
            EXECUTE format('ALTER MATERIALIZED VIEW mvdash_staging.%I SET SCHEMA mvdash', v_view);
        END LOOP;
        UPDATE mvdash.read_model_mode SET mode = p_mode, changed_at = now();
        FOR i IN 1 .. cardinality(v_names) LOOP
            IF EXISTS (SELECT 1 FROM public.tenants t WHERE t.tenant_id = v_tenants[i]) THEN
                PERFORM mvdash.create_tenant_view(v_bases[i], v_tenants[i]);
            ELSE
                RAISE NOTICE 'not carried over: % (tenant % no longer exists)', v_names[i], v_tenants[i];
            END IF;
        END LOOP;
        -- the state is no longer maintained: a later convert builds it again
        UPDATE mvdash.live_progress SET applied_arrival = NULL, applied_at = NULL, blocked_by = NULL;
        TRUNCATE mvdash.live_bets, mvdash.live_payments, mvdash.live_user_balances,
            mvdash.live_user_activity, mvdash.live_tenant_bet_status, mvdash.live_tenants_summary,
            mvdash.live_tenant_totals;
    END IF;
    UPDATE mvdash.read_model_mode SET mode = p_mode, changed_at = now();
    -- the averages start again: a step's duration and a refresh's do not average together
    UPDATE mvdash.materialized_views_refresh_log l
    SET avg_refresh_time_ms = 0, refresh_count = 0
    WHERE l.view_name IN (SELECT d.view_name FROM mvdash.read_model_definitions d);
    -- a part is gone in live mode, and back as fresh as the views staged with it (not as old
    -- as its last refresh before live mode, which the doctor would report as stale)
    IF p_mode = 'live' THEN
        DELETE FROM mvdash.materialized_views_refresh_log l
        WHERE l.view_name IN (SELECT p.part_name FROM mvdash.read_model_parts p);
    ELSE
        UPDATE mvdash.materialized_views_refresh_log l
        SET avg_refresh_time_ms = 0, refresh_count = 0, last_refreshed_at = now()
        WHERE l.view_name IN (SELECT p.part_name FROM mvdash.read_model_parts p);
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'mvdash_reader') THEN
        GRANT SELECT ON mvdash.bets_view, mvdash.user_balances_view, mvdash.payments_view,
            mvdash.user_activity_view, mvdash.tenants_summary_view, mvdash.tenant_bet_status_view
            TO mvdash_reader;
        FOR c IN SELECT * FROM mvdash.mvdash_tenant_copies() LOOP
            EXECUTE format('GRANT SELECT ON mvdash.%I TO mvdash_reader', c.copy_name);
        END LOOP;
    END IF;
    RETURN format('the read models are now in %s mode', p_mode);
END
$$;

-- 015's, with the parts: in matview mode a missing part is made before the read models (a
-- part cannot go alone: DROP would take the read models that read it along only with CASCADE).
CREATE OR REPLACE FUNCTION restore_read_models()
RETURNS TABLE (view_name text, made boolean, why_not text)
LANGUAGE plpgsql SET search_path = pg_catalog, mvdash, pg_temp AS $$
#variable_conflict use_column
DECLARE
    d record;
    v_view text;
    v_live boolean := mvdash.read_model_mode_now() = 'live';
    v_missing_state text;
    v_restored text[] := '{}';
BEGIN
    IF to_regclass('pg_catalog.pg_dist_partition') IS NOT NULL THEN
        -- Citus: a matview built from the shards in parallel, then tenant_scope's function
        -- propagated to the workers, in one transaction, needs one connection per node
        PERFORM set_config('citus.multi_shard_modify_mode', 'sequential', true);
    END IF;
    IF v_live THEN
        -- the views read the state tables: without them nothing can be made (rebuild needs
        -- them too)
        SELECT string_agg(format('mvdash.%I', t.state_table), ', ' ORDER BY t.state_table)
        INTO v_missing_state
        FROM mvdash.read_model_definitions t
        WHERE to_regclass(format('mvdash.%I', t.state_table)) IS NULL;
    END IF;
    -- in build order, a part before the read models of its order (matview mode)
    FOR d IN SELECT * FROM mvdash.matview_builds() b WHERE NOT (v_live AND b.is_part) LOOP
        CONTINUE WHEN to_regclass(format('mvdash.%I', d.name)) IS NOT NULL;
        IF v_missing_state IS NOT NULL THEN
            RETURN QUERY SELECT d.name, false,
                format('live mode, and state tables are gone too (%s): restore them from a backup',
                       v_missing_state);
            CONTINUE;
        END IF;
        IF NOT d.is_part THEN
            v_restored := v_restored || d.name;
        END IF;
        CONTINUE WHEN v_live;
        PERFORM mvdash.build_matview('mvdash', d.name, d.definition, d.index_definitions,
                                     'mvdash, pg_catalog, pg_temp');
        EXECUTE format('ANALYZE mvdash.%I', d.name);
        IF d.is_part THEN -- no reader's grant, no tenant-scoped relation: reported as made
            RETURN QUERY SELECT d.name, true, NULL::text;
        END IF;
    END LOOP;
    IF cardinality(v_restored) > 0 AND v_live THEN
        PERFORM mvdash.live_create_views();
    END IF;
    FOREACH v_view IN ARRAY v_restored LOOP
        PERFORM mvdash.tenant_scope_build(v_view);
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'mvdash_reader') THEN
            EXECUTE format('GRANT SELECT ON mvdash.%I TO mvdash_reader', v_view);
        END IF;
        RETURN QUERY SELECT v_view, true, NULL::text;
    END LOOP;
END
$$;

-- 014's, refusing a part: a part is no read model, and a copy of it would stop a switch to
-- live mode (which drops the part, and knows copies of the read models only).
CREATE OR REPLACE FUNCTION create_tenant_view(p_view text, p_tenant_id bigint) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, mvdash, pg_temp AS $$
DECLARE
    v_base regclass := mvdash.mvdash_matview(p_view);
    v_name text := p_view || '_tenant_' || p_tenant_id;
    v_key text;
BEGIN
    IF mvdash.read_model_mode_now() = 'live'
       AND EXISTS (SELECT 1 FROM mvdash.read_model_definitions d WHERE d.view_name = p_view) THEN
        IF NOT EXISTS (SELECT 1 FROM public.tenants t WHERE t.tenant_id = p_tenant_id) THEN
            RAISE EXCEPTION 'tenant % does not exist', p_tenant_id
                USING ERRCODE = 'no_data_found', HINT = 'Tenants are listed in the tenants table.';
        END IF;
        RETURN mvdash.tenant_copy_build(p_view, p_tenant_id, 'v');
    END IF;
    IF v_base IS NULL OR p_view ~ '_tenant_[0-9]+$'
       OR EXISTS (SELECT 1 FROM mvdash.read_model_parts p WHERE p.part_name = p_view) THEN
        RAISE EXCEPTION 'unknown base view: %', p_view USING ERRCODE = 'undefined_table';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM public.tenants t WHERE t.tenant_id = p_tenant_id) THEN
        RAISE EXCEPTION 'tenant % does not exist', p_tenant_id
            USING ERRCODE = 'no_data_found', HINT = 'Tenants are listed in the tenants table.';
    END IF;
    IF length(v_name) > 59 THEN
        RAISE EXCEPTION 'view name too long: %', v_name USING ERRCODE = 'name_too_long';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_attribute a
                   WHERE a.attrelid = v_base AND a.attname = 'tenant_id' AND NOT a.attisdropped) THEN
        RAISE EXCEPTION 'view % has no tenant_id column', p_view USING ERRCODE = 'undefined_column';
    END IF;
    SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY k.ord) INTO v_key
    FROM (SELECT i.indrelid, i.indkey FROM pg_index i
          WHERE i.indrelid = v_base AND i.indisunique AND i.indpred IS NULL AND i.indexprs IS NULL
          ORDER BY i.indnkeyatts LIMIT 1) i
    CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
    JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum;
    IF v_key IS NULL THEN
        RAISE EXCEPTION 'view % has no unique key to copy', p_view
            USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
    PERFORM mvdash.tenant_copy_build(p_view, p_tenant_id, 'm');
    IF NOT EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = mvdash.mvdash_matview(v_name)
                   AND i.indisunique AND i.indisvalid AND i.indpred IS NULL AND i.indexprs IS NULL) THEN
        EXECUTE format('DROP INDEX IF EXISTS mvdash.%I', v_name || '_key');
        EXECUTE format('CREATE UNIQUE INDEX %I ON mvdash.%I (%s)', v_name || '_key', v_name, v_key);
    END IF;
    INSERT INTO mvdash.materialized_views_refresh_locks (lock_name) VALUES (v_name)
    ON CONFLICT DO NOTHING;
    RETURN v_name;
END
$$;

-- 011's, with the parts: a view refreshed by name on its own (no run: by hand, as the guide's
-- troubleshooting does) refreshes the parts it reads first, in the same call. Joined with a
-- part older than the views it reads, user_activity_view would leave out the users that are
-- new since the part's refresh. A run (the engine, refresh_aggregate_views()) has the parts in
-- its plan and refreshes them itself.
CREATE OR REPLACE FUNCTION refresh_materialized_view(p_view text, p_run_id bigint DEFAULT NULL,
                                                     p_history_id bigint DEFAULT NULL)
RETURNS TABLE (view_name text, method text, duration_ms numeric, outcome text, error text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, mvdash, pg_temp AS $$
#variable_conflict use_column
DECLARE
    v_row record;
    v_part text;
BEGIN
    IF mvdash.read_model_mode_now() = 'live'
       AND EXISTS (SELECT 1 FROM mvdash.read_model_definitions d WHERE d.view_name = p_view) THEN
        SELECT * INTO v_row FROM mvdash.mvdash_live_step(p_history_id IS NULL, '10s') s
        WHERE s.view_name = p_view;
        UPDATE mvdash.materialized_views_refresh_history h
        SET outcome = v_row.outcome, finished_at = clock_timestamp(),
            duration_ms = v_row.duration_ms, error = v_row.error
        WHERE h.history_id = p_history_id AND h.outcome = 'running'
          AND h.backend_pid = pg_backend_pid();
        RETURN QUERY SELECT v_row.view_name, v_row.method, v_row.duration_ms, v_row.outcome,
                            v_row.error;
        RETURN;
    END IF;
    IF p_run_id IS NULL THEN
        FOR v_part IN
            SELECT p.part_name FROM mvdash.read_model_parts p
            WHERE p.part_name <> p_view
              AND EXISTS (SELECT 1 FROM pg_catalog.pg_rewrite r
                          JOIN pg_catalog.pg_depend d
                            ON d.classid = 'pg_catalog.pg_rewrite'::regclass AND d.objid = r.oid
                           AND d.refclassid = 'pg_catalog.pg_class'::regclass
                          WHERE r.ev_class = to_regclass(format('mvdash.%I', p_view))
                            AND d.refobjid = to_regclass(format('mvdash.%I', p.part_name)))
            ORDER BY p.build_order, p.part_name LOOP
            RETURN QUERY SELECT * FROM mvdash.mvdash_refresh_view(v_part, NULL, NULL, false);
        END LOOP;
    END IF;
    RETURN QUERY SELECT * FROM mvdash.mvdash_refresh_view(p_view, p_run_id, p_history_id,
                                                          p_history_id IS NOT NULL);
END
$$;

------------------------------------------------------------------------------------------
-- An install in matview mode: the part, user_activity_view and tenants_summary_view built in
-- mvdash_staging beside the current ones, then swapped in; the per-tenant copies of the two
-- made again as they were
------------------------------------------------------------------------------------------

-- Only these two views and their copies change: bets_view, payments_view, user_balances_view,
-- tenant_bet_status_view and their copies stay as they are. Readers keep reading the current
-- two while the new ones are built (the long part); the swap drops and moves. The two views
-- and their copies keep their privileges, owner, comment, options and the indexes someone
-- added (as 014's tenant_copy_build does for copies); a view of someone else's over any of
-- them stops the migration with its name, before anything is dropped.
DO $swap$
DECLARE
    v_kept record;
    v_dependents text;
    v_view text;
    v_cols text;
    d record;
BEGIN
    IF mvdash.read_model_mode_now() <> 'matview' THEN
        RETURN;
    END IF;
    IF to_regclass('pg_catalog.pg_dist_partition') IS NOT NULL THEN
        -- Citus: matviews built from the shards, then tenant_scope's functions propagated to
        -- the workers, in one transaction, need one connection per node (as 015's restore)
        PERFORM set_config('citus.multi_shard_modify_mode', 'sequential', true);
    END IF;
    -- a read model dropped by hand is made first (by now over the part): what follows needs
    -- them all
    IF EXISTS (SELECT 1 FROM mvdash.read_model_definitions r
               WHERE to_regclass(format('mvdash.%I', r.view_name)) IS NULL) THEN
        PERFORM mvdash.restore_read_models();
    END IF;

    PERFORM mvdash.drop_staged_matviews();
    -- staged names first: the part and user_activity_view resolve to the staged ones, the
    -- base views to mvdash's
    FOR d IN SELECT * FROM mvdash.matview_builds() b
             WHERE b.is_part OR b.name IN ('user_activity_view', 'tenants_summary_view') LOOP
        PERFORM mvdash.build_matview('mvdash_staging', d.name, d.definition, d.index_definitions,
                                     'mvdash_staging, mvdash, pg_catalog, pg_temp');
        EXECUTE format('ANALYZE mvdash_staging.%I', d.name);
    END LOOP;

    -- what the two views and their copies have, kept to be given back
    CREATE TEMP TABLE user_activity_kept ON COMMIT DROP AS
    SELECT k.name, k.base, k.tenant_id, c.relkind, c.relacl, c.relowner, c.reloptions,
           pg_catalog.obj_description(c.oid, 'pg_class') AS comment,
           ARRAY(SELECT pg_catalog.pg_get_indexdef(i.indexrelid)
                 FROM pg_catalog.pg_index i WHERE i.indrelid = c.oid
                 ORDER BY i.indexrelid) AS indexes,
           ARRAY(SELECT x.relname::text FROM pg_catalog.pg_index i
                 JOIN pg_catalog.pg_class x ON x.oid = i.indexrelid
                 WHERE i.indrelid = c.oid ORDER BY i.indexrelid) AS index_names
    FROM (SELECT t.copy_name AS name, t.base, t.tenant_id FROM mvdash.mvdash_tenant_copies() t
          WHERE t.base IN ('user_activity_view', 'tenants_summary_view')
          UNION ALL
          SELECT v, NULL, NULL FROM unnest(ARRAY['user_activity_view', 'tenants_summary_view']) v) k
    JOIN pg_catalog.pg_class c ON c.relname = k.name AND c.relnamespace = 'mvdash'::regnamespace;

    SELECT string_agg(DISTINCT r.ev_class::regclass::text, ', ') INTO v_dependents
    FROM user_activity_kept k
    JOIN pg_catalog.pg_depend dep ON dep.refobjid = format('mvdash.%I', k.name)::regclass
                                 AND dep.classid = 'pg_catalog.pg_rewrite'::regclass
                                 AND dep.refclassid = 'pg_catalog.pg_class'::regclass
    JOIN pg_catalog.pg_rewrite r ON r.oid = dep.objid
    WHERE r.ev_class <> dep.refobjid
      AND r.ev_class NOT IN (SELECT format('mvdash.%I', x.name)::regclass FROM user_activity_kept x);
    IF v_dependents IS NOT NULL THEN
        RAISE EXCEPTION 'cannot make mvdash.user_activity_view and its copies anew: other views depend on them (%)',
                        v_dependents
            USING ERRCODE = 'dependent_objects_still_exist',
                  HINT = 'Drop the dependent views, migrate, create them again.';
    END IF;

    -- the swap
    FOR v_kept IN SELECT * FROM user_activity_kept WHERE base IS NOT NULL LOOP
        EXECUTE format('DROP %s mvdash.%I',
                       CASE v_kept.relkind WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'VIEW' END,
                       v_kept.name);
    END LOOP;
    DROP MATERIALIZED VIEW mvdash.tenants_summary_view, mvdash.user_activity_view;
    -- (restore_read_models() above made the part if it ran)
    FOR v_view IN SELECT p.part_name FROM mvdash.read_model_parts p LOOP
        EXECUTE format('DROP MATERIALIZED VIEW IF EXISTS mvdash.%I', v_view);
    END LOOP;
    FOR v_view IN SELECT p.part_name FROM mvdash.read_model_parts p
                  UNION ALL SELECT 'user_activity_view' UNION ALL SELECT 'tenants_summary_view' LOOP
        EXECUTE format('ALTER MATERIALIZED VIEW mvdash_staging.%I SET SCHEMA mvdash', v_view);
    END LOOP;
    FOREACH v_view IN ARRAY ARRAY['user_activity_view', 'tenants_summary_view'] LOOP
        PERFORM mvdash.tenant_scope_build(v_view);
    END LOOP;

    -- the copies as tenant_copy_build makes them
    FOR v_kept IN SELECT * FROM user_activity_kept WHERE base IS NOT NULL ORDER BY name LOOP
        SELECT string_agg(format('%I', c.column_name), ', ' ORDER BY c.ord) INTO v_cols
        FROM mvdash.read_model_columns(v_kept.base) c;
        EXECUTE format('CREATE %s mvdash.%I%s AS SELECT %s FROM mvdash.%I WHERE tenant_id = %s',
                       CASE v_kept.relkind WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'VIEW' END,
                       v_kept.name,
                       CASE WHEN v_kept.reloptions IS NOT NULL
                            THEN format(' WITH (%s)', array_to_string(v_kept.reloptions, ', '))
                            ELSE '' END,
                       v_cols, v_kept.base, v_kept.tenant_id);
    END LOOP;
    -- and what each of the four kinds of relation had: the indexes it does not have now
    -- (pg_get_indexdef names the table schema-qualified, the index as it was), options,
    -- comment, privileges
    FOR v_kept IN SELECT * FROM user_activity_kept ORDER BY name LOOP
        FOR i IN 1 .. cardinality(v_kept.indexes) LOOP
            CONTINUE WHEN to_regclass(format('mvdash.%I', v_kept.index_names[i])) IS NOT NULL;
            EXECUTE v_kept.indexes[i];
        END LOOP;
        IF v_kept.base IS NULL AND v_kept.reloptions IS NOT NULL THEN
            EXECUTE format('ALTER MATERIALIZED VIEW mvdash.%I SET (%s)', v_kept.name,
                           array_to_string(v_kept.reloptions, ', '));
        END IF;
        IF v_kept.comment IS NOT NULL THEN
            EXECUTE format('COMMENT ON %s mvdash.%I IS %L',
                           CASE v_kept.relkind WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'VIEW' END,
                           v_kept.name, v_kept.comment);
        END IF;
        PERFORM mvdash.mvdash_restore_privileges(
            CASE v_kept.relkind WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'VIEW' END,
            format('mvdash.%I', v_kept.name), v_kept.relacl, v_kept.relowner);
    END LOOP;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'mvdash_reader') THEN
        GRANT SELECT ON mvdash.user_activity_view, mvdash.tenants_summary_view TO mvdash_reader;
    END IF;
END
$swap$;
