SELECT tenant_id, tenant_name, slug, status, plan, total_bets, active_bets, total_stake,
       total_deposits, total_withdrawals, total_users, total_balance,
       (last_refreshed_at IS NOT NULL)::text AS has_last_refreshed_at
FROM tenants_summary_view
