-- The size trend goes on in live mode (ops "watch refresh health (times, staleness, failures,
-- sizes)"; issue #13: "in live mode the five read models ... keep their meaning").
--
-- materialized_views_size_history, the Sizes panel's "size trend per view", gets a sample per
-- view from each refresh of that view (010). In live mode nothing refreshes a view: steps
-- change the state tables instead. The trend stopped at the convert, and ops watching a live
-- database saw only the sizes of the matviews it once had, however much the state tables grew.
--
-- Now, in live mode, each read model's state table is sampled into that history every five
-- minutes (at the first chance after four and a half): the guide's CronJob schedule, so the
-- trend spans the same time in both modes (the panel reads the latest 2000 samples). The
-- sample is taken where the follower, refresh_aggregate_views() and mvdash-admin refresh
-- already sample the size share, between steps: sample_storage_share() (015, 019). On Citus
-- the sizes come from 019's sample of the relation sizes, taken just before, and the row
-- estimate is unknown (017). Like the other samples it is best effort: whatever fails is a
-- sample not taken (a warning), never a failed step.

-- How often a live read model's size is sampled into the history.
CREATE FUNCTION read_model_size_sample_interval() RETURNS interval
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, mvdash, pg_temp AS $$ SELECT interval '5 minutes' $$;

-- In live mode: a sample of every read model's state table, unless one is younger than nine
-- tenths of the interval (so that a CronJob every five minutes, a little late one run and on
-- time the next, samples at each run), or another session is sampling or refreshing (p_force:
-- take it anyway, unless another session is at it). Returns whether it sampled. In matview
-- mode nothing: each refresh samples its view.
CREATE FUNCTION sample_read_model_sizes(p_force boolean DEFAULT false) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, mvdash, pg_temp SET lock_timeout = '1s' AS $$
DECLARE
    v_run bigint;
    v_view text;
BEGIN
    IF mvdash.read_model_mode_now() IS DISTINCT FROM 'live' THEN
        RETURN false;
    END IF;
    BEGIN
        -- one sampler at a time, and none beside a transaction that writes the history (the
        -- CronJob's run holds it to the end of its step): no duplicate, no wait
        LOCK TABLE mvdash.materialized_views_size_history IN SHARE ROW EXCLUSIVE MODE NOWAIT;
        IF NOT p_force AND EXISTS (
                SELECT 1
                FROM mvdash.read_model_definitions d
                CROSS JOIN LATERAL (SELECT h.sampled_at
                                    FROM mvdash.materialized_views_size_history h
                                    WHERE h.view_name = d.view_name
                                    ORDER BY h.sample_id DESC LIMIT 1) last
                WHERE last.sampled_at BETWEEN clock_timestamp()
                                              - 0.9 * mvdash.read_model_size_sample_interval()
                                          AND clock_timestamp()) THEN
            RETURN false;
        END IF;
        -- a run of its own: the history's rows name the run that produced them
        v_run := nextval('mvdash.materialized_views_refresh_run_seq'::regclass);
        FOR v_view IN SELECT d.view_name FROM mvdash.read_model_definitions d LOOP
            INSERT INTO mvdash.materialized_views_size_history
                (run_id, view_name, total_bytes, table_bytes, index_bytes, row_estimate)
            SELECT v_run, v_view, b.total_bytes, b.table_bytes, b.index_bytes,
                   mvdash.mvdash_row_estimate(s.rel)
            FROM (SELECT mvdash.read_model_storage(v_view) AS rel) s
            CROSS JOIN LATERAL mvdash.mvdash_relation_bytes(s.rel) b
            WHERE s.rel IS NOT NULL;
            -- bounded as after a refresh (010)
            DELETE FROM mvdash.materialized_views_size_history h
            WHERE h.view_name = v_view
              AND h.sample_id < (SELECT h2.sample_id
                                 FROM mvdash.materialized_views_size_history h2
                                 WHERE h2.view_name = v_view
                                 ORDER BY h2.sample_id DESC
                                 OFFSET mvdash.materialized_views_history_limit() - 1 LIMIT 1);
        END LOOP;
    EXCEPTION
        WHEN active_sql_transaction THEN
            -- Citus: a transaction that has written to distributed tables (25001); the next
            -- caller, at the start of its transaction, samples instead
            RETURN false;
        WHEN lock_not_available THEN
            IF SQLERRM LIKE '%materialized_views_size_history%' THEN
                RETURN false; -- another session is sampling or refreshing
            END IF;
            RAISE WARNING 'read model sizes not sampled: %', SQLERRM;
            RETURN false;
        WHEN OTHERS THEN -- a lock not granted within the second, a worker unreachable, ...
            RAISE WARNING 'read model sizes not sampled: %', SQLERRM;
            RETURN false;
    END;
    RETURN true;
END
$$;

-- sample_storage_share() as in 019, then the read models' sizes (after 019's sample of the
-- relation sizes, which on Citus they are read from). Every caller of the size share's sample
-- calls it by this name.
ALTER FUNCTION sample_storage_share(boolean) RENAME TO sample_storage_share_019;
CREATE FUNCTION sample_storage_share(p_force boolean DEFAULT false) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, mvdash, pg_temp AS $$
DECLARE
    v_sampled boolean := mvdash.sample_storage_share_019(p_force);
BEGIN
    PERFORM mvdash.sample_read_model_sizes(p_force);
    RETURN v_sampled;
END
$$;

-- Privileges: as 015's sample (operators and the engine's SECURITY DEFINER functions)
REVOKE ALL ON FUNCTION read_model_size_sample_interval(), sample_read_model_sizes(boolean),
    sample_storage_share(boolean), sample_storage_share_019(boolean) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION sample_storage_share_019(boolean) FROM mvdash_operator;
GRANT EXECUTE ON FUNCTION sample_storage_share(boolean) TO mvdash_operator;
