-- from the guide: active bets of a user, newest first
SELECT bet_id, stake, odds, fixture_id, status
FROM bets_view
WHERE tenant_id = ? AND user_id = ? AND status IN ('placed', 'confirmed')
ORDER BY last_updated_at DESC
