-- The lag behind the newest committed event (issue #13's "freshness everywhere") without
-- moving rows, on Citus too.
--
-- 011 counted the events past the watermark as
--     count(*) FROM ((SELECT 1 FROM bet_events WHERE arrival_id > w LIMIT 1000000) UNION ALL ...)
-- On plain PostgreSQL that is three index-only range scans. On Citus a LIMIT over a distributed
-- table cannot be pushed down whole: each branch became a subplan whose rows (one per pending
-- event, up to a million per table) travelled from the workers to the coordinator to be
-- counted there, on every Refresh panel reload, status and badge, and more so the further
-- behind the follower is, which is when ops look.
--
-- Now:
-- 1. No arrival taken past the watermark (pg_sequence_last_value <= applied_arrival): every
--    event that can exist is applied, lag 0, no event table read (a caught-up follower with
--    no writer active; on the local Citus cluster 35 ms -> 1 ms).
-- 2. Otherwise each table counts its events with arrival_id in (watermark, watermark +
--    1,000,000]: a plain aggregate, which Citus runs as one count per shard (the arrival index)
--    and adds up, no rows moved (with 10,000 events pending about as fast as 011 there, 35 ms:
--    three rounds of 32 shard counts; the difference grows with the lag). The arrival order is
--    shared by the three tables, so the window holds at most a million events in all; further
--    behind than that, the figure is a lower bound, as 011's was.
-- 3. A window with no committed event in it, while arrivals were taken beyond it (more than a
--    million arrivals taken and never committed: a huge COPY rolled back), counts as 011 did,
--    so that events committed after such a gap never make the lag read 0.
-- What is counted is unchanged: committed events visible to the caller's snapshot, past the
-- watermark; an arrival taken by a writer still open, or rolled back, is not an event. Not
-- counted, before or now in the usual case: events written past the coordinator's arrival
-- order (through a worker, LIVE.md "What writers must do"), which no step applies.

CREATE OR REPLACE FUNCTION read_model_freshness()
RETURNS TABLE (view_name text, mode text, as_of timestamptz, applied_arrival bigint,
               latest_arrival bigint, lag_events bigint, lag_seconds numeric,
               last_step_ms numeric, blocked_by text)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, mvdash, pg_temp AS $$
DECLARE
    v_mode text := mvdash.read_model_mode_now();
    -- The caller's snapshot (this function is STABLE) was taken before this read: every event
    -- it shows has an arrival <= v_latest, so v_latest <= the watermark means none is pending.
    v_latest bigint := coalesce(pg_sequence_last_value('mvdash.event_arrival_seq'), 0);
    v_progress mvdash.live_progress;
    v_upper bigint;
    v_lag bigint := 0;
BEGIN
    SELECT * INTO v_progress FROM mvdash.live_progress;
    IF v_mode = 'live' AND v_progress.applied_arrival IS NOT NULL THEN
        IF v_latest > v_progress.applied_arrival THEN
            v_upper := v_progress.applied_arrival + 1000000;
            SELECT (SELECT count(*) FROM public.bet_events e
                    WHERE e.arrival_id > v_progress.applied_arrival AND e.arrival_id <= v_upper)
                 + (SELECT count(*) FROM public.balance_events e
                    WHERE e.arrival_id > v_progress.applied_arrival AND e.arrival_id <= v_upper)
                 + (SELECT count(*) FROM public.payment_events e
                    WHERE e.arrival_id > v_progress.applied_arrival AND e.arrival_id <= v_upper)
            INTO v_lag;
            IF v_lag = 0 AND v_latest > v_upper THEN
                SELECT count(*) INTO v_lag FROM (
                    (SELECT 1 FROM public.bet_events e
                     WHERE e.arrival_id > v_progress.applied_arrival LIMIT 1000000)
                    UNION ALL
                    (SELECT 1 FROM public.balance_events e
                     WHERE e.arrival_id > v_progress.applied_arrival LIMIT 1000000)
                    UNION ALL
                    (SELECT 1 FROM public.payment_events e
                     WHERE e.arrival_id > v_progress.applied_arrival LIMIT 1000000)) x;
            END IF;
        END IF;
        RETURN QUERY
        SELECT d.view_name, v_mode, v_progress.applied_at, v_progress.applied_arrival, v_latest,
               v_lag,
               CASE WHEN v_lag = 0 THEN 0::numeric
                    ELSE round(extract(epoch FROM clock_timestamp() - v_progress.applied_at)::numeric,
                               1) END,
               v_progress.last_step_ms, v_progress.blocked_by
        FROM mvdash.read_model_definitions d ORDER BY d.build_order, d.view_name;
    ELSE
        RETURN QUERY
        SELECT d.view_name, v_mode, l.last_refreshed_at, NULL::bigint, v_latest, NULL::bigint,
               round(extract(epoch FROM clock_timestamp() - l.last_refreshed_at)::numeric, 1),
               l.last_duration_ms, NULL::text
        FROM mvdash.read_model_definitions d
        LEFT JOIN mvdash.materialized_views_refresh_log l ON l.view_name = d.view_name
        ORDER BY d.build_order, d.view_name;
    END IF;
END
$$;

------------------------------------------------------------------------------------------
-- Statistics of the live state after a rebuild on Citus
------------------------------------------------------------------------------------------

-- A rebuild ends with an ANALYZE of the state tables inside its transaction on plain
-- PostgreSQL (statement 900 of the build). On Citus it cannot: that transaction has written
-- the reference tables' local placement, after which Citus runs no parallel utility command.
-- The shards then kept no statistics until the workers' autovacuum came by, and meanwhile the
-- panels' plans guessed: right after `convert --to live` on the local cluster (1M events) the
-- payments page of the largest tenant read all of its 18,055 rows on the worker and sorted
-- them (a bitmap scan and a top-N sort) instead of reading a page in index order. At 1M
-- events the rows' trip through the coordinator hides most of it; the sort grows with the
-- tenant. `SELECT mvdash.live_rebuild()` (one call, one transaction) cannot do it either:
-- call this after it. The rebuild's client (mvdash-admin rebuild,
-- convert --to live) calls this once the rebuild has committed; ANALYZE of a distributed
-- table reaches every shard. On plain PostgreSQL it does nothing (done already).
-- SECURITY DEFINER: an operator may rebuild, only the owner may ANALYZE; no arguments.
-- A lock wait is bounded: the rebuild has committed, and this must not hold its client (or
-- convert's switch after it) behind a long lock holder for statistics autovacuum also takes.
CREATE FUNCTION live_analyze_state() RETURNS void
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, mvdash, pg_temp SET lock_timeout = '5s' AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_catalog.pg_extension WHERE extname = 'citus') THEN
        ANALYZE mvdash.live_bets, mvdash.live_payments, mvdash.live_user_balances,
            mvdash.live_user_activity, mvdash.live_tenant_bet_status, mvdash.live_tenant_totals;
    END IF;
END
$$;

REVOKE ALL ON FUNCTION live_analyze_state() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION live_analyze_state() TO mvdash_operator;
