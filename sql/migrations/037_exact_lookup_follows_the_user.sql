-- Support's exact lookup at a cost that follows the user, not the tenant's backlog (issue #13:
-- "fold that user's not-yet-applied events on top, cost proportional to them"), and no JIT
-- compilation in the functions a tenant administrator's panels read through.
--
-- 1. user_exact. 011's found the pending events by the arrival index: every pending event of
--    the tenant (on plain PostgreSQL, every tenant's index entries past the watermark) was read
--    and its bets and payments recomputed, whoever they belonged to. Within a step of the
--    watermark that is a few hundred rows; with the follower stopped for an hour it is the
--    hour's events, and the lookup runs on the session every panel of the window reads
--    through. Its key lists (IN (subquery)) were left to the planner, which with stale
--    statistics (a tenant estimated at 17 events, 4,810 there) hashed the tenant's whole
--    history. Here the pending events read are the ones that can change the user's figures:
--     - its own (user_id = the user);
--     - another user's on a bet or a payment the read models give this user (an event that
--       moves it away): the user's keys in live_bets / live_payments.
--    Each is read through the arrival index (the pending window, filtered) or through the
--    user's keys (the user index, each key's events), whichever the planner finds smaller: the
--    watermark as the call begins is a value in the statement (planned for each call), and
--    PostgreSQL reads the arrival index's actual end, so the window past it is estimated well
--    between ANALYZEs. A diff review found the first form of this migration always took the
--    user's keys (the watermark only in a CTE, unknown to the planner): the user's whole
--    history at every lookup, even with nothing pending.
--    A bet that comes to this user does so by a pending event naming the user (user_id is not
--    null, and the bet's is its latest event's), which the first part holds; one that leaves
--    it is in the second; anything else pending changes neither. Every key list is an array
--    (= ANY (ARRAY(...))): index probes per key whatever the statistics say. The rest is
--    011's: the touched bets and payments recomputed with the step's rules, in one statement
--    and one snapshot (on Citus, one tenant: one worker). So the cost is the smaller of the
--    pending window and the user's keys in the read models: a few rows while the steps keep
--    up, the user's history in a backlog, never the tenant's backlog. Exactness: tst_live's
--    exactLookupFoldsPendingEvents (bets and a payment moving both ways, among a crowd of
--    another player's pending events it must not read), against the step that applies the
--    same events; its cost there: the user's events with the crowd pending, a few rows when
--    the steps keep up.
-- 2. jit = off. A SECURITY DEFINER function that turns sequential scans off (035's freshness,
--    tenant_scope's functions under the tenant views: the caller must not choose their plans)
--    gives a relation with no index path, a one-row table, the cost of a disabled plan (10^10),
--    over jit_above_cost: PostgreSQL then compiled the statement at every call. Measured on
--    a 12,000-event live database: tenant_scope.tenants_summary_view 178 ms (JIT) against
--    2 ms, read_model_freshness() 25-75 ms against 1 ms, every reload of a tenant's window.
--    Each such function gets jit = off, and tenant_scope_build (which remakes tenant_scope's
--    functions when a read model is remade) sets it on what it makes.

CREATE OR REPLACE FUNCTION mvdash.user_exact(p_tenant_id bigint, p_user_id text)
RETURNS TABLE (current_balance numeric, total_bets integer, total_wagered numeric,
               total_winnings numeric, total_deposited numeric, total_withdrawn numeric,
               last_activity_at bigint, balance numeric, transaction_count integer,
               folded_events bigint, as_of timestamptz)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, mvdash, pg_temp
-- (a plan for each call's values: the watermark below is what makes the arrival index's
-- range estimable)
SET jit = off SET plan_cache_mode = force_custom_plan AS $$
#variable_conflict use_column
DECLARE
    -- the watermark as the call begins: the one the statement reads (w) is the same or later,
    -- never earlier, so "past this one" holds every event past that one. As a value the
    -- planner sees it (w is a CTE's row, unknown when planning) and estimates the pending
    -- window from the arrival index's actual end: a few rows when the steps keep up (the
    -- arrival index then, not the user's history), many in a backlog (the user's keys then)
    v_since bigint;
BEGIN
    -- (PL/pgSQL: Citus plans a parameterized statement of a SQL function not at all)
    IF mvdash.read_model_mode_now() <> 'live' THEN
        RETURN;
    END IF;
    SELECT coalesce(p.applied_arrival, 0) INTO v_since FROM mvdash.live_progress p;
    RETURN QUERY
    WITH w AS (
        -- in the statement (on Citus the reference table's copy on the tenant's worker, updated
        -- in the same transaction as the state there): the watermark and the state agree
        SELECT p.applied_arrival AS w, p.applied_at FROM mvdash.live_progress p
        WHERE p.applied_arrival IS NOT NULL
    ),
    -- the pending events that can change this user's figures: its own, and another user's on
    -- a bet (a payment) the read models give this user, which may take it away
    pending_bets AS (
        SELECT e.* FROM public.bet_events e, w
        WHERE e.tenant_id = p_tenant_id AND e.user_id = p_user_id
          AND e.arrival_id > v_since AND e.arrival_id > w.w
        UNION ALL
        SELECT e.* FROM public.bet_events e, w
        WHERE e.tenant_id = p_tenant_id
          AND e.bet_id = ANY (ARRAY(SELECT b.bet_id FROM mvdash.live_bets b
                                    WHERE b.tenant_id = p_tenant_id AND b.user_id = p_user_id))
          AND e.user_id <> p_user_id AND e.arrival_id > v_since AND e.arrival_id > w.w
    ),
    pending_payments AS (
        SELECT e.* FROM public.payment_events e, w
        WHERE e.tenant_id = p_tenant_id AND e.user_id = p_user_id
          AND e.arrival_id > v_since AND e.arrival_id > w.w
        UNION ALL
        SELECT e.* FROM public.payment_events e, w
        WHERE e.tenant_id = p_tenant_id
          AND e.payment_id = ANY (ARRAY(SELECT p.payment_id FROM mvdash.live_payments p
                                        WHERE p.tenant_id = p_tenant_id AND p.user_id = p_user_id))
          AND e.user_id <> p_user_id AND e.arrival_id > v_since AND e.arrival_id > w.w
    ),
    pending_balance AS (
        SELECT e.* FROM public.balance_events e, w
        WHERE e.arrival_id > v_since AND e.arrival_id > w.w AND e.tenant_id = p_tenant_id
          AND e.user_id = p_user_id
    ),
    bets_now AS (
        SELECT e.bet_id,
               (array_agg(e.user_id ORDER BY e.event_timestamp DESC, e.event_id DESC))[1] AS user_id,
               (array_agg(e.stake ORDER BY e.event_timestamp DESC, e.event_id DESC)
                    FILTER (WHERE e.stake IS NOT NULL))[1] AS stake,
               (array_agg(e.event_type ORDER BY e.event_timestamp DESC, e.event_id DESC))[1] AS status,
               (array_agg(e.result ORDER BY e.event_timestamp DESC, e.event_id DESC)
                    FILTER (WHERE e.result IS NOT NULL))[1] AS result,
               (array_agg(e.payout ORDER BY e.event_timestamp DESC, e.event_id DESC)
                    FILTER (WHERE e.payout IS NOT NULL))[1] AS payout
        FROM public.bet_events e
        WHERE e.tenant_id = p_tenant_id
          AND e.bet_id = ANY (ARRAY(SELECT DISTINCT b.bet_id FROM pending_bets b))
        GROUP BY e.bet_id
    ),
    bet_changes AS (
        SELECT -1 AS sign, b.user_id, b.status, b.stake, b.result, b.payout
        FROM mvdash.live_bets b
        WHERE b.tenant_id = p_tenant_id AND b.bet_id = ANY (ARRAY(SELECT n.bet_id FROM bets_now n))
        UNION ALL
        SELECT 1, n.user_id, n.status, n.stake, n.result, n.payout FROM bets_now n
    ),
    payments_now AS (
        SELECT e.payment_id,
               (array_agg(e.user_id ORDER BY e.event_timestamp DESC, e.event_id DESC))[1] AS user_id,
               (array_agg(e.amount ORDER BY e.event_timestamp DESC, e.event_id DESC)
                    FILTER (WHERE e.amount IS NOT NULL))[1] AS amount,
               (array_agg(e.payment_type ORDER BY e.event_timestamp DESC, e.event_id DESC)
                    FILTER (WHERE e.payment_type IS NOT NULL))[1] AS payment_type,
               (array_agg(e.event_type ORDER BY e.event_timestamp DESC, e.event_id DESC))[1] AS status
        FROM public.payment_events e
        WHERE e.tenant_id = p_tenant_id
          AND e.payment_id = ANY (ARRAY(SELECT DISTINCT p.payment_id FROM pending_payments p))
        GROUP BY e.payment_id
    ),
    payment_changes AS (
        SELECT -1 AS sign, p.user_id, p.status, p.payment_type, p.amount
        FROM mvdash.live_payments p
        WHERE p.tenant_id = p_tenant_id
          AND p.payment_id = ANY (ARRAY(SELECT n.payment_id FROM payments_now n))
        UNION ALL
        SELECT 1, n.user_id, n.status, n.payment_type, n.amount FROM payments_now n
    ),
    folded AS (
        SELECT
            (SELECT count(*) FROM pending_bets b WHERE b.user_id = p_user_id)
            + (SELECT count(*) FROM pending_payments p WHERE p.user_id = p_user_id)
            + (SELECT count(*) FROM pending_balance) AS events,
            (SELECT coalesce(sum(sign), 0)::integer FROM bet_changes c WHERE c.user_id = p_user_id) AS bets,
            (SELECT coalesce(sum(sign * stake) FILTER (WHERE status NOT IN ('cancelled', 'voided')), 0)
             FROM bet_changes c WHERE c.user_id = p_user_id) AS wagered,
            (SELECT coalesce(sum(sign * payout) FILTER (WHERE status = 'settled' AND result = 'win'), 0)
             FROM bet_changes c WHERE c.user_id = p_user_id) AS winnings,
            (SELECT coalesce(sum(sign * amount) FILTER (WHERE status = 'completed' AND payment_type = 'deposit'), 0)
             FROM payment_changes c WHERE c.user_id = p_user_id) AS deposited,
            (SELECT coalesce(sum(sign * amount) FILTER (WHERE status = 'completed' AND payment_type = 'withdrawal'), 0)
             FROM payment_changes c WHERE c.user_id = p_user_id) AS withdrawn,
            (SELECT coalesce(sum(amount), 0) FROM pending_balance) AS balance,
            (SELECT count(*)::integer FROM pending_balance) AS transactions,
            greatest((SELECT max(event_timestamp) FROM pending_bets b WHERE b.user_id = p_user_id),
                     (SELECT max(event_timestamp) FROM pending_payments p WHERE p.user_id = p_user_id),
                     (SELECT max(event_timestamp) FROM pending_balance)) AS last_ts
    )
    SELECT coalesce(a.current_balance, 0) + f.balance,
           coalesce(a.total_bets, 0) + f.bets,
           coalesce(a.total_wagered, 0) + f.wagered,
           coalesce(a.total_winnings, 0) + f.winnings,
           coalesce(a.total_deposited, 0) + f.deposited,
           coalesce(a.total_withdrawn, 0) + f.withdrawn,
           greatest(a.last_activity_at, f.last_ts),
           coalesce(u.balance, 0) + f.balance,
           coalesce(u.transaction_count, 0) + f.transactions,
           f.events,
           w.applied_at
    FROM w
    CROSS JOIN folded f
    LEFT JOIN mvdash.live_user_activity a ON a.tenant_id = p_tenant_id AND a.user_id = p_user_id
    LEFT JOIN mvdash.live_user_balances u ON u.tenant_id = p_tenant_id AND u.user_id = p_user_id
    WHERE a.user_id IS NOT NULL OR f.last_ts IS NOT NULL;
END
$$;

-- tenant_scope's functions as they are, and as tenant_scope_build makes them from now on:
-- 014's, then jit = off on the function it made or replaced
ALTER FUNCTION tenant_scope_build(text) RENAME TO tenant_scope_build_014;
CREATE FUNCTION tenant_scope_build(p_view text) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, mvdash, pg_temp AS $$
BEGIN
    PERFORM mvdash.tenant_scope_build_014(p_view);
    BEGIN
        EXECUTE format('ALTER FUNCTION tenant_scope.%I() SET jit = off', 'scoped_' || p_view);
    EXCEPTION WHEN insufficient_privilege THEN
        -- (014 gives a remade function back to its former owner, which the caller may not be:
        -- the function is whole, only slower)
        RAISE WARNING 'tenant_scope.%() keeps JIT on: %', 'scoped_' || p_view, SQLERRM;
    END;
END
$$;
REVOKE ALL ON FUNCTION tenant_scope_build(text), tenant_scope_build_014(text) FROM PUBLIC;

DO $jit$
DECLARE
    f regprocedure;
BEGIN
    FOR f IN SELECT p.oid::regprocedure FROM pg_catalog.pg_proc p
             WHERE p.pronamespace = 'tenant_scope'::regnamespace
               AND 'enable_seqscan=off' = ANY (p.proconfig) LOOP
        EXECUTE format('ALTER FUNCTION %s SET jit = off', f);
    END LOOP;
END
$jit$;
