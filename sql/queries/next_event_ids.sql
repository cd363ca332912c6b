SELECT (SELECT coalesce(max(event_id), 0) + 1 FROM public.bet_events WHERE tenant_id = :tenant_id),
       (SELECT coalesce(max(event_id), 0) + 1 FROM public.balance_events WHERE tenant_id = :tenant_id),
       (SELECT coalesce(max(event_id), 0) + 1 FROM public.payment_events WHERE tenant_id = :tenant_id)
