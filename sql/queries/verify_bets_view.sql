SELECT tenant_id, bet_id, user_id, stake, odds, fixture_id, status, result, payout,
       last_updated_timestamp, round(extract(epoch FROM last_updated_at) * 1000)::bigint AS last_updated_at_ms
FROM bets_view
