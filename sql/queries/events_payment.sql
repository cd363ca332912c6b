SELECT tenant_id, event_id, payment_id, user_id, event_type, amount, currency, payment_method,
       external_id, payment_type, event_timestamp
FROM public.payment_events
