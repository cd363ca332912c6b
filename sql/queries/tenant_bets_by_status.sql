SELECT status, bets FROM tenant_bet_status_view WHERE tenant_id = :tenant_id ORDER BY status
