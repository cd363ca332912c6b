-- Event sourcing: top 10 by wagered, every bet of the tenant folded to its state first.
WITH bets AS (
    SELECT (array_agg(user_id ORDER BY event_timestamp DESC, event_id DESC))[1] AS user_id,
           (array_agg(stake ORDER BY event_timestamp DESC, event_id DESC) FILTER (WHERE stake IS NOT NULL))[1] AS stake,
           (array_agg(event_type ORDER BY event_timestamp DESC, event_id DESC))[1] AS status
    FROM public.bet_events
    WHERE tenant_id = :tenant_id
    GROUP BY bet_id
)
SELECT user_id, count(*),
       coalesce(sum(stake) FILTER (WHERE status NOT IN ('cancelled', 'voided')), 0) AS wagered
FROM bets
GROUP BY user_id
ORDER BY wagered DESC, user_id
LIMIT 10
