-- tenant_bet_status_view as the verifier compares it with the replay (by column name).
SELECT tenant_id, status, bets
FROM tenant_bet_status_view
