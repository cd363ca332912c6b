-- A refresh analyzes its view when autovacuum would, not after every refresh.
--
-- mvdash_refresh_view() (010) ended each successful refresh with an ANALYZE of the view, for
-- the panels' index plans right after a rebuild. A CONCURRENTLY refresh, the guide's every 5
-- minutes, mostly changes a few rows, and its ANALYZE then computed the statistics it already
-- had: at 10M events 0.26 s for bets_view, 0.22 payments_view, 0.09 user_balances_view, 0.11
-- user_activity_except_bets, 0.13 user_activity_view, every run, and on *Refresh all*'s
-- longest chain of views (payments, balances, the part, user_activity_view: each waits for the
-- one before) about half a second of its 18-21 s (docs/BENCHMARKS.md).
--
-- Now the ANALYZE runs by autovacuum's rule, as the live rebuild's does (027), without its
-- base of 50 rows: when the rows this refresh changed (its inserts and deletes, this
-- transaction's counts) pass autovacuum_analyze_scale_factor (10%) of the view's rows. A small
-- view (tenants_summary_view's few dozen rows, analyzed in a millisecond) so keeps exact
-- figures after its first population by a concurrent refresh, as before (with the base, its
-- 27 new rows of a fresh database were under 50: "0 rows" in status until autovacuum). Always
-- after a plain refresh (a new heap: the first population, a view without a unique index),
-- for a view never analyzed, and when autovacuum will not come by (off, for the server or that
-- view): then as before. Below the rule the changes of many refreshes add up in the view's
-- count of changes since its last ANALYZE, and autovacuum analyzes it once they pass the rule.
-- (That count is not added here: a transaction's own changes reach it at the commit, after its
-- ANALYZE has set it to 0, so the count after an analyzed refresh is that refresh's changes,
-- already analyzed; measured: 1000 after a plain refresh of 1000 rows and its ANALYZE. And on
-- PostgreSQL 15 the transaction's counts also hold the same session's changes of the last
-- second or so, not yet reported: a refresh right after another of the same view in one
-- session may count the first one's rows too, and analyze once more than needed.)

-- And a refresh records where the arrival order stood when it began, for support's "how
-- fresh is this user's answer" in matview mode.
--
-- The User panel says, in matview mode, how many of the user's events are not in the figures
-- yet: user_events_since() (004, 010) counted the events whose event_timestamp is after the
-- views' refresh. The spec's events arrive out of order: an event that arrives after the
-- refresh with an earlier timestamp (a late one, a writer's clock behind) was left out of that
-- count, and support read "0 events not in these figures" while one was missing; an event
-- with a timestamp ahead was counted after the refresh had it. Since 011 every event has an
-- arrival (arrival_id, from mvdash.event_arrival_seq, in both modes). Now each successful
-- refresh records in the log the arrival order's last value taken just before it
-- (last_arrival), and the count is of the user's events past the oldest such value of the
-- views the lookup reads and the part one of them reads (020). What it cannot see, as a
-- refresh does not wait for writers: an event of a writer still in its transaction when the
-- refresh began, with an arrival taken before it (live mode's watermark waits for those; a
-- refresh waiting for them would wait on every batch, for each view); the panel says so.
-- Counted by their timestamp, as before: events past the coordinator's order (written through
-- a Citus worker: LIVE.md, "What writers must do"); everything until the views' first refresh
-- after this migration, after a refresh in a REPEATABLE READ transaction (whose REFRESH reads
-- the transaction's older snapshot: no arrival logged), and after `convert --to matview` until
-- the views are refreshed (the live steps left the log's arrival behind).

ALTER TABLE materialized_views_refresh_log ADD COLUMN last_arrival bigint;
COMMENT ON COLUMN materialized_views_refresh_log.last_arrival IS
    'the arrival order''s last value (mvdash.event_arrival_seq) just before the view''s last '
    'successful refresh: an event with a later arrival is not in the view';

-- Whether the view just refreshed (in this transaction) is to be analyzed now.
CREATE FUNCTION mvdash_refresh_needs_analyze(p_rel regclass, p_method text) RETURNS boolean
LANGUAGE plpgsql SET search_path = pg_catalog, mvdash, pg_temp AS $$
DECLARE
    v_rel pg_class;
    v_changed float8;
    -- the view's own storage parameters, as autovacuum reads them (any spelling of a boolean)
    v_option text;
    v_enabled boolean;
    v_scale float8 := current_setting('autovacuum_analyze_scale_factor')::float8;
BEGIN
    SELECT * INTO v_rel FROM pg_class c WHERE c.oid = p_rel;
    IF p_method IS DISTINCT FROM 'concurrently' OR NOT FOUND OR v_rel.reltuples < 0
       OR NOT current_setting('autovacuum')::boolean
       OR NOT current_setting('track_counts')::boolean THEN
        RETURN true;
    END IF;
    FOR v_option IN SELECT o.option_name || '=' || o.option_value
                    FROM pg_options_to_table(v_rel.reloptions) o LOOP
        CASE split_part(v_option, '=', 1)
            WHEN 'autovacuum_enabled' THEN v_enabled := split_part(v_option, '=', 2)::boolean;
            WHEN 'autovacuum_analyze_scale_factor' THEN
                v_scale := split_part(v_option, '=', 2)::float8;
            ELSE NULL;
        END CASE;
    END LOOP;
    IF NOT coalesce(v_enabled, true) THEN
        RETURN true;
    END IF;
    v_changed := pg_stat_get_xact_tuples_inserted(p_rel) + pg_stat_get_xact_tuples_deleted(p_rel)
                 + pg_stat_get_xact_tuples_updated(p_rel);
    RETURN v_changed > v_scale * v_rel.reltuples;
END
$$;
REVOKE ALL ON FUNCTION mvdash_refresh_needs_analyze(regclass, text) FROM PUBLIC;

-- 010's function with those two changes. CREATE OR REPLACE keeps its privileges, not its
-- settings (023's work_mem, or the figure an operator gave it as the doctor advises): they are
-- kept aside here and given back below.
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

-- Support's diagnostic by arrival (above). p_since is the views' refresh as user_freshness.sql
-- gives it, the oldest of the four views the lookup reads; when the log has an arrival for
-- each of them and p_since is that refresh, the events past the oldest arrival are counted,
-- and those past the coordinator's arrival order by their timestamp; otherwise every event by
-- its timestamp, as 010 did. Each count is planned for its values (force_custom_plan): the
-- planner reads either the user's events (index on tenant, user, timestamp) or the arrivals
-- since the refresh (index on arrival_id), whichever are fewer; on the demo at 10M events the
-- busiest user has 32,109 bets, which read one by one for their arrival took 56-70 ms.
-- CREATE OR REPLACE keeps 010's privileges, and tenant_scope's function, which calls this
-- one, keeps its check of the caller's tenant.
CREATE OR REPLACE FUNCTION user_events_since(p_tenant_id bigint, p_user_id text,
                                             p_since timestamptz, OUT bet_events bigint,
                                             OUT balance_events bigint,
                                             OUT payment_events bigint)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, mvdash, pg_temp SET plan_cache_mode = force_custom_plan AS $$
DECLARE
    v_since_ms bigint := (extract(epoch FROM p_since) * 1000)::bigint;
    v_arrival bigint;
    -- past this, an arrival was taken by no writer through the coordinator
    v_latest bigint := coalesce(pg_sequence_last_value('mvdash.event_arrival_seq'), 0);
BEGIN
    -- the four views' refresh, and the oldest arrival of theirs and of the parts they read
    -- (user_activity_view is as new as its part); none when any of them was last brought up
    -- to date by a live step (its arrival is older: after convert --to matview) or has none
    SELECT CASE WHEN count(l.last_arrival) = count(*)
                     AND count(*) = 4 + (SELECT count(*) FROM mvdash.read_model_parts)
                     AND bool_and(l.last_method IS DISTINCT FROM 'live')
                     AND min(l.last_refreshed_at) FILTER (WHERE l.view_name IN (
                             'bets_view', 'payments_view', 'user_balances_view',
                             'user_activity_view')) = p_since
                THEN min(l.last_arrival) END
    INTO v_arrival
    FROM mvdash.materialized_views_refresh_log l
    WHERE l.view_name IN ('bets_view', 'payments_view', 'user_balances_view',
                          'user_activity_view')
       OR l.view_name IN (SELECT p.part_name FROM mvdash.read_model_parts p);
    IF v_arrival IS NULL THEN
        v_arrival := v_latest; -- by timestamp only (below)
        v_latest := -1;
    END IF;
    SELECT (SELECT count(*) FROM public.bet_events e
            WHERE e.tenant_id = p_tenant_id AND e.user_id = p_user_id
              AND e.arrival_id > v_arrival AND e.arrival_id <= v_latest)
         + (SELECT count(*) FROM public.bet_events e
            WHERE e.tenant_id = p_tenant_id AND e.user_id = p_user_id
              AND e.arrival_id > v_latest AND e.event_timestamp > v_since_ms)
    INTO bet_events;
    SELECT (SELECT count(*) FROM public.balance_events e
            WHERE e.tenant_id = p_tenant_id AND e.user_id = p_user_id
              AND e.arrival_id > v_arrival AND e.arrival_id <= v_latest)
         + (SELECT count(*) FROM public.balance_events e
            WHERE e.tenant_id = p_tenant_id AND e.user_id = p_user_id
              AND e.arrival_id > v_latest AND e.event_timestamp > v_since_ms)
    INTO balance_events;
    SELECT (SELECT count(*) FROM public.payment_events e
            WHERE e.tenant_id = p_tenant_id AND e.user_id = p_user_id
              AND e.arrival_id > v_arrival AND e.arrival_id <= v_latest)
         + (SELECT count(*) FROM public.payment_events e
            WHERE e.tenant_id = p_tenant_id AND e.user_id = p_user_id
              AND e.arrival_id > v_latest AND e.event_timestamp > v_since_ms)
    INTO payment_events;
END
$$;
