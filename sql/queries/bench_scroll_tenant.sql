-- mvdash-bench's GUI scroll scenario: a tenant with :n payments (one 'completed' event each),
-- so that the Payments panel can be browsed through a million rows. Only ever run on the
-- benchmark's own private cluster.
WITH tenant AS (
    INSERT INTO public.tenants (tenant_id, tenant_name, slug, status, plan)
    VALUES (99001, 'Bench scroll', 'bench-scroll', 'active', 'enterprise')
    ON CONFLICT (tenant_id) DO NOTHING
)
INSERT INTO public.payment_events (tenant_id, event_id, payment_id, user_id, event_type, amount,
                            currency, payment_method, external_id, payment_type, event_timestamp)
SELECT 99001, g, 'sp' || g, 'su' || (g % 5000), 'completed', (g % 1000) + 0.5, 'EUR', 'card',
       'x' || g, CASE WHEN g % 3 = 0 THEN 'withdrawal' ELSE 'deposit' END,
       1700000000000 + g * 1000
FROM generate_series(1, :n) AS g
