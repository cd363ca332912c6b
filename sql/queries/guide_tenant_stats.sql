-- from the guide: tenant dashboard
SELECT total_bets, active_bets, total_stake, total_deposits, total_withdrawals, total_users,
       total_balance
FROM tenants_summary_view
WHERE tenant_id = :tenant_id
