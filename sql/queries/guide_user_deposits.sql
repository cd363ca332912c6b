-- from the guide: deposit history of a user
SELECT payment_id, amount, status, last_updated_at
FROM payments_view
WHERE tenant_id = :tenant_id AND user_id = :user_id AND payment_type = 'deposit'
ORDER BY last_updated_at DESC
LIMIT 20
