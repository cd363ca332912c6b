SELECT status, count(*) FROM bets_view WHERE tenant_id = ? GROUP BY status ORDER BY status
