-- Event sourcing: one bet rebuilt from its events (bet_events_bet_idx).
SELECT (array_agg(user_id ORDER BY event_timestamp DESC, event_id DESC))[1],
       (array_agg(stake ORDER BY event_timestamp DESC, event_id DESC) FILTER (WHERE stake IS NOT NULL))[1],
       (array_agg(odds ORDER BY event_timestamp DESC, event_id DESC) FILTER (WHERE odds IS NOT NULL))[1],
       (array_agg(event_type ORDER BY event_timestamp DESC, event_id DESC))[1],
       (array_agg(result ORDER BY event_timestamp DESC, event_id DESC) FILTER (WHERE result IS NOT NULL))[1],
       (array_agg(payout ORDER BY event_timestamp DESC, event_id DESC) FILTER (WHERE payout IS NOT NULL))[1],
       max(event_timestamp)
FROM public.bet_events
WHERE tenant_id = :tenant_id AND bet_id = :bet_id
