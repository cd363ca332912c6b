SELECT tenant_id, payment_id, user_id, amount, currency, payment_method, external_id,
       payment_type, status, last_updated_timestamp,
       round(extract(epoch FROM last_updated_at) * 1000)::bigint AS last_updated_at_ms
FROM payments_view
