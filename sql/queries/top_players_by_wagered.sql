-- Top players of a tenant by total_wagered (the Players panel; one catalog entry per sort key, so
-- that no SQL text is put together in C++): reads user_activity_view_wagered_idx in order.
SELECT user_id, total_bets, total_wagered, total_winnings, current_balance, last_activity_at
FROM user_activity_view
WHERE tenant_id = :tenant_id
ORDER BY total_wagered DESC, user_id
LIMIT :limit
