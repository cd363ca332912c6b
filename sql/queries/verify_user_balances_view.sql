SELECT tenant_id, user_id, balance, transaction_count, last_transaction_timestamp,
       round(extract(epoch FROM last_transaction_at) * 1000)::bigint AS last_transaction_at_ms
FROM user_balances_view
