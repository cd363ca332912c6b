-- The five read models of event-store.md, column for column. "Latest" is the highest
-- (event_timestamp, event_id); "last non-null" is the latest event that carries the column.
-- array_agg(... ORDER BY ... DESC)[1] states that rule literally and works unchanged on a
-- Citus coordinator (the GROUP BY holds tenant_id, so it is pushed down to the workers).

CREATE MATERIALIZED VIEW bets_view AS
SELECT tenant_id,
       bet_id,
       -- user_id is NOT NULL in bet_events, so its last non-null value is the latest one
       (array_agg(user_id ORDER BY event_timestamp DESC, event_id DESC))[1] AS user_id,
       (array_agg(stake ORDER BY event_timestamp DESC, event_id DESC)
            FILTER (WHERE stake IS NOT NULL))[1]::numeric(18, 2) AS stake,
       (array_agg(odds ORDER BY event_timestamp DESC, event_id DESC)
            FILTER (WHERE odds IS NOT NULL))[1]::numeric(10, 4) AS odds,
       (array_agg(fixture_id ORDER BY event_timestamp DESC, event_id DESC)
            FILTER (WHERE fixture_id IS NOT NULL))[1] AS fixture_id,
       (array_agg(event_type ORDER BY event_timestamp DESC, event_id DESC))[1] AS status,
       (array_agg(result ORDER BY event_timestamp DESC, event_id DESC)
            FILTER (WHERE result IS NOT NULL))[1] AS result,
       (array_agg(payout ORDER BY event_timestamp DESC, event_id DESC)
            FILTER (WHERE payout IS NOT NULL))[1]::numeric(18, 2) AS payout,
       max(event_timestamp) AS last_updated_timestamp,
       to_timestamp(max(event_timestamp) / 1000.0) AS last_updated_at
FROM bet_events
GROUP BY tenant_id, bet_id;

CREATE UNIQUE INDEX bets_view_key ON bets_view (tenant_id, bet_id);
-- the guide's "active bets of a user", newest first
CREATE INDEX bets_view_user_active_idx ON bets_view (tenant_id, user_id, last_updated_at DESC)
    WHERE status IN ('placed', 'confirmed');
-- the user lookup's "recent bets"
CREATE INDEX bets_view_user_recent_idx ON bets_view (tenant_id, user_id, last_updated_at DESC);

CREATE MATERIALIZED VIEW user_balances_view AS
SELECT tenant_id,
       user_id,
       sum(amount) AS balance,
       count(*)::integer AS transaction_count,
       max(event_timestamp) AS last_transaction_timestamp,
       to_timestamp(max(event_timestamp) / 1000.0) AS last_transaction_at
FROM balance_events
GROUP BY tenant_id, user_id;

CREATE UNIQUE INDEX user_balances_view_key ON user_balances_view (tenant_id, user_id);

CREATE MATERIALIZED VIEW payments_view AS
SELECT tenant_id,
       payment_id,
       (array_agg(user_id ORDER BY event_timestamp DESC, event_id DESC))[1] AS user_id,
       (array_agg(amount ORDER BY event_timestamp DESC, event_id DESC)
            FILTER (WHERE amount IS NOT NULL))[1]::numeric(18, 2) AS amount,
       (array_agg(currency ORDER BY event_timestamp DESC, event_id DESC)
            FILTER (WHERE currency IS NOT NULL))[1] AS currency,
       (array_agg(payment_method ORDER BY event_timestamp DESC, event_id DESC)
            FILTER (WHERE payment_method IS NOT NULL))[1] AS payment_method,
       (array_agg(external_id ORDER BY event_timestamp DESC, event_id DESC)
            FILTER (WHERE external_id IS NOT NULL))[1] AS external_id,
       (array_agg(payment_type ORDER BY event_timestamp DESC, event_id DESC)
            FILTER (WHERE payment_type IS NOT NULL))[1] AS payment_type,
       (array_agg(event_type ORDER BY event_timestamp DESC, event_id DESC))[1] AS status,
       max(event_timestamp) AS last_updated_timestamp,
       to_timestamp(max(event_timestamp) / 1000.0) AS last_updated_at
FROM payment_events
GROUP BY tenant_id, payment_id;

CREATE UNIQUE INDEX payments_view_key ON payments_view (tenant_id, payment_id);
-- the guide's "deposit history of a user", newest first
CREATE INDEX payments_view_user_idx
    ON payments_view (tenant_id, user_id, payment_type, last_updated_at DESC);
-- the payments panel: a tenant's payments newest first, keyset-paged on (time, id)
CREATE INDEX payments_view_tenant_recent_idx
    ON payments_view (tenant_id, last_updated_at DESC, payment_id DESC);

-- Built from the views above (so the refresh engine orders it after them, by pg_depend)
-- plus one pass over the events for the user set and the last activity. The parts over
-- the event tables are MATERIALIZED CTEs: on Citus they run on the workers and only the
-- per-user rows come back to the coordinator, where the join with the views happens.
CREATE MATERIALIZED VIEW user_activity_view AS
WITH users AS MATERIALIZED (
    SELECT tenant_id, user_id, max(last_ts) AS last_activity_at
    FROM (SELECT tenant_id, user_id, max(event_timestamp) AS last_ts
          FROM bet_events GROUP BY tenant_id, user_id
          UNION ALL
          SELECT tenant_id, user_id, max(event_timestamp)
          FROM balance_events GROUP BY tenant_id, user_id
          UNION ALL
          SELECT tenant_id, user_id, max(event_timestamp)
          FROM payment_events GROUP BY tenant_id, user_id) AS per_table
    GROUP BY tenant_id, user_id
),
bets AS (
    SELECT tenant_id, user_id,
           count(*)::integer AS total_bets,
           coalesce(sum(stake) FILTER (WHERE status NOT IN ('cancelled', 'voided')), 0)
               AS total_wagered,
           coalesce(sum(payout) FILTER (WHERE status = 'settled' AND result = 'win'), 0)
               AS total_winnings
    FROM bets_view
    GROUP BY tenant_id, user_id
),
payments AS (
    SELECT tenant_id, user_id,
           coalesce(sum(amount) FILTER (WHERE status = 'completed' AND payment_type = 'deposit'), 0)
               AS total_deposited,
           coalesce(sum(amount) FILTER (WHERE status = 'completed' AND payment_type = 'withdrawal'), 0)
               AS total_withdrawn
    FROM payments_view
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
LEFT JOIN user_balances_view b ON b.tenant_id = u.tenant_id AND b.user_id = u.user_id
LEFT JOIN bets ON bets.tenant_id = u.tenant_id AND bets.user_id = u.user_id
LEFT JOIN payments ON payments.tenant_id = u.tenant_id AND payments.user_id = u.user_id;

CREATE UNIQUE INDEX user_activity_view_key ON user_activity_view (tenant_id, user_id);
-- the guide's "top players"
CREATE INDEX user_activity_view_wagered_idx
    ON user_activity_view (tenant_id, total_wagered DESC, user_id);
-- the user lookup's prefix search (LIKE 'abc%' whatever the database collation)
CREATE INDEX user_activity_view_user_prefix_idx
    ON user_activity_view (tenant_id, user_id varchar_pattern_ops);

-- Every bet and payment is attributed to exactly one user of user_activity_view, so the
-- tenant's money totals are sums over that (smaller) view; only the active-bet count needs
-- bets_view. tenants is joined last and drives the rows: a tenant without events gets zeros.
CREATE MATERIALIZED VIEW tenants_summary_view AS
WITH tenant_list AS MATERIALIZED (
    SELECT tenant_id, tenant_name, slug, status, plan FROM tenants
),
activity AS (
    SELECT tenant_id,
           sum(total_bets)::integer AS total_bets,
           sum(total_wagered) AS total_stake,
           sum(total_deposited) AS total_deposits,
           sum(total_withdrawn) AS total_withdrawals,
           count(*)::integer AS total_users,
           sum(current_balance) AS total_balance
    FROM user_activity_view
    GROUP BY tenant_id
),
active AS (
    SELECT tenant_id, count(*)::integer AS active_bets
    FROM bets_view
    WHERE status IN ('placed', 'confirmed')
    GROUP BY tenant_id
)
SELECT t.tenant_id,
       t.tenant_name,
       t.slug,
       t.status,
       t.plan,
       coalesce(a.total_bets, 0) AS total_bets,
       coalesce(ab.active_bets, 0) AS active_bets,
       coalesce(a.total_stake, 0) AS total_stake,
       coalesce(a.total_deposits, 0) AS total_deposits,
       coalesce(a.total_withdrawals, 0) AS total_withdrawals,
       coalesce(a.total_users, 0) AS total_users,
       coalesce(a.total_balance, 0) AS total_balance,
       now() AS last_refreshed_at
FROM tenant_list t
LEFT JOIN activity a ON a.tenant_id = t.tenant_id
LEFT JOIN active ab ON ab.tenant_id = t.tenant_id;

CREATE UNIQUE INDEX tenants_summary_view_key ON tenants_summary_view (tenant_id);
