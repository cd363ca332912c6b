SELECT tenant_id, event_id, bet_id, user_id, event_type, stake, odds, fixture_id, result, payout,
       event_timestamp
FROM public.bet_events
