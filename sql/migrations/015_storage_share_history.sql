-- The views' share of the event tables over time (issue #15: "size of views against events
-- (10-30%) and its trend"). materialized_views_size_history samples each view after its
-- refresh, but not the event tables, and a share needs both sides measured together: a view
-- growing 1% a day is healthy when the events grow as fast, bloat when they do not.
--
-- A sample is taken at most once per storage_share_sample_interval() by whoever refreshes:
-- refresh_aggregate_views() (the CronJob, both modes) at its end; its committing form,
-- mvdash-admin refresh and the dashboard at the start of a run (materialized_views_new_run());
-- the follower between steps (and a live-only run of mvdash-admin refresh before its step). On
-- Citus the size functions refuse to run in a transaction that has written to distributed
-- tables (SQLSTATE 25001: a live step's): the sample is then skipped, never the refresh. The doctor fits a line through 30 days of samples
-- (storage.size_share_trend).

CREATE TABLE storage_share_history (
    sample_id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    sampled_at         timestamptz NOT NULL DEFAULT clock_timestamp(),
    views_bytes        bigint NOT NULL,
    event_tables_bytes bigint NOT NULL
);
CREATE INDEX storage_share_history_sampled_idx ON storage_share_history (sampled_at DESC);

-- How often a sample is taken: sizes move slowly, and on Citus each one asks every worker.
CREATE FUNCTION storage_share_sample_interval() RETURNS interval
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, mvdash, pg_temp AS $$ SELECT interval '15 minutes' $$;

-- Takes a sample unless one is younger than the interval (p_force: take it anyway, for
-- scripts and tests). Returns whether it sampled. Two callers at once may both sample: two
-- rows a moment apart do not bend a line fitted over days. Best effort, never in the way of
-- the refresh that calls it: the sizes wait at most a second for a lock (a plain REFRESH
-- queued behind a reader holds every later lock request back), and whatever fails is a
-- sample not taken (a warning), not a failed refresh. Only a cancel goes through.
CREATE FUNCTION sample_storage_share(p_force boolean DEFAULT false) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, mvdash, pg_temp SET lock_timeout = '1s' AS $$
DECLARE
    v_ratio record;
BEGIN
    IF NOT p_force AND EXISTS (
            SELECT 1 FROM mvdash.storage_share_history h
            WHERE h.sampled_at > clock_timestamp() - mvdash.storage_share_sample_interval()) THEN
        RETURN false;
    END IF;
    BEGIN
        SELECT * INTO v_ratio FROM mvdash.materialized_views_size_ratio();
    EXCEPTION
        WHEN active_sql_transaction THEN
            -- Citus: called in a transaction that already wrote to distributed tables; the
            -- next caller at the start of its transaction samples instead
            RETURN false;
        WHEN OTHERS THEN -- a lock not granted within the second, a worker unreachable, ...
            RAISE WARNING 'size share sample not taken: %', SQLERRM;
            RETURN false;
    END;
    IF v_ratio.event_tables_bytes IS NULL OR v_ratio.event_tables_bytes = 0 THEN
        RETURN false;
    END IF;
    INSERT INTO mvdash.storage_share_history (views_bytes, event_tables_bytes)
    VALUES (v_ratio.views_bytes, v_ratio.event_tables_bytes);
    -- kept by age (the doctor reads 30 days), and bounded however often it is forced
    DELETE FROM mvdash.storage_share_history h
    WHERE h.sampled_at < clock_timestamp() - interval '35 days'
       OR h.sample_id < (SELECT h2.sample_id FROM mvdash.storage_share_history h2
                         ORDER BY h2.sample_id DESC OFFSET 9999 LIMIT 1);
    RETURN true;
END
$$;

-- refresh_aggregate_views() as in 011, sampling last (the sizes as refreshed; no lock on the
-- copies and event tables held through the run). In live mode on Citus the step has written to
-- distributed tables by then: no sample here, the follower takes them.
CREATE OR REPLACE FUNCTION refresh_aggregate_views()
RETURNS TABLE (view_name text, method text, duration_ms numeric, outcome text, error text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, mvdash, pg_temp AS $$
#variable_conflict use_column
DECLARE
    v_run bigint;
    v_skip text;
    v_row record;
    v record;
BEGIN
    IF mvdash.read_model_mode_now() = 'live' THEN
        RETURN QUERY SELECT * FROM mvdash.mvdash_live_step(true, '10s');
        IF NOT EXISTS (SELECT 1 FROM mvdash.materialized_views_refresh_plan() p
                       WHERE p.method <> 'live') THEN
            PERFORM mvdash.sample_storage_share();
            RETURN;
        END IF;
    END IF;
    v_run := mvdash.materialized_views_register_run();
    IF NOT mvdash.mvdash_try_refresh_lock('*all*') THEN
        v_skip := 'another refresh_aggregate_views() run is in progress ('
                  || coalesce(mvdash.mvdash_refresh_lock_holder('*all*'), 'holder unknown') || ')';
    ELSE
        PERFORM mvdash.materialized_views_close_interrupted();
    END IF;
    FOR v IN SELECT p.view_name, p.method FROM mvdash.materialized_views_refresh_plan() p
             WHERE p.method <> 'live'
             ORDER BY p.refresh_order, p.view_name LOOP
        IF v_skip IS NOT NULL THEN
            INSERT INTO mvdash.materialized_views_refresh_history
                (run_id, view_name, method, outcome, finished_at, duration_ms, error)
            VALUES (v_run, v.view_name, v.method, 'skipped', clock_timestamp(), 0, v_skip);
            RETURN QUERY SELECT v.view_name, v.method, 0::numeric, 'skipped'::text, v_skip;
            CONTINUE;
        END IF;
        SELECT * INTO v_row FROM mvdash.mvdash_refresh_view(v.view_name, v_run, NULL, true) r;
        IF NOT FOUND THEN
            CONTINUE; -- dropped between planning and refreshing: nothing to refresh or log
        END IF;
        RETURN QUERY SELECT v_row.view_name, v_row.method, v_row.duration_ms, v_row.outcome,
                            v_row.error;
        IF v_row.error LIKE 'canceled: %' THEN
            v_skip := 'the run was canceled';
        END IF;
    END LOOP;
    PERFORM mvdash.sample_storage_share();
END
$$;

------------------------------------------------------------------------------------------
-- Dead rows and bloat of the read models' storage, on Citus too (issue #15: "bloat and dead
-- tuples of views and their indexes").
-- In live mode on Citus the state tables are distributed: the coordinator's statistics of a
-- distributed table are empty ("0 dead of 0 rows" said nothing), its rows and their
-- statistics are in the shards on the workers. Both functions ask each shard there
-- (run_command_on_shards: one placement per shard, in parallel) and add the answers up.
-- Dead rows (pg_stat_all_tables) say what vacuum has yet to do, not how much of a relation
-- is empty space once it has: pgstattuple measures that, pgstattuple_approx for a storage
-- relation (skips the pages the visibility map says are all-visible) and pgstatindex for each
-- btree index (reads the whole index: the doctor's run, on demand, never the panels'). That
-- runs only where pgstattuple is installed, with the caller's rights (its functions are for
-- pg_stat_scan_tables); its schema is read from the catalog and quoted, never guessed from
-- the search path. An index is named as on the coordinator (its shards' names without the
-- shard id); its leaf density is the shards' average weighted by size.
------------------------------------------------------------------------------------------
CREATE FUNCTION mvdash_is_distributed(p_rel regclass) RETURNS boolean
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, mvdash, pg_temp AS $$
BEGIN
    IF to_regclass('pg_catalog.pg_dist_partition') IS NULL THEN
        RETURN false;
    END IF;
    RETURN EXISTS (SELECT 1 FROM pg_dist_partition p WHERE p.logicalrelid = p_rel);
END
$$;

-- One shard's answer to run_command_on_shards, or an error naming the shard: a figure added
-- up over the shards that answered would pass for the whole relation's.
CREATE FUNCTION mvdash_shard_results(p_rel regclass, p_success boolean, p_result text)
RETURNS text
LANGUAGE plpgsql SET search_path = pg_catalog, mvdash, pg_temp AS $$
BEGIN
    IF NOT p_success THEN
        RAISE EXCEPTION 'a shard of % could not be measured: %', p_rel, p_result
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN p_result;
END
$$;

CREATE FUNCTION read_model_dead_rows()
RETURNS TABLE (view_name text, relation text, n_live_tup bigint, n_dead_tup bigint,
               last_vacuum timestamptz, shards integer)
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, mvdash, pg_temp AS $$
DECLARE
    v record;
BEGIN
    FOR v IN SELECT d.view_name, mvdash.read_model_storage(d.view_name) AS rel
             FROM mvdash.read_model_definitions d
             ORDER BY d.build_order, d.view_name LOOP
        CONTINUE WHEN v.rel IS NULL;
        IF mvdash.mvdash_is_distributed(v.rel) THEN
            RETURN QUERY
            SELECT v.view_name, c.relname::text, sum((r.j ->> 'live')::bigint)::bigint,
                   sum((r.j ->> 'dead')::bigint)::bigint,
                   -- the shard vacuum reached longest ago (never: null)
                   CASE WHEN bool_or(r.j ->> 'vacuum' IS NULL) THEN NULL
                        ELSE min((r.j ->> 'vacuum')::timestamptz) END,
                   count(*)::integer
            FROM pg_class c
            CROSS JOIN LATERAL (
                SELECT mvdash.mvdash_shard_results(v.rel, o.success, o.result)::json AS j
                -- the text runs on the workers with their sessions' search path: everything
                -- in it schema-qualified, operators included
                FROM run_command_on_shards(v.rel,
                    $cmd$SELECT pg_catalog.json_build_object('live', s.n_live_tup, 'dead',
                                s.n_dead_tup, 'vacuum', GREATEST(s.last_vacuum, s.last_autovacuum))
                         FROM pg_catalog.pg_stat_all_tables s
                         WHERE s.relid OPERATOR(pg_catalog.=) %1$L::pg_catalog.regclass$cmd$) o) r
            WHERE c.oid = v.rel
            GROUP BY c.relname;
        ELSE
            RETURN QUERY
            SELECT v.view_name, c.relname::text, s.n_live_tup, s.n_dead_tup,
                   greatest(s.last_vacuum, s.last_autovacuum), 1
            FROM pg_stat_all_tables s
            JOIN pg_class c ON c.oid = s.relid
            WHERE s.relid = v.rel;
        END IF;
    END LOOP;
END
$$;

CREATE FUNCTION read_model_bloat()
RETURNS TABLE (view_name text, relation text, kind text, bytes bigint, free_percent float8,
               dead_percent float8, leaf_density float8)
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, mvdash, pg_temp AS $$
DECLARE
    v_schema text := (SELECT n.nspname FROM pg_extension e
                      JOIN pg_namespace n ON n.oid = e.extnamespace
                      WHERE e.extname = 'pgstattuple');
    -- one storage relation (%1$s: the relation, or on Citus each shard in turn) measured as
    -- a JSON array of {kind, name, bytes, free, dead, density}
    v_measure text := format(
        $cmd$SELECT pg_catalog.json_agg(m) FROM (
                 SELECT 'table'::pg_catalog.text AS kind, NULL::pg_catalog.text AS name,
                        a.table_len AS bytes, a.approx_free_percent AS free,
                        a.dead_tuple_percent AS dead, NULL::pg_catalog.float8 AS density
                 FROM %1$I.pgstattuple_approx(%%1$L::pg_catalog.regclass) a
                 UNION ALL
                 SELECT 'index', c.relname::pg_catalog.text, s.index_size, NULL, NULL,
                        NULLIF(s.avg_leaf_density, 'NaN'::pg_catalog.float8)
                 FROM pg_catalog.pg_index i
                 JOIN pg_catalog.pg_class c ON c.oid OPERATOR(pg_catalog.=) i.indexrelid
                 JOIN pg_catalog.pg_am am ON am.oid OPERATOR(pg_catalog.=) c.relam
                      AND am.amname OPERATOR(pg_catalog.=) 'btree'::pg_catalog.name
                 CROSS JOIN LATERAL %1$I.pgstatindex(i.indexrelid::pg_catalog.regclass) s
                 WHERE i.indrelid OPERATOR(pg_catalog.=) %%1$L::pg_catalog.regclass
                   AND i.indisvalid) m$cmd$, v_schema);
    v record;
    v_one json;
    v_shards text[];
BEGIN
    IF v_schema IS NULL THEN
        RETURN;
    END IF;
    FOR v IN SELECT d.view_name, c.oid::regclass AS rel, c.relname,
                    mvdash.mvdash_is_distributed(c.oid) AS distributed
             FROM mvdash.read_model_definitions d
             JOIN pg_class c ON c.oid = mvdash.read_model_storage(d.view_name)
             ORDER BY d.build_order, d.view_name LOOP
        IF v.distributed THEN
            v_shards := ARRAY(SELECT mvdash.mvdash_shard_results(v.rel, o.success, o.result)
                              FROM run_command_on_shards(v.rel, v_measure) o);
        ELSE
            EXECUTE format(v_measure, v.rel) INTO v_one;
            v_shards := ARRAY[v_one::text];
        END IF;
        RETURN QUERY
        WITH measured AS (
            SELECT e ->> 'kind' AS part,
                   -- a shard's index is named <index>_<shard id>
                   CASE WHEN v.distributed THEN regexp_replace(e ->> 'name', '_[0-9]+$', '')
                        ELSE e ->> 'name' END AS part_name,
                   (e ->> 'bytes')::bigint AS part_bytes, (e ->> 'free')::float8 AS free,
                   (e ->> 'dead')::float8 AS dead, (e ->> 'density')::float8 AS density
            FROM unnest(v_shards) AS shard(j)
            CROSS JOIN LATERAL json_array_elements(shard.j::json) AS e
        )
        SELECT v.view_name, coalesce(m.part_name, v.relname::text), m.part,
               sum(m.part_bytes)::bigint,
               sum(m.free * m.part_bytes) / nullif(sum(m.part_bytes), 0),
               sum(m.dead * m.part_bytes) / nullif(sum(m.part_bytes), 0),
               sum(m.density * m.part_bytes)
                   / nullif(sum(m.part_bytes) FILTER (WHERE m.density IS NOT NULL), 0)
        FROM measured m
        GROUP BY m.part, m.part_name
        ORDER BY m.part DESC, m.part_name NULLS FIRST;
    END LOOP;
END
$$;

------------------------------------------------------------------------------------------
-- A read model dropped by hand (DROP ... CASCADE takes the read models and tenant-scoped
-- views built on it along) is made again from its installed definition by mvdash-admin
-- migrate, the doctor's advice for read_model.present. In matview mode: each missing one
-- created and populated in build order (the definitions name mvdash's relations
-- unqualified: under this search path they are mvdash's, dependencies made first) with its
-- indexes; in live mode the views over the state tables (CREATE OR REPLACE: the present ones
-- are replaced in place). Then tenant_scope's view of each and the readers' grant. Per-tenant
-- copies a CASCADE dropped are not known any more: not made again. Returns each missing read
-- model, whether it was made, and why not.
------------------------------------------------------------------------------------------
CREATE FUNCTION restore_read_models()
RETURNS TABLE (view_name text, made boolean, why_not text)
LANGUAGE plpgsql SET search_path = pg_catalog, mvdash, pg_temp AS $$
#variable_conflict use_column
DECLARE
    d record;
    v_index text;
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
    FOR d IN SELECT * FROM mvdash.read_model_definitions ORDER BY build_order, view_name LOOP
        CONTINUE WHEN to_regclass(format('mvdash.%I', d.view_name)) IS NOT NULL;
        IF v_missing_state IS NOT NULL THEN
            RETURN QUERY SELECT d.view_name, false,
                format('live mode, and state tables are gone too (%s): restore them from a backup',
                       v_missing_state);
            CONTINUE;
        END IF;
        v_restored := v_restored || d.view_name;
        CONTINUE WHEN v_live;
        PERFORM set_config('search_path', 'mvdash, pg_catalog, pg_temp', true);
        EXECUTE format('CREATE MATERIALIZED VIEW mvdash.%I AS %s', d.view_name, d.definition);
        FOREACH v_index IN ARRAY d.index_definitions LOOP
            EXECUTE format(v_index, 'mvdash.' || quote_ident(d.view_name));
        END LOOP;
        PERFORM set_config('search_path', 'pg_catalog, mvdash, pg_temp', true);
        EXECUTE format('ANALYZE mvdash.%I', d.view_name);
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

-- A run's id (010), sampling first: what the committing form of refresh_aggregate_views()
-- (011) and mvdash-admin refresh / the dashboard call before their first refresh, in a
-- transaction that has written nothing yet.
CREATE OR REPLACE FUNCTION materialized_views_new_run() RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, mvdash, pg_temp AS $$
BEGIN
    PERFORM mvdash.sample_storage_share();
    PERFORM mvdash.materialized_views_close_interrupted();
    RETURN mvdash.materialized_views_register_run();
END
$$;


REVOKE ALL ON FUNCTION sample_storage_share(boolean), storage_share_sample_interval(),
                       read_model_bloat(), read_model_dead_rows(), mvdash_is_distributed(regclass),
                       restore_read_models(), mvdash_shard_results(regclass, boolean, text)
    FROM PUBLIC;
GRANT EXECUTE ON FUNCTION read_model_bloat(), read_model_dead_rows(),
                          mvdash_is_distributed(regclass),
                          mvdash_shard_results(regclass, boolean, text) TO mvdash_reader;
GRANT SELECT ON storage_share_history TO mvdash_reader;
GRANT EXECUTE ON FUNCTION storage_share_sample_interval() TO mvdash_reader;
GRANT EXECUTE ON FUNCTION sample_storage_share(boolean) TO mvdash_operator;
