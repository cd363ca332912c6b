-- The subjects of the comparisons: the smallest tenant with bets and the largest, each with
-- its busiest user and one of its bets.
WITH sized AS (
    SELECT tenant_id, count(*) AS bets FROM bets_view GROUP BY tenant_id
), chosen AS (
    (SELECT tenant_id, 'largest' AS label FROM sized ORDER BY bets DESC LIMIT 1)
    UNION ALL
    (SELECT tenant_id, 'smallest' FROM sized ORDER BY bets, tenant_id LIMIT 1)
)
SELECT c.label, c.tenant_id,
       (SELECT user_id FROM user_activity_view u WHERE u.tenant_id = c.tenant_id ORDER BY total_bets DESC, user_id LIMIT 1),
       (SELECT bet_id FROM bets_view b WHERE b.tenant_id = c.tenant_id ORDER BY bet_id LIMIT 1)
FROM chosen c
