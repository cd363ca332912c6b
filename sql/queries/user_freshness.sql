-- How fresh the user lookup is: the oldest refresh of the views it reads, and how many of
-- the events of the user arrived since (by the arrival order the refreshes logged, 031).
WITH refreshed AS (
    SELECT min(last_refreshed_at) AS at FROM materialized_views_refresh_log
    WHERE view_name IN ('bets_view', 'payments_view', 'user_balances_view', 'user_activity_view')
)
-- typed arguments: the exact match on the path (tenant_scope's for a tenant role, else
-- mvdash's) wins over any look-alike later on it
SELECT r.at, e.bet_events, e.balance_events, e.payment_events
FROM refreshed r
LEFT JOIN LATERAL user_events_since(:tenant_id::bigint, :user_id::text, r.at) e ON r.at IS NOT NULL
