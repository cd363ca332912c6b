-- Size monitoring and refresh status, one row per materialized view of the catalog.

-- Bytes of the three event tables together (all shards on Citus).
CREATE FUNCTION event_tables_bytes() RETURNS bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
    SELECT sum((mvdash_relation_bytes(t::regclass)).total_bytes)::bigint
    FROM unnest(ARRAY['bet_events', 'balance_events', 'payment_events']) AS t
$$;

-- Every materialized view: size (table + indexes), rows (planner estimate, exact after the
-- ANALYZE that follows each refresh), populated, CONCURRENTLY possible, last refresh, and
-- its share of the event tables' size.
CREATE FUNCTION materialized_view_sizes()
RETURNS TABLE (view_name text, total_bytes bigint, table_bytes bigint, index_bytes bigint,
               index_count integer, row_estimate bigint, populated boolean,
               has_unique_index boolean, last_refreshed_at timestamptz,
               share_of_event_tables numeric)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
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
    ORDER BY b.total_bytes DESC, p.view_name
$$;

-- All views against the event tables: the guide expects 10-30%.
CREATE FUNCTION materialized_views_size_ratio(OUT views_bytes bigint,
                                              OUT event_tables_bytes bigint,
                                              OUT ratio numeric)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
    SELECT v.bytes, e.bytes, round(v.bytes::numeric / nullif(e.bytes, 0), 4)
    FROM (SELECT coalesce(sum(total_bytes), 0)::bigint AS bytes
          FROM materialized_view_sizes()) v,
         (SELECT event_tables_bytes() AS bytes) e
$$;

-- What ops look at: the refresh plan with the log's figures.
CREATE VIEW materialized_views_status AS
SELECT p.view_name,
       p.refresh_order,
       p.populated,
       p.has_unique_index,
       p.method AS next_method,
       l.last_refreshed_at,
       l.avg_refresh_time_ms,
       l.last_duration_ms,
       l.refresh_count,
       l.last_outcome,
       l.last_error,
       l.last_failed_at,
       coalesce(l.failure_count, 0) AS failure_count
FROM materialized_views_refresh_plan() p
LEFT JOIN materialized_views_refresh_log l ON l.view_name = p.view_name;

-- Support's freshness diagnostic: how many of a user's events carry a timestamp after the
-- given instant (normally the views' refresh time). Index-backed on each event table.
-- Diagnostic only: an event written late with an old timestamp is not counted.
CREATE FUNCTION user_events_since(p_tenant_id bigint, p_user_id text, p_since timestamptz,
                                  OUT bet_events bigint, OUT balance_events bigint,
                                  OUT payment_events bigint)
-- PL/pgSQL, not SQL: Citus cannot plan a distributed query inside a parameterized SQL function
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    v_since_ms bigint := (extract(epoch FROM p_since) * 1000)::bigint;
BEGIN
    SELECT count(*) INTO bet_events FROM bet_events e
    WHERE e.tenant_id = p_tenant_id AND e.user_id = p_user_id AND e.event_timestamp > v_since_ms;
    SELECT count(*) INTO balance_events FROM balance_events e
    WHERE e.tenant_id = p_tenant_id AND e.user_id = p_user_id AND e.event_timestamp > v_since_ms;
    SELECT count(*) INTO payment_events FROM payment_events e
    WHERE e.tenant_id = p_tenant_id AND e.user_id = p_user_id AND e.event_timestamp > v_since_ms;
END
$$;

-- The guide's tip 4: a per-tenant copy of a view, with the base view's unique key so that
-- it refreshes CONCURRENTLY with the rest (it depends on the base view, so it comes after).
CREATE FUNCTION create_tenant_view(p_view text, p_tenant_id bigint) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    v_name text := p_view || '_tenant_' || p_tenant_id;
    v_key text;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_matviews m
                   WHERE m.schemaname = current_schema() AND m.matviewname = p_view)
       OR p_view ~ '_tenant_[0-9]+$' THEN
        RAISE EXCEPTION 'unknown base view: %', p_view USING ERRCODE = 'undefined_table';
    END IF;
    IF p_tenant_id < 0 THEN
        RAISE EXCEPTION 'invalid tenant id: %', p_tenant_id USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF length(v_name) > 59 THEN
        RAISE EXCEPTION 'view name too long: %', v_name USING ERRCODE = 'name_too_long';
    END IF;
    IF EXISTS (SELECT 1 FROM pg_matviews m
               WHERE m.schemaname = current_schema() AND m.matviewname = v_name) THEN
        RETURN v_name;
    END IF;
    SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY k.ord) INTO v_key
    FROM (SELECT i.indrelid, i.indkey FROM pg_index i
          WHERE i.indrelid = format('%I', p_view)::regclass AND i.indisunique
            AND i.indpred IS NULL AND i.indexprs IS NULL
          ORDER BY i.indnkeyatts LIMIT 1) i
    CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
    JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum;
    IF v_key IS NULL THEN
        RAISE EXCEPTION 'view % has no unique key to copy', p_view USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_attribute a
                   WHERE a.attrelid = format('%I', p_view)::regclass AND a.attname = 'tenant_id') THEN
        RAISE EXCEPTION 'view % has no tenant_id column', p_view USING ERRCODE = 'undefined_column';
    END IF;
    EXECUTE format('CREATE MATERIALIZED VIEW %I AS SELECT * FROM %I WHERE tenant_id = %s',
                   v_name, p_view, p_tenant_id);
    EXECUTE format('CREATE UNIQUE INDEX %I ON %I (%s)', v_name || '_key', v_name, v_key);
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'mvdash_reader') THEN
        EXECUTE format('GRANT SELECT ON %I TO mvdash_reader', v_name);
    END IF;
    RETURN v_name;
END
$$;

CREATE FUNCTION drop_tenant_view(p_view text, p_tenant_id bigint) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    v_name text := p_view || '_tenant_' || p_tenant_id;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_matviews m
                   WHERE m.schemaname = current_schema() AND m.matviewname = v_name) THEN
        RAISE EXCEPTION 'no per-tenant view %', v_name USING ERRCODE = 'undefined_table';
    END IF;
    EXECUTE format('DROP MATERIALIZED VIEW %I', v_name);
    DELETE FROM materialized_views_refresh_log l WHERE l.view_name = v_name;
    RETURN v_name;
END
$$;
