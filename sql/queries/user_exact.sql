-- Live mode: the user's figures to the last committed event (migration 011); no row in matview
-- mode. Typed arguments: tenant_scope's function for a tenant role, mvdash's otherwise.
SELECT current_balance, total_bets, total_wagered, total_winnings, total_deposited,
       total_withdrawn, last_activity_at, balance, transaction_count, folded_events, as_of
FROM user_exact(:tenant_id::bigint, :user_id::text)
