-- from the guide: top players
SELECT user_id, total_bets, total_wagered, total_winnings, current_balance
FROM user_activity_view
WHERE tenant_id = :tenant_id
ORDER BY total_wagered DESC
LIMIT 10
