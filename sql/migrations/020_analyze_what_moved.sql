-- A rebuild's statistics on Citus only where the rows moved (issue #13: "rebuild no slower than
-- today's plain Refresh all", the same figures on the local Citus cluster).
--
-- 016 made `mvdash-admin rebuild` and `convert --to live` ANALYZE the six live state tables once
-- the rebuild has committed, because a first build left the shards without any statistics and
-- the panels' plans guessed (016's header). On the local cluster at 1M events that ANALYZE is
-- 0.73 s of a 3.5 s rebuild, more than the whole margin against the plain Refresh all: it visits
-- every shard of every table. A rebuild of a state that was built before (the disaster-recovery
-- rebuild, the one after a bug fix) writes the same keys again, in place on Citus (DELETE, then
-- INSERT ... SELECT): the shards' statistics still describe their rows, and the workers'
-- autovacuum, which sees every row of them rewritten, vacuums and analyzes them again on its
-- own schedule.
--
-- Now live_analyze_state() counts each state table's rows (a count is pushed down to the
-- shards: 45 ms for all six at 1M events) and ANALYZEs only the tables
--   - that this function has not analyzed yet (no record, or a table created since: new oid);
--   - whose row count moved by more than 50 + 10% of the count at that ANALYZE: the size of
--     change autovacuum's default analyze threshold asks for, applied to the net count (a
--     rebuild rewrites every row, but of the same keys);
--   - or all six when asked: SELECT mvdash.live_analyze_state(true), for an operator after a
--     fix that changed values rather than counts.
-- A rebuild of a state that was not maintained (no applied arrival: never built, or emptied
-- by convert --to matview, whose TRUNCATE leaves the shards no row estimate) forgets every
-- record in its own transaction (live_rebuild_begin below), so the first build of
-- `convert --to live` analyzes all six whoever calls this after it, and if that ANALYZE
-- fails, the next call does it.
--
-- What a skipped table keeps until the workers' autovacuum comes by: its column statistics,
-- which describe the same keys, and a row estimate up to twice the rows (the rebuild's
-- deleted rows still fill their pages until VACUUM), as after any bulk rewrite.
-- It returns how many tables it analyzed (NULL on plain PostgreSQL, where the rebuild analyzes
-- its new tables inside its own transaction, as before); the rebuild's output says so.

CREATE TABLE live_state_analyzed (
    relid       oid PRIMARY KEY,  -- only the six state tables: others' rows go at the next call
    analyzed_at timestamptz NOT NULL,
    row_count   bigint NOT NULL   -- the rows when it was analyzed
);
REVOKE ALL ON live_state_analyzed FROM PUBLIC;

DROP FUNCTION live_analyze_state();

CREATE FUNCTION live_analyze_state(p_force boolean DEFAULT false) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, mvdash, pg_temp SET lock_timeout = '5s' AS $$
DECLARE
    v_tables CONSTANT regclass[] := ARRAY['mvdash.live_bets', 'mvdash.live_payments',
        'mvdash.live_user_balances', 'mvdash.live_user_activity',
        'mvdash.live_tenant_bet_status', 'mvdash.live_tenant_totals']::regclass[];
    v_table regclass;
    v_rows bigint;
    v_stale regclass[] := '{}';
    v_counts bigint[] := '{}';
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_extension WHERE extname = 'citus') THEN
        RETURN NULL;
    END IF;
    -- first: Citus counts the ANALYZE of the shards as a change to them and refuses its size
    -- functions after it in the same transaction (25001); ANALYZE changes no size (019)
    PERFORM mvdash.sample_relation_sizes(true);
    -- the reference tables have a placement on the coordinator: counted there (Citus's local
    -- execution), they would keep the ANALYZE from running in this transaction; counted
    -- through the workers, they do not (until the end of the caller's transaction)
    PERFORM set_config('citus.enable_local_execution', 'off', true);
    -- a table dropped and created again has a new oid; an old oid could come back one day
    DELETE FROM mvdash.live_state_analyzed a WHERE a.relid <> ALL (v_tables::oid[]);
    FOREACH v_table IN ARRAY v_tables LOOP
        EXECUTE format('SELECT count(*) FROM %s', v_table) INTO v_rows;
        IF p_force OR NOT EXISTS (
                SELECT 1 FROM mvdash.live_state_analyzed a
                WHERE a.relid = v_table
                  AND abs(v_rows - a.row_count) <= 50 + 0.1 * a.row_count) THEN
            v_stale := v_stale || v_table;
            v_counts := v_counts || v_rows;
        END IF;
    END LOOP;
    IF cardinality(v_stale) > 0 THEN
        -- one statement: Citus analyzes the shards of all of them in one round
        EXECUTE 'ANALYZE ' || array_to_string(v_stale::text[], ', ');
        INSERT INTO mvdash.live_state_analyzed AS a (relid, analyzed_at, row_count)
        SELECT s.relid, clock_timestamp(), s.row_count
        FROM unnest(v_stale::oid[], v_counts) AS s (relid, row_count)
        ON CONFLICT (relid) DO UPDATE
            SET analyzed_at = excluded.analyzed_at, row_count = excluded.row_count;
    END IF;
    RETURN cardinality(v_stale);
END
$$;

REVOKE ALL ON FUNCTION live_analyze_state(boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION live_analyze_state(boolean) TO mvdash_operator;

-- 013's begin, which now forgets the statistics records when the state was not maintained
-- before this rebuild (above): in the rebuild's transaction, after its lock.
CREATE OR REPLACE FUNCTION live_rebuild_begin(p_stage boolean DEFAULT true) RETURNS bigint
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
    IF EXISTS (SELECT 1 FROM mvdash.live_progress p WHERE p.applied_arrival IS NULL) THEN
        DELETE FROM mvdash.live_state_analyzed;
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
