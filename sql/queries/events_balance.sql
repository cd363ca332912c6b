SELECT tenant_id, event_id, user_id, amount, reason, reference_id, event_timestamp
FROM public.balance_events
