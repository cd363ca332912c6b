-- No row estimate from a Citus shell table.
--
-- In live mode on Citus a read model's rows are in the shards of its distributed (or
-- reference) state table; the coordinator's table is an empty shell whose pg_class.reltuples
-- is 0 (or -1). The Sizes panel, `mvdash-admin sizes` and `mvdash-admin status` showed that
-- as the read model's rows: "0 rows" for bets_view with 185,663 bets in its shards (the
-- local cluster, 1M events). The estimate is now unknown there (the panels show "?").
--
-- Measured on the local cluster before choosing this, to give the shards' own figure instead:
-- run_command_on_shards opens a connection per shard (300 ms for one table of 32 shards),
-- run_command_on_workers one per worker (40 ms for `SELECT 1`), citus_shard_sizes() has sizes
-- but no rows (17-84 ms); the panels reload every 5 s and the sizes alone already take the
-- Citus size functions' rounds (2 ms each, warm). The doctor's storage.dead_rows check, on
-- demand, reads the shards' live rows (read_model_dead_rows()).

-- A relation's row estimate as the panels show it, the one place that says so: its
-- pg_class.reltuples; unknown (NULL) when never estimated (-1) or when Citus keeps the rows in
-- shards. (PL/pgSQL: it keeps its plan, where a LANGUAGE sql function with SET search_path is
-- planned again on every call, 007.)
CREATE FUNCTION mvdash_row_estimate(p_rel regclass) RETURNS bigint
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, mvdash, pg_temp AS $$
DECLARE
    v_tuples real := (SELECT c.reltuples FROM pg_class c WHERE c.oid = p_rel);
BEGIN
    IF v_tuples IS NULL OR v_tuples < 0 OR mvdash.mvdash_is_distributed(p_rel) THEN
        RETURN NULL;
    END IF;
    RETURN v_tuples::bigint;
END
$$;

CREATE OR REPLACE FUNCTION materialized_view_sizes()
RETURNS TABLE (view_name text, total_bytes bigint, table_bytes bigint, index_bytes bigint,
               index_count integer, row_estimate bigint, populated boolean,
               has_unique_index boolean, last_refreshed_at timestamptz,
               share_of_event_tables numeric)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, mvdash, pg_temp AS $$
DECLARE
    v_live boolean := mvdash.read_model_mode_now() = 'live';
    v_citus boolean := to_regclass('pg_catalog.pg_dist_partition') IS NOT NULL;
    v_event_bytes numeric := nullif(mvdash.event_tables_bytes(), 0);
BEGIN
    RETURN QUERY
    WITH stored AS MATERIALIZED (
        -- the relation holding each read model's rows: its state table in live mode
        SELECT p.view_name, p.populated, p.has_unique_index, c.oid,
               mvdash.mvdash_row_estimate(c.oid) AS row_estimate
        FROM mvdash.materialized_views_refresh_plan() p
        LEFT JOIN mvdash.read_model_definitions d ON v_live AND d.view_name = p.view_name
        JOIN pg_class c ON c.relnamespace = 'mvdash'::regnamespace
                       AND c.relname = coalesce(d.state_table, p.view_name)
    ),
    sized AS (
        SELECT s.*, b.table_bytes, b.index_bytes
        FROM stored s
        CROSS JOIN LATERAL (
            SELECT pg_table_size(s.oid) AS table_bytes, pg_indexes_size(s.oid) AS index_bytes
            WHERE NOT v_citus
            UNION ALL
            SELECT r.table_bytes, r.index_bytes FROM mvdash.mvdash_relation_bytes(s.oid) r
            WHERE v_citus) AS b
    )
    SELECT z.view_name, z.table_bytes + z.index_bytes, z.table_bytes, z.index_bytes,
           (SELECT count(*)::integer FROM pg_index i WHERE i.indrelid = z.oid),
           z.row_estimate, z.populated, z.has_unique_index, l.last_refreshed_at,
           round((z.table_bytes + z.index_bytes)::numeric / v_event_bytes, 4)
    FROM sized z
    LEFT JOIN mvdash.materialized_views_refresh_log l ON l.view_name = z.view_name
    ORDER BY 2 DESC, 1;
END
$$;

REVOKE ALL ON FUNCTION mvdash_row_estimate(regclass) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION mvdash_row_estimate(regclass) TO mvdash_reader;
