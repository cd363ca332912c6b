-- A refresh that gives up on a lock says whose it was (ops: "which session do I end?").
--
-- A refresh waits for its locks at most a minute (010; mvdash-admin refresh --lock-timeout),
-- then fails with PostgreSQL's words alone: "canceling statement due to lock timeout". That was
-- all the refresh log, the Refresh panel and the doctor's refresh.failing could show, and by
-- the time ops looked, the session had often gone. The usual holders: a reader's transaction
-- left open (a plain REFRESH needs ACCESS EXCLUSIVE), an index build or an ALTER, and since an
-- attack found on 2026-12-01 any role at all: nextval(<a relation's oid>) takes a writer's lock
-- on any relation for the whole transaction before it checks the privilege or the relation's
-- kind, and a savepoint that catches the error keeps it (RELIABILITY.md), which makes every
-- REFRESH ... CONCURRENTLY of that view wait.
--
-- Now the failure names them, as the live steps name the writers they wait for (038): "canceling
-- statement due to lock timeout (held by pid 4711, role bi_tool, transaction open since
-- 2026-12-01 07:50:01 UTC)". Those are the sessions and prepared transactions that, as the
-- timeout struck, held or were queued ahead for a lock on the view that the refresh's conflicts
-- with (for a plain refresh, on its indexes too), or an ACCESS EXCLUSIVE lock on a relation the
-- view reads. A reader queued behind the refresh may be granted as its request is withdrawn and
-- be listed too. A function owner without pg_read_all_stats sees the pid and role only.

CREATE FUNCTION relation_lock_holders(p_rel regclass, p_mode text) RETURNS text
LANGUAGE sql STABLE SET search_path = pg_catalog, mvdash, pg_temp AS $$
    WITH read_by_the_view (rel) AS (
        SELECT d.refobjid
        FROM pg_depend d JOIN pg_rewrite r ON r.oid = d.objid
        WHERE d.classid = 'pg_rewrite'::regclass AND r.ev_class = p_rel
          AND d.refclassid = 'pg_class'::regclass AND d.refobjid <> p_rel),
    -- a plain REFRESH rebuilds the view's indexes under ACCESS EXCLUSIVE too
    rebuilt_indexes (rel) AS (
        SELECT i.indexrelid FROM pg_index i
        WHERE i.indrelid = p_rel AND p_mode = 'AccessExclusiveLock'),
    holders AS (
        SELECT DISTINCT ON (l.virtualtransaction) l.pid, a.usename, a.backend_type, a.xact_start,
                                                  l.granted
        FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid
        WHERE l.locktype = 'relation'
          AND l.database = (SELECT d.oid FROM pg_database d WHERE d.datname = current_database())
          AND l.pid IS DISTINCT FROM pg_backend_pid()
          -- (a plain REFRESH's ACCESS EXCLUSIVE conflicts with every lock; a concurrent one's
          -- EXCLUSIVE with every lock but ACCESS SHARE: readers go on)
          AND ((l.relation = p_rel
                AND (p_mode = 'AccessExclusiveLock' OR l.mode <> 'AccessShareLock'))
               OR l.relation IN (SELECT i.rel FROM rebuilt_indexes i)
               OR (l.relation IN (SELECT v.rel FROM read_by_the_view v)
                   AND l.mode = 'AccessExclusiveLock'))
        ORDER BY l.virtualtransaction, l.granted DESC)
    SELECT string_agg(
               CASE WHEN h.pid IS NULL
                    THEN 'a prepared transaction (see pg_prepared_xacts; ROLLBACK PREPARED ends it)'
                    ELSE format('pid %s, role %s', h.pid, coalesce(h.usename::text, h.backend_type))
                         || coalesce(', transaction open since '
                                     || to_char(h.xact_start, 'YYYY-MM-DD HH24:MI:SS TZ'), '')
                         || CASE WHEN h.granted THEN '' ELSE ', queued ahead' END
               END, '; ' ORDER BY h.granted DESC, h.xact_start NULLS LAST)
    FROM holders h
$$;
REVOKE ALL ON FUNCTION relation_lock_holders(regclass, text) FROM PUBLIC;

-- 031's function with the holders in a lock timeout's error. CREATE OR REPLACE keeps its
-- privileges, not its settings (023's work_mem, or the figure an operator gave it as the
-- doctor advises): they are kept aside here and given back below, as 031 did.
CREATE TEMP TABLE refresh_view_settings ON COMMIT DROP AS
SELECT o.option_name, o.option_value
FROM pg_proc p, pg_options_to_table(p.proconfig) o
WHERE p.oid = 'mvdash.mvdash_refresh_view(text, bigint, bigint, boolean)'::regprocedure
  AND o.option_name <> 'search_path';

CREATE OR REPLACE FUNCTION mvdash_refresh_view(p_view text, p_run_id bigint, p_history_id bigint,
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
    v_arrival bigint;
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
        -- (before the REFRESH takes its snapshot: what it reads has at most this arrival,
        -- but for writers still open now; 031)
        -- (under REPEATABLE READ the REFRESH reads the transaction's older snapshot: none)
        v_arrival := CASE WHEN current_setting('transaction_isolation') = 'read committed'
                          THEN coalesce(pg_sequence_last_value('mvdash.event_arrival_seq'), 0)
                     END;
        v_started := clock_timestamp();
        BEGIN
            EXECUTE format('REFRESH MATERIALIZED VIEW %s%s',
                           CASE WHEN v_method = 'concurrently' THEN 'CONCURRENTLY ' END, v_rel);
            v_outcome := 'ok';
        EXCEPTION
            WHEN query_canceled THEN
                v_outcome := 'failed';
                v_error := 'canceled: ' || SQLERRM;
            WHEN lock_not_available THEN
                -- whom it waited for, while they are still there
                v_outcome := 'failed';
                v_error := SQLERRM || coalesce(
                               ' (held by ' || mvdash.relation_lock_holders(
                                   v_rel, CASE WHEN v_method = 'concurrently'
                                               THEN 'ExclusiveLock'
                                               ELSE 'AccessExclusiveLock' END) || ')', '');
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
        -- fresh statistics keep the panels' index plans right after a rebuild; after a
        -- refresh that changed a few rows they are what autovacuum leaves them (031)
        IF mvdash.mvdash_refresh_needs_analyze(v_rel, v_method) THEN
            EXECUTE format('ANALYZE %s', v_rel);
        END IF;
        INSERT INTO mvdash.materialized_views_refresh_log AS l
            (view_name, avg_refresh_time_ms, refresh_count, last_refreshed_at,
             last_duration_ms, last_method, last_outcome, last_error, last_arrival)
        VALUES (p_view, v_duration, 1, v_started, v_duration, v_method, 'ok', NULL, v_arrival)
        ON CONFLICT ON CONSTRAINT materialized_views_refresh_log_pkey DO UPDATE
        SET avg_refresh_time_ms = round((l.avg_refresh_time_ms * l.refresh_count
                                         + excluded.avg_refresh_time_ms)
                                        / (l.refresh_count + 1), 2),
            refresh_count = l.refresh_count + 1,
            last_refreshed_at = excluded.last_refreshed_at,
            last_duration_ms = excluded.last_duration_ms,
            last_method = excluded.last_method,
            last_outcome = 'ok',
            last_error = NULL,
            last_arrival = excluded.last_arrival;
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

DO $settings$
DECLARE
    v record;
BEGIN
    FOR v IN SELECT * FROM pg_temp.refresh_view_settings LOOP
        EXECUTE format('ALTER FUNCTION mvdash.mvdash_refresh_view(text, bigint, bigint, boolean) '
                       'SET %I = %L', v.option_name, v.option_value);
    END LOOP;
END
$settings$;
DROP TABLE pg_temp.refresh_view_settings;
