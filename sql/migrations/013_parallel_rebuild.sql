-- A rebuild on several sessions (issue #13's target: a rebuild at 10M events no slower than a
-- plain Refresh all). 012 made the plain-PostgreSQL rebuild build new tables and swap them in,
-- but in one transaction, on one backend: 47 s at 10M events here, where the engine's plain
-- Refresh all refreshes independent matviews on two sessions side by side (31 s).
--
-- Now, on plain PostgreSQL, the rebuild's transaction (it holds the '*live*' lock, fixes the
-- arrival W it builds to, and swaps at its end) hands the work on the new tables to helper
-- sessions, each statement committed on its own into mvdash_staging, which no reader sees:
--   phase 1  the new tables (live_rebuild_stage), emptied
--   phase 2  bets (split in hash parts of bet_id), payments, balances     - from the events
--   phase 3  user activity (hash parts of user_id)                        - from phase 2
--   phase 4  the indexes of the four (after phase 3: a primary key takes an exclusive lock,
--            which would queue user activity's reads behind it)
--   phase 5  in the rebuild's own transaction: the per-tenant tables from the new tables,
--            statistics, the swap (live_rebuild_end)
-- Every statement reads events with arrival_id <= W only, and W is safe (no writer can still
-- commit below it: live_wait_for_writers), so statements committed at different moments
-- build one consistent state. The rebuild's transaction takes no lock on the new tables until
-- its phase 5, so no helper ever waits for it (it would wait for the helpers: a deadlock).
-- A helper that fails fails the rebuild: its transaction rolls back, the old tables stay,
-- and the next rebuild replaces what the helpers left in mvdash_staging. Before the swap the
-- rebuild checks that every new table has its primary key (the last thing built on it).
-- Citus keeps the one-transaction build in place (012: the state tables are distributed, and
-- its shards already spread every statement over the workers).

------------------------------------------------------------------------------------------
-- The statements of a build, split in parts
------------------------------------------------------------------------------------------

-- The condition that keeps one hash part of a key column ('' when the build is not split):
-- every row of one key lands in the same part, in every table a statement reads.
CREATE FUNCTION live_part_filter(p_column text, p_part integer, p_parts integer) RETURNS text
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, mvdash, pg_temp AS $$
    SELECT CASE WHEN p_parts > 1
                THEN format(' AND (pg_catalog.hashtext(%s) & 2147483647) %% %s = %s',
                            p_column, p_parts, p_part)
                ELSE '' END
$$;

DROP FUNCTION live_build_statements(text);

-- 012's statements; bets and user activity take one hash part of their keys when p_parts > 1.
CREATE FUNCTION live_build_statements(p_into text DEFAULT 'mvdash', p_part integer DEFAULT 0,
                                      p_parts integer DEFAULT 1)
RETURNS TABLE (ord integer, label text, statement text)
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, mvdash, pg_temp AS $f$
    SELECT * FROM (VALUES
    (10, 'empty: bets', format($s$DELETE FROM %1$I.live_bets$s$, p_into)),
    (20, 'empty: payments', format($s$DELETE FROM %1$I.live_payments$s$, p_into)),
    (30, 'empty: balances', format($s$DELETE FROM %1$I.live_user_balances$s$, p_into)),
    (40, 'empty: user activity', format($s$DELETE FROM %1$I.live_user_activity$s$, p_into)),
    (50, 'empty: tenant totals', $s$DELETE FROM mvdash.live_tenant_totals$s$),
    (60, 'empty: bets by status', $s$DELETE FROM mvdash.live_tenant_bet_status$s$),
    (70, 'bets', format($s$INSERT INTO %1$I.live_bets (tenant_id, bet_id, user_id, stake, odds, fixture_id, status,
                                   result, payout, last_updated_timestamp, last_updated_at)
     SELECT e.tenant_id, e.bet_id,
            %2$s
     FROM (SELECT b.tenant_id, b.bet_id, b.user_id, b.stake, b.odds, b.fixture_id, b.event_type,
                  b.result, b.payout, b.event_timestamp
           FROM public.bet_events b
           WHERE b.arrival_id <= $2%3$s
           ORDER BY b.tenant_id, b.bet_id, b.event_timestamp DESC, b.event_id DESC) AS e
     GROUP BY e.tenant_id, e.bet_id$s$, p_into, mvdash.live_bet_columns(),
     mvdash.live_part_filter('b.bet_id', p_part, p_parts))),
    (80, 'payments', format($s$INSERT INTO %1$I.live_payments (tenant_id, payment_id, user_id, amount, currency,
                                       payment_method, external_id, payment_type, status,
                                       last_updated_timestamp, last_updated_at)
     SELECT e.tenant_id, e.payment_id,
            %2$s
     FROM (SELECT p.tenant_id, p.payment_id, p.user_id, p.amount, p.currency, p.payment_method,
                  p.external_id, p.payment_type, p.event_type, p.event_timestamp
           FROM public.payment_events p
           WHERE p.arrival_id <= $2
           ORDER BY p.tenant_id, p.payment_id, p.event_timestamp DESC, p.event_id DESC) AS e
     GROUP BY e.tenant_id, e.payment_id$s$, p_into, mvdash.live_payment_columns())),
    (90, 'balances', format($s$INSERT INTO %1$I.live_user_balances (tenant_id, user_id, balance, transaction_count,
                                            last_transaction_timestamp, last_transaction_at)
     SELECT e.tenant_id, e.user_id, sum(e.amount), count(*)::integer, max(e.event_timestamp),
            to_timestamp(max(e.event_timestamp) / 1000.0)
     FROM public.balance_events e
     WHERE e.arrival_id <= $2
     GROUP BY e.tenant_id, e.user_id$s$, p_into)),
    -- every user any event names, with the sums of the models built above: one statement
    -- (011 went through a scratch table: millions of rows written, read and deleted)
    (150, 'user activity', format($s$INSERT INTO %1$I.live_user_activity (tenant_id, user_id, current_balance, total_bets,
                                            total_wagered, total_winnings, total_deposited,
                                            total_withdrawn, last_activity_at)
     SELECT u.tenant_id, u.user_id, sum(u.balance), sum(u.bets)::integer, sum(u.wagered),
            sum(u.winnings), sum(u.deposited), sum(u.withdrawn), max(u.last_ts)
     FROM (SELECT e.tenant_id, e.user_id, 0::numeric AS balance, 0::bigint AS bets,
                  0::numeric AS wagered, 0::numeric AS winnings, 0::numeric AS deposited,
                  0::numeric AS withdrawn, max(e.event_timestamp) AS last_ts
           FROM public.bet_events e WHERE e.arrival_id <= $2%2$s GROUP BY e.tenant_id, e.user_id
           UNION ALL
           SELECT e.tenant_id, e.user_id, 0, 0, 0, 0, 0, 0, max(e.event_timestamp)
           FROM public.payment_events e WHERE e.arrival_id <= $2%3$s GROUP BY e.tenant_id, e.user_id
           UNION ALL
           SELECT b.tenant_id, b.user_id, b.balance, 0, 0, 0, 0, 0, b.last_transaction_timestamp
           FROM %1$I.live_user_balances b WHERE true%4$s
           UNION ALL
           SELECT b.tenant_id, b.user_id, 0, count(*),
                  coalesce(sum(b.stake) FILTER (WHERE b.status NOT IN ('cancelled', 'voided')), 0),
                  coalesce(sum(b.payout) FILTER (WHERE b.status = 'settled' AND b.result = 'win'), 0),
                  0, 0, NULL
           FROM %1$I.live_bets b WHERE true%4$s GROUP BY b.tenant_id, b.user_id
           UNION ALL
           SELECT p.tenant_id, p.user_id, 0, 0, 0, 0,
                  coalesce(sum(p.amount) FILTER (WHERE p.status = 'completed' AND p.payment_type = 'deposit'), 0),
                  coalesce(sum(p.amount) FILTER (WHERE p.status = 'completed' AND p.payment_type = 'withdrawal'), 0),
                  NULL
           FROM %1$I.live_payments p WHERE true%5$s GROUP BY p.tenant_id, p.user_id) AS u
     GROUP BY u.tenant_id, u.user_id$s$, p_into,
     mvdash.live_part_filter('e.user_id', p_part, p_parts),
     mvdash.live_part_filter('e.user_id', p_part, p_parts),
     mvdash.live_part_filter('b.user_id', p_part, p_parts),
     mvdash.live_part_filter('p.user_id', p_part, p_parts))),
    (170, 'tenant totals', format($s$INSERT INTO mvdash.live_tenant_totals (tenant_id, total_bets, total_stake, total_deposits,
                                            total_withdrawals, total_users, total_balance)
     SELECT a.tenant_id, sum(a.total_bets)::integer, sum(a.total_wagered), sum(a.total_deposited),
            sum(a.total_withdrawn), count(*)::integer, sum(a.current_balance)
     FROM %1$I.live_user_activity a GROUP BY a.tenant_id$s$, p_into)),
    (180, 'tenants: active bets', format($s$INSERT INTO mvdash.live_tenant_deltas (tenant_id, d_active)
     SELECT b.tenant_id, count(*)::integer FROM %1$I.live_bets b
     WHERE b.status IN ('placed', 'confirmed') GROUP BY b.tenant_id$s$, p_into)),
    (190, 'tenant totals: active bets', $s$UPDATE mvdash.live_tenant_totals x SET active_bets = d.d_active
     FROM mvdash.live_tenant_deltas d WHERE d.tenant_id = x.tenant_id$s$),
    (200, 'scratch: tenant deltas', $s$DELETE FROM mvdash.live_tenant_deltas$s$),
    (210, 'bets by status', format($s$INSERT INTO mvdash.live_tenant_bet_status (tenant_id, status, bets)
     SELECT b.tenant_id, b.status, count(*) FROM %1$I.live_bets b GROUP BY b.tenant_id, b.status$s$, p_into)),
    -- indexes of the new tables, in bulk once they are full (nothing to do in place)
    (810, 'indexes: bets', $s$SELECT mvdash.live_index_staged('live_bets')$s$),
    (820, 'indexes: payments', $s$SELECT mvdash.live_index_staged('live_payments')$s$),
    (830, 'indexes: balances', $s$SELECT mvdash.live_index_staged('live_user_balances')$s$),
    (840, 'indexes: user activity', $s$SELECT mvdash.live_index_staged('live_user_activity')$s$),
    -- fresh statistics for the panels' plans (and the row estimates ops see), as a refresh of
    -- a matview ends with an ANALYZE. Not on Citus: there the transaction has written the
    -- reference tables' local placement, after which Citus runs no parallel utility command
    -- (the workers' autovacuum analyzes the shards)
    (900, 'statistics: state tables', format($s$DO $a$ BEGIN
         IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_extension WHERE extname = 'citus') THEN
             ANALYZE %1$I.live_bets, %1$I.live_payments, %1$I.live_user_balances,
                 %1$I.live_user_activity, mvdash.live_tenant_bet_status, mvdash.live_tenant_totals;
         END IF;
     END $a$$s$, p_into))
    ) AS s (ord, label, statement) ORDER BY 1
$f$;

-- How a rebuild on several sessions runs the statements: its phase (a phase starts when the
-- one before has finished), whether a helper session runs it (it writes only the new tables
-- in mvdash_staging) or the rebuild's transaction (it writes mvdash's own tables or reads the
-- finished new ones), and whether it can be split in hash parts. On Citus nothing runs on a
-- helper: the build stays in place, in the rebuild's transaction.
CREATE FUNCTION live_build_plan()
RETURNS TABLE (ord integer, label text, phase integer, on_helper boolean, splits boolean)
LANGUAGE sql STABLE SET search_path = pg_catalog, mvdash, pg_temp AS $f$
    SELECT s.ord, s.label, coalesce(p.phase, 5),
           coalesce(p.on_helper, false) AND NOT c.citus, coalesce(p.splits, false) AND NOT c.citus
    FROM mvdash.live_build_statements() s
    CROSS JOIN (SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_extension WHERE extname = 'citus') AS citus) c
    LEFT JOIN (VALUES (10, 1, true, false), (20, 1, true, false), (30, 1, true, false),
                      (40, 1, true, false), (50, 1, false, false), (60, 1, false, false),
                      (70, 2, true, true), (80, 2, true, false), (90, 2, true, false),
                      (150, 3, true, true), (810, 4, true, false), (820, 4, true, false),
                      (830, 4, true, false), (840, 4, true, false))
              AS p (ord, phase, on_helper, splits) ON p.ord = s.ord
    ORDER BY 3, 1
$f$;

------------------------------------------------------------------------------------------
-- The rebuild: begin (optionally without the new tables), stage, helper tasks, end
------------------------------------------------------------------------------------------

-- New, unindexed copies of the swapped tables (columns, types, NOT NULLs); a leftover of an
-- interrupted rebuild is replaced.
CREATE FUNCTION live_create_staged_tables() RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, mvdash, pg_temp AS $$
DECLARE
    v_table text;
BEGIN
    FOREACH v_table IN ARRAY mvdash.live_swapped_tables() LOOP
        EXECUTE format('DROP TABLE IF EXISTS mvdash_staging.%I', v_table);
        EXECUTE format('CREATE TABLE mvdash_staging.%1$I (LIKE mvdash.%1$I INCLUDING DEFAULTS)',
                       v_table);
    END LOOP;
END
$$;

-- The live lock's row, committed: the engine creates a lock's row on first use, in the
-- transaction that takes it, where a helper session could not see who holds it.
INSERT INTO materialized_views_refresh_locks (lock_name) VALUES ('*live*') ON CONFLICT DO NOTHING;

-- A helper may only work for a rebuild that is running: one that holds the '*live*' lock.
CREATE FUNCTION live_check_helper_call() RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, mvdash, pg_temp AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_catalog.pg_extension WHERE extname = 'citus') THEN
        RAISE EXCEPTION 'on Citus a rebuild runs in one transaction'
            USING ERRCODE = 'feature_not_supported';
    END IF;
    IF mvdash.mvdash_refresh_lock_holder('*live*') IS NULL THEN
        RAISE EXCEPTION 'no rebuild is running'
            USING ERRCODE = 'object_not_in_prerequisite_state',
                  HINT = 'Helper statements run on behalf of a rebuild that called live_rebuild_begin(false).';
    END IF;
END
$$;

DROP FUNCTION live_rebuild_begin();

-- 012's begin; p_stage false leaves the new tables to a helper session (live_rebuild_stage):
-- created in this transaction they would be invisible to the helpers until the swap.
CREATE FUNCTION live_rebuild_begin(p_stage boolean DEFAULT true) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, mvdash, pg_temp AS $$
DECLARE
    v_to bigint;
    v_citus boolean := EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'citus');
BEGIN
    IF current_setting('transaction_isolation') <> 'read committed' THEN
        RAISE EXCEPTION 'a rebuild needs READ COMMITTED' USING ERRCODE = 'invalid_transaction_state';
    END IF;
    IF NOT mvdash.mvdash_try_refresh_lock('*live*') THEN
        RAISE EXCEPTION 'a live step is running (%)',
                        coalesce(mvdash.mvdash_refresh_lock_holder('*live*'), 'holder unknown')
            USING ERRCODE = 'lock_not_available', HINT = 'Try again when it has finished.';
    END IF;
    v_to := coalesce(pg_sequence_last_value('mvdash.event_arrival_seq'), 0);
    PERFORM mvdash.live_wait_for_writers('1min');
    IF NOT v_citus AND p_stage THEN
        PERFORM mvdash.live_create_staged_tables();
    END IF;
    PERFORM set_config('mvdash.rebuild_into', CASE WHEN v_citus THEN 'mvdash' ELSE 'mvdash_staging' END, true);
    PERFORM set_config('mvdash.rebuild_to', v_to::text, true);
    PERFORM set_config('mvdash.rebuild_started', clock_timestamp()::text, true);
    RETURN v_to;
END
$$;

-- Phase 1 of a rebuild on several sessions, on a helper (committed: the other helpers see it).
CREATE FUNCTION live_rebuild_stage() RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, mvdash, pg_temp AS $$
BEGIN
    PERFORM mvdash.live_check_helper_call();
    PERFORM mvdash.live_create_staged_tables();
END
$$;

-- One statement (or one hash part of it) of a rebuild on several sessions, on a helper, for
-- the arrival p_to the rebuild's transaction builds to (live_rebuild_begin returned it).
CREATE FUNCTION live_rebuild_task(p_ord integer, p_part integer, p_parts integer, p_to bigint)
RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, mvdash, pg_temp AS $$
DECLARE
    v_plan record;
    v_statement text;
BEGIN
    PERFORM mvdash.live_check_helper_call();
    SELECT p.on_helper, p.splits INTO v_plan FROM mvdash.live_build_plan() p WHERE p.ord = p_ord;
    IF NOT FOUND OR NOT v_plan.on_helper THEN
        RAISE EXCEPTION 'statement % of the build does not run on a helper session', p_ord
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_parts < 1 OR p_part < 0 OR p_part >= p_parts OR (p_parts > 1 AND NOT v_plan.splits) THEN
        RAISE EXCEPTION 'statement % cannot run as part % of %', p_ord, p_part, p_parts
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_to IS NULL OR p_to < 0 OR p_to > coalesce(pg_sequence_last_value('mvdash.event_arrival_seq'), 0) THEN
        RAISE EXCEPTION 'arrival % has not been handed out', p_to
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    PERFORM set_config('mvdash.rebuild_into', 'mvdash_staging', true);
    -- The sessions are the parallelism: parallel workers (of queries and of index builds) on
    -- top of them only compete for the same cores (user activity's two parts side by side at
    -- 10M events: 10.3 s each with workers, 4.6-5.8 s without). And no sort where hashing or an index does: the planner
    -- takes a hash part's filter for 0.5% of the rows and sorts text keys it would hash
    -- (3.7-3.9 s). The orders the build relies on are ORDER BYs, which hold either way.
    PERFORM set_config('max_parallel_workers_per_gather', '0', true);
    PERFORM set_config('max_parallel_maintenance_workers', '0', true);
    PERFORM set_config('enable_sort', 'off', true);
    SELECT s.statement INTO STRICT v_statement
    FROM mvdash.live_build_statements('mvdash_staging', p_part, p_parts) s WHERE s.ord = p_ord;
    EXECUTE v_statement USING -1::bigint, p_to;
    PERFORM set_config('mvdash.rebuild_into', '', true);
END
$$;

-- 012's end, which now first checks that every new table is complete: its primary key is the
-- last thing built on it (a rebuild whose helpers did not finish must not swap).
CREATE OR REPLACE FUNCTION live_rebuild_end() RETURNS TABLE (events bigint, applied_arrival bigint, duration_ms numeric)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, mvdash, pg_temp AS $$
DECLARE
    v_to bigint := nullif(current_setting('mvdash.rebuild_to', true), '')::bigint;
    v_started timestamptz := nullif(current_setting('mvdash.rebuild_started', true), '')::timestamptz;
    v_events bigint;
    v_done timestamptz;
    v_table text;
BEGIN
    IF v_to IS NULL THEN
        RAISE EXCEPTION 'no rebuild in this transaction'
            USING ERRCODE = 'object_not_in_prerequisite_state', HINT = 'Call live_rebuild_begin() first.';
    END IF;
    IF mvdash.live_build_target() = 'mvdash_staging' THEN
        FOREACH v_table IN ARRAY mvdash.live_swapped_tables() LOOP
            IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint k
                           JOIN pg_catalog.pg_class c ON c.oid = k.conrelid
                           WHERE c.relnamespace = 'mvdash_staging'::regnamespace
                             AND c.relname = v_table AND k.contype = 'p') THEN
                RAISE EXCEPTION 'the rebuilt % is incomplete (no primary key): not swapped in', v_table
                    USING ERRCODE = 'object_not_in_prerequisite_state';
            END IF;
        END LOOP;
        -- the swap, last and short: the read models' views (live mode) now read the new
        -- tables, the old ones go, the new ones take their names. Readers that arrive now wait
        -- for the commit; the ones reading already finish first on the old tables.
        IF mvdash.read_model_mode_now() = 'live' THEN
            PERFORM mvdash.live_create_views('mvdash_staging');
        END IF;
        FOREACH v_table IN ARRAY mvdash.live_swapped_tables() LOOP
            EXECUTE format('DROP TABLE mvdash.%I', v_table);
            EXECUTE format('ALTER TABLE mvdash_staging.%I SET SCHEMA mvdash', v_table);
        END LOOP;
        PERFORM set_config('mvdash.rebuild_into', '', true);
    END IF;
    PERFORM mvdash.live_sync_tenants();
    v_events := (SELECT count(*) FROM public.bet_events e WHERE e.arrival_id <= v_to)
              + (SELECT count(*) FROM public.balance_events e WHERE e.arrival_id <= v_to)
              + (SELECT count(*) FROM public.payment_events e WHERE e.arrival_id <= v_to);
    v_done := clock_timestamp();
    UPDATE mvdash.live_progress
    SET applied_arrival = v_to, applied_at = now(), step_count = step_count + 1,
        last_step_at = v_done, last_step_events = v_events,
        last_step_ms = round(extract(epoch FROM v_done - v_started) * 1000, 2),
        blocked_by = NULL;
    PERFORM set_config('mvdash.rebuild_to', '', true);
    RETURN QUERY SELECT v_events, v_to, round(extract(epoch FROM v_done - v_started) * 1000, 2);
END
$$;

------------------------------------------------------------------------------------------
-- Privileges: nothing for PUBLIC; operators rebuild
------------------------------------------------------------------------------------------

REVOKE ALL ON FUNCTION live_part_filter(text, integer, integer),
    live_build_statements(text, integer, integer), live_build_plan(),
    live_create_staged_tables(), live_check_helper_call(), live_rebuild_begin(boolean),
    live_rebuild_stage(), live_rebuild_task(integer, integer, integer, bigint)
    FROM PUBLIC;
GRANT EXECUTE ON FUNCTION live_build_statements(text, integer, integer), live_build_plan(),
    live_rebuild_begin(boolean), live_rebuild_stage(),
    live_rebuild_task(integer, integer, integer, bigint)
    TO mvdash_operator;
