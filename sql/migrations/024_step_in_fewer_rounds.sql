-- A live step in fewer statements (issue #13: "ingest throughput with the follower >= 95% of
-- without it ... the same figures at 1M on the local Citus cluster").
--
-- On Citus each statement of a step is a round of 32 tasks, one per shard, on the workers; a
-- step of 2,000 events cost about 0.3 CPU-seconds of the machine whatever it held (measured
-- with the follower's session kept, on the local cluster at 1M events), and a step of 50,000
-- events about 1. The coordinator and both workers share the writer's two cores. Here:
--
-- 1. The window is no longer counted before the statements run (three counts, 96 tasks, and
--    every new event's heap row visited, 20-90 ms for 50,000 events). Whether there is
--    anything to do is whether an arrival was drawn since the watermark (p_to > p_from: a
--    sequence read, no task); how many events were applied is counted by the statement that
--    reads every event of the window anyway (users carried by it), per user, summed per tenant
--    with the other tenant deltas, and read from that small table. A window whose writers all
--    rolled back (or whose inserts all failed: the default draws the arrival first) runs the
--    statements over nothing and counts 0, as before; that costs a step's fixed part, where
--    011 stopped after its counts.
-- 2. The users the window's events carry: one statement over the three event tables instead
--    of three (the balance events bring their sums along).
-- 3. The users' bet and payment contributions: one statement over both change tables.
-- 4. The tenant deltas (new users, the users' sums, active bets): one statement instead of
--    three; a new user is one the user activity did not hold before this step (a left join
--    instead of NOT EXISTS: the key is unique there).
-- Each union keeps the distribution column first in every branch, so that on Citus it runs
-- shard by shard like the statements it replaces (tst_live checks the plans). The rows the
-- merges write are the same: every later statement sums or counts the deltas per key, and a
-- key now has fewer rows. 30 statements and three counts become 26 statements, one of them
-- the count (a read of a small reference table): five rounds and the counts fewer.

-- (on Citus the new columns go to the shards over one connection per worker: the function
-- commands below go over one, and Citus refuses them after a parallel operation in the same
-- transaction)
DO $citus$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_catalog.pg_extension WHERE extname = 'citus') THEN
        PERFORM set_config('citus.multi_shard_modify_mode', 'sequential', true);
    END IF;
END
$citus$;

ALTER TABLE live_user_deltas ADD COLUMN d_events bigint NOT NULL DEFAULT 0;
ALTER TABLE live_tenant_deltas ADD COLUMN d_events bigint NOT NULL DEFAULT 0;

-- 012's statements stay as they were; the new list takes them, minus what it replaces.
ALTER FUNCTION live_step_statements() RENAME TO live_step_statements_012;

CREATE FUNCTION live_step_statements()
RETURNS TABLE (ord integer, label text, statement text)
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, mvdash, pg_temp AS $f$
    SELECT s.ord, s.label, s.statement
    FROM mvdash.live_step_statements_012() s
    WHERE s.ord NOT IN (100, 110, 120, 130, 140, 150, 160, 170)
    UNION ALL
    SELECT n.ord, n.label, n.statement
    FROM (VALUES
    (100, 'users: carried by the window''s events', $s$INSERT INTO mvdash.live_user_deltas (tenant_id, user_id, d_balance, last_ts, d_events)
     SELECT u.tenant_id, u.user_id, coalesce(sum(u.amount), 0), max(u.event_timestamp), count(*)
     FROM (SELECT e.tenant_id, e.user_id, NULL::numeric AS amount, e.event_timestamp
           FROM public.bet_events e WHERE e.arrival_id > $1 AND e.arrival_id <= $2
           UNION ALL
           SELECT e.tenant_id, e.user_id, e.amount, e.event_timestamp
           FROM public.balance_events e WHERE e.arrival_id > $1 AND e.arrival_id <= $2
           UNION ALL
           SELECT e.tenant_id, e.user_id, NULL, e.event_timestamp
           FROM public.payment_events e WHERE e.arrival_id > $1 AND e.arrival_id <= $2) AS u
     GROUP BY u.tenant_id, u.user_id$s$),
    (130, 'users: bet and payment contributions', $s$INSERT INTO mvdash.live_user_deltas (tenant_id, user_id, d_bets, d_wagered, d_winnings,
                                         d_deposited, d_withdrawn)
     SELECT c.tenant_id, c.user_id, coalesce(sum(c.bets), 0)::integer, coalesce(sum(c.wagered), 0),
            coalesce(sum(c.winnings), 0), coalesce(sum(c.deposited), 0), coalesce(sum(c.withdrawn), 0)
     FROM (SELECT b.tenant_id, b.user_id, b.sign AS bets,
                  CASE WHEN b.status NOT IN ('cancelled', 'voided') THEN b.sign * b.stake END AS wagered,
                  CASE WHEN b.status = 'settled' AND b.result = 'win' THEN b.sign * b.payout END AS winnings,
                  NULL::numeric AS deposited, NULL::numeric AS withdrawn
           FROM mvdash.live_bet_changes b
           UNION ALL
           SELECT p.tenant_id, p.user_id, NULL, NULL, NULL,
                  CASE WHEN p.status = 'completed' AND p.payment_type = 'deposit' THEN p.sign * p.amount END,
                  CASE WHEN p.status = 'completed' AND p.payment_type = 'withdrawal' THEN p.sign * p.amount END
           FROM mvdash.live_payment_changes p) AS c
     GROUP BY c.tenant_id, c.user_id$s$),
    (160, 'tenants: deltas', $s$INSERT INTO mvdash.live_tenant_deltas (tenant_id, d_users, d_bets, d_stake, d_deposits,
                                           d_withdrawals, d_balance, d_active, d_events)
     SELECT t.tenant_id, sum(t.d_users)::integer, sum(t.d_bets)::integer, sum(t.d_stake),
            sum(t.d_deposits), sum(t.d_withdrawals), sum(t.d_balance), sum(t.d_active)::integer,
            sum(t.d_events)
     FROM (SELECT d.tenant_id, count(DISTINCT d.user_id) FILTER (WHERE a.user_id IS NULL) AS d_users,
                  sum(d.d_bets) AS d_bets, sum(d.d_wagered) AS d_stake, sum(d.d_deposited) AS d_deposits,
                  sum(d.d_withdrawn) AS d_withdrawals, sum(d.d_balance) AS d_balance,
                  0::bigint AS d_active, sum(d.d_events) AS d_events
           FROM mvdash.live_user_deltas d
           LEFT JOIN mvdash.live_user_activity a ON a.tenant_id = d.tenant_id AND a.user_id = d.user_id
           GROUP BY d.tenant_id
           UNION ALL
           SELECT c.tenant_id, 0, 0, 0, 0, 0, 0, sum(c.sign), 0
           FROM mvdash.live_bet_changes c
           WHERE c.status IN ('placed', 'confirmed') GROUP BY c.tenant_id) AS t
     GROUP BY t.tenant_id$s$),
    -- the events applied: live_apply takes this statement's result (a SELECT, so the value
    -- comes back to the caller wherever Citus runs it)
    (195, 'count: events', $s$SELECT coalesce(sum(d.d_events), 0)::bigint FROM mvdash.live_tenant_deltas d$s$)
    ) AS n (ord, label, statement)
    ORDER BY 1
$f$;

-- 011's apply without the counts first (above, 1).
CREATE OR REPLACE FUNCTION live_apply(p_from bigint, p_to bigint) RETURNS bigint
LANGUAGE plpgsql SET search_path = pg_catalog, mvdash, pg_temp
SET enable_hashjoin = off SET enable_mergejoin = off AS $$
DECLARE
    s record;
    v_events bigint;
BEGIN
    IF p_to <= p_from THEN
        RETURN 0; -- no arrival drawn since the watermark: no event to apply
    END IF;
    FOR s IN SELECT * FROM mvdash.live_step_statements() LOOP
        IF s.label = 'count: events' THEN
            EXECUTE s.statement INTO v_events USING p_from, p_to;
        ELSE
            EXECUTE s.statement USING p_from, p_to;
        END IF;
    END LOOP;
    IF v_events IS NULL THEN
        -- (the list is this migration's own: a step that did not count is a bug, not a guess)
        RAISE EXCEPTION 'the step''s statements did not count the events they applied'
            USING ERRCODE = 'internal_error',
                  HINT = 'live_step_statements() has lost its statement "count: events".';
    END IF;
    RETURN v_events;
END
$$;

-- As 011: nothing for PUBLIC; operators read the statements (explain-step), the new list as
-- themselves through 012's
REVOKE ALL ON FUNCTION live_step_statements(), live_step_statements_012() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION live_step_statements(), live_step_statements_012() TO mvdash_operator;
