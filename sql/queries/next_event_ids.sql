SELECT (SELECT coalesce(max(event_id), 0) + 1 FROM bet_events WHERE tenant_id = ?),
       (SELECT coalesce(max(event_id), 0) + 1 FROM balance_events WHERE tenant_id = ?),
       (SELECT coalesce(max(event_id), 0) + 1 FROM payment_events WHERE tenant_id = ?)
