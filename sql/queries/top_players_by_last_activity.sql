-- Top players of a tenant by last_activity_at (the Players panel; one catalog entry per sort key, so
-- that no SQL text is put together in C++): reads user_activity_view_activity_idx in order.
SELECT user_id, total_bets, total_wagered, total_winnings, current_balance, last_activity_at
FROM user_activity_view
WHERE tenant_id = :tenant_id
ORDER BY last_activity_at DESC, user_id
LIMIT :limit
