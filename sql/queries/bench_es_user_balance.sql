-- Event sourcing: a balance summed from its events (balance_events_user_idx).
SELECT sum(amount), count(*) FROM public.balance_events WHERE tenant_id = :tenant_id AND user_id = :user_id
