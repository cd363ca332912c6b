SELECT tenant_id, tenant_name, slug, status, plan, total_bets, active_bets, total_stake,
       total_deposits, total_withdrawals, total_users, total_balance, last_refreshed_at,
       extract(epoch FROM clock_timestamp() - last_refreshed_at)::bigint AS age_seconds
FROM tenants_summary_view
ORDER BY tenant_name, tenant_id
