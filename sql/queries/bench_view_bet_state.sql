SELECT user_id, stake, odds, status, result, payout, last_updated_timestamp
FROM bets_view
WHERE tenant_id = :tenant_id AND bet_id = :bet_id
