-- The subjects of the comparisons: the smallest tenant with bets and the largest, each with
-- its busiest user and one of its bets. Staged in MATERIALIZED CTEs: in live mode on Citus the
-- read models are distributed, and a correlated subquery per tenant cannot be planned there.
WITH sized AS MATERIALIZED (
    SELECT tenant_id, count(*) AS bets FROM bets_view GROUP BY tenant_id
), chosen AS MATERIALIZED (
    (SELECT tenant_id, 'largest' AS label FROM sized ORDER BY bets DESC LIMIT 1)
    UNION ALL
    (SELECT tenant_id, 'smallest' FROM sized ORDER BY bets, tenant_id LIMIT 1)
), busiest AS MATERIALIZED (
    SELECT DISTINCT ON (u.tenant_id) u.tenant_id, u.user_id
    FROM user_activity_view u
    WHERE u.tenant_id IN (SELECT tenant_id FROM chosen)
    ORDER BY u.tenant_id, u.total_bets DESC, u.user_id
), first_bet AS MATERIALIZED (
    SELECT b.tenant_id, min(b.bet_id) AS bet_id
    FROM bets_view b
    WHERE b.tenant_id IN (SELECT tenant_id FROM chosen)
    GROUP BY b.tenant_id
)
SELECT c.label, c.tenant_id, u.user_id, f.bet_id
FROM chosen c
LEFT JOIN busiest u ON u.tenant_id = c.tenant_id
LEFT JOIN first_bet f ON f.tenant_id = c.tenant_id
ORDER BY c.label
