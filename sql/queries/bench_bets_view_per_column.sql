-- bets_view as migration 002 defined it (one ordered array_agg per column): the benchmark's
-- reference for the one-sort definition of 012, timed side by side on the same data
SELECT tenant_id,
       bet_id,
       (array_agg(user_id ORDER BY event_timestamp DESC, event_id DESC))[1] AS user_id,
       (array_agg(stake ORDER BY event_timestamp DESC, event_id DESC)
            FILTER (WHERE stake IS NOT NULL))[1]::numeric(18, 2) AS stake,
       (array_agg(odds ORDER BY event_timestamp DESC, event_id DESC)
            FILTER (WHERE odds IS NOT NULL))[1]::numeric(10, 4) AS odds,
       (array_agg(fixture_id ORDER BY event_timestamp DESC, event_id DESC)
            FILTER (WHERE fixture_id IS NOT NULL))[1] AS fixture_id,
       (array_agg(event_type ORDER BY event_timestamp DESC, event_id DESC))[1] AS status,
       (array_agg(result ORDER BY event_timestamp DESC, event_id DESC)
            FILTER (WHERE result IS NOT NULL))[1] AS result,
       (array_agg(payout ORDER BY event_timestamp DESC, event_id DESC)
            FILTER (WHERE payout IS NOT NULL))[1]::numeric(18, 2) AS payout,
       max(event_timestamp) AS last_updated_timestamp,
       to_timestamp(max(event_timestamp) / 1000.0) AS last_updated_at
FROM public.bet_events
GROUP BY tenant_id, bet_id
