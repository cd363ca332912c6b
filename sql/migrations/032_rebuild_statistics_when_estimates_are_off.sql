-- A rebuild on Citus analyzes a state table at once only when the planner's row count for it
-- is off; values corrected in place are left to autovacuum, as the steps' writes are (issue
-- #13: "rebuild ... no slower than today's plain Refresh all", on the local Citus cluster too).
--
-- Since 027 a rebuild in place writes only the rows that differ, and after its commit analyzes
-- a big state table when it wrote more than autovacuum's rule of it. After a bug that got every
-- row wrong, that is every table: 0.66-0.79 s of ANALYZE on 128 shards, after the data were
-- already right and visible, in a rebuild of 3.6 s at 1M events that was 3-8% slower than the
-- plain Refresh all of the day #13 was filed (which analyzes nothing: docs/BENCHMARKS.md).
--
-- What an ANALYZE right away buys is the planner's row count: a table filled from empty (the
-- first build after convert --to live) or one that gained or lost many keys would be planned
-- with a count that is far off until autovacuum came by. A rebuild that corrected values in
-- place leaves the row count, and so the shards' estimates, as they were; the shards' own
-- counters of changes hold every row it wrote, and autovacuum analyzes them within its naptime
-- (a minute), off the rebuild's time, as it does for the steps' writes. The step's plans do not
-- wait for it: they look keys up (hash and merge joins off) and analyze their scratch tables.
--
-- Now a big table the rebuild wrote enough of is analyzed at once when:
-- - a shard of it has no row estimate (never analyzed or vacuumed: the first build), or
-- - the shards' estimates add up to a count off from its rows by more than autovacuum's rule
--   (autovacuum_analyze_threshold + autovacuum_analyze_scale_factor of the estimate), or
-- - the estimates cannot be read (a worker did not answer, a shard not found once on the
--   workers: placements on the coordinator, a replication factor above 1), or
-- - autovacuum will not come by (off on a worker or the coordinator, for counting, or for the
--   table).
-- The shards' estimates are each worker's pg_class.reltuples, read in one round per worker
-- (run_command_on_workers: 34 ms for the four tables at 1M events; run_command_on_shards
-- takes 200 ms a table, 017). The small tables, emptied and refilled by every rebuild, are
-- still always analyzed; called without counts (after moving shards), every table, as before.
-- Plain PostgreSQL is unchanged: its rebuild builds new tables, analyzes them and swaps them in.

-- The rule by which autovacuum analyzes a relation: its threshold and scale factor, the
-- relation's own storage parameters first; both NULL when autovacuum will not analyze it (off
-- for the server, for counting, or for that relation). One place for 031's refresh and this
-- migration's rebuild.
CREATE FUNCTION mvdash_autoanalyze_rule(p_rel regclass, OUT threshold float8,
                                        OUT scale_factor float8)
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, mvdash, pg_temp AS $$
DECLARE
    v_option record;
    v_enabled boolean;
BEGIN
    IF NOT current_setting('autovacuum')::boolean
       OR NOT current_setting('track_counts')::boolean THEN
        RETURN;
    END IF;
    threshold := current_setting('autovacuum_analyze_threshold')::float8;
    scale_factor := current_setting('autovacuum_analyze_scale_factor')::float8;
    -- (any spelling of a boolean, as autovacuum reads it)
    FOR v_option IN SELECT o.option_name, o.option_value
                    FROM pg_class c, pg_options_to_table(c.reloptions) o
                    WHERE c.oid = p_rel LOOP
        CASE v_option.option_name
            WHEN 'autovacuum_enabled' THEN v_enabled := v_option.option_value::boolean;
            WHEN 'autovacuum_analyze_threshold' THEN
                threshold := v_option.option_value::float8;
            WHEN 'autovacuum_analyze_scale_factor' THEN
                scale_factor := v_option.option_value::float8;
            ELSE NULL;
        END CASE;
    END LOOP;
    IF NOT coalesce(v_enabled, true) THEN
        threshold := NULL;
        scale_factor := NULL;
    END IF;
END
$$;

-- 031's rule, unchanged, now reading autovacuum's rule from the function above (CREATE OR
-- REPLACE keeps its privileges: none for PUBLIC).
CREATE OR REPLACE FUNCTION mvdash_refresh_needs_analyze(p_rel regclass, p_method text)
RETURNS boolean
LANGUAGE plpgsql SET search_path = pg_catalog, mvdash, pg_temp AS $$
DECLARE
    v_tuples real := (SELECT c.reltuples FROM pg_class c WHERE c.oid = p_rel);
    v_scale float8 := (mvdash.mvdash_autoanalyze_rule(p_rel)).scale_factor;
    v_changed float8;
BEGIN
    IF p_method IS DISTINCT FROM 'concurrently' OR v_tuples IS NULL OR v_tuples < 0
       OR v_scale IS NULL THEN
        RETURN true;
    END IF;
    v_changed := pg_stat_get_xact_tuples_inserted(p_rel) + pg_stat_get_xact_tuples_deleted(p_rel)
                 + pg_stat_get_xact_tuples_updated(p_rel);
    RETURN v_changed > v_scale * v_tuples;
END
$$;

-- The planner's row estimate of each of the named distributed tables of mvdash: the sum of its
-- shards' pg_class.reltuples on the workers, one round per worker. NULL for a table when a
-- shard has none (-1: never analyzed or vacuumed) or is not found exactly once; NULL in all
-- when a worker does not answer or will not analyze (autovacuum or track_counts off there: the
-- shards are the workers' autovacuum's, not the coordinator's). {"live_bets": 185663, ...}
-- The command names every function and operator with its schema: it runs on the workers as
-- this function's caller, the definer of live_analyze_state() (010: a look-alike elsewhere on
-- the search_path would be taken for an unqualified one). Casts to the built-in types go by
-- their keywords.
CREATE FUNCTION live_shard_row_estimates(p_tables text[]) RETURNS jsonb
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, mvdash, pg_temp AS $$
DECLARE
    v_shards text;
    v_expected jsonb;
    v_answers jsonb[];
BEGIN
    SELECT string_agg(format('(%L, %L)', c.relname, shard_name(s.logicalrelid, s.shardid)), ', '),
           jsonb_object_agg(c.relname, n.shards)
    INTO v_shards, v_expected
    FROM pg_dist_shard s
    JOIN pg_class c ON c.oid = s.logicalrelid
    JOIN (SELECT logicalrelid, count(*) AS shards FROM pg_dist_shard GROUP BY 1) n
      ON n.logicalrelid = s.logicalrelid
    WHERE c.relnamespace = 'mvdash'::regnamespace AND c.relname = ANY (p_tables);
    IF v_shards IS NULL THEN
        RETURN NULL;
    END IF;
    -- each worker: whether its autovacuum analyzes, and per table the shards it holds, their
    -- estimates added up, and how many have none
    SELECT array_agg(CASE WHEN w.success THEN w.result::jsonb END) INTO v_answers
        FROM run_command_on_workers(format(
            $c$SELECT pg_catalog.jsonb_build_object(
                   'analyzes', pg_catalog.current_setting('autovacuum')::boolean
                               AND pg_catalog.current_setting('track_counts')::boolean,
                   'tables', COALESCE(pg_catalog.jsonb_object_agg(w.t,
                       pg_catalog.jsonb_build_object('shards', w.n, 'rows', w.r, 'unknown', w.u)),
                       '{}'::jsonb))
               FROM (SELECT v.t, pg_catalog.count(*) AS n,
                            pg_catalog.sum(GREATEST(c.reltuples::double precision,
                                                    0::double precision)) AS r,
                            pg_catalog.count(*) FILTER (
                                WHERE c.reltuples OPERATOR(pg_catalog.<) 0::real) AS u
                     FROM (VALUES %s) AS v (t, s)
                     JOIN pg_catalog.pg_class c
                       ON c.oid OPERATOR(pg_catalog.=) pg_catalog.to_regclass(v.s)::oid
                     GROUP BY v.t) w$c$, v_shards)) w;
    -- a worker that did not answer, or whose autovacuum does not analyze: no estimate at all
    IF EXISTS (SELECT 1 FROM unnest(v_answers) a
               WHERE a IS NULL OR NOT (a ->> 'analyzes')::boolean) THEN
        RETURN NULL;
    END IF;
    -- per table, the workers' answers added up: known when every shard was found once, with
    -- an estimate
    RETURN (SELECT jsonb_object_agg(t.name, (
                SELECT round(sum((e.v ->> 'rows')::numeric))
                FROM unnest(v_answers) a, jsonb_each(a -> 'tables') AS e (name, v)
                WHERE e.name = t.name
                HAVING sum((e.v ->> 'unknown')::bigint) = 0
                   AND sum((e.v ->> 'shards')::bigint) = (v_expected ->> t.name)::bigint))
            FROM unnest(p_tables) AS t (name));
END
$$;

-- 027's statistics after a rebuild on Citus, with the estimates' rule above: which tables to
-- analyze is decided first (the estimates read before any ANALYZE of this transaction), then
-- they are analyzed. Same signature: CREATE OR REPLACE keeps its privileges (operators).
CREATE OR REPLACE FUNCTION live_analyze_state(p_written jsonb DEFAULT NULL) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, mvdash, pg_temp SET lock_timeout = '5s' AS $$
DECLARE
    v_big constant text[] := ARRAY['live_bets', 'live_payments', 'live_user_balances',
                                   'live_user_activity'];
    v_table text;
    v_written numeric;
    v_rows bigint;
    v_threshold float8 := current_setting('autovacuum_analyze_threshold')::float8;
    v_scale float8 := current_setting('autovacuum_analyze_scale_factor')::float8;
    v_rule record;
    v_estimates jsonb;
    v_estimate numeric;
    v_analyze text[] := '{}';
    v_local_execution text;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_extension WHERE extname = 'citus') THEN
        RETURN; -- plain PostgreSQL: the rebuild analyzed its new tables before the swap
    END IF;
    -- 019's sample of the sizes first: Citus counts the ANALYZE of the shards as a change to
    -- them and refuses its size functions after it in the same transaction (25001)
    PERFORM mvdash.sample_relation_sizes(true);
    -- (a count read on the coordinator's copy of a reference table by local execution makes
    -- Citus refuse the ANALYZE after it in the same transaction; put back at the end)
    v_local_execution := current_setting('citus.enable_local_execution');
    PERFORM set_config('citus.enable_local_execution', 'off', true);
    FOREACH v_table IN ARRAY v_big || ARRAY['live_tenant_bet_status', 'live_tenant_totals'] LOOP
        v_written := CASE WHEN jsonb_typeof(p_written -> v_table) = 'number'
                          THEN (p_written ->> v_table)::numeric END;
        IF v_written IS NOT NULL AND v_table = ANY (v_big) THEN
            CONTINUE WHEN v_written <= v_threshold;
            -- a shard's share of the rows (autovacuum decides shard by shard)
            EXECUTE format('SELECT count(*) FROM mvdash.%I', v_table) INTO v_rows;
            CONTINUE WHEN v_written <= v_threshold + v_scale * v_rows / greatest(
                (SELECT count(*) FROM pg_dist_shard
                 WHERE logicalrelid = format('mvdash.%I', v_table)::regclass), 1);
            -- written enough of: analyzed now if the planner's count is off, or if
            -- autovacuum will not come by
            v_rule := mvdash.mvdash_autoanalyze_rule(format('mvdash.%I', v_table)::regclass);
            IF v_rule.scale_factor IS NOT NULL THEN
                IF v_estimates IS NULL THEN
                    v_estimates := coalesce(mvdash.live_shard_row_estimates(v_big), '{}');
                END IF;
                v_estimate := (v_estimates ->> v_table)::numeric;
                CONTINUE WHEN abs(v_rows - v_estimate)
                              <= v_rule.threshold + v_rule.scale_factor * v_estimate;
            END IF;
        END IF;
        v_analyze := v_analyze || v_table;
    END LOOP;
    FOREACH v_table IN ARRAY v_analyze LOOP
        EXECUTE format('ANALYZE mvdash.%I', v_table);
    END LOOP;
    PERFORM set_config('citus.enable_local_execution', v_local_execution, true);
END
$$;

REVOKE ALL ON FUNCTION mvdash_autoanalyze_rule(regclass), live_shard_row_estimates(text[])
    FROM PUBLIC;
