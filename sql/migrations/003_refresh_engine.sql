-- The refresh engine of the guide and the spec's "Refresh and monitoring".
-- Every function runs with the search_path the migration runner set (this schema, then
-- pg_temp), captured by SET search_path FROM CURRENT, so a caller cannot redirect them.

CREATE SEQUENCE materialized_views_refresh_run_seq;

-- One row per view, as the guide's monitoring queries read it.
CREATE TABLE materialized_views_refresh_log (
    view_name           text PRIMARY KEY,
    avg_refresh_time_ms numeric(12, 2) NOT NULL DEFAULT 0,
    refresh_count       integer NOT NULL DEFAULT 0,
    last_refreshed_at   timestamptz,
    last_duration_ms    numeric(12, 2),
    last_method         text,
    last_outcome        text,
    last_error          text,
    last_failed_at      timestamptz,
    failure_count       integer NOT NULL DEFAULT 0
);

-- One row per view per run, bounded (see materialized_views_history_limit()).
CREATE TABLE materialized_views_refresh_history (
    history_id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    run_id           bigint NOT NULL,
    view_name        text NOT NULL,
    started_at       timestamptz NOT NULL DEFAULT clock_timestamp(),
    finished_at      timestamptz,
    duration_ms      numeric(12, 2),
    method           text NOT NULL CHECK (method IN ('concurrently', 'plain')),
    outcome          text NOT NULL CHECK (outcome IN ('running', 'ok', 'failed', 'skipped')),
    error            text,
    requested_by     text NOT NULL DEFAULT session_user,
    application_name text NOT NULL DEFAULT current_setting('application_name'),
    backend_pid      integer NOT NULL DEFAULT pg_backend_pid()
);
CREATE INDEX materialized_views_refresh_history_view_idx
    ON materialized_views_refresh_history (view_name, history_id DESC);
CREATE INDEX materialized_views_refresh_history_running_idx
    ON materialized_views_refresh_history (history_id) WHERE outcome = 'running';

-- A size sample per view per successful refresh: the size trend of the Sizes panel.
CREATE TABLE materialized_views_size_history (
    sample_id    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    run_id       bigint NOT NULL,
    view_name    text NOT NULL,
    sampled_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
    total_bytes  bigint NOT NULL,
    table_bytes  bigint NOT NULL,
    index_bytes  bigint NOT NULL,
    row_estimate bigint
);
CREATE INDEX materialized_views_size_history_view_idx
    ON materialized_views_size_history (view_name, sample_id DESC);

-- How many history and size rows are kept per view.
CREATE FUNCTION materialized_views_history_limit() RETURNS integer
LANGUAGE sql IMMUTABLE AS $$ SELECT 2000 $$;

-- Size of a relation in bytes, right on Citus too: pg_total_relation_size on a coordinator
-- sees only its local part of a distributed table, citus_total_relation_size all shards.
CREATE FUNCTION mvdash_relation_bytes(p_rel regclass, OUT total_bytes bigint,
                                      OUT table_bytes bigint, OUT index_bytes bigint)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
    IF to_regclass('pg_catalog.pg_dist_partition') IS NOT NULL THEN
        EXECUTE 'SELECT citus_total_relation_size($1), citus_table_size($1)
                 FROM pg_catalog.pg_dist_partition WHERE logicalrelid = $1'
            INTO total_bytes, table_bytes USING p_rel;
    END IF;
    IF total_bytes IS NULL THEN
        total_bytes := pg_total_relation_size(p_rel);
        table_bytes := pg_table_size(p_rel);
    END IF;
    index_bytes := total_bytes - table_bytes;
END
$$;

-- The materialized views of this schema in refresh order: every view after the views it
-- reads, directly or through plain views (pg_rewrite -> pg_depend). A per-tenant view
-- created later is found here like any other.
CREATE FUNCTION materialized_views_refresh_plan()
RETURNS TABLE (view_name text, refresh_order integer, populated boolean,
               has_unique_index boolean, method text)
LANGUAGE sql STABLE SET search_path FROM CURRENT AS $$
WITH RECURSIVE
matviews AS (
    SELECT c.oid, c.relname::text AS name, c.relispopulated
    FROM pg_class c
    WHERE c.relkind = 'm' AND c.relnamespace = current_schema()::regnamespace
),
edges AS (
    SELECT DISTINCT r.ev_class AS dependent, d.refobjid AS dependency
    FROM pg_rewrite r
    JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = r.oid
                    AND d.refclassid = 'pg_class'::regclass AND d.refobjid <> r.ev_class
),
reach (root, rel, depth) AS (
    SELECT oid, oid, 0 FROM matviews
    UNION
    SELECT reach.root, e.dependency, reach.depth + (m.oid IS NOT NULL)::integer
    FROM reach
    JOIN edges e ON e.dependent = reach.rel
    LEFT JOIN matviews m ON m.oid = e.dependency
),
keyed AS (
    -- REFRESH ... CONCURRENTLY needs a valid unique index on plain columns, without WHERE
    SELECT DISTINCT i.indrelid
    FROM pg_index i
    WHERE i.indisunique AND i.indisvalid AND i.indpred IS NULL AND i.indexprs IS NULL
)
SELECT m.name,
       max(r.depth)::integer,
       m.relispopulated,
       k.indrelid IS NOT NULL,
       CASE WHEN m.relispopulated AND k.indrelid IS NOT NULL THEN 'concurrently' ELSE 'plain' END
FROM matviews m
JOIN reach r ON r.root = m.oid
LEFT JOIN keyed k ON k.indrelid = m.oid
GROUP BY m.name, m.relispopulated, k.indrelid
ORDER BY 2, 1
$$;

-- A history row left 'running' by a backend that no longer exists (server restart,
-- terminated backend) is closed as failed, so that it does not look like a live refresh.
CREATE FUNCTION materialized_views_close_interrupted() RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    closed integer;
BEGIN
    UPDATE materialized_views_refresh_history h
    SET outcome = 'failed', finished_at = clock_timestamp(),
        error = 'interrupted: the refreshing backend ended (server restart or terminated) '
                'before the refresh finished'
    WHERE h.outcome = 'running'
      AND NOT EXISTS (SELECT 1 FROM pg_stat_activity a
                      WHERE a.pid = h.backend_pid AND a.backend_start <= h.started_at);
    GET DIAGNOSTICS closed = ROW_COUNT;
    RETURN closed;
END
$$;

-- Marks the start of a view's refresh in its own transaction (used by the procedure and by
-- clients that refresh view by view), so that a crash leaves a visible 'running' row.
CREATE FUNCTION materialized_views_begin_refresh(p_view text, p_run_id bigint)
RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    v_method text;
    v_id bigint;
BEGIN
    SELECT p.method INTO v_method FROM materialized_views_refresh_plan() p
    WHERE p.view_name = p_view;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'unknown materialized view: %', p_view
            USING ERRCODE = 'undefined_table', HINT = 'materialized views are listed in pg_matviews';
    END IF;
    INSERT INTO materialized_views_refresh_history (run_id, view_name, method, outcome)
    VALUES (p_run_id, p_view, v_method, 'running')
    RETURNING history_id INTO v_id;
    RETURN v_id;
END
$$;

-- Closes this session's 'running' row when the refresh statement itself was cancelled or
-- failed outside the function (a cancel is not caught inside it, by design).
CREATE FUNCTION materialized_views_abort_refresh(p_history_id bigint, p_error text)
RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path FROM CURRENT AS $$
    UPDATE materialized_views_refresh_history h
    SET outcome = 'failed', finished_at = clock_timestamp(),
        duration_ms = round(extract(epoch FROM clock_timestamp() - h.started_at) * 1000, 2),
        error = p_error
    WHERE h.history_id = p_history_id AND h.outcome = 'running'
      AND h.backend_pid = pg_backend_pid()
$$;

-- Refreshes one materialized view, named as in pg_matviews. CONCURRENTLY when it is
-- populated and has a unique index, plainly otherwise. A second caller for the same view
-- does not queue: it returns 'skipped' at once. A failure is recorded and returned, not
-- raised, so a caller refreshing several views goes on with the next one.
CREATE FUNCTION refresh_materialized_view(p_view text, p_run_id bigint DEFAULT NULL,
                                          p_history_id bigint DEFAULT NULL)
RETURNS TABLE (view_name text, method text, duration_ms numeric, outcome text, error text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
#variable_conflict use_column
DECLARE
    v_rel regclass;
    v_run bigint := coalesce(p_run_id, nextval('materialized_views_refresh_run_seq'));
    v_history bigint := p_history_id;
    v_method text;
    v_started timestamptz;
    v_duration numeric := 0;
    v_outcome text;
    v_error text;
    v_bytes record;
BEGIN
    SELECT format('%I.%I', m.schemaname, m.matviewname)::regclass INTO v_rel
    FROM pg_matviews m
    WHERE m.schemaname = current_schema() AND m.matviewname = p_view;
    IF v_rel IS NULL THEN
        RAISE EXCEPTION 'unknown materialized view: %', p_view
            USING ERRCODE = 'undefined_table', HINT = 'materialized views are listed in pg_matviews';
    END IF;
    SELECT p.method INTO v_method FROM materialized_views_refresh_plan() p
    WHERE p.view_name = p_view;

    -- one refresher per view; the lock ends with the transaction, as the refresh's own locks
    IF NOT pg_try_advisory_xact_lock(1836475506, v_rel::oid::integer) THEN
        v_outcome := 'skipped';
        v_error := 'another refresh of this view is running';
        v_started := clock_timestamp();
    ELSE
        IF v_history IS NULL THEN
            INSERT INTO materialized_views_refresh_history (run_id, view_name, method, outcome)
            VALUES (v_run, p_view, v_method, 'running')
            RETURNING history_id INTO v_history;
        END IF;
        v_started := clock_timestamp();
        BEGIN
            EXECUTE format('REFRESH MATERIALIZED VIEW %s%s',
                           CASE WHEN v_method = 'concurrently' THEN 'CONCURRENTLY ' END, v_rel);
            v_outcome := 'ok';
        EXCEPTION WHEN OTHERS THEN
            v_outcome := 'failed';
            GET STACKED DIAGNOSTICS v_error = MESSAGE_TEXT;
        END;
        v_duration := round(extract(epoch FROM clock_timestamp() - v_started) * 1000, 2);
    END IF;

    IF v_history IS NULL THEN
        INSERT INTO materialized_views_refresh_history
            (run_id, view_name, method, outcome, started_at, finished_at, duration_ms, error)
        VALUES (v_run, p_view, v_method, v_outcome, v_started, clock_timestamp(), v_duration,
                v_error);
    ELSE
        UPDATE materialized_views_refresh_history h
        SET outcome = v_outcome, started_at = v_started, finished_at = clock_timestamp(),
            duration_ms = v_duration, error = v_error
        WHERE h.history_id = v_history;
    END IF;

    IF v_outcome = 'ok' THEN
        -- fresh statistics keep the panels' index plans right after a rebuild
        EXECUTE format('ANALYZE %s', v_rel);
        INSERT INTO materialized_views_refresh_log AS l
            (view_name, avg_refresh_time_ms, refresh_count, last_refreshed_at,
             last_duration_ms, last_method, last_outcome, last_error)
        VALUES (p_view, v_duration, 1, v_started, v_duration, v_method, 'ok', NULL)
        ON CONFLICT ON CONSTRAINT materialized_views_refresh_log_pkey DO UPDATE
        SET avg_refresh_time_ms = round((l.avg_refresh_time_ms * l.refresh_count
                                         + excluded.avg_refresh_time_ms)
                                        / (l.refresh_count + 1), 2),
            refresh_count = l.refresh_count + 1,
            last_refreshed_at = excluded.last_refreshed_at,
            last_duration_ms = excluded.last_duration_ms,
            last_method = excluded.last_method,
            last_outcome = 'ok',
            last_error = NULL;
        SELECT * INTO v_bytes FROM mvdash_relation_bytes(v_rel);
        INSERT INTO materialized_views_size_history
            (run_id, view_name, total_bytes, table_bytes, index_bytes, row_estimate)
        SELECT v_run, p_view, v_bytes.total_bytes, v_bytes.table_bytes, v_bytes.index_bytes,
               greatest(c.reltuples, 0)::bigint
        FROM pg_class c WHERE c.oid = v_rel;
    ELSIF v_outcome = 'failed' THEN
        INSERT INTO materialized_views_refresh_log AS l
            (view_name, last_duration_ms, last_method, last_outcome, last_error,
             last_failed_at, failure_count)
        VALUES (p_view, v_duration, v_method, 'failed', v_error, v_started, 1)
        ON CONFLICT ON CONSTRAINT materialized_views_refresh_log_pkey DO UPDATE
        SET last_duration_ms = excluded.last_duration_ms,
            last_method = excluded.last_method,
            last_outcome = 'failed',
            last_error = excluded.last_error,
            last_failed_at = excluded.last_failed_at,
            failure_count = l.failure_count + 1;
    END IF;

    -- keep the history bounded
    DELETE FROM materialized_views_refresh_history h
    WHERE h.view_name = p_view
      AND h.history_id < (SELECT h2.history_id FROM materialized_views_refresh_history h2
                          WHERE h2.view_name = p_view
                          ORDER BY h2.history_id DESC
                          OFFSET materialized_views_history_limit() - 1 LIMIT 1);
    DELETE FROM materialized_views_size_history s
    WHERE s.view_name = p_view
      AND s.sample_id < (SELECT s2.sample_id FROM materialized_views_size_history s2
                         WHERE s2.view_name = p_view
                         ORDER BY s2.sample_id DESC
                         OFFSET materialized_views_history_limit() - 1 LIMIT 1);

    view_name := p_view;
    method := v_method;
    duration_ms := v_duration;
    outcome := v_outcome;
    error := v_error;
    RETURN NEXT;
END
$$;

-- The guide's entry point: every materialized view of the schema, dependencies first,
-- one result row per view. Runs in the caller's transaction: what it refreshed becomes
-- visible when the call ends. For long runs prefer CALL refresh_aggregate_views_committing().
CREATE FUNCTION refresh_aggregate_views()
RETURNS TABLE (view_name text, method text, duration_ms numeric, outcome text, error text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
#variable_conflict use_column
DECLARE
    v_run bigint := nextval('materialized_views_refresh_run_seq');
    v record;
BEGIN
    -- One full run at a time. A caller arriving during a run (a CronJob overlapping a slow
    -- run, a storm of manual calls) records every view as skipped and returns at once,
    -- instead of refreshing the views the running call has not reached yet.
    IF NOT pg_try_advisory_xact_lock(1836475506, 0) THEN
        FOR v IN SELECT p.view_name, p.method FROM materialized_views_refresh_plan() p
                 ORDER BY p.refresh_order, p.view_name LOOP
            INSERT INTO materialized_views_refresh_history
                (run_id, view_name, method, outcome, finished_at, duration_ms, error)
            VALUES (v_run, v.view_name, v.method, 'skipped', clock_timestamp(), 0,
                    'another refresh_aggregate_views() run is in progress');
            view_name := v.view_name;
            method := v.method;
            duration_ms := 0;
            outcome := 'skipped';
            error := 'another refresh_aggregate_views() run is in progress';
            RETURN NEXT;
        END LOOP;
        RETURN;
    END IF;
    PERFORM materialized_views_close_interrupted();
    FOR v IN SELECT p.view_name FROM materialized_views_refresh_plan() p
             ORDER BY p.refresh_order, p.view_name LOOP
        BEGIN
            RETURN QUERY SELECT * FROM refresh_materialized_view(v.view_name, v_run);
        EXCEPTION WHEN undefined_table THEN
            -- dropped between planning and refreshing: nothing to refresh, nothing to log
            CONTINUE;
        END;
    END LOOP;
END
$$;

-- Named in the guide's troubleshooting; the same as refresh_aggregate_views().
CREATE FUNCTION manual_refresh_all_views()
RETURNS TABLE (view_name text, method text, duration_ms numeric, outcome text, error text)
LANGUAGE sql SECURITY DEFINER SET search_path FROM CURRENT AS $$
    SELECT * FROM refresh_aggregate_views()
$$;

-- The committing form: each view is refreshed in its own transaction, so readers see it
-- as soon as it is done, locks are held for one view at a time, and a crash leaves the
-- views refreshed so far. A procedure with transaction control cannot be SECURITY DEFINER
-- nor carry SET: it runs as the caller and calls the definer functions above.
CREATE PROCEDURE refresh_aggregate_views_committing()
LANGUAGE plpgsql AS $$
DECLARE
    v_run bigint := nextval('materialized_views_refresh_run_seq');
    v_history bigint;
    v record;
BEGIN
    PERFORM materialized_views_close_interrupted();
    COMMIT;
    FOR v IN SELECT p.view_name FROM materialized_views_refresh_plan() p
             ORDER BY p.refresh_order, p.view_name LOOP
        v_history := materialized_views_begin_refresh(v.view_name, v_run);
        COMMIT;
        PERFORM refresh_materialized_view(v.view_name, v_run, v_history);
        COMMIT;
    END LOOP;
END
$$;
