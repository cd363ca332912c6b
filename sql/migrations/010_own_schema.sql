-- Trust, second pass (docs/RELIABILITY.md, "Security"): the read side moves into a schema of
-- its own, every function is rewritten with a pinned search_path, refreshes are locked by a
-- lock nobody but the engine can take, history is written by the engine only, and tenant
-- roles read through functions the planner cannot see into.
--
-- Runs with search_path = mvdash, pg_temp (the migration runner). The event store (tenants
-- and the three event tables) stays in public: it is the platform's, written by its writers
-- with unchanged statements; everything here reads it schema-qualified.
--
-- Why each part:
-- - A SECURITY DEFINER function resolves the names it calls through its search_path. With
--   public on it, a role that can create in public (a database upgraded from PostgreSQL 14,
--   or GRANT CREATE ON SCHEMA public) plants public.nextval(text): an unknown literal
--   argument prefers it to pg_catalog.nextval(regclass), and it runs as the owner. Now every
--   function pins pg_catalog, mvdash, pg_temp (pg_temp is never searched for functions), and
--   only the owner can create in mvdash (the migration runner refuses a schema others can
--   create in).
-- - Advisory locks can be taken by any role (pg_advisory_lock is PUBLIC): a plain login
--   holding the engine's keys made every refresh 'skipped'. A refresh now locks a row of
--   materialized_views_refresh_locks FOR UPDATE SKIP LOCKED; nobody is granted anything on
--   that table, so only the engine's functions (run by roles allowed to refresh) can hold it.
-- - A security-barrier view does not stop a role that runs its own SQL: a leakproof predicate
--   of the caller is pushed below the barrier, and EXPLAIN (ANALYZE) shows the rows it saw.
--   Tenant roles now read through PL/pgSQL set-returning functions: never inlined, the plan
--   inside is not shown by EXPLAIN, and they only ever touch the rows of the caller's
--   tenants. What a tenant can still learn is written in docs/RELIABILITY.md.

CREATE SCHEMA IF NOT EXISTS mvdash;
REVOKE ALL ON SCHEMA mvdash FROM PUBLIC;
-- Tenant roles get nothing in mvdash, not even USAGE: naming a relation is enough to queue a
-- lock on it (CREATE RULE asks for its lock before the privilege check) and stall readers.
GRANT USAGE ON SCHEMA mvdash TO mvdash_reader, mvdash_operator;

-- What is rebuilt below and depends on what moves
DROP VIEW IF EXISTS public.materialized_views_status;
DROP VIEW IF EXISTS tenant_scope.tenants, tenant_scope.tenants_summary_view,
    tenant_scope.tenant_bet_status_view, tenant_scope.bets_view, tenant_scope.user_balances_view,
    tenant_scope.payments_view, tenant_scope.user_activity_view,
    tenant_scope.materialized_views_refresh_log;
DROP FUNCTION IF EXISTS tenant_scope.user_events_since(bigint, text, timestamptz);
DROP VIEW IF EXISTS public.mvdash_visible_tenants;

-- Move mvdash's relations out of public, data and indexes with them. Only ours: other
-- materialized views of the platform in public stay there (and are no longer refreshed).
DO $move$
DECLARE
    r record;
BEGIN
    FOR r IN
        SELECT c.oid::regclass AS rel, c.relkind
        FROM pg_class c
        WHERE c.relnamespace = 'public'::regnamespace
          AND (c.relname IN ('bets_view', 'user_balances_view', 'payments_view',
                             'user_activity_view', 'tenants_summary_view',
                             'tenant_bet_status_view', 'materialized_views_refresh_log',
                             'materialized_views_refresh_history',
                             'materialized_views_size_history',
                             'materialized_views_refresh_run_seq', 'mvdash_tenant_grants',
                             'schema_migrations')
               OR (c.relkind = 'm'
                   AND c.relname ~ '^(bets|user_balances|payments|user_activity|tenants_summary|tenant_bet_status)_view_tenant_[0-9]+$'))
        ORDER BY c.oid
    LOOP
        EXECUTE format('ALTER %s %s SET SCHEMA mvdash',
                       CASE r.relkind WHEN 'm' THEN 'MATERIALIZED VIEW'
                                      WHEN 'S' THEN 'SEQUENCE' ELSE 'TABLE' END, r.rel);
    END LOOP;
END
$move$;

-- The old functions (all in public, search_path public, pg_temp): replaced below.
DROP PROCEDURE IF EXISTS public.refresh_aggregate_views_committing();
DROP FUNCTION IF EXISTS public.manual_refresh_all_views(), public.refresh_aggregate_views(),
    public.refresh_materialized_view(text, bigint, bigint),
    public.materialized_views_begin_refresh(text, bigint),
    public.materialized_views_abort_refresh(bigint, text),
    public.materialized_views_close_interrupted(), public.materialized_views_size_ratio(),
    public.materialized_view_sizes(), public.event_tables_bytes(),
    public.materialized_views_refresh_plan(), public.mvdash_relation_bytes(regclass),
    public.materialized_views_history_limit(),
    public.user_events_since(bigint, text, timestamptz), public.create_tenant_view(text, bigint),
    public.drop_tenant_view(text, bigint), public.grant_tenant(text, bigint),
    public.revoke_tenant(text, bigint);

-- Tenant grants by role OID, not name: a dropped role's grants must not pass to a new role
-- that happens to get the same name. Rows of roles that no longer exist are dropped.
ALTER TABLE mvdash_tenant_grants ADD COLUMN role_oid oid;
UPDATE mvdash_tenant_grants g SET role_oid = r.oid FROM pg_roles r WHERE r.rolname = g.role_name;
DELETE FROM mvdash_tenant_grants WHERE role_oid IS NULL;
ALTER TABLE mvdash_tenant_grants DROP CONSTRAINT mvdash_tenant_grants_pkey;
ALTER TABLE mvdash_tenant_grants DROP COLUMN role_name;
ALTER TABLE mvdash_tenant_grants ALTER COLUMN role_oid SET NOT NULL;
ALTER TABLE mvdash_tenant_grants ADD PRIMARY KEY (role_oid, tenant_id);

-- Every run id handed out, and to whom: history rows go only into runs of the caller's role.
CREATE TABLE materialized_views_refresh_runs (
    run_id       bigint PRIMARY KEY,
    requested_by name NOT NULL DEFAULT session_user,
    started_at   timestamptz NOT NULL DEFAULT clock_timestamp()
);
INSERT INTO materialized_views_refresh_runs (run_id, requested_by, started_at)
SELECT h.run_id, min(h.requested_by), min(h.started_at)
FROM materialized_views_refresh_history h GROUP BY h.run_id;

-- The engine's locks: a row per lock name, locked FOR UPDATE by the refreshing transaction.
-- Nobody is granted anything on it, so no other role can hold (or even wait on) a lock.
CREATE TABLE materialized_views_refresh_locks (
    lock_name text PRIMARY KEY
);

------------------------------------------------------------------------------------------
-- Helpers
------------------------------------------------------------------------------------------

-- How many history and size rows are kept per view.
CREATE FUNCTION materialized_views_history_limit() RETURNS integer
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, mvdash, pg_temp AS $$ SELECT 2000 $$;

-- After how many runs in a row in which every view was skipped the schedulers fail
-- (the CronJob's script and the pg_cron procedure): `SET mvdash.max_skipped_runs = N`
-- (e.g. ALTER DATABASE ... SET) overrides the default of 3.
CREATE FUNCTION materialized_views_max_skipped_runs() RETURNS integer
LANGUAGE sql STABLE SET search_path = pg_catalog, mvdash, pg_temp AS $$
    SELECT greatest(1, coalesce(nullif(current_setting('mvdash.max_skipped_runs', true), '')::integer, 3))
$$;

-- Size of a relation in bytes, right on Citus too (citus_total_relation_size for
-- distributed and reference tables; pg_total_relation_size sees the coordinator's part).
CREATE FUNCTION mvdash_relation_bytes(p_rel regclass, OUT total_bytes bigint,
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

-- The materialized views of mvdash in refresh order: every view after the views it reads,
-- directly or through plain views (pg_rewrite -> pg_depend).
CREATE FUNCTION materialized_views_refresh_plan()
RETURNS TABLE (view_name text, refresh_order integer, populated boolean,
               has_unique_index boolean, method text)
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, mvdash, pg_temp AS $$
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

-- A materialized view of mvdash by name, or NULL: names are never parsed as SQL.
CREATE FUNCTION mvdash_matview(p_view text) RETURNS regclass
LANGUAGE sql STABLE SET search_path = pg_catalog, mvdash, pg_temp AS $$
    SELECT c.oid::regclass FROM pg_class c
    WHERE c.relkind = 'm' AND c.relnamespace = 'mvdash'::regnamespace AND c.relname = p_view
$$;

-- Takes the engine's lock of that name for the rest of the transaction; false when another
-- transaction holds it (never waits, except on the very first use of a name by two callers
-- at once: the second waits for the first one's row to commit).
CREATE FUNCTION mvdash_try_refresh_lock(p_name text) RETURNS boolean
LANGUAGE plpgsql SET search_path = pg_catalog, mvdash, pg_temp AS $$
BEGIN
    PERFORM 1 FROM mvdash.materialized_views_refresh_locks l
    WHERE l.lock_name = p_name FOR UPDATE SKIP LOCKED;
    IF FOUND THEN
        -- taken by a subtransaction (a savepoint, an exception block), the lock shows in
        -- pg_locks under no transaction id and a skipped caller could not name its holder
        IF (SELECT l.xmax::text::bigint FROM mvdash.materialized_views_refresh_locks l
            WHERE l.lock_name = p_name) <> pg_current_xact_id()::text::bigint % 4294967296 THEN
            RAISE EXCEPTION 'a refresh cannot run inside a savepoint or an exception block'
                USING ERRCODE = 'feature_not_supported',
                      HINT = 'Call it at the top level of a transaction.';
        END IF;
        RETURN true;
    END IF;
    IF EXISTS (SELECT 1 FROM mvdash.materialized_views_refresh_locks l WHERE l.lock_name = p_name) THEN
        RETURN false; -- there, and locked by someone else
    END IF;
    INSERT INTO mvdash.materialized_views_refresh_locks (lock_name) VALUES (p_name)
    ON CONFLICT DO NOTHING;
    RETURN mvdash.mvdash_try_refresh_lock(p_name); -- the row is there now
END
$$;

-- Who holds the engine's lock of that name: backend pid, role, and since when (the start of
-- its committed 'running' row, or of its transaction when this role may see it).
CREATE FUNCTION mvdash_refresh_lock_holder(p_name text) RETURNS text
LANGUAGE sql STABLE SET search_path = pg_catalog, mvdash, pg_temp AS $$
    SELECT format('pid %s, role %s, since %s', k.pid, coalesce(a.usename::text, '?'),
                  coalesce(to_char(coalesce(h.started_at, a.xact_start), 'YYYY-MM-DD HH24:MI:SS TZ'),
                           'unknown'))
    FROM (SELECT l.pid
          FROM mvdash.materialized_views_refresh_locks r
          JOIN pg_locks l ON l.locktype = 'transactionid' AND l.granted
                         AND l.transactionid = r.xmax
          WHERE r.lock_name = p_name
          LIMIT 1) k
    LEFT JOIN pg_stat_activity a ON a.pid = k.pid
    LEFT JOIN LATERAL (SELECT h.started_at FROM mvdash.materialized_views_refresh_history h
                       WHERE h.backend_pid = k.pid AND h.outcome = 'running'
                       ORDER BY h.history_id DESC LIMIT 1) h ON true
$$;

------------------------------------------------------------------------------------------
-- The refresh engine
------------------------------------------------------------------------------------------

-- A 'running' history row whose refresh is not happening is closed as failed:
-- - its backend is gone, or the server restarted since it started (pg_postmaster_start_time:
--   readable by every role, unlike other roles' backend_start for a non-superuser owner, who
--   must not close a live refresh of the operator as interrupted);
-- - it is this session's own (a session refreshes one view at a time, and this is called
--   before it starts the next);
-- - its backend is alive but has not held the view's lock for a minute (the setting
--   mvdash.abandoned_after): a 'running' row announced by materialized_views_begin_refresh()
--   that no refresh followed.
CREATE FUNCTION materialized_views_close_interrupted() RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, mvdash, pg_temp AS $$
DECLARE
    closed integer;
BEGIN
    UPDATE mvdash.materialized_views_refresh_history h
    SET outcome = 'failed', finished_at = clock_timestamp(),
        duration_ms = round(extract(epoch FROM clock_timestamp() - h.started_at) * 1000, 2),
        error = CASE
            WHEN h.backend_pid = pg_backend_pid()
                THEN 'interrupted: this session went on without finishing the refresh'
            WHEN h.started_at < pg_postmaster_start_time()
                 OR NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.pid = h.backend_pid
                                AND (a.backend_start IS NULL OR a.backend_start <= h.started_at))
                THEN 'interrupted: the refreshing backend ended (server restart or terminated) '
                     'before the refresh finished'
            ELSE 'abandoned: announced, but no refresh of the view followed within a minute' END
    WHERE h.outcome = 'running'
      AND (h.backend_pid = pg_backend_pid()
           OR h.started_at < pg_postmaster_start_time()
           OR NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.pid = h.backend_pid
                          AND (a.backend_start IS NULL OR a.backend_start <= h.started_at))
           OR (h.started_at < clock_timestamp()
                              - greatest(interval '5 seconds',
                                         coalesce(nullif(current_setting('mvdash.abandoned_after', true),
                                                         '')::interval,
                                                  interval '1 minute'))
               AND NOT EXISTS (SELECT 1 FROM mvdash.materialized_views_refresh_locks r
                               JOIN pg_locks l ON l.locktype = 'transactionid' AND l.granted
                                              AND l.transactionid = r.xmax
                               WHERE r.lock_name = h.view_name AND l.pid = h.backend_pid)));
    GET DIAGNOSTICS closed = ROW_COUNT;
    RETURN closed;
END
$$;

-- A run id, registered to the calling role (kept as long as its history: trimmed with it).
CREATE FUNCTION materialized_views_register_run() RETURNS bigint
LANGUAGE plpgsql SET search_path = pg_catalog, mvdash, pg_temp AS $$
DECLARE
    v_run bigint := nextval('mvdash.materialized_views_refresh_run_seq'::regclass);
BEGIN
    INSERT INTO mvdash.materialized_views_refresh_runs (run_id) VALUES (v_run);
    DELETE FROM mvdash.materialized_views_refresh_runs r
    WHERE r.started_at < clock_timestamp() - interval '30 days'
      AND NOT EXISTS (SELECT 1 FROM mvdash.materialized_views_refresh_history h
                      WHERE h.run_id = r.run_id);
    RETURN v_run;
END
$$;

-- A new run id for a client that refreshes view by view (mvdash-admin, the dashboard); also
-- closes what earlier runs left 'running'.
CREATE FUNCTION materialized_views_new_run() RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, mvdash, pg_temp AS $$
BEGIN
    PERFORM mvdash.materialized_views_close_interrupted();
    RETURN mvdash.materialized_views_register_run();
END
$$;

-- Marks the start of a view's refresh in its own transaction (the committing procedure and
-- view-by-view clients), so that a crash leaves a visible 'running' row; its commit is
-- durable whatever synchronous_commit says (009). NULL when the view no longer exists
-- (dropped during the run): the caller reports it as skipped and goes on.
CREATE FUNCTION materialized_views_begin_refresh(p_view text, p_run_id bigint)
RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, mvdash, pg_temp AS $$
DECLARE
    v_method text;
    v_id bigint;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM mvdash.materialized_views_refresh_runs r
                   WHERE r.run_id = p_run_id AND r.requested_by = session_user) THEN
        RAISE EXCEPTION 'run % was not started by this role', p_run_id
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'Start a run with materialized_views_new_run().';
    END IF;
    SELECT p.method INTO v_method FROM mvdash.materialized_views_refresh_plan() p
    WHERE p.view_name = p_view;
    IF NOT FOUND THEN
        RETURN NULL;
    END IF;
    -- what this session left running is over: it is about to refresh something else
    UPDATE mvdash.materialized_views_refresh_history h
    SET outcome = 'failed', finished_at = clock_timestamp(),
        duration_ms = round(extract(epoch FROM clock_timestamp() - h.started_at) * 1000, 2),
        error = 'interrupted: this session went on without finishing the refresh'
    WHERE h.outcome = 'running' AND h.backend_pid = pg_backend_pid();
    INSERT INTO mvdash.materialized_views_refresh_history (run_id, view_name, method, outcome)
    VALUES (p_run_id, p_view, v_method, 'running')
    RETURNING history_id INTO v_id;
    PERFORM set_config('synchronous_commit', 'on', true);
    RETURN v_id;
END
$$;

-- Closes this session's 'running' row when the refresh statement itself was cancelled or
-- failed outside the refresh function.
CREATE FUNCTION materialized_views_abort_refresh(p_history_id bigint, p_error text)
RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, mvdash, pg_temp AS $$
    UPDATE mvdash.materialized_views_refresh_history h
    SET outcome = 'failed', finished_at = clock_timestamp(),
        duration_ms = round(extract(epoch FROM clock_timestamp() - h.started_at) * 1000, 2),
        error = 'aborted by the client: ' || left(p_error, 500)
    WHERE h.history_id = p_history_id AND h.outcome = 'running'
      AND h.backend_pid = pg_backend_pid()
$$;

-- Refreshes one materialized view of mvdash, named as in pg_matviews: CONCURRENTLY when it
-- is populated and has a unique index, plainly otherwise. A second caller for the same view
-- does not queue: it gets 'skipped' at once, with who holds the view. A failure is recorded
-- and returned, not raised, so a caller refreshing several views goes on with the next one;
-- a cancel (user's or statement_timeout) is recorded as failed 'canceled: ...' and returned
-- too, so that no run ends without a truthful record.
--
-- p_history_id: only a 'running' row this session announced for this view
-- (materialized_views_begin_refresh); history is written by the engine, never rewritten.
-- A view that no longer exists is 'skipped' when the caller announced it (dropped during a
-- run) and an error otherwise (an unknown name).
--
-- The engine's locks are taken at the top level of the caller's transaction (no exception
-- block around them): a row lock taken in a subtransaction shows in pg_locks under no
-- transaction id, and the skipped caller could not say who holds the view.
CREATE FUNCTION mvdash_refresh_view(p_view text, p_run_id bigint, p_history_id bigint,
                                    p_missing_ok boolean)
RETURNS TABLE (view_name text, method text, duration_ms numeric, outcome text, error text)
LANGUAGE plpgsql SET search_path = pg_catalog, mvdash, pg_temp AS $$
#variable_conflict use_column
DECLARE
    v_rel regclass := mvdash.mvdash_matview(p_view);
    v_run bigint := p_run_id;
    v_history bigint;
    v_method text;
    v_started timestamptz;
    v_duration numeric := 0;
    v_outcome text;
    v_error text;
    v_bytes record;
BEGIN
    IF p_history_id IS NOT NULL THEN
        SELECT h.history_id, h.run_id INTO v_history, v_run
        FROM mvdash.materialized_views_refresh_history h
        WHERE h.history_id = p_history_id AND h.view_name = p_view AND h.outcome = 'running'
          AND h.backend_pid = pg_backend_pid()
          AND h.run_id IS NOT DISTINCT FROM coalesce(p_run_id, h.run_id);
        IF v_history IS NULL THEN
            RAISE EXCEPTION 'history row % is not a refresh of % announced by this session',
                            p_history_id, p_view
                USING ERRCODE = 'invalid_parameter_value',
                      HINT = 'Announce it with materialized_views_begin_refresh(view, run) first.';
        END IF;
    END IF;
    IF v_rel IS NULL THEN
        IF NOT p_missing_ok THEN
            RAISE EXCEPTION 'unknown materialized view: %', p_view
                USING ERRCODE = 'undefined_table', HINT = 'materialized views are listed in pg_matviews';
        END IF;
        IF v_history IS NULL THEN
            RETURN; -- dropped between planning and refreshing: nothing to refresh or log
        END IF;
        v_outcome := 'skipped';
        v_error := 'the view no longer exists (dropped during the run)';
        UPDATE mvdash.materialized_views_refresh_history h
        SET outcome = v_outcome, finished_at = clock_timestamp(), duration_ms = 0, error = v_error
        WHERE h.history_id = v_history;
        RETURN QUERY SELECT p_view, NULL::text, 0::numeric, v_outcome, v_error;
        RETURN;
    END IF;
    IF v_run IS NULL THEN
        v_run := mvdash.materialized_views_register_run();
    ELSIF NOT EXISTS (SELECT 1 FROM mvdash.materialized_views_refresh_runs r
                      WHERE r.run_id = v_run AND r.requested_by = session_user) THEN
        RAISE EXCEPTION 'run % was not started by this role', v_run
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'Start a run with materialized_views_new_run().';
    END IF;
    -- a refresh waits for its locks at most a minute unless the caller chose a limit: a lock
    -- request queued by anyone in front of it (CREATE RULE, LOCK) must not hang it for good
    IF current_setting('lock_timeout') IN ('0', '0ms') THEN
        PERFORM set_config('lock_timeout', '1min', true);
    END IF;
    SELECT p.method INTO v_method FROM mvdash.materialized_views_refresh_plan() p
    WHERE p.view_name = p_view;

    -- one refresher per view; the lock ends with the transaction, as the refresh's own locks
    IF NOT mvdash.mvdash_try_refresh_lock(p_view) THEN
        v_outcome := 'skipped';
        v_error := 'another refresh of this view is running ('
                   || coalesce(mvdash.mvdash_refresh_lock_holder(p_view), 'holder unknown') || ')';
        v_started := clock_timestamp();
    ELSE
        IF v_history IS NULL THEN
            INSERT INTO mvdash.materialized_views_refresh_history (run_id, view_name, method, outcome)
            VALUES (v_run, p_view, v_method, 'running')
            RETURNING history_id INTO v_history;
        END IF;
        v_started := clock_timestamp();
        BEGIN
            EXECUTE format('REFRESH MATERIALIZED VIEW %s%s',
                           CASE WHEN v_method = 'concurrently' THEN 'CONCURRENTLY ' END, v_rel);
            v_outcome := 'ok';
        EXCEPTION
            WHEN query_canceled THEN
                v_outcome := 'failed';
                v_error := 'canceled: ' || SQLERRM;
            WHEN OTHERS THEN
                v_outcome := 'failed';
                GET STACKED DIAGNOSTICS v_error = MESSAGE_TEXT;
        END;
        v_duration := round(extract(epoch FROM clock_timestamp() - v_started) * 1000, 2);
    END IF;

    IF v_history IS NULL THEN
        INSERT INTO mvdash.materialized_views_refresh_history
            (run_id, view_name, method, outcome, started_at, finished_at, duration_ms, error)
        VALUES (v_run, p_view, v_method, v_outcome, v_started, clock_timestamp(), v_duration,
                v_error);
    ELSE
        UPDATE mvdash.materialized_views_refresh_history h
        SET outcome = v_outcome, started_at = v_started, finished_at = clock_timestamp(),
            duration_ms = v_duration, error = v_error
        WHERE h.history_id = v_history;
    END IF;

    IF v_outcome = 'ok' THEN
        -- fresh statistics keep the panels' index plans right after a rebuild
        EXECUTE format('ANALYZE %s', v_rel);
        INSERT INTO mvdash.materialized_views_refresh_log AS l
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
        SELECT * INTO v_bytes FROM mvdash.mvdash_relation_bytes(v_rel);
        INSERT INTO mvdash.materialized_views_size_history
            (run_id, view_name, total_bytes, table_bytes, index_bytes, row_estimate)
        SELECT v_run, p_view, v_bytes.total_bytes, v_bytes.table_bytes, v_bytes.index_bytes,
               greatest(c.reltuples, 0)::bigint
        FROM pg_class c WHERE c.oid = v_rel;
    ELSIF v_outcome = 'failed' THEN
        INSERT INTO mvdash.materialized_views_refresh_log AS l
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
    DELETE FROM mvdash.materialized_views_refresh_history h
    WHERE h.view_name = p_view
      AND h.history_id < (SELECT h2.history_id FROM mvdash.materialized_views_refresh_history h2
                          WHERE h2.view_name = p_view
                          ORDER BY h2.history_id DESC
                          OFFSET mvdash.materialized_views_history_limit() - 1 LIMIT 1);
    DELETE FROM mvdash.materialized_views_size_history s
    WHERE s.view_name = p_view
      AND s.sample_id < (SELECT s2.sample_id FROM mvdash.materialized_views_size_history s2
                         WHERE s2.view_name = p_view
                         ORDER BY s2.sample_id DESC
                         OFFSET mvdash.materialized_views_history_limit() - 1 LIMIT 1);

    RETURN QUERY SELECT p_view, v_method, v_duration, v_outcome, v_error;
END
$$;

CREATE FUNCTION refresh_materialized_view(p_view text, p_run_id bigint DEFAULT NULL,
                                          p_history_id bigint DEFAULT NULL)
RETURNS TABLE (view_name text, method text, duration_ms numeric, outcome text, error text)
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, mvdash, pg_temp AS $$
    SELECT * FROM mvdash.mvdash_refresh_view(p_view, p_run_id, p_history_id, p_history_id IS NOT NULL)
$$;

-- How many of the latest runs in a row refreshed nothing: every view of the run skipped
-- (another refresh held it). The schedulers fail once it reaches
-- materialized_views_max_skipped_runs().
CREATE FUNCTION materialized_views_skipped_streak() RETURNS integer
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, mvdash, pg_temp AS $$
DECLARE
    v_streak integer := 0;
    r record;
BEGIN
    FOR r IN SELECT bool_and(h.outcome = 'skipped') AS all_skipped
             FROM mvdash.materialized_views_refresh_history h
             GROUP BY h.run_id
             ORDER BY max(h.history_id) DESC
             LIMIT 1000 LOOP
        EXIT WHEN NOT r.all_skipped;
        v_streak := v_streak + 1;
    END LOOP;
    RETURN v_streak;
END
$$;

-- The guide's entry point: every materialized view of mvdash, dependencies first, one
-- result row per view, in the caller's transaction. One full run at a time: a caller
-- arriving during a run records every view as skipped (with who runs) and returns at once.
-- A cancel ends the run: the view being refreshed is recorded as failed 'canceled', the
-- views after it as skipped, and the call returns those rows (nothing is left unrecorded).
CREATE FUNCTION refresh_aggregate_views()
RETURNS TABLE (view_name text, method text, duration_ms numeric, outcome text, error text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, mvdash, pg_temp AS $$
#variable_conflict use_column
DECLARE
    v_run bigint := mvdash.materialized_views_register_run();
    v_skip text;
    v_row record;
    v record;
BEGIN
    IF NOT mvdash.mvdash_try_refresh_lock('*all*') THEN
        v_skip := 'another refresh_aggregate_views() run is in progress ('
                  || coalesce(mvdash.mvdash_refresh_lock_holder('*all*'), 'holder unknown') || ')';
    ELSE
        PERFORM mvdash.materialized_views_close_interrupted();
    END IF;
    FOR v IN SELECT p.view_name, p.method FROM mvdash.materialized_views_refresh_plan() p
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
END
$$;

-- Named in the guide's troubleshooting; the same as refresh_aggregate_views().
CREATE FUNCTION manual_refresh_all_views()
RETURNS TABLE (view_name text, method text, duration_ms numeric, outcome text, error text)
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, mvdash, pg_temp AS $$
    SELECT * FROM mvdash.refresh_aggregate_views()
$$;

-- The committing form (pg_cron): each view in its own transaction, a durable 'running' row
-- before each. A procedure with transaction control cannot be SECURITY DEFINER nor carry
-- SET: it runs as the caller and calls the definer functions above, schema-qualified.
-- A view dropped during the run is reported (NOTICE) and skipped; a cancel or
-- statement_timeout during a refresh is recorded (failed 'canceled') and committed before
-- the error is raised again; a run in which every view was skipped, for the N-th time in a
-- row, fails.
CREATE PROCEDURE refresh_aggregate_views_committing()
LANGUAGE plpgsql AS $$
DECLARE
    v_run bigint := mvdash.materialized_views_new_run();
    v_history bigint;
    v_refreshed boolean := false;
    v_views integer := 0;
    v_streak integer;
    v_row record;
    v record;
BEGIN
    COMMIT;
    FOR v IN SELECT p.view_name FROM mvdash.materialized_views_refresh_plan() p
             ORDER BY p.refresh_order, p.view_name LOOP
        v_views := v_views + 1;
        v_history := mvdash.materialized_views_begin_refresh(v.view_name, v_run);
        COMMIT;
        IF v_history IS NULL THEN
            RAISE NOTICE 'skipped %: the view no longer exists (dropped during the run)', v.view_name;
            CONTINUE;
        END IF;
        -- no exception block here: the view's lock must be the transaction's own (see
        -- mvdash_refresh_view). A cancel during the REFRESH comes back as a failed row; one
        -- that lands elsewhere aborts the call, and the 'running' row is closed as abandoned.
        SELECT * INTO v_row
        FROM mvdash.refresh_materialized_view(v.view_name, v_run, v_history) r;
        v_refreshed := v_refreshed OR v_row.outcome IN ('ok', 'failed');
        IF v_row.error LIKE 'canceled: %' THEN
            COMMIT;
            RAISE EXCEPTION 'refresh run % %', v_run, v_row.error USING ERRCODE = 'query_canceled';
        END IF;
        COMMIT;
    END LOOP;
    IF v_views > 0 AND NOT v_refreshed THEN
        v_streak := mvdash.materialized_views_skipped_streak();
        IF v_streak >= mvdash.materialized_views_max_skipped_runs() THEN
            RAISE EXCEPTION 'no view refreshed in the last % runs: every view was skipped', v_streak
                USING ERRCODE = 'lock_not_available',
                      HINT = 'See the error column of materialized_views_refresh_history for who holds them.';
        END IF;
    END IF;
END
$$;

------------------------------------------------------------------------------------------
-- Monitoring
------------------------------------------------------------------------------------------

-- Bytes of the three event tables together (all shards on Citus).
CREATE FUNCTION event_tables_bytes() RETURNS bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, mvdash, pg_temp AS $$
    SELECT sum((mvdash.mvdash_relation_bytes(t)).total_bytes)::bigint
    FROM unnest(ARRAY['public.bet_events'::regclass, 'public.balance_events'::regclass,
                      'public.payment_events'::regclass]) AS t
$$;

CREATE FUNCTION materialized_view_sizes()
RETURNS TABLE (view_name text, total_bytes bigint, table_bytes bigint, index_bytes bigint,
               index_count integer, row_estimate bigint, populated boolean,
               has_unique_index boolean, last_refreshed_at timestamptz,
               share_of_event_tables numeric)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, mvdash, pg_temp AS $$
BEGIN
    RETURN QUERY
    WITH events AS (SELECT nullif(mvdash.event_tables_bytes(), 0) AS bytes)
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
    FROM mvdash.materialized_views_refresh_plan() p
    JOIN pg_class c ON c.relname = p.view_name AND c.relnamespace = 'mvdash'::regnamespace
    CROSS JOIN LATERAL mvdash.mvdash_relation_bytes(c.oid) b
    CROSS JOIN events
    LEFT JOIN mvdash.materialized_views_refresh_log l ON l.view_name = p.view_name
    ORDER BY b.total_bytes DESC, p.view_name;
END
$$;

CREATE FUNCTION materialized_views_size_ratio(OUT views_bytes bigint,
                                              OUT event_tables_bytes bigint,
                                              OUT ratio numeric)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, mvdash, pg_temp AS $$
    SELECT v.bytes, e.bytes, round(v.bytes::numeric / nullif(e.bytes, 0), 4)
    FROM (SELECT coalesce(sum(s.total_bytes), 0)::bigint AS bytes
          FROM mvdash.materialized_view_sizes() s) v,
         (SELECT mvdash.event_tables_bytes() AS bytes) e
$$;

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
FROM mvdash.materialized_views_refresh_plan() p
LEFT JOIN mvdash.materialized_views_refresh_log l ON l.view_name = p.view_name;

-- Support's freshness diagnostic (see 004): a user's events with a timestamp after p_since.
CREATE FUNCTION user_events_since(p_tenant_id bigint, p_user_id text, p_since timestamptz,
                                  OUT bet_events bigint, OUT balance_events bigint,
                                  OUT payment_events bigint)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, mvdash, pg_temp AS $$
DECLARE
    v_since_ms bigint := (extract(epoch FROM p_since) * 1000)::bigint;
BEGIN
    SELECT count(*) INTO bet_events FROM public.bet_events e
    WHERE e.tenant_id = p_tenant_id AND e.user_id = p_user_id AND e.event_timestamp > v_since_ms;
    SELECT count(*) INTO balance_events FROM public.balance_events e
    WHERE e.tenant_id = p_tenant_id AND e.user_id = p_user_id AND e.event_timestamp > v_since_ms;
    SELECT count(*) INTO payment_events FROM public.payment_events e
    WHERE e.tenant_id = p_tenant_id AND e.user_id = p_user_id AND e.event_timestamp > v_since_ms;
END
$$;

-- The guide's tip 4: a per-tenant copy of a base view with the base view's unique key, for a
-- tenant that exists. Asked again for a copy that exists, it puts back a missing key.
CREATE FUNCTION create_tenant_view(p_view text, p_tenant_id bigint) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, mvdash, pg_temp AS $$
DECLARE
    v_base regclass := mvdash.mvdash_matview(p_view);
    v_name text := p_view || '_tenant_' || p_tenant_id;
    v_key text;
BEGIN
    IF v_base IS NULL OR p_view ~ '_tenant_[0-9]+$' THEN
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
    IF mvdash.mvdash_matview(v_name) IS NULL THEN
        EXECUTE format('CREATE MATERIALIZED VIEW mvdash.%I AS SELECT * FROM %s WHERE tenant_id = %s',
                       v_name, v_base, p_tenant_id);
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'mvdash_reader') THEN
            EXECUTE format('GRANT SELECT ON mvdash.%I TO mvdash_reader', v_name);
        END IF;
    END IF;
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

CREATE FUNCTION drop_tenant_view(p_view text, p_tenant_id bigint) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, mvdash, pg_temp AS $$
DECLARE
    v_name text := p_view || '_tenant_' || p_tenant_id;
BEGIN
    IF mvdash.mvdash_matview(v_name) IS NULL OR p_view ~ '_tenant_[0-9]+$' THEN
        RAISE EXCEPTION 'no per-tenant view %', v_name USING ERRCODE = 'undefined_table';
    END IF;
    EXECUTE format('DROP MATERIALIZED VIEW mvdash.%I', v_name);
    DELETE FROM mvdash.materialized_views_refresh_log l WHERE l.view_name = v_name;
    RETURN v_name;
END
$$;

------------------------------------------------------------------------------------------
-- Tenant administrators
------------------------------------------------------------------------------------------

-- The tenants granted to the role that logged in (session_user: inside these functions
-- current_user is their owner), directly or through a role it inherits from.
CREATE FUNCTION mvdash_session_tenants() RETURNS bigint[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, mvdash, pg_temp AS $$
    SELECT coalesce(array_agg(DISTINCT g.tenant_id), '{}')
    FROM mvdash.mvdash_tenant_grants g
    JOIN pg_roles r ON r.oid = g.role_oid
    WHERE pg_has_role(session_user, r.oid, 'USAGE')
$$;

-- Why a role may not be a tenant administrator, or NULL: it reads or could come to read more
-- than its tenants (superuser, CREATEROLE, BYPASSRLS, a member of a role that reads every
-- tenant or owns the schema, or one that can grant such a role).
CREATE FUNCTION mvdash_tenant_role_refusal(p_role oid) RETURNS text
LANGUAGE sql STABLE SET search_path = pg_catalog, mvdash, pg_temp AS $$
    WITH wide AS (
        SELECT r.oid, r.rolname FROM pg_roles r
        WHERE r.rolsuper OR r.rolcreaterole OR r.rolbypassrls OR r.rolreplication
           OR r.rolname IN ('mvdash_reader', 'mvdash_operator', 'pg_read_all_data',
                            'pg_write_all_data', 'pg_read_server_files', 'pg_write_server_files',
                            'pg_execute_server_program', 'pg_read_all_stats', 'pg_monitor',
                            'pg_signal_backend')
           OR r.oid = (SELECT n.nspowner FROM pg_namespace n WHERE n.nspname = 'mvdash')
           OR r.oid = (SELECT d.datdba FROM pg_database d WHERE d.datname = current_database())
    )
    SELECT reason FROM (
    SELECT CASE
        WHEN r.rolsuper THEN 'is a superuser'
        WHEN r.rolcreaterole THEN 'has CREATEROLE (it could grant itself any role)'
        WHEN r.rolbypassrls THEN 'has BYPASSRLS'
        WHEN r.rolreplication THEN 'has REPLICATION (a base backup holds every tenant)'
        ELSE (SELECT format('is a member of %s, which reads every tenant or can become a role that does',
                            w.rolname)
              FROM wide w WHERE pg_has_role(p_role, w.oid, 'MEMBER') LIMIT 1)
    END
    FROM pg_roles r WHERE r.oid = p_role
    UNION ALL
    -- a privilege of its own (or inherited) on the event store or on mvdash's relations
    SELECT format('has privileges on %s, which holds every tenant', c.oid::regclass)
    FROM pg_class c
    WHERE (c.relnamespace = 'mvdash'::regnamespace
           OR c.oid IN ('public.tenants'::regclass, 'public.bet_events'::regclass,
                        'public.balance_events'::regclass, 'public.payment_events'::regclass))
      AND c.relkind IN ('r', 'v', 'm', 'p')
      AND has_table_privilege(p_role, c.oid, 'SELECT, INSERT, UPDATE, DELETE, TRUNCATE')
    UNION ALL
    SELECT format('may grant membership in %s (ADMIN OPTION)', g.rolname)
    FROM pg_auth_members m
    JOIN pg_roles g ON g.oid = m.roleid
    WHERE m.admin_option AND pg_has_role(p_role, m.member, 'MEMBER')
      AND (EXISTS (SELECT 1 FROM wide w WHERE pg_has_role(g.oid, w.oid, 'MEMBER')))
    ) AS reasons (reason)
    WHERE reason IS NOT NULL
    LIMIT 1
$$;

-- grant_tenant / revoke_tenant: run by the owner (mvdash-admin grant-tenant). Grants are kept
-- by role OID; grants of roles that no longer exist are dropped on the way.
CREATE FUNCTION grant_tenant(p_role text, p_tenant_id bigint) RETURNS text
LANGUAGE plpgsql SET search_path = pg_catalog, mvdash, pg_temp AS $$
DECLARE
    v_role oid;
    v_refusal text;
BEGIN
    SELECT r.oid INTO v_role FROM pg_roles r WHERE r.rolname = p_role;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'role "%" does not exist', p_role
            USING ERRCODE = 'undefined_object', HINT = 'Create the login role first.';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM public.tenants t WHERE t.tenant_id = p_tenant_id) THEN
        RAISE EXCEPTION 'tenant % does not exist', p_tenant_id USING ERRCODE = 'no_data_found';
    END IF;
    v_refusal := mvdash.mvdash_tenant_role_refusal(v_role);
    IF v_refusal IS NOT NULL THEN
        RAISE EXCEPTION 'role "%" cannot be a tenant administrator: it %', p_role, v_refusal
            USING ERRCODE = 'invalid_grant_operation',
                  HINT = 'A tenant administrator needs a plain login role of its own.';
    END IF;
    DELETE FROM mvdash.mvdash_tenant_grants g
    WHERE NOT EXISTS (SELECT 1 FROM pg_roles r WHERE r.oid = g.role_oid);
    INSERT INTO mvdash.mvdash_tenant_grants (role_oid, tenant_id) VALUES (v_role, p_tenant_id)
    ON CONFLICT DO NOTHING;
    EXECUTE format('GRANT mvdash_tenant TO %I', p_role);
    EXECUTE format('ALTER ROLE %I IN DATABASE %I SET search_path = tenant_scope', p_role,
                   current_database());
    RETURN format('%s may read tenant %s', p_role, p_tenant_id);
END
$$;

CREATE FUNCTION revoke_tenant(p_role text, p_tenant_id bigint) RETURNS text
LANGUAGE plpgsql SET search_path = pg_catalog, mvdash, pg_temp AS $$
DECLARE
    v_role oid := (SELECT r.oid FROM pg_roles r WHERE r.rolname = p_role);
BEGIN
    DELETE FROM mvdash.mvdash_tenant_grants g WHERE g.role_oid = v_role AND g.tenant_id = p_tenant_id;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'role "%" has no grant for tenant %', p_role, p_tenant_id
            USING ERRCODE = 'no_data_found';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM mvdash.mvdash_tenant_grants g WHERE g.role_oid = v_role) THEN
        EXECUTE format('REVOKE mvdash_tenant FROM %I', p_role);
        EXECUTE format('ALTER ROLE %I IN DATABASE %I RESET search_path', p_role,
                       current_database());
    END IF;
    RETURN format('%s may no longer read tenant %s', p_role, p_tenant_id);
END
$$;

-- tenant_scope: relations named like the ones the dashboard reads, each a view over a
-- PL/pgSQL function that returns the rows of the caller's tenants and nothing else. The
-- planner never sees the shared relation behind it (EXPLAIN shows a Function Scan with a
-- fixed estimate, ANALYZE only the caller's own rows), and seq scans are off inside, so even
-- the time taken depends on the caller's rows. Columns are listed from the base view at
-- migration time; a column added to a base view later must be added here by its migration
-- (tst_tenant_isolation compares the columns).
DO $scoped$
DECLARE
    v text;
    v_cols text;
    v_typed text;
BEGIN
    FOREACH v IN ARRAY ARRAY['tenants_summary_view', 'tenant_bet_status_view', 'bets_view',
                             'user_balances_view', 'payments_view', 'user_activity_view'] LOOP
        SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY a.attnum),
               string_agg(quote_ident(a.attname) || ' ' || format_type(a.atttypid, a.atttypmod),
                          ', ' ORDER BY a.attnum)
        INTO v_cols, v_typed
        FROM pg_attribute a
        WHERE a.attrelid = format('mvdash.%I', v)::regclass AND a.attnum > 0 AND NOT a.attisdropped;
        EXECUTE format(
            'CREATE FUNCTION tenant_scope.%I() RETURNS TABLE (%s) '
            'LANGUAGE plpgsql STABLE SECURITY DEFINER ROWS 1000 '
            'SET search_path = pg_catalog, mvdash, pg_temp SET enable_seqscan = off AS $f$ '
            'BEGIN RETURN QUERY SELECT %s FROM mvdash.%I v '
            'WHERE v.tenant_id = ANY (mvdash.mvdash_session_tenants()); END $f$',
            'scoped_' || v, v_typed, 'v.' || replace(v_cols, ', ', ', v.'), v);
        EXECUTE format('CREATE VIEW tenant_scope.%I AS SELECT %s FROM tenant_scope.%I()',
                       v, v_cols, 'scoped_' || v);
    END LOOP;
END
$scoped$;

CREATE FUNCTION tenant_scope.scoped_tenants()
RETURNS TABLE (tenant_id bigint, tenant_name varchar, slug varchar, status varchar, plan varchar)
LANGUAGE plpgsql STABLE SECURITY DEFINER ROWS 10
SET search_path = pg_catalog, mvdash, pg_temp AS $$
BEGIN
    RETURN QUERY SELECT s.tenant_id, s.tenant_name, s.slug, s.status, s.plan
    FROM mvdash.tenants_summary_view s
    WHERE s.tenant_id = ANY (mvdash.mvdash_session_tenants());
END
$$;
CREATE VIEW tenant_scope.tenants AS
SELECT tenant_id, tenant_name, slug, status, plan FROM tenant_scope.scoped_tenants();

-- When the shared views were refreshed (the "as of" of every answer): the base views only.
CREATE FUNCTION tenant_scope.scoped_refresh_log()
RETURNS TABLE (view_name text, last_refreshed_at timestamptz)
LANGUAGE plpgsql STABLE SECURITY DEFINER ROWS 6
SET search_path = pg_catalog, mvdash, pg_temp AS $$
BEGIN
    RETURN QUERY SELECT l.view_name, l.last_refreshed_at
    FROM mvdash.materialized_views_refresh_log l
    WHERE l.view_name IN ('bets_view', 'user_balances_view', 'payments_view',
                          'user_activity_view', 'tenants_summary_view', 'tenant_bet_status_view');
END
$$;
CREATE VIEW tenant_scope.materialized_views_refresh_log AS
SELECT view_name, last_refreshed_at FROM tenant_scope.scoped_refresh_log();

-- Support's "events after the refresh" for a user of a granted tenant; nulls otherwise.
CREATE FUNCTION tenant_scope.user_events_since(p_tenant_id bigint, p_user_id text,
                                               p_since timestamptz, OUT bet_events bigint,
                                               OUT balance_events bigint,
                                               OUT payment_events bigint)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, mvdash, pg_temp AS $$
BEGIN
    IF p_tenant_id = ANY (mvdash.mvdash_session_tenants()) THEN
        SELECT e.bet_events, e.balance_events, e.payment_events
        INTO bet_events, balance_events, payment_events
        FROM mvdash.user_events_since(p_tenant_id, p_user_id, p_since) e;
    END IF;
END
$$;

-- Roles that were granted tenants: tenant_scope only (it was first on their path already)
DO $paths$
DECLARE
    r record;
BEGIN
    FOR r IN SELECT DISTINCT ro.rolname FROM mvdash.mvdash_tenant_grants g
             JOIN pg_roles ro ON ro.oid = g.role_oid LOOP
        EXECUTE format('ALTER ROLE %I IN DATABASE %I SET search_path = tenant_scope',
                       r.rolname, current_database());
    END LOOP;
END
$paths$;

------------------------------------------------------------------------------------------
-- Locks, privileges, search paths
------------------------------------------------------------------------------------------

INSERT INTO materialized_views_refresh_locks (lock_name)
SELECT '*all*' UNION ALL
SELECT c.relname FROM pg_class c WHERE c.relkind = 'm' AND c.relnamespace = 'mvdash'::regnamespace
ON CONFLICT DO NOTHING;

-- Nothing is executable by PUBLIC; each role gets what it calls.
DO $revoke$
DECLARE
    f record;
BEGIN
    FOR f IN SELECT p.oid::regprocedure AS sig, p.prokind FROM pg_proc p
             WHERE p.pronamespace IN ('mvdash'::regnamespace, 'tenant_scope'::regnamespace) LOOP
        EXECUTE format('REVOKE ALL ON %s %s FROM PUBLIC',
                       CASE WHEN f.prokind = 'p' THEN 'PROCEDURE' ELSE 'FUNCTION' END, f.sig);
    END LOOP;
END
$revoke$;

GRANT SELECT ON bets_view, user_balances_view, payments_view, user_activity_view,
                tenants_summary_view, tenant_bet_status_view, materialized_views_refresh_log,
                materialized_views_refresh_history, materialized_views_size_history,
                materialized_views_status, schema_migrations
    TO mvdash_reader;

GRANT EXECUTE ON FUNCTION materialized_views_refresh_plan(), materialized_views_history_limit(),
                          materialized_views_max_skipped_runs(),
                          materialized_views_skipped_streak(),
                          user_events_since(bigint, text, timestamptz),
                          mvdash_relation_bytes(regclass), event_tables_bytes(),
                          materialized_view_sizes(), materialized_views_size_ratio()
    TO mvdash_reader;
GRANT EXECUTE ON FUNCTION refresh_materialized_view(text, bigint, bigint),
                          refresh_aggregate_views(), manual_refresh_all_views(),
                          materialized_views_new_run(),
                          materialized_views_begin_refresh(text, bigint),
                          materialized_views_abort_refresh(bigint, text),
                          materialized_views_close_interrupted(),
                          create_tenant_view(text, bigint), drop_tenant_view(text, bigint)
    TO mvdash_operator;
GRANT EXECUTE ON PROCEDURE refresh_aggregate_views_committing() TO mvdash_operator;
REVOKE ALL ON SEQUENCE materialized_views_refresh_run_seq FROM mvdash_operator;

GRANT SELECT ON ALL TABLES IN SCHEMA tenant_scope TO mvdash_tenant;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA tenant_scope TO mvdash_tenant;

-- The platform's users (and the guide's queries, verbatim) find mvdash's names with the
-- database's default search_path; mvdash comes before public, so that nothing created in
-- public can stand in for them. Needs the database's owner (or a superuser); otherwise the
-- owner runs the statement in the NOTICE.
DO $path$
BEGIN
    IF pg_has_role((SELECT d.datdba FROM pg_database d WHERE d.datname = current_database()),
                   'MEMBER') THEN
        EXECUTE format('ALTER DATABASE %I SET search_path = "$user", mvdash, public',
                       current_database());
    ELSE
        RAISE NOTICE 'run as the database owner: ALTER DATABASE % SET search_path = "$user", mvdash, public',
                     quote_ident(current_database());
    END IF;
END
$path$;
