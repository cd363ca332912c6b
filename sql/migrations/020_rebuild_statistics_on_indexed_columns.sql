-- A rebuild's statistics on Citus: the columns the plans use, in full only on a first build
-- (issue #13: "rebuild no slower than today's plain Refresh all", the same figures on the
-- local Citus cluster).
--
-- 016 made `mvdash-admin rebuild` and `convert --to live` ANALYZE the six live state tables once
-- the rebuild has committed, because a first build left the shards without any statistics and
-- the panels' plans guessed (016's header). On the local cluster at 1M events that ANALYZE is
-- 0.72-0.91 s of a 3.3 s rebuild, more than the whole margin against the plain Refresh all.
-- Most of it is per column: the same ANALYZE restricted to tenant_id took 0.17-0.24 s (three
-- runs each, alternating). A statistic is sorted values, histograms and most common values
-- for every column, the text ones compared by the collation; the payload columns (stake, odds,
-- currency, ...) are never what a read model's query filters, joins or orders on.
--
-- What it still does after every rebuild, and why it is needed: the row estimates (reltuples,
-- relpages) of every shard, which any ANALYZE sets, and the columns the plans look at. A
-- rebuild on Citus writes the same keys again in place (DELETE, then INSERT ... SELECT): the
-- deleted rows still fill their pages, so the old estimates would say twice the rows until
-- VACUUM, and ANALYZE, reading the pages, also prunes those rows away (the doctor's empty-space
-- figures after a rebuild count on that).
--
-- Now live_analyze_state() analyzes each state table
--   - in full when it has not analyzed it in full since the state was last empty (no row in
--     live_state_analyzed: a table new to it, or a state emptied by convert --to matview,
--     whose TRUNCATE leaves no statistics worth keeping; the rebuild of a state that was not
--     maintained forgets every row in its own transaction, live_rebuild_begin below), or when
--     asked: SELECT mvdash.live_analyze_state(true);
--   - otherwise on the columns of its indexes and of their predicates: the columns the
--     panels, the guide's queries and the step filter, join and order on (their indexes were
--     made for them). The other columns keep the statistics of the same keys from before,
--     until the workers' autovacuum, which sees every row rewritten, analyzes the shards again.
-- It returns how many tables it analyzed in full (NULL on plain PostgreSQL, where the rebuild
-- analyzes its new tables inside its own transaction, as before); the rebuild's output says so.

CREATE TABLE live_state_analyzed (
    relid       oid PRIMARY KEY,  -- only the six state tables: others' rows go at the next call
    analyzed_at timestamptz NOT NULL
);
REVOKE ALL ON live_state_analyzed FROM PUBLIC;

-- The columns of a table's indexes, keys and predicates alike (a key column is in indkey, a
-- predicate's or an expression's column is a dependency of the index), in column order.
CREATE FUNCTION live_indexed_columns(p_table regclass) RETURNS text[]
LANGUAGE sql STABLE SET search_path = pg_catalog, mvdash, pg_temp AS $$
    SELECT array_agg(a.attname::text ORDER BY a.attnum)
    FROM pg_catalog.pg_attribute a
    WHERE a.attrelid = p_table AND a.attnum > 0 AND NOT a.attisdropped
      AND (EXISTS (SELECT 1 FROM pg_catalog.pg_index i
                   WHERE i.indrelid = p_table AND a.attnum = ANY (i.indkey))
           OR EXISTS (SELECT 1 FROM pg_catalog.pg_index i
                      JOIN pg_catalog.pg_depend d
                           ON d.classid = 'pg_catalog.pg_class'::regclass
                          AND d.objid = i.indexrelid
                          AND d.refclassid = 'pg_catalog.pg_class'::regclass
                          AND d.refobjid = p_table AND d.refobjsubid = a.attnum
                      WHERE i.indrelid = p_table))
$$;

DROP FUNCTION live_analyze_state();

CREATE FUNCTION live_analyze_state(p_full boolean DEFAULT false) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, mvdash, pg_temp SET lock_timeout = '5s' AS $$
DECLARE
    v_tables CONSTANT regclass[] := ARRAY['mvdash.live_bets', 'mvdash.live_payments',
        'mvdash.live_user_balances', 'mvdash.live_user_activity',
        'mvdash.live_tenant_bet_status', 'mvdash.live_tenant_totals']::regclass[];
    v_table regclass;
    v_targets text[] := '{}';
    v_full oid[] := '{}';
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_extension WHERE extname = 'citus') THEN
        RETURN NULL;
    END IF;
    -- first: Citus counts the ANALYZE of the shards as a change to them and refuses its size
    -- functions after it in the same transaction (25001); ANALYZE changes no size (019)
    PERFORM mvdash.sample_relation_sizes(true);
    -- a table dropped and created again has a new oid; an old oid could come back one day
    DELETE FROM mvdash.live_state_analyzed a WHERE a.relid <> ALL (v_tables::oid[]);
    FOREACH v_table IN ARRAY v_tables LOOP
        IF p_full OR NOT EXISTS (SELECT 1 FROM mvdash.live_state_analyzed a
                                 WHERE a.relid = v_table) THEN
            v_targets := v_targets || v_table::text;
            v_full := v_full || v_table::oid;
        ELSE
            v_targets := v_targets || format('%s (%s)', v_table, (
                SELECT string_agg(quote_ident(c), ', ')
                FROM unnest(mvdash.live_indexed_columns(v_table)) AS c));
        END IF;
    END LOOP;
    -- one statement: Citus analyzes the shards of all of them in one round
    EXECUTE 'ANALYZE ' || array_to_string(v_targets, ', ');
    INSERT INTO mvdash.live_state_analyzed AS a (relid, analyzed_at)
    SELECT f.relid, clock_timestamp() FROM unnest(v_full) AS f (relid)
    ON CONFLICT (relid) DO UPDATE SET analyzed_at = excluded.analyzed_at;
    RETURN cardinality(v_full);
END
$$;

REVOKE ALL ON FUNCTION live_indexed_columns(regclass), live_analyze_state(boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION live_analyze_state(boolean) TO mvdash_operator;

-- 013's begin, which now forgets the full-statistics records when the state was not
-- maintained before this rebuild (above): in the rebuild's transaction, after its lock.
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
