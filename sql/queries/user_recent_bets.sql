SELECT bet_id, stake, odds, fixture_id, status, result, payout, last_updated_at
FROM bets_view
WHERE tenant_id = :tenant_id AND user_id = :user_id
ORDER BY last_updated_at DESC
LIMIT 50
