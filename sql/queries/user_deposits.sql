-- support's Deposits tab: the guide's deposit history of a user (guide_user_deposits), with
-- what a support agent matches a provider's record by: currency, method, external id
SELECT payment_id, amount, currency, payment_method, external_id, status, last_updated_at
FROM payments_view
WHERE tenant_id = :tenant_id AND user_id = :user_id AND payment_type = 'deposit'
ORDER BY last_updated_at DESC
LIMIT 20
