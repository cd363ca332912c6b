-- A tenant administrator's lag in live mode (issue #13, "freshness everywhere ... in the 'data
-- as of' badge").
--
-- read_model_freshness() (011, 016) is ops': it counts every tenant's committed events the
-- steps have not applied, and names the arrivals and the session holding the watermark back.
-- A tenant administrator may not run it (it would show the platform's volume and other
-- sessions), so until now the badge of a tenant's own dashboard said neither that the read
-- models are live nor how far behind they are. This is the same answer for the tenants granted
-- to the session's role only: its own events not applied yet, and for how long the read models
-- have lacked them (the count NULL when the steps are over a million arrivals behind and none
-- of the tenant's is among the first million). Nothing about other tenants: no arrival number, no step duration, no
-- holder. The mode is in every answer, so the dashboard knows the read models are live.
--
-- The count reads the window of arrivals past the watermark, as ops' does (the arrival index,
-- the same bound of a million arrivals and the same fallback), keeping the granted tenants'
-- rows: on Citus the tenant filter sends it to the tenant's shards only. It reads every
-- tenant's pending index entries to find them (a (tenant_id, arrival_id) index would cost every
-- writer's insert), so the caller's own statistics counters (pg_stat_xact_all_tables) show how
-- many events the platform has pending: a figure of the order of what PostgreSQL's statistics
-- views show every role already (the event tables' inserts, pg_stat_all_tables; the latest
-- arrival, pg_sequences). DATABASE.md lists it with what a tenant can still learn.

CREATE FUNCTION tenant_scope.read_model_freshness()
RETURNS TABLE (mode text, lag_events bigint, lag_seconds numeric)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, mvdash, pg_temp
-- (the caller's planner settings would otherwise choose the plan: with index scans off, every
-- call read the three event tables whole, every tenant's rows)
SET enable_seqscan = off SET enable_indexscan = on SET enable_indexonlyscan = on
SET enable_bitmapscan = on AS $$
DECLARE
    v_mode text := mvdash.read_model_mode_now();
    -- (read before the event tables, as 016: every event this snapshot shows has an arrival
    -- <= v_latest)
    v_latest bigint := coalesce(pg_sequence_last_value('mvdash.event_arrival_seq'), 0);
    v_tenants bigint[] := mvdash.mvdash_session_tenants();
    v_progress mvdash.live_progress;
    v_upper bigint;
    v_lag bigint := 0;
BEGIN
    SELECT * INTO v_progress FROM mvdash.live_progress;
    IF v_mode <> 'live' OR v_progress.applied_arrival IS NULL THEN
        RETURN QUERY SELECT v_mode, NULL::bigint, NULL::numeric;
        RETURN;
    END IF;
    IF v_latest > v_progress.applied_arrival AND cardinality(v_tenants) > 0 THEN
        v_upper := v_progress.applied_arrival + 1000000;
        SELECT (SELECT count(*) FROM public.bet_events e
                WHERE e.arrival_id > v_progress.applied_arrival AND e.arrival_id <= v_upper
                  AND e.tenant_id = ANY (v_tenants))
             + (SELECT count(*) FROM public.balance_events e
                WHERE e.arrival_id > v_progress.applied_arrival AND e.arrival_id <= v_upper
                  AND e.tenant_id = ANY (v_tenants))
             + (SELECT count(*) FROM public.payment_events e
                WHERE e.arrival_id > v_progress.applied_arrival AND e.arrival_id <= v_upper
                  AND e.tenant_id = ANY (v_tenants))
        INTO v_lag;
        -- (a gap of a million arrivals past the watermark, as ops' fallback: only when the
        -- window holds no event of any tenant, not whenever it holds none of this tenant's,
        -- which would send every quiet tenant's reload through the whole backlog)
        IF v_lag = 0 AND v_latest > v_upper
           AND (EXISTS (SELECT 1 FROM public.bet_events e
                        WHERE e.arrival_id > v_progress.applied_arrival AND e.arrival_id <= v_upper)
                OR EXISTS (SELECT 1 FROM public.balance_events e
                           WHERE e.arrival_id > v_progress.applied_arrival AND e.arrival_id <= v_upper)
                OR EXISTS (SELECT 1 FROM public.payment_events e
                           WHERE e.arrival_id > v_progress.applied_arrival AND e.arrival_id <= v_upper))
        THEN
            -- more than a million arrivals behind (the steps have stalled), none of them this
            -- tenant's within the first million: how many of its own wait is not counted (it
            -- would read the whole backlog at every reload), and the read models are behind
            -- by the time since the watermark all the same
            v_lag := NULL;
        ELSIF v_lag = 0 AND v_latest > v_upper
           AND NOT EXISTS (SELECT 1 FROM public.bet_events e
                           WHERE e.arrival_id > v_progress.applied_arrival AND e.arrival_id <= v_upper)
           AND NOT EXISTS (SELECT 1 FROM public.balance_events e
                           WHERE e.arrival_id > v_progress.applied_arrival AND e.arrival_id <= v_upper)
           AND NOT EXISTS (SELECT 1 FROM public.payment_events e
                           WHERE e.arrival_id > v_progress.applied_arrival AND e.arrival_id <= v_upper)
        THEN
            SELECT count(*) INTO v_lag FROM (
                (SELECT 1 FROM public.bet_events e
                 WHERE e.arrival_id > v_progress.applied_arrival AND e.tenant_id = ANY (v_tenants)
                 LIMIT 1000000)
                UNION ALL
                (SELECT 1 FROM public.balance_events e
                 WHERE e.arrival_id > v_progress.applied_arrival AND e.tenant_id = ANY (v_tenants)
                 LIMIT 1000000)
                UNION ALL
                (SELECT 1 FROM public.payment_events e
                 WHERE e.arrival_id > v_progress.applied_arrival AND e.tenant_id = ANY (v_tenants)
                 LIMIT 1000000)) x;
        END IF;
    END IF;
    -- how long the read models have lacked them: at most since the step that set the
    -- watermark (the tenant's "as of" already), as ops' lag; NULL events: not counted, above
    RETURN QUERY
    SELECT v_mode, v_lag,
           CASE WHEN v_lag = 0 THEN 0::numeric
                ELSE round(extract(epoch FROM clock_timestamp() - v_progress.applied_at)::numeric, 1)
           END;
END
$$;

REVOKE ALL ON FUNCTION tenant_scope.read_model_freshness() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tenant_scope.read_model_freshness() TO mvdash_tenant;
