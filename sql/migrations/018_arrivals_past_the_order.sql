-- What the doctor's live.arrivals check reads (issue #13: the watermark's guarantee, kept
-- visible): per event table, the newest arrival, the arrival order's last value read after
-- it, and how many events lie past that value.
--
-- A step applies the arrivals between the watermark and the order's last value, a rebuild
-- every arrival up to that value. An event whose arrival the coordinator's order never gave
-- (written through a Citus worker, whose own sequence range starts above 2^48; or with
-- arrival_id set by the writer), or one written after the order was set back (a restore
-- without the sequence, ALTER SEQUENCE ... RESTART), lies past it: no step or rebuild takes it
-- in, and nothing else says so.
--
-- SECURITY DEFINER: the doctor runs as an operator or a reader, neither of which may read the
-- event tables (005, 010). The newest arrivals are read first, with this call's snapshot (on
-- Citus, the workers' snapshots of that moment), and the order's last value after them: an
-- event visible to those snapshots took its arrival from the order before it committed, so it
-- is at or below the value read later. Only a table whose newest arrival is past it is
-- counted; on plain PostgreSQL the count has the same snapshot, on Citus the workers take new
-- ones and may add events that arrived in the moment between.
CREATE FUNCTION live_arrivals_past_the_order()
RETURNS TABLE (table_name text, newest_arrival bigint, last_arrival bigint, events bigint)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, mvdash, pg_temp AS $$
DECLARE
    v_bets bigint;
    v_balances bigint;
    v_payments bigint;
    v_last bigint;
BEGIN
    IF mvdash.read_model_mode_now() <> 'live' THEN
        RETURN; -- matview mode: nothing reads the arrival order
    END IF;
    v_bets := (SELECT max(e.arrival_id) FROM public.bet_events e);
    v_balances := (SELECT max(e.arrival_id) FROM public.balance_events e);
    v_payments := (SELECT max(e.arrival_id) FROM public.payment_events e);
    v_last := coalesce(pg_sequence_last_value('mvdash.event_arrival_seq'), 0);
    RETURN QUERY
    SELECT 'bet_events'::text, v_bets, v_last,
           CASE WHEN v_bets > v_last
                THEN (SELECT count(*) FROM public.bet_events e WHERE e.arrival_id > v_last)
                ELSE 0 END
    UNION ALL
    SELECT 'balance_events', v_balances, v_last,
           CASE WHEN v_balances > v_last
                THEN (SELECT count(*) FROM public.balance_events e WHERE e.arrival_id > v_last)
                ELSE 0 END
    UNION ALL
    SELECT 'payment_events', v_payments, v_last,
           CASE WHEN v_payments > v_last
                THEN (SELECT count(*) FROM public.payment_events e WHERE e.arrival_id > v_last)
                ELSE 0 END;
END
$$;

REVOKE ALL ON FUNCTION live_arrivals_past_the_order() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION live_arrivals_past_the_order() TO mvdash_reader;
