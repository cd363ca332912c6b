-- Event sourcing: the tenant dashboard from all three event tables.
WITH bets AS (
    SELECT (array_agg(stake ORDER BY event_timestamp DESC, event_id DESC) FILTER (WHERE stake IS NOT NULL))[1] AS stake,
           (array_agg(event_type ORDER BY event_timestamp DESC, event_id DESC))[1] AS status
    FROM public.bet_events WHERE tenant_id = :tenant_id GROUP BY bet_id
),
payments AS (
    SELECT (array_agg(amount ORDER BY event_timestamp DESC, event_id DESC) FILTER (WHERE amount IS NOT NULL))[1] AS amount,
           (array_agg(payment_type ORDER BY event_timestamp DESC, event_id DESC) FILTER (WHERE payment_type IS NOT NULL))[1] AS type,
           (array_agg(event_type ORDER BY event_timestamp DESC, event_id DESC))[1] AS status
    FROM public.payment_events WHERE tenant_id = :tenant_id GROUP BY payment_id
),
users AS (
    SELECT user_id FROM public.bet_events WHERE tenant_id = :tenant_id
    UNION SELECT user_id FROM public.balance_events WHERE tenant_id = :tenant_id
    UNION SELECT user_id FROM public.payment_events WHERE tenant_id = :tenant_id
)
SELECT (SELECT count(*) FROM bets),
       (SELECT count(*) FROM bets WHERE status IN ('placed', 'confirmed')),
       (SELECT coalesce(sum(stake), 0) FROM bets WHERE status NOT IN ('cancelled', 'voided')),
       (SELECT coalesce(sum(amount), 0) FROM payments WHERE status = 'completed' AND type = 'deposit'),
       (SELECT coalesce(sum(amount), 0) FROM payments WHERE status = 'completed' AND type = 'withdrawal'),
       (SELECT count(*) FROM users),
       (SELECT coalesce(sum(amount), 0) FROM public.balance_events WHERE tenant_id = :tenant_id)
