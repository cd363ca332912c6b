-- How many active bets a user has, for support when the list shows only the newest (the
-- guide's active bets, counted on the same partial index); no row for a user without any
SELECT count(*) AS active_bets
FROM bets_view
WHERE tenant_id = :tenant_id AND user_id = :user_id AND status IN ('placed', 'confirmed')
GROUP BY user_id
