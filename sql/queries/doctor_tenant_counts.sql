-- doctor --tenant: the guide's check ("the view is not refreshing"), for one tenant: distinct
-- bets and payments in the events against the rows of bets_view and payments_view.
SELECT (SELECT count(DISTINCT bet_id) FROM public.bet_events WHERE tenant_id = :tenant_id::bigint)
           AS event_bets,
       (SELECT count(*) FROM bets_view WHERE tenant_id = :tenant_id::bigint) AS view_bets,
       (SELECT count(DISTINCT payment_id) FROM public.payment_events WHERE tenant_id = :tenant_id::bigint)
           AS event_payments,
       (SELECT count(*) FROM payments_view WHERE tenant_id = :tenant_id::bigint) AS view_payments,
       EXISTS (SELECT 1 FROM public.tenants WHERE tenant_id = :tenant_id::bigint) AS known_tenant
