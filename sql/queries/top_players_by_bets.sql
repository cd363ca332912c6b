-- Top players of a tenant by total_bets (the Players panel; one catalog entry per sort key, so
-- that no SQL text is put together in C++): reads user_activity_view_bets_idx in order.
SELECT user_id, total_bets, total_wagered, total_winnings, current_balance, last_activity_at
FROM user_activity_view
WHERE tenant_id = :tenant_id
ORDER BY total_bets DESC, user_id
LIMIT :limit
