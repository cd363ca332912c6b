SELECT current_balance, total_bets, total_wagered, total_winnings, total_deposited,
       total_withdrawn, last_activity_at
FROM user_activity_view
WHERE tenant_id = :tenant_id AND user_id = :user_id
