-- from the guide: balance of a user
SELECT balance, transaction_count
FROM user_balances_view
WHERE tenant_id = :tenant_id AND user_id = :user_id
