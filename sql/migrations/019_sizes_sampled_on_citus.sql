-- The sizes the panels show, sampled on Citus instead of asked of every worker at every
-- reload (issue #13: "panel queries ≤ 2 ms ... the same figures at 1M on the local Citus
-- cluster").
--
-- On Citus the size of a distributed or reference table is the sum of its shards' sizes: each
-- citus_total_relation_size / citus_table_size call is a round trip to every worker that holds
-- a shard. The Refresh panel (view_status) asked that of every live state table, the Sizes
-- panel of every state table and of the three event tables: 22, 33 and 59 ms a query on the
-- local cluster with 1M events, at every 5 s reload of every open dashboard, on the workers
-- that serve the tenants. Sizes move by megabytes a minute; a panel can show one taken a
-- minute ago, with its time.
--
-- Here: whoever already takes the storage samples (015: the follower between steps,
-- refresh_aggregate_views(), mvdash-admin refresh and the dashboard at the start of a run)
-- first records, at most once a minute, the size of every distributed relation the panels
-- show: the read models' storage and the event tables; a rebuild's statistics
-- (live_analyze_state) record them again. mvdash_relation_bytes() answers for a relation from
-- that sample while it is younger than ten minutes and measures as before otherwise (no
-- sampler running, a relation created since), so a panel is never further behind than that
-- and never wrong for lack of a sampler; the Sizes panel says "as of" when. What runs on
-- demand measures: the doctor and `mvdash-admin status` / `sizes` set mvdash.measure_sizes.
-- On plain PostgreSQL a size is a stat of local files (about a millisecond for all the
-- panel's relations at 10M events): nothing is sampled and every size is measured when asked,
-- as before.

CREATE TABLE relation_size_samples (
    relid       oid PRIMARY KEY,  -- a dropped relation's row goes at the next sample
    sampled_at  timestamptz NOT NULL,
    total_bytes bigint NOT NULL,
    table_bytes bigint NOT NULL
);

-- How often the sample is taken, and how old a figure may be and still be shown.
CREATE FUNCTION relation_size_sample_interval() RETURNS interval
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, mvdash, pg_temp AS $$ SELECT interval '1 minute' $$;
CREATE FUNCTION relation_size_sample_max_age() RETURNS interval
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, mvdash, pg_temp AS $$ SELECT interval '10 minutes' $$;

-- The measurement itself, as mvdash_relation_bytes() did it until now (007, 010).
CREATE FUNCTION mvdash_relation_bytes_measured(p_rel regclass, OUT total_bytes bigint,
                                               OUT table_bytes bigint, OUT index_bytes bigint)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, mvdash, pg_temp AS $$
BEGIN
    IF to_regclass('pg_catalog.pg_dist_partition') IS NOT NULL THEN
        EXECUTE 'SELECT citus_total_relation_size($1), citus_table_size($1)
                 FROM pg_catalog.pg_dist_partition WHERE logicalrelid = $1'
            INTO total_bytes, table_bytes USING p_rel;
        index_bytes := total_bytes - table_bytes;
    END IF;
    IF total_bytes IS NULL THEN
        table_bytes := pg_table_size(p_rel);
        index_bytes := pg_indexes_size(p_rel);
        total_bytes := table_bytes + index_bytes;
    END IF;
END
$$;

-- The one rule of which sample stands for a relation's size now (NULLs: none, measure it):
-- one younger than the maximum age and not from the future (a clock set back), unless the
-- session asks for measured sizes. The doctor and `mvdash-admin status` / `sizes` do (SET
-- mvdash.measure_sizes = on): they run on demand and report what is there now, after a VACUUM
-- or a rebuild they suggested, say. (PL/pgSQL here and below: it keeps its plans, where a
-- LANGUAGE sql function with SET search_path is planned again on every call, 007; the panels
-- call these once a row.)
CREATE FUNCTION relation_size_sample(p_rel regclass, OUT total_bytes bigint,
                                     OUT table_bytes bigint, OUT sampled_at timestamptz)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, mvdash, pg_temp AS $$
BEGIN
    IF current_setting('mvdash.measure_sizes', true) = 'on' THEN
        RETURN;
    END IF;
    SELECT s.total_bytes, s.table_bytes, s.sampled_at INTO total_bytes, table_bytes, sampled_at
    FROM mvdash.relation_size_samples s
    WHERE s.relid = p_rel
      AND s.sampled_at BETWEEN clock_timestamp() - mvdash.relation_size_sample_max_age()
                           AND clock_timestamp();
END
$$;

-- A relation's size: its sample if one stands for it, else measured now.
CREATE OR REPLACE FUNCTION mvdash_relation_bytes(p_rel regclass, OUT total_bytes bigint,
                                                 OUT table_bytes bigint, OUT index_bytes bigint)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, mvdash, pg_temp AS $$
BEGIN
    SELECT s.total_bytes, s.table_bytes, s.total_bytes - s.table_bytes
    INTO total_bytes, table_bytes, index_bytes
    FROM mvdash.relation_size_sample(p_rel) s;
    IF total_bytes IS NULL THEN
        SELECT m.total_bytes, m.table_bytes, m.index_bytes
        INTO total_bytes, table_bytes, index_bytes
        FROM mvdash.mvdash_relation_bytes_measured(p_rel) m;
    END IF;
END
$$;

-- When a relation's size as mvdash_relation_bytes() gives it was measured: its sample's time,
-- or NULL when it is measured as it is asked for.
CREATE FUNCTION relation_size_sampled_at(p_rel regclass) RETURNS timestamptz
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, mvdash, pg_temp AS $$
BEGIN
    RETURN (SELECT s.sampled_at FROM mvdash.relation_size_sample(p_rel) s);
END
$$;

-- When the sizes of the Sizes panel were measured: the oldest sample among the relations it
-- shows (each read model's storage and the event tables), NULL when all were measured now.
CREATE FUNCTION relation_sizes_as_of() RETURNS timestamptz
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, mvdash, pg_temp AS $$
BEGIN
    RETURN (SELECT min(mvdash.relation_size_sampled_at(r.rel))
            FROM (SELECT mvdash.read_model_storage(d.view_name) AS rel
                  FROM mvdash.read_model_definitions d -- (a per-tenant copy is never sampled)
                  UNION ALL
                  SELECT unnest(ARRAY['public.bet_events'::regclass,
                                      'public.balance_events'::regclass,
                                      'public.payment_events'::regclass])) r);
END
$$;

-- Records the sizes of the distributed relations the panels show, unless a sample is younger
-- than the interval (p_force: anyway, for tests and scripts); returns whether it did. Best
-- effort, never in the way of the refresh or step that calls it:
-- - one sampler at a time: another one's transaction (the CronJob's, held through its step)
--   has the sample table locked, and this one returns at once instead of waiting on its rows;
--   a reader cannot take that lock (it needs more than SELECT);
-- - a lock on a measured relation not granted within 200 ms or a worker that does not answer
--   is a warning and no sample;
-- - in a transaction that has written to distributed tables Citus refuses the size functions
--   (25001): no sample, the next caller takes it.
CREATE FUNCTION sample_relation_sizes(p_force boolean DEFAULT false) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, mvdash, pg_temp SET lock_timeout = '200ms' AS $$
DECLARE
    v_at timestamptz := clock_timestamp(); -- one time for the whole sample
BEGIN
    IF to_regclass('pg_catalog.pg_dist_partition') IS NULL THEN
        RETURN false; -- plain PostgreSQL: measured when asked
    END IF;
    IF NOT p_force AND EXISTS (
            SELECT 1 FROM mvdash.relation_size_samples s
            WHERE s.sampled_at BETWEEN clock_timestamp() - mvdash.relation_size_sample_interval()
                                   AND clock_timestamp()) THEN
        RETURN false;
    END IF;
    BEGIN
        LOCK TABLE mvdash.relation_size_samples IN SHARE ROW EXCLUSIVE MODE NOWAIT;
        INSERT INTO mvdash.relation_size_samples AS s (relid, sampled_at, total_bytes, table_bytes)
        SELECT r.rel, v_at, m.total_bytes, m.table_bytes
        FROM (SELECT p.logicalrelid AS rel
              FROM pg_dist_partition p
              JOIN pg_class c ON c.oid = p.logicalrelid
              WHERE (c.relnamespace = 'mvdash'::regnamespace
                     AND c.relname IN (SELECT d.state_table FROM mvdash.read_model_definitions d))
                 OR p.logicalrelid IN ('public.bet_events'::regclass,
                                       'public.balance_events'::regclass,
                                       'public.payment_events'::regclass)) r
        CROSS JOIN LATERAL mvdash.mvdash_relation_bytes_measured(r.rel) m
        ON CONFLICT (relid) DO UPDATE
        SET sampled_at = excluded.sampled_at, total_bytes = excluded.total_bytes,
            table_bytes = excluded.table_bytes;
        DELETE FROM mvdash.relation_size_samples s
        WHERE NOT EXISTS (SELECT 1 FROM pg_class c WHERE c.oid = s.relid);
    EXCEPTION
        WHEN active_sql_transaction THEN
            RETURN false;
        WHEN lock_not_available THEN
            IF SQLERRM LIKE '%relation_size_samples%' THEN
                RETURN false; -- another sampler is at it
            END IF;
            RAISE WARNING 'relation sizes not sampled: %', SQLERRM;
            RETURN false;
        WHEN OTHERS THEN
            RAISE WARNING 'relation sizes not sampled: %', SQLERRM;
            RETURN false;
    END;
    RETURN true;
END
$$;

-- After a rebuild: the state tables keep their oids (TRUNCATE and refill), and a sample from
-- before it would stand for them for up to ten minutes. live_analyze_state() (016), which
-- `mvdash-admin rebuild` and `convert --to live` call once the rebuild has committed, now
-- samples the sizes again.
CREATE OR REPLACE FUNCTION live_analyze_state() RETURNS void
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, mvdash, pg_temp SET lock_timeout = '5s' AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_catalog.pg_extension WHERE extname = 'citus') THEN
        -- first: Citus counts the ANALYZE of the shards as a change to them and refuses its
        -- size functions after it in the same transaction (25001); ANALYZE changes no size
        PERFORM mvdash.sample_relation_sizes(true);
        ANALYZE mvdash.live_bets, mvdash.live_payments, mvdash.live_user_balances,
            mvdash.live_user_activity, mvdash.live_tenant_bet_status, mvdash.live_tenant_totals;
    END IF;
END
$$;

-- 015's storage share sample, now taking the relation sizes' sample first: its own figures
-- then read that sample (on Citus) instead of asking the workers again; a sample up to ten
-- minutes old, when the new one could not be taken, bends a line fitted over 30 days by
-- nothing.
CREATE OR REPLACE FUNCTION sample_storage_share(p_force boolean DEFAULT false) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, mvdash, pg_temp SET lock_timeout = '1s' AS $$
DECLARE
    v_ratio record;
BEGIN
    PERFORM mvdash.sample_relation_sizes(p_force);
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

-- refresh_aggregate_views() as in 015, sampling in live mode before the step, not after it: on
-- Citus the sample after a step was always refused (25001), and with the CronJob alone the
-- sizes were never sampled there.
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
        -- before the step: on Citus its writes to distributed tables forbid the size
        -- functions for the rest of the transaction (sizes a step earlier are as good)
        PERFORM mvdash.sample_storage_share();
        RETURN QUERY SELECT * FROM mvdash.mvdash_live_step(true, '10s');
        IF NOT EXISTS (SELECT 1 FROM mvdash.materialized_views_refresh_plan() p
                       WHERE p.method <> 'live') THEN
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

-- 011's mode and storage lookups as PL/pgSQL (see relation_size_sampled_at): the Refresh panel
-- calls read_model_storage() once a row and read_model_mode_now() through most of what it
-- reads; as LANGUAGE sql functions with SET search_path each call was planned anew.
CREATE OR REPLACE FUNCTION read_model_mode_now() RETURNS text
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, mvdash, pg_temp AS $$
BEGIN
    RETURN (SELECT m.mode FROM mvdash.read_model_mode m);
END
$$;

CREATE OR REPLACE FUNCTION read_model_storage(p_view text) RETURNS regclass
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, mvdash, pg_temp AS $$
BEGIN
    RETURN coalesce(
        (SELECT format('mvdash.%I', d.state_table)::regclass FROM mvdash.read_model_definitions d
         WHERE d.view_name = p_view AND mvdash.read_model_mode_now() = 'live'),
        (SELECT c.oid::regclass FROM pg_class c
         WHERE c.relname = p_view AND c.relnamespace = 'mvdash'::regnamespace));
END
$$;

-- The plan as in 011, with the live progress read apart from its catalog query (pgbench on the
-- local cluster, with the setting below: 0.75 ms a call as 011 wrote it, 0.31 ms so).
CREATE OR REPLACE FUNCTION materialized_views_refresh_plan()
RETURNS TABLE (view_name text, refresh_order integer, populated boolean,
               has_unique_index boolean, method text)
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, mvdash, pg_temp AS $$
DECLARE
    v_live boolean := mvdash.read_model_mode_now() = 'live';
    -- read on its own: on Citus live_progress is a reference table, and with it in the
    -- catalog query below Citus planned and ran all of it as a distributed query
    v_applied boolean := v_live AND (SELECT p.applied_arrival IS NOT NULL
                                     FROM mvdash.live_progress p);
BEGIN
    RETURN QUERY
    WITH RECURSIVE
    matviews AS (
        SELECT c.oid, c.relname::text AS name, c.relispopulated
        FROM pg_class c
        WHERE c.relkind = 'm' AND c.relnamespace = 'mvdash'::regnamespace
    ),
    reach (root, rel, depth) AS (
        SELECT m.oid, m.oid, 0 FROM matviews m
        UNION
        SELECT reach.root, d.refobjid, reach.depth + (m.oid IS NOT NULL)::integer
        FROM reach
        JOIN pg_rewrite r ON r.ev_class = reach.rel
        JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = r.oid
                        AND d.refclassid = 'pg_class'::regclass AND d.refobjid <> r.ev_class
        LEFT JOIN matviews m ON m.oid = d.refobjid
    ),
    keyed AS (
        -- REFRESH ... CONCURRENTLY needs a valid unique index on plain columns, without WHERE
        SELECT DISTINCT i.indrelid
        FROM pg_index i
        JOIN matviews m ON m.oid = i.indrelid
        WHERE i.indisunique AND i.indisvalid AND i.indpred IS NULL AND i.indexprs IS NULL
    ),
    planned AS (
        SELECT m.name,
               max(r.depth)::integer AS refresh_order,
               m.relispopulated,
               k.indrelid IS NOT NULL AS keyed,
               CASE WHEN m.relispopulated AND k.indrelid IS NOT NULL THEN 'concurrently'
                    ELSE 'plain' END AS method
        FROM matviews m
        JOIN reach r ON r.root = m.oid
        LEFT JOIN keyed k ON k.indrelid = m.oid
        GROUP BY m.name, m.relispopulated, k.indrelid
        UNION ALL
        SELECT d.view_name, d.build_order, v_applied, true, 'live'
        FROM mvdash.read_model_definitions d
        WHERE v_live
    )
    SELECT * FROM planned ORDER BY 2, 1;
END
$$;

-- Citus hides its shards from pg_class by adding relation_is_a_known_shard(oid) to every scan
-- of it, evaluated row by row: the plan's scan of pg_class for the matviews took 2.4 ms of a
-- 2.8 ms call on the local cluster's coordinator, the Sizes function's join with it as much
-- (pgbench: the plan 1.0 ms a call, 0.31 ms without, with its live progress read apart).
-- Neither looks for a shard (matviews, and
-- relations by their own names), so both see pg_class unfiltered. Set only where Citus is
-- loaded: elsewhere the setting is unknown (a database that gets Citus later does without it,
-- a millisecond slower; so does a later migration that replaces either function and does not
-- set it again).
DO $$
BEGIN
    IF to_regclass('pg_catalog.pg_dist_partition') IS NOT NULL THEN
        ALTER FUNCTION mvdash.materialized_views_refresh_plan()
            SET citus.override_table_visibility = off;
        ALTER FUNCTION mvdash.materialized_view_sizes()
            SET citus.override_table_visibility = off;
    END IF;
END
$$;

REVOKE ALL ON FUNCTION relation_size_sample_interval(), relation_size_sample_max_age(),
                       mvdash_relation_bytes_measured(regclass), relation_sizes_as_of(),
                       relation_size_sampled_at(regclass), sample_relation_sizes(boolean),
                       relation_size_sample(regclass)
    FROM PUBLIC;
REVOKE ALL ON relation_size_samples FROM PUBLIC;
GRANT SELECT ON relation_size_samples TO mvdash_reader;
GRANT EXECUTE ON FUNCTION relation_size_sample_interval(), relation_size_sample_max_age(),
                          relation_sizes_as_of(), relation_size_sampled_at(regclass)
    TO mvdash_reader;
GRANT EXECUTE ON FUNCTION sample_relation_sizes(boolean) TO mvdash_operator;
