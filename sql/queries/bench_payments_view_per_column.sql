-- payments_view as migration 002 defined it (one ordered array_agg per column): the
-- benchmark's reference for the one-sort definition of 012
SELECT tenant_id,
       payment_id,
       (array_agg(user_id ORDER BY event_timestamp DESC, event_id DESC))[1] AS user_id,
       (array_agg(amount ORDER BY event_timestamp DESC, event_id DESC)
            FILTER (WHERE amount IS NOT NULL))[1]::numeric(18, 2) AS amount,
       (array_agg(currency ORDER BY event_timestamp DESC, event_id DESC)
            FILTER (WHERE currency IS NOT NULL))[1] AS currency,
       (array_agg(payment_method ORDER BY event_timestamp DESC, event_id DESC)
            FILTER (WHERE payment_method IS NOT NULL))[1] AS payment_method,
       (array_agg(external_id ORDER BY event_timestamp DESC, event_id DESC)
            FILTER (WHERE external_id IS NOT NULL))[1] AS external_id,
       (array_agg(payment_type ORDER BY event_timestamp DESC, event_id DESC)
            FILTER (WHERE payment_type IS NOT NULL))[1] AS payment_type,
       (array_agg(event_type ORDER BY event_timestamp DESC, event_id DESC))[1] AS status,
       max(event_timestamp) AS last_updated_timestamp,
       to_timestamp(max(event_timestamp) / 1000.0) AS last_updated_at
FROM public.payment_events
GROUP BY tenant_id, payment_id
