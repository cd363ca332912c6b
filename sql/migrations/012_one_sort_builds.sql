-- Faster full builds, in both read-model modes (issue #13's targets for the matview refresh and
-- for the live rebuild; docs/BENCHMARKS.md has the figures).
--
-- 1. bets_view and payments_view: "latest" and "last non-null" from ONE sort per build. The
--    002 definitions gave each column its own ordered array_agg: PostgreSQL 15 sorts the few
--    events of every bet once per such aggregate (seven small sorts per bet, 3M bets at 10M
--    events), which cost twice the whole build. Now the events come sorted by (key, newest
--    first) from a subquery and unordered array_aggs keep them in that order: [1] is the
--    latest, and with FILTER (WHERE x IS NOT NULL) the latest non-null. The order within a
--    group is what the sorted subquery delivers: the planner keeps a subquery with ORDER BY
--    whole (never flattened), groups it either as it comes (its order already starts with the
--    GROUP BY keys, so no second sort that could reorder it) or by hashing, which feeds each
--    group's rows in arrival order too; array_agg has no combine function in PostgreSQL 15, so
--    no parallel partial aggregation mixes the order. On Citus the GROUP BY holds the
--    distribution column and the whole query, subquery included, runs shard by shard. The
--    views-vs-replay suites check the result against an independent fold of the events.
--    Only the columns a view needs go through the sort (narrower rows, less to sort). The
--    live step and the live build take the same form (live_bet_columns/live_payment_columns
--    now expect sorted rows).
-- 2. bets_view, payments_view, user_balances_view and user_activity_view emit their
--    rows in the order of their row image: key first, text in byte order (COLLATE "C"). REFRESH
--    ... CONCURRENTLY begins with a duplicate check, a merge self-join of the new rows sorted by
--    their whole row image (record_image_cmp: integers by value, text by bytes, key columns
--    first); rows that arrive in that order are found sorted in one pass by the sort's
--    presorted check. user_balances_view at 10M events: that check 7.8 s -> 1.2 s, the whole
--    concurrent refresh 11 s -> 5-7 s, for a sort of its 387k rows in the query. The order is
--    a cost, never a meaning: nothing reads the views relying on it.
-- 3. live mode's rebuild (and the first build of convert --to live) on plain PostgreSQL builds
--    the four large state tables as new tables without indexes, indexes them in bulk, and
--    swaps them in at the end of its transaction (readers read the old ones until then), as
--    REFRESH MATERIALIZED VIEW does: 011 emptied and refilled the tables in place, maintaining
--    every index row by row (1.4x a plain refresh at 10M events). On Citus the build stays in
--    place: the state tables are distributed, and a distributed table cannot be created and
--    swapped inside the rebuild's transaction after it has written the reference tables.
--    The build's user activity is one INSERT ... SELECT over the union of its sources (011
--    went through a scratch table: millions of rows written, read and deleted).

------------------------------------------------------------------------------------------
-- Column lists of bets and payments for the live statements: unordered aggregates over rows
-- that arrive sorted (the step's few touched keys and the build's all keys alike)
------------------------------------------------------------------------------------------

-- The rows of e arrive sorted by key, then (event_timestamp, event_id) newest first.
CREATE OR REPLACE FUNCTION live_bet_columns() RETURNS text
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, mvdash, pg_temp AS $f$
    SELECT $c$
            (array_agg(e.user_id))[1],
            (array_agg(e.stake) FILTER (WHERE e.stake IS NOT NULL))[1],
            (array_agg(e.odds) FILTER (WHERE e.odds IS NOT NULL))[1],
            (array_agg(e.fixture_id) FILTER (WHERE e.fixture_id IS NOT NULL))[1],
            (array_agg(e.event_type))[1],
            (array_agg(e.result) FILTER (WHERE e.result IS NOT NULL))[1],
            (array_agg(e.payout) FILTER (WHERE e.payout IS NOT NULL))[1],
            max(e.event_timestamp),
            to_timestamp(max(e.event_timestamp) / 1000.0)$c$
$f$;

CREATE OR REPLACE FUNCTION live_payment_columns() RETURNS text
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, mvdash, pg_temp AS $f$
    SELECT $c$
            (array_agg(e.user_id))[1],
            (array_agg(e.amount) FILTER (WHERE e.amount IS NOT NULL))[1],
            (array_agg(e.currency) FILTER (WHERE e.currency IS NOT NULL))[1],
            (array_agg(e.payment_method) FILTER (WHERE e.payment_method IS NOT NULL))[1],
            (array_agg(e.external_id) FILTER (WHERE e.external_id IS NOT NULL))[1],
            (array_agg(e.payment_type) FILTER (WHERE e.payment_type IS NOT NULL))[1],
            (array_agg(e.event_type))[1],
            max(e.event_timestamp),
            to_timestamp(max(e.event_timestamp) / 1000.0)$c$
$f$;

-- The step's statements as in 011, but bets and payments recomputed from one sort of the
-- touched keys' events (13% off a 20,000-event step at 10M events, measured alternating).
CREATE OR REPLACE FUNCTION live_step_statements()
RETURNS TABLE (ord integer, label text, statement text)
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, mvdash, pg_temp AS $f$
    SELECT * FROM (VALUES
    (10, 'bets: keys the window touched', $s$INSERT INTO mvdash.live_touched_bets (tenant_id, bet_id)
     SELECT e.tenant_id, e.bet_id FROM public.bet_events e
     WHERE e.arrival_id > $1 AND e.arrival_id <= $2
     GROUP BY e.tenant_id, e.bet_id$s$),
    (15, 'statistics: touched bets', $s$ANALYZE mvdash.live_touched_bets$s$),
    (20, 'bets: old contributions (-1)', $s$INSERT INTO mvdash.live_bet_changes (tenant_id, bet_id, sign, user_id, status, stake, result, payout)
     SELECT b.tenant_id, b.bet_id, -1, b.user_id, b.status, b.stake, b.result, b.payout
     FROM mvdash.live_bets b
     JOIN mvdash.live_touched_bets t ON t.tenant_id = b.tenant_id AND t.bet_id = b.bet_id$s$),
    (30, 'bets: recompute the touched bets', format($s$INSERT INTO mvdash.live_bets AS s (tenant_id, bet_id, user_id, stake, odds, fixture_id, status,
                                        result, payout, last_updated_timestamp, last_updated_at)
     SELECT e.tenant_id, e.bet_id,
            %s
     FROM (SELECT b.tenant_id, b.bet_id, b.user_id, b.stake, b.odds, b.fixture_id, b.event_type,
                  b.result, b.payout, b.event_timestamp
           FROM public.bet_events b
           JOIN mvdash.live_touched_bets t ON t.tenant_id = b.tenant_id AND t.bet_id = b.bet_id
           WHERE b.arrival_id <= $2
           ORDER BY b.tenant_id, b.bet_id, b.event_timestamp DESC, b.event_id DESC) AS e
     GROUP BY e.tenant_id, e.bet_id
     ON CONFLICT (tenant_id, bet_id) DO UPDATE
     SET user_id = excluded.user_id, stake = excluded.stake, odds = excluded.odds,
         fixture_id = excluded.fixture_id, status = excluded.status, result = excluded.result,
         payout = excluded.payout, last_updated_timestamp = excluded.last_updated_timestamp,
         last_updated_at = excluded.last_updated_at$s$, mvdash.live_bet_columns())),
    (40, 'bets: new contributions (+1)', $s$INSERT INTO mvdash.live_bet_changes (tenant_id, bet_id, sign, user_id, status, stake, result, payout)
     SELECT b.tenant_id, b.bet_id, 1, b.user_id, b.status, b.stake, b.result, b.payout
     FROM mvdash.live_bets b
     JOIN mvdash.live_touched_bets t ON t.tenant_id = b.tenant_id AND t.bet_id = b.bet_id$s$),
    (50, 'payments: keys the window touched', $s$INSERT INTO mvdash.live_touched_payments (tenant_id, payment_id)
     SELECT e.tenant_id, e.payment_id FROM public.payment_events e
     WHERE e.arrival_id > $1 AND e.arrival_id <= $2
     GROUP BY e.tenant_id, e.payment_id$s$),
    (55, 'statistics: touched payments', $s$ANALYZE mvdash.live_touched_payments$s$),
    (60, 'payments: old contributions (-1)', $s$INSERT INTO mvdash.live_payment_changes (tenant_id, payment_id, sign, user_id, status, payment_type, amount)
     SELECT p.tenant_id, p.payment_id, -1, p.user_id, p.status, p.payment_type, p.amount
     FROM mvdash.live_payments p
     JOIN mvdash.live_touched_payments t ON t.tenant_id = p.tenant_id AND t.payment_id = p.payment_id$s$),
    (70, 'payments: recompute the touched payments', format($s$INSERT INTO mvdash.live_payments AS s (tenant_id, payment_id, user_id, amount, currency,
                                            payment_method, external_id, payment_type, status,
                                            last_updated_timestamp, last_updated_at)
     SELECT e.tenant_id, e.payment_id,
            %s
     FROM (SELECT p.tenant_id, p.payment_id, p.user_id, p.amount, p.currency, p.payment_method,
                  p.external_id, p.payment_type, p.event_type, p.event_timestamp
           FROM public.payment_events p
           JOIN mvdash.live_touched_payments t ON t.tenant_id = p.tenant_id AND t.payment_id = p.payment_id
           WHERE p.arrival_id <= $2
           ORDER BY p.tenant_id, p.payment_id, p.event_timestamp DESC, p.event_id DESC) AS e
     GROUP BY e.tenant_id, e.payment_id
     ON CONFLICT (tenant_id, payment_id) DO UPDATE
     SET user_id = excluded.user_id, amount = excluded.amount, currency = excluded.currency,
         payment_method = excluded.payment_method, external_id = excluded.external_id,
         payment_type = excluded.payment_type, status = excluded.status,
         last_updated_timestamp = excluded.last_updated_timestamp,
         last_updated_at = excluded.last_updated_at$s$, mvdash.live_payment_columns())),
    (80, 'payments: new contributions (+1)', $s$INSERT INTO mvdash.live_payment_changes (tenant_id, payment_id, sign, user_id, status, payment_type, amount)
     SELECT p.tenant_id, p.payment_id, 1, p.user_id, p.status, p.payment_type, p.amount
     FROM mvdash.live_payments p
     JOIN mvdash.live_touched_payments t ON t.tenant_id = p.tenant_id AND t.payment_id = p.payment_id$s$),
    (90, 'balances: add the window', $s$INSERT INTO mvdash.live_user_balances AS s (tenant_id, user_id, balance, transaction_count,
                                                 last_transaction_timestamp, last_transaction_at)
     SELECT e.tenant_id, e.user_id, sum(e.amount), count(*)::integer, max(e.event_timestamp),
            to_timestamp(max(e.event_timestamp) / 1000.0)
     FROM public.balance_events e
     WHERE e.arrival_id > $1 AND e.arrival_id <= $2
     GROUP BY e.tenant_id, e.user_id
     ON CONFLICT (tenant_id, user_id) DO UPDATE
     SET balance = s.balance + excluded.balance,
         transaction_count = s.transaction_count + excluded.transaction_count,
         last_transaction_timestamp = greatest(s.last_transaction_timestamp, excluded.last_transaction_timestamp),
         last_transaction_at = to_timestamp(greatest(s.last_transaction_timestamp,
                                                     excluded.last_transaction_timestamp) / 1000.0)$s$),
    (100, 'users: carried by bet events', $s$INSERT INTO mvdash.live_user_deltas (tenant_id, user_id, last_ts)
     SELECT e.tenant_id, e.user_id, max(e.event_timestamp) FROM public.bet_events e
     WHERE e.arrival_id > $1 AND e.arrival_id <= $2 GROUP BY e.tenant_id, e.user_id$s$),
    (110, 'users: balance movements', $s$INSERT INTO mvdash.live_user_deltas (tenant_id, user_id, d_balance, last_ts)
     SELECT e.tenant_id, e.user_id, sum(e.amount), max(e.event_timestamp) FROM public.balance_events e
     WHERE e.arrival_id > $1 AND e.arrival_id <= $2 GROUP BY e.tenant_id, e.user_id$s$),
    (120, 'users: carried by payment events', $s$INSERT INTO mvdash.live_user_deltas (tenant_id, user_id, last_ts)
     SELECT e.tenant_id, e.user_id, max(e.event_timestamp) FROM public.payment_events e
     WHERE e.arrival_id > $1 AND e.arrival_id <= $2 GROUP BY e.tenant_id, e.user_id$s$),
    (130, 'users: bet contributions', $s$INSERT INTO mvdash.live_user_deltas (tenant_id, user_id, d_bets, d_wagered, d_winnings)
     SELECT c.tenant_id, c.user_id, sum(c.sign)::integer,
            coalesce(sum(c.sign * c.stake) FILTER (WHERE c.status NOT IN ('cancelled', 'voided')), 0),
            coalesce(sum(c.sign * c.payout) FILTER (WHERE c.status = 'settled' AND c.result = 'win'), 0)
     FROM mvdash.live_bet_changes c GROUP BY c.tenant_id, c.user_id$s$),
    (140, 'users: payment contributions', $s$INSERT INTO mvdash.live_user_deltas (tenant_id, user_id, d_deposited, d_withdrawn)
     SELECT c.tenant_id, c.user_id,
            coalesce(sum(c.sign * c.amount) FILTER (WHERE c.status = 'completed' AND c.payment_type = 'deposit'), 0),
            coalesce(sum(c.sign * c.amount) FILTER (WHERE c.status = 'completed' AND c.payment_type = 'withdrawal'), 0)
     FROM mvdash.live_payment_changes c GROUP BY c.tenant_id, c.user_id$s$),
    (145, 'statistics: user deltas', $s$ANALYZE mvdash.live_user_deltas$s$),
    (150, 'tenants: new users', $s$INSERT INTO mvdash.live_tenant_deltas (tenant_id, d_users)
     SELECT d.tenant_id, count(DISTINCT d.user_id)::integer
     FROM mvdash.live_user_deltas d
     WHERE NOT EXISTS (SELECT 1 FROM mvdash.live_user_activity a
                       WHERE a.tenant_id = d.tenant_id AND a.user_id = d.user_id)
     GROUP BY d.tenant_id$s$),
    (160, 'tenants: user deltas', $s$INSERT INTO mvdash.live_tenant_deltas (tenant_id, d_bets, d_stake, d_deposits, d_withdrawals, d_balance)
     SELECT d.tenant_id, sum(d.d_bets)::integer, sum(d.d_wagered), sum(d.d_deposited),
            sum(d.d_withdrawn), sum(d.d_balance)
     FROM mvdash.live_user_deltas d GROUP BY d.tenant_id$s$),
    (170, 'tenants: active bets', $s$INSERT INTO mvdash.live_tenant_deltas (tenant_id, d_active)
     SELECT c.tenant_id, sum(c.sign)::integer FROM mvdash.live_bet_changes c
     WHERE c.status IN ('placed', 'confirmed') GROUP BY c.tenant_id$s$),
    (180, 'user activity: merge', $s$INSERT INTO mvdash.live_user_activity AS a (tenant_id, user_id, current_balance, total_bets,
                                                 total_wagered, total_winnings, total_deposited,
                                                 total_withdrawn, last_activity_at)
     SELECT d.tenant_id, d.user_id, sum(d.d_balance), sum(d.d_bets)::integer, sum(d.d_wagered),
            sum(d.d_winnings), sum(d.d_deposited), sum(d.d_withdrawn), max(d.last_ts)
     FROM mvdash.live_user_deltas d
     GROUP BY d.tenant_id, d.user_id
     ON CONFLICT (tenant_id, user_id) DO UPDATE
     SET current_balance = a.current_balance + excluded.current_balance,
         total_bets = a.total_bets + excluded.total_bets,
         total_wagered = a.total_wagered + excluded.total_wagered,
         total_winnings = a.total_winnings + excluded.total_winnings,
         total_deposited = a.total_deposited + excluded.total_deposited,
         total_withdrawn = a.total_withdrawn + excluded.total_withdrawn,
         last_activity_at = greatest(a.last_activity_at, excluded.last_activity_at)$s$),
    (190, 'tenant totals: merge', $s$INSERT INTO mvdash.live_tenant_totals AS x (tenant_id, total_bets, active_bets, total_stake,
                                                 total_deposits, total_withdrawals, total_users,
                                                 total_balance)
     SELECT d.tenant_id, sum(d.d_bets), sum(d.d_active), sum(d.d_stake), sum(d.d_deposits),
            sum(d.d_withdrawals), sum(d.d_users), sum(d.d_balance)
     FROM mvdash.live_tenant_deltas d GROUP BY d.tenant_id
     ON CONFLICT (tenant_id) DO UPDATE
     SET total_bets = x.total_bets + excluded.total_bets,
         active_bets = x.active_bets + excluded.active_bets,
         total_stake = x.total_stake + excluded.total_stake,
         total_deposits = x.total_deposits + excluded.total_deposits,
         total_withdrawals = x.total_withdrawals + excluded.total_withdrawals,
         total_users = x.total_users + excluded.total_users,
         total_balance = x.total_balance + excluded.total_balance$s$),
    (200, 'bets by status: merge', $s$INSERT INTO mvdash.live_tenant_bet_status AS s (tenant_id, status, bets)
     SELECT c.tenant_id, c.status, sum(c.sign) FROM mvdash.live_bet_changes c
     GROUP BY c.tenant_id, c.status
     ON CONFLICT (tenant_id, status) DO UPDATE SET bets = s.bets + excluded.bets$s$),
    (210, 'bets by status: drop empty rows', $s$DELETE FROM mvdash.live_tenant_bet_status s WHERE s.bets = 0$s$),
    (220, 'scratch: touched bets', $s$DELETE FROM mvdash.live_touched_bets$s$),
    (230, 'scratch: touched payments', $s$DELETE FROM mvdash.live_touched_payments$s$),
    (240, 'scratch: bet changes', $s$DELETE FROM mvdash.live_bet_changes$s$),
    (250, 'scratch: payment changes', $s$DELETE FROM mvdash.live_payment_changes$s$),
    (260, 'scratch: user deltas', $s$DELETE FROM mvdash.live_user_deltas$s$),
    (270, 'scratch: tenant deltas', $s$DELETE FROM mvdash.live_tenant_deltas$s$)
    ) AS s (ord, label, statement) ORDER BY 1
$f$;

------------------------------------------------------------------------------------------
-- The live build: into new tables on plain PostgreSQL, in place on Citus
------------------------------------------------------------------------------------------

-- The large state tables a plain-PostgreSQL build creates anew and swaps in.
CREATE FUNCTION live_swapped_tables() RETURNS text[]
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, mvdash, pg_temp AS $$
    SELECT ARRAY['live_bets', 'live_payments', 'live_user_balances', 'live_user_activity']
$$;

-- Where the build in progress writes those tables: mvdash_staging while a plain-PostgreSQL
-- rebuild runs (set by live_rebuild_begin for its transaction), mvdash otherwise.
CREATE FUNCTION live_build_target() RETURNS text
LANGUAGE sql STABLE SET search_path = pg_catalog, mvdash, pg_temp AS $$
    SELECT coalesce(nullif(current_setting('mvdash.rebuild_into', true), ''), 'mvdash')
$$;

DROP FUNCTION live_build_statements();

-- The statements of a full build, $2 the arrival built to; p_into the schema of the swapped
-- tables (the small per-tenant tables and the scratch are always mvdash's).
CREATE FUNCTION live_build_statements(p_into text DEFAULT 'mvdash')
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
           WHERE b.arrival_id <= $2
           ORDER BY b.tenant_id, b.bet_id, b.event_timestamp DESC, b.event_id DESC) AS e
     GROUP BY e.tenant_id, e.bet_id$s$, p_into, mvdash.live_bet_columns())),
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
           FROM public.bet_events e WHERE e.arrival_id <= $2 GROUP BY e.tenant_id, e.user_id
           UNION ALL
           SELECT e.tenant_id, e.user_id, 0, 0, 0, 0, 0, 0, max(e.event_timestamp)
           FROM public.payment_events e WHERE e.arrival_id <= $2 GROUP BY e.tenant_id, e.user_id
           UNION ALL
           SELECT b.tenant_id, b.user_id, b.balance, 0, 0, 0, 0, 0, b.last_transaction_timestamp
           FROM %1$I.live_user_balances b
           UNION ALL
           SELECT b.tenant_id, b.user_id, 0, count(*),
                  coalesce(sum(b.stake) FILTER (WHERE b.status NOT IN ('cancelled', 'voided')), 0),
                  coalesce(sum(b.payout) FILTER (WHERE b.status = 'settled' AND b.result = 'win'), 0),
                  0, 0, NULL
           FROM %1$I.live_bets b GROUP BY b.tenant_id, b.user_id
           UNION ALL
           SELECT p.tenant_id, p.user_id, 0, 0, 0, 0,
                  coalesce(sum(p.amount) FILTER (WHERE p.status = 'completed' AND p.payment_type = 'deposit'), 0),
                  coalesce(sum(p.amount) FILTER (WHERE p.status = 'completed' AND p.payment_type = 'withdrawal'), 0),
                  NULL
           FROM %1$I.live_payments p GROUP BY p.tenant_id, p.user_id) AS u
     GROUP BY u.tenant_id, u.user_id$s$, p_into)),
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

-- The primary key and the indexes of mvdash.<p_table>, built on its new copy in
-- mvdash_staging (same names: the old table and its indexes are gone when the copy moves in).
CREATE FUNCTION live_index_staged(p_table text) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, mvdash, pg_temp AS $$
DECLARE
    v_old regclass := format('mvdash.%I', p_table)::regclass;
    v_index text;
BEGIN
    IF mvdash.live_build_target() <> 'mvdash_staging' THEN
        RETURN;
    END IF;
    EXECUTE format('ALTER TABLE mvdash_staging.%I ADD CONSTRAINT %I %s', p_table, c.conname,
                   pg_get_constraintdef(c.oid))
    FROM pg_constraint c WHERE c.conrelid = v_old AND c.contype = 'p';
    -- pg_get_indexdef names the table schema-qualified whatever the search_path
    FOR v_index IN SELECT replace(pg_get_indexdef(i.indexrelid), format(' ON mvdash.%I ', p_table),
                                  format(' ON mvdash_staging.%I ', p_table))
                   FROM pg_index i WHERE i.indrelid = v_old AND NOT i.indisprimary
                   ORDER BY i.indexrelid LOOP
        EXECUTE v_index;
    END LOOP;
END
$$;

-- The read models' names as views over the live state (011), now CREATE OR REPLACE and over
-- the state of a given schema: a rebuild points them at its new tables before it drops the
-- old ones (same columns and types: the views keep their identity, and the per-tenant views
-- over them stay).
DROP FUNCTION live_create_views();
CREATE FUNCTION live_create_views(p_from text DEFAULT 'mvdash') RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, mvdash, pg_temp AS $$
BEGIN
    EXECUTE format($v$CREATE OR REPLACE VIEW mvdash.bets_view AS
        SELECT tenant_id, bet_id, user_id, stake, odds, fixture_id, status, result, payout,
               last_updated_timestamp, last_updated_at
        FROM %I.live_bets$v$, p_from);
    EXECUTE format($v$CREATE OR REPLACE VIEW mvdash.user_balances_view AS
        SELECT tenant_id, user_id, balance, transaction_count, last_transaction_timestamp,
               last_transaction_at
        FROM %I.live_user_balances$v$, p_from);
    EXECUTE format($v$CREATE OR REPLACE VIEW mvdash.payments_view AS
        SELECT tenant_id, payment_id, user_id, amount, currency, payment_method, external_id,
               payment_type, status, last_updated_timestamp, last_updated_at
        FROM %I.live_payments$v$, p_from);
    EXECUTE format($v$CREATE OR REPLACE VIEW mvdash.user_activity_view AS
        SELECT tenant_id, user_id, current_balance, total_bets, total_wagered, total_winnings,
               total_deposited, total_withdrawn, last_activity_at
        FROM %I.live_user_activity$v$, p_from);
    CREATE OR REPLACE VIEW mvdash.tenant_bet_status_view AS
    SELECT tenant_id, status, bets FROM mvdash.live_tenant_bet_status;
    -- last_refreshed_at: the start of the step that brought every row to the watermark
    CREATE OR REPLACE VIEW mvdash.tenants_summary_view AS
    SELECT s.tenant_id, s.tenant_name, s.slug, s.status, s.plan, s.total_bets, s.active_bets,
           s.total_stake, s.total_deposits, s.total_withdrawals, s.total_users, s.total_balance,
           p.applied_at AS last_refreshed_at
    FROM mvdash.live_tenants_summary s CROSS JOIN mvdash.live_progress p;
END
$$;

CREATE OR REPLACE FUNCTION live_rebuild_begin() RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, mvdash, pg_temp AS $$
DECLARE
    v_to bigint;
    v_table text;
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
    IF NOT v_citus THEN
        -- new, unindexed copies (columns, types, NOT NULLs) to build into; leftovers of an
        -- interrupted rebuild were rolled back with it, a stray one is replaced
        FOREACH v_table IN ARRAY mvdash.live_swapped_tables() LOOP
            EXECUTE format('DROP TABLE IF EXISTS mvdash_staging.%I', v_table);
            EXECUTE format('CREATE TABLE mvdash_staging.%1$I (LIKE mvdash.%1$I INCLUDING DEFAULTS)',
                           v_table);
        END LOOP;
    END IF;
    PERFORM set_config('mvdash.rebuild_into', CASE WHEN v_citus THEN 'mvdash' ELSE 'mvdash_staging' END, true);
    PERFORM set_config('mvdash.rebuild_to', v_to::text, true);
    PERFORM set_config('mvdash.rebuild_started', clock_timestamp()::text, true);
    RETURN v_to;
END
$$;

CREATE OR REPLACE FUNCTION live_rebuild_statement(p_ord integer) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, mvdash, pg_temp AS $$
DECLARE
    v_to bigint := nullif(current_setting('mvdash.rebuild_to', true), '')::bigint;
    v_statement text;
BEGIN
    IF v_to IS NULL THEN
        RAISE EXCEPTION 'no rebuild in this transaction'
            USING ERRCODE = 'object_not_in_prerequisite_state', HINT = 'Call live_rebuild_begin() first.';
    END IF;
    SELECT s.statement INTO STRICT v_statement
    FROM mvdash.live_build_statements(mvdash.live_build_target()) s WHERE s.ord = p_ord;
    EXECUTE v_statement USING -1::bigint, v_to;
END
$$;

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
-- The matview definitions of bets_view and payments_view
------------------------------------------------------------------------------------------

-- Built WITH NO DATA in mvdash_staging to take their definitions in the form 011 keeps
-- (pg_get_viewdef: mvdash's relations unqualified, the event store as public.*), then:
-- in matview mode all six matviews are built anew from the definitions and swapped in (the
-- derived ones read these two); in live mode the definitions wait for a convert.
CREATE MATERIALIZED VIEW mvdash_staging.bets_view AS
SELECT tenant_id,
       bet_id,
       -- e arrives newest first per bet: [1] is the latest, with FILTER the latest non-null
       (array_agg(user_id))[1] AS user_id,
       (array_agg(stake) FILTER (WHERE stake IS NOT NULL))[1]::numeric(18, 2) AS stake,
       (array_agg(odds) FILTER (WHERE odds IS NOT NULL))[1]::numeric(10, 4) AS odds,
       (array_agg(fixture_id) FILTER (WHERE fixture_id IS NOT NULL))[1] AS fixture_id,
       (array_agg(event_type))[1] AS status,
       (array_agg(result) FILTER (WHERE result IS NOT NULL))[1] AS result,
       (array_agg(payout) FILTER (WHERE payout IS NOT NULL))[1]::numeric(18, 2) AS payout,
       max(event_timestamp) AS last_updated_timestamp,
       to_timestamp(max(event_timestamp) / 1000.0) AS last_updated_at
FROM (SELECT tenant_id, bet_id, user_id, stake, odds, fixture_id, event_type, result, payout,
             event_timestamp
      FROM public.bet_events
      ORDER BY tenant_id, bet_id, event_timestamp DESC, event_id DESC) AS e
GROUP BY tenant_id, bet_id
ORDER BY tenant_id, bet_id COLLATE "C"
WITH NO DATA;

CREATE MATERIALIZED VIEW mvdash_staging.payments_view AS
SELECT tenant_id,
       payment_id,
       (array_agg(user_id))[1] AS user_id,
       (array_agg(amount) FILTER (WHERE amount IS NOT NULL))[1]::numeric(18, 2) AS amount,
       (array_agg(currency) FILTER (WHERE currency IS NOT NULL))[1] AS currency,
       (array_agg(payment_method) FILTER (WHERE payment_method IS NOT NULL))[1] AS payment_method,
       (array_agg(external_id) FILTER (WHERE external_id IS NOT NULL))[1] AS external_id,
       (array_agg(payment_type) FILTER (WHERE payment_type IS NOT NULL))[1] AS payment_type,
       (array_agg(event_type))[1] AS status,
       max(event_timestamp) AS last_updated_timestamp,
       to_timestamp(max(event_timestamp) / 1000.0) AS last_updated_at
FROM (SELECT tenant_id, payment_id, user_id, amount, currency, payment_method, external_id,
             payment_type, event_type, event_timestamp
      FROM public.payment_events
      ORDER BY tenant_id, payment_id, event_timestamp DESC, event_id DESC) AS e
GROUP BY tenant_id, payment_id
ORDER BY tenant_id, payment_id COLLATE "C"
WITH NO DATA;

-- 002's definitions, their rows now emitted in row-image order (below)
CREATE MATERIALIZED VIEW mvdash_staging.user_balances_view AS
SELECT tenant_id,
       user_id,
       sum(amount) AS balance,
       count(*)::integer AS transaction_count,
       max(event_timestamp) AS last_transaction_timestamp,
       to_timestamp(max(event_timestamp) / 1000.0) AS last_transaction_at
FROM public.balance_events
GROUP BY tenant_id, user_id
ORDER BY tenant_id, user_id COLLATE "C"
WITH NO DATA;

CREATE MATERIALIZED VIEW mvdash_staging.user_activity_view AS
WITH users AS MATERIALIZED (
    SELECT tenant_id, user_id, max(last_ts) AS last_activity_at
    FROM (SELECT tenant_id, user_id, max(event_timestamp) AS last_ts
          FROM public.bet_events GROUP BY tenant_id, user_id
          UNION ALL
          SELECT tenant_id, user_id, max(event_timestamp)
          FROM public.balance_events GROUP BY tenant_id, user_id
          UNION ALL
          SELECT tenant_id, user_id, max(event_timestamp)
          FROM public.payment_events GROUP BY tenant_id, user_id) AS per_table
    GROUP BY tenant_id, user_id
),
bets AS (
    SELECT tenant_id, user_id,
           count(*)::integer AS total_bets,
           coalesce(sum(stake) FILTER (WHERE status NOT IN ('cancelled', 'voided')), 0)
               AS total_wagered,
           coalesce(sum(payout) FILTER (WHERE status = 'settled' AND result = 'win'), 0)
               AS total_winnings
    FROM mvdash_staging.bets_view
    GROUP BY tenant_id, user_id
),
payments AS (
    SELECT tenant_id, user_id,
           coalesce(sum(amount) FILTER (WHERE status = 'completed' AND payment_type = 'deposit'), 0)
               AS total_deposited,
           coalesce(sum(amount) FILTER (WHERE status = 'completed' AND payment_type = 'withdrawal'), 0)
               AS total_withdrawn
    FROM mvdash_staging.payments_view
    GROUP BY tenant_id, user_id
)
SELECT u.tenant_id,
       u.user_id,
       coalesce(b.balance, 0) AS current_balance,
       coalesce(bets.total_bets, 0) AS total_bets,
       coalesce(bets.total_wagered, 0) AS total_wagered,
       coalesce(bets.total_winnings, 0) AS total_winnings,
       coalesce(payments.total_deposited, 0) AS total_deposited,
       coalesce(payments.total_withdrawn, 0) AS total_withdrawn,
       u.last_activity_at
FROM users u
LEFT JOIN mvdash_staging.user_balances_view b ON b.tenant_id = u.tenant_id AND b.user_id = u.user_id
LEFT JOIN bets ON bets.tenant_id = u.tenant_id AND bets.user_id = u.user_id
LEFT JOIN payments ON payments.tenant_id = u.tenant_id AND payments.user_id = u.user_id
ORDER BY u.tenant_id, u.user_id COLLATE "C"
WITH NO DATA;

DO $definitions$
DECLARE
    v_names text[];
    v_bases text[];
    v_tenants bigint[];
    i integer;
    v_view text;
BEGIN
    -- (the staged views name each other unqualified under this path, the event store public.*)
    PERFORM set_config('search_path', 'mvdash_staging, pg_catalog', true);
    UPDATE mvdash.read_model_definitions d
    SET definition = pg_get_viewdef(format('mvdash_staging.%I', d.view_name)::regclass, false)
    WHERE d.view_name IN ('bets_view', 'payments_view', 'user_balances_view', 'user_activity_view');
    PERFORM set_config('search_path', 'mvdash, pg_temp', true);
    DROP MATERIALIZED VIEW mvdash_staging.user_activity_view;
    DROP MATERIALIZED VIEW mvdash_staging.bets_view, mvdash_staging.payments_view,
        mvdash_staging.user_balances_view;

    IF mvdash.read_model_mode_now() <> 'matview' THEN
        RETURN;
    END IF;
    -- matview mode: the six built anew (with data and indexes) beside the current ones, then
    -- swapped in; the per-tenant copies are rebuilt over them
    PERFORM mvdash.live_stage_matviews();
    SELECT coalesce(array_agg(t.copy_name), '{}'), coalesce(array_agg(t.base), '{}'),
           coalesce(array_agg(t.tenant_id), '{}')
    INTO v_names, v_bases, v_tenants
    FROM mvdash.mvdash_tenant_copies() t;
    FOR i IN 1 .. cardinality(v_names) LOOP
        EXECUTE format('DROP MATERIALIZED VIEW mvdash.%I', v_names[i]);
    END LOOP;
    DROP MATERIALIZED VIEW mvdash.tenants_summary_view, mvdash.tenant_bet_status_view,
        mvdash.user_activity_view;
    DROP MATERIALIZED VIEW mvdash.bets_view, mvdash.payments_view, mvdash.user_balances_view;
    FOR v_view IN SELECT d.view_name FROM mvdash.read_model_definitions d ORDER BY d.build_order LOOP
        EXECUTE format('ALTER MATERIALIZED VIEW mvdash_staging.%I SET SCHEMA mvdash', v_view);
    END LOOP;
    FOR i IN 1 .. cardinality(v_names) LOOP
        PERFORM mvdash.create_tenant_view(v_bases[i], v_tenants[i]);
    END LOOP;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'mvdash_reader') THEN
        GRANT SELECT ON mvdash.bets_view, mvdash.user_balances_view, mvdash.payments_view,
            mvdash.user_activity_view, mvdash.tenants_summary_view, mvdash.tenant_bet_status_view
            TO mvdash_reader;
    END IF;
END
$definitions$;

------------------------------------------------------------------------------------------
-- Sizes for the ops panel, read every 5 s in live mode: one pass, sizes asked of the server
-- directly on plain PostgreSQL (011's per-row function calls cost 2.3 ms at 10M events,
-- against the panels' 2 ms)
------------------------------------------------------------------------------------------

CREATE OR REPLACE FUNCTION materialized_view_sizes()
RETURNS TABLE (view_name text, total_bytes bigint, table_bytes bigint, index_bytes bigint,
               index_count integer, row_estimate bigint, populated boolean,
               has_unique_index boolean, last_refreshed_at timestamptz,
               share_of_event_tables numeric)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, mvdash, pg_temp AS $$
DECLARE
    v_live boolean := mvdash.read_model_mode_now() = 'live';
    v_citus boolean := to_regclass('pg_catalog.pg_dist_partition') IS NOT NULL;
    v_event_bytes numeric := nullif(mvdash.event_tables_bytes(), 0);
BEGIN
    RETURN QUERY
    WITH stored AS MATERIALIZED (
        -- the relation holding each read model's rows: its state table in live mode
        SELECT p.view_name, p.populated, p.has_unique_index, c.oid, c.reltuples
        FROM mvdash.materialized_views_refresh_plan() p
        LEFT JOIN mvdash.read_model_definitions d ON v_live AND d.view_name = p.view_name
        JOIN pg_class c ON c.relnamespace = 'mvdash'::regnamespace
                       AND c.relname = coalesce(d.state_table, p.view_name)
    ),
    sized AS (
        SELECT s.*, b.table_bytes, b.index_bytes
        FROM stored s
        CROSS JOIN LATERAL (
            SELECT pg_table_size(s.oid) AS table_bytes, pg_indexes_size(s.oid) AS index_bytes
            WHERE NOT v_citus
            UNION ALL
            SELECT r.table_bytes, r.index_bytes FROM mvdash.mvdash_relation_bytes(s.oid) r
            WHERE v_citus) AS b
    )
    SELECT z.view_name, z.table_bytes + z.index_bytes, z.table_bytes, z.index_bytes,
           (SELECT count(*)::integer FROM pg_index i WHERE i.indrelid = z.oid),
           CASE WHEN z.reltuples < 0 THEN NULL ELSE z.reltuples::bigint END,
           z.populated, z.has_unique_index, l.last_refreshed_at,
           round((z.table_bytes + z.index_bytes)::numeric / v_event_bytes, 4)
    FROM sized z
    LEFT JOIN mvdash.materialized_views_refresh_log l ON l.view_name = z.view_name
    ORDER BY 2 DESC, 1;
END
$$;

------------------------------------------------------------------------------------------
-- Privileges: as 011 for the functions replaced with a new signature
------------------------------------------------------------------------------------------

REVOKE ALL ON FUNCTION live_swapped_tables(), live_build_target(), live_build_statements(text),
    live_index_staged(text), live_create_views(text)
    FROM PUBLIC;
GRANT EXECUTE ON FUNCTION live_build_statements(text) TO mvdash_operator;
