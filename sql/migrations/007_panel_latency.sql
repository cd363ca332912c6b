-- Panel queries at 10M events (docs/BENCHMARKS.md): every one within 2 ms of server time.

-- The refresh plan in PL/pgSQL: a LANGUAGE sql function with SET search_path is never
-- inlined and is planned again on every call (~1 ms of planning for the recursive CTE);
-- PL/pgSQL keeps the plan for the session. The walk now starts at our materialized views and
-- follows pg_rewrite -> pg_depend by index, instead of joining every rule of the database
-- (the system views' too) before the recursion. Same rows as 003's version (tst_migrations).
CREATE OR REPLACE FUNCTION materialized_views_refresh_plan()
RETURNS TABLE (view_name text, refresh_order integer, populated boolean,
               has_unique_index boolean, method text)
LANGUAGE plpgsql STABLE SET search_path FROM CURRENT AS $$
BEGIN
    RETURN QUERY
    WITH RECURSIVE
    matviews AS (
        SELECT c.oid, c.relname::text AS name, c.relispopulated
        FROM pg_class c
        WHERE c.relkind = 'm' AND c.relnamespace = current_schema()::regnamespace
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
    )
    SELECT m.name,
           max(r.depth)::integer,
           m.relispopulated,
           k.indrelid IS NOT NULL,
           CASE WHEN m.relispopulated AND k.indrelid IS NOT NULL THEN 'concurrently'
                ELSE 'plain' END
    FROM matviews m
    JOIN reach r ON r.root = m.oid
    LEFT JOIN keyed k ON k.indrelid = m.oid
    GROUP BY m.name, m.relispopulated, k.indrelid
    ORDER BY 2, 1;
END
$$;

-- Same reason: PL/pgSQL keeps its plan, the SQL version was planned on every call.
CREATE OR REPLACE FUNCTION materialized_view_sizes()
RETURNS TABLE (view_name text, total_bytes bigint, table_bytes bigint, index_bytes bigint,
               index_count integer, row_estimate bigint, populated boolean,
               has_unique_index boolean, last_refreshed_at timestamptz,
               share_of_event_tables numeric)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
    RETURN QUERY
    WITH events AS (SELECT nullif(event_tables_bytes(), 0) AS bytes)
    SELECT p.view_name,
           b.total_bytes,
           b.table_bytes,
           b.index_bytes,
           (SELECT count(*)::integer FROM pg_index i WHERE i.indrelid = c.oid),
           CASE WHEN c.reltuples < 0 THEN NULL ELSE c.reltuples::bigint END,
           p.populated,
           p.has_unique_index,
           l.last_refreshed_at,
           round(b.total_bytes::numeric / events.bytes, 4)
    FROM materialized_views_refresh_plan() p
    JOIN pg_class c ON c.oid = format('%I.%I', current_schema(), p.view_name)::regclass
    CROSS JOIN LATERAL mvdash_relation_bytes(c.oid) b
    CROSS JOIN events
    LEFT JOIN materialized_views_refresh_log l ON l.view_name = p.view_name
    ORDER BY b.total_bytes DESC, p.view_name;
END
$$;

-- Top players by every key the Players panel offers, read in index order like
-- user_activity_view_wagered_idx (sorting a big tenant's users cost 45 ms at 10M events).
CREATE INDEX user_activity_view_balance_idx
    ON user_activity_view (tenant_id, current_balance DESC, user_id);
CREATE INDEX user_activity_view_winnings_idx
    ON user_activity_view (tenant_id, total_winnings DESC, user_id);
CREATE INDEX user_activity_view_bets_idx
    ON user_activity_view (tenant_id, total_bets DESC, user_id);
CREATE INDEX user_activity_view_activity_idx
    ON user_activity_view (tenant_id, last_activity_at DESC, user_id);

-- The payments panel filtered by status (failed, pending: what admins look for), newest first
-- in keyset order; the type filter is checked on the few rows of that status.
CREATE INDEX payments_view_tenant_status_idx
    ON payments_view (tenant_id, status, last_updated_at DESC, payment_id DESC);

-- Table + indexes instead of total + table: each size function stats every file of the
-- relation, and the old pair stat'ed the table's files twice.
CREATE OR REPLACE FUNCTION mvdash_relation_bytes(p_rel regclass, OUT total_bytes bigint,
                                                 OUT table_bytes bigint, OUT index_bytes bigint)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
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
