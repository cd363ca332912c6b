SELECT payment_id, amount, currency, payment_method, external_id, status, last_updated_at
FROM payments_view
WHERE tenant_id = :tenant_id AND user_id = :user_id AND payment_type = 'withdrawal'
ORDER BY last_updated_at DESC
LIMIT 20
