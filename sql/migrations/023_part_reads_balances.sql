-- The second session of a Refresh all no longer outlasts bets_view (issue #13: "matview mode is
-- not left behind: Refresh all concurrently at 10M <= 20 s").
--
-- With 022 the engine's two sessions were level: bets_view concurrently on one (13.6-16 s at
-- 10M events), payments_view, user_balances_view and 020's part user_activity_except_bets on
-- the other (15.5-16.5 s), then user_activity_view (3.5 s) over both. Measured view by view
-- with auto_explain (docs/BENCHMARKS.md "The part reads the balances"), two things were left:
--
-- 1. The part scanned every balance event for each user's newest event time (3.4M rows hashed
--    per user, with parallel workers that took the core bets_view runs on), though
--    user_balances_view, refreshed before it in every run (it reads it), holds exactly that:
--    balance_events.user_id is NOT NULL and last_transaction_timestamp is the user's max
--    event_timestamp, one row per user with a balance event (the spec). It now reads those
--    387k rows instead. The bet and payment passes stay: the set of users is every pair an
--    event carries, and a bet's or payment's row holds only the user it is attributed to.
-- 2. A refresh ran with the server's work_mem (4MB by default, 64MB in the demo): every
--    concurrent refresh sorts its new rows twice and hashes them once against the old ones,
--    and those spilled to disk (bets_view's duplicate check: two external sorts of 150 MB;
--    user_balances_view's and user_activity_view's aggregates in 5 batches). The guide's
--    troubleshooting sets work_mem = '256MB' for the refreshing session; the refresh function
--    now does it itself, for the refresh only (a function's SET ends with the call). It is a
--    limit per sort and per hash (a hash may take twice it: hash_mem_multiplier), and each
--    parallel worker has its own: at 10M events the largest a refresh took was bets_view's
--    diff, a hash of 300 MB, and a session refreshes one view at a time. A server that wants
--    another figure says so for the function:
--      ALTER FUNCTION mvdash.mvdash_refresh_view(text, bigint, bigint, boolean)
--          SET work_mem = '1GB';
--    The live rebuild's statements get the same figure (they aggregate whole tables too).
--
-- The part is made anew, and with it user_activity_view and tenants_summary_view that read it,
-- and their per-tenant copies: 020's swap, which was inline in its migration, is now a
-- function, remake_matviews(views), that a later migration changing a part can call again.
-- In live mode there is no part: only its stored definition changes, for a convert back.

ALTER FUNCTION mvdash_refresh_view(text, bigint, bigint, boolean) SET work_mem = '256MB';
-- The live rebuild's statements (in its own transaction and on the helper sessions) do the same
-- kind of work, the aggregates and sorts of whole tables: the same figure, so that a rebuild and
-- a Refresh all are measured against each other with the same memory.
ALTER FUNCTION live_rebuild_statement(integer) SET work_mem = '256MB';
ALTER FUNCTION live_rebuild_task(integer, integer, integer, bigint) SET work_mem = '256MB';

------------------------------------------------------------------------------------------
-- The part's new definition, stored as 020 stored the first one
------------------------------------------------------------------------------------------

DO $stage$
DECLARE
    d record;
BEGIN
    PERFORM mvdash.drop_staged_matviews();
    PERFORM set_config('search_path', 'mvdash_staging, pg_catalog, pg_temp', true);
    FOR d IN SELECT r.view_name, r.definition FROM mvdash.read_model_definitions r
             WHERE r.view_name IN ('payments_view', 'user_balances_view') LOOP
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
          -- a user's newest balance event: one row per user with one (the spec's view)
          SELECT tenant_id, user_id, last_transaction_timestamp
          FROM mvdash_staging.user_balances_view
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

DO $definition$
BEGIN
    PERFORM set_config('search_path', 'mvdash_staging, pg_catalog', true);
    UPDATE mvdash.read_model_parts p
    SET definition = pg_get_viewdef('mvdash_staging.user_activity_except_bets'::regclass, false)
    WHERE p.part_name = 'user_activity_except_bets';
    PERFORM set_config('search_path', 'mvdash, pg_temp', true);
    DROP MATERIALIZED VIEW mvdash_staging.user_activity_except_bets;
    DROP MATERIALIZED VIEW mvdash_staging.payments_view, mvdash_staging.user_balances_view;
END
$definition$;

------------------------------------------------------------------------------------------
-- 020's swap as a function: the parts and the named read models made anew beside the current
-- ones, then swapped in; the per-tenant copies made again as they were
------------------------------------------------------------------------------------------

-- p_views are the read models that read the parts (with what reads those: tenants_summary_view
-- reads user_activity_view); the views they read stay as they are. Readers keep reading the
-- current ones while the new ones are built (the long part); the swap drops and moves. The
-- views and their copies keep their privileges, owner, comment, options and the indexes
-- someone added (as 014's tenant_copy_build does for copies); a view of someone else's over
-- any of them stops it with its name, before anything is dropped. Matview mode only.
CREATE FUNCTION remake_matviews(p_views text[]) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, mvdash, pg_temp AS $$
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
    -- a read model dropped by hand is made first: what follows needs them all
    IF EXISTS (SELECT 1 FROM mvdash.read_model_definitions r
               WHERE to_regclass(format('mvdash.%I', r.view_name)) IS NULL) THEN
        PERFORM mvdash.restore_read_models();
    END IF;

    PERFORM mvdash.drop_staged_matviews();
    -- staged names first: the parts and the named views resolve to the staged ones, the views
    -- they read to mvdash's
    FOR d IN SELECT * FROM mvdash.matview_builds() b
             WHERE b.is_part OR b.name = ANY (p_views) LOOP
        PERFORM mvdash.build_matview('mvdash_staging', d.name, d.definition, d.index_definitions,
                                     'mvdash_staging, mvdash, pg_catalog, pg_temp');
        EXECUTE format('ANALYZE mvdash_staging.%I', d.name);
    END LOOP;

    -- what the views and their copies have, kept to be given back
    IF to_regclass('pg_temp.remade_kept') IS NOT NULL THEN -- (a call before, same transaction)
        DROP TABLE pg_temp.remade_kept;
    END IF;
    CREATE TEMP TABLE remade_kept ON COMMIT DROP AS
    SELECT k.name, k.base, k.tenant_id, c.relkind, c.relacl, c.relowner, c.reloptions,
           pg_catalog.obj_description(c.oid, 'pg_class') AS comment,
           ARRAY(SELECT pg_catalog.pg_get_indexdef(i.indexrelid)
                 FROM pg_catalog.pg_index i WHERE i.indrelid = c.oid
                 ORDER BY i.indexrelid) AS indexes,
           ARRAY(SELECT x.relname::text FROM pg_catalog.pg_index i
                 JOIN pg_catalog.pg_class x ON x.oid = i.indexrelid
                 WHERE i.indrelid = c.oid ORDER BY i.indexrelid) AS index_names
    FROM (SELECT t.copy_name AS name, t.base, t.tenant_id FROM mvdash.mvdash_tenant_copies() t
          WHERE t.base = ANY (p_views)
          UNION ALL
          SELECT v, NULL, NULL FROM unnest(p_views) v) k
    JOIN pg_catalog.pg_class c ON c.relname = k.name AND c.relnamespace = 'mvdash'::regnamespace;

    SELECT string_agg(DISTINCT r.ev_class::regclass::text, ', ') INTO v_dependents
    FROM pg_temp.remade_kept k
    JOIN pg_catalog.pg_depend dep ON dep.refobjid = format('mvdash.%I', k.name)::regclass
                                 AND dep.classid = 'pg_catalog.pg_rewrite'::regclass
                                 AND dep.refclassid = 'pg_catalog.pg_class'::regclass
    JOIN pg_catalog.pg_rewrite r ON r.oid = dep.objid
    WHERE r.ev_class <> dep.refobjid
      AND r.ev_class NOT IN (SELECT format('mvdash.%I', x.name)::regclass FROM pg_temp.remade_kept x);
    IF v_dependents IS NOT NULL THEN
        RAISE EXCEPTION 'cannot make % and their copies anew: other views depend on them (%)',
                        array_to_string(p_views, ', '), v_dependents
            USING ERRCODE = 'dependent_objects_still_exist',
                  HINT = 'Drop the dependent views, migrate, create them again.';
    END IF;

    -- the swap: copies, then the views (a view is dropped before the one it reads, which
    -- has a lower build order), then the parts, which only they read
    FOR v_kept IN SELECT * FROM pg_temp.remade_kept WHERE base IS NOT NULL LOOP
        EXECUTE format('DROP %s mvdash.%I',
                       CASE v_kept.relkind WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'VIEW' END,
                       v_kept.name);
    END LOOP;
    FOR v_view IN SELECT b.name FROM mvdash.matview_builds() b
                  WHERE b.name = ANY (p_views) AND NOT b.is_part
                  ORDER BY b.build_order DESC, b.name LOOP
        EXECUTE format('DROP MATERIALIZED VIEW mvdash.%I', v_view);
    END LOOP;
    -- (restore_read_models() above made a part if it ran)
    FOR v_view IN SELECT p.part_name FROM mvdash.read_model_parts p LOOP
        EXECUTE format('DROP MATERIALIZED VIEW IF EXISTS mvdash.%I', v_view);
    END LOOP;
    FOR v_view IN SELECT b.name FROM mvdash.matview_builds() b
                  WHERE b.is_part OR b.name = ANY (p_views) LOOP
        EXECUTE format('ALTER MATERIALIZED VIEW mvdash_staging.%I SET SCHEMA mvdash', v_view);
    END LOOP;
    FOREACH v_view IN ARRAY p_views LOOP
        PERFORM mvdash.tenant_scope_build(v_view);
    END LOOP;

    -- the copies as tenant_copy_build makes them
    FOR v_kept IN SELECT * FROM pg_temp.remade_kept WHERE base IS NOT NULL ORDER BY name LOOP
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
    -- and what each had: the indexes it does not have now (pg_get_indexdef names the table
    -- schema-qualified, the index as it was), options, comment, privileges
    FOR v_kept IN SELECT * FROM pg_temp.remade_kept ORDER BY name LOOP
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
        FOREACH v_view IN ARRAY p_views LOOP
            EXECUTE format('GRANT SELECT ON mvdash.%I TO mvdash_reader', v_view);
        END LOOP;
    END IF;
    DROP TABLE pg_temp.remade_kept;
END
$$;
REVOKE ALL ON FUNCTION remake_matviews(text[]) FROM PUBLIC;

SELECT mvdash.remake_matviews(ARRAY['user_activity_view', 'tenants_summary_view']);
