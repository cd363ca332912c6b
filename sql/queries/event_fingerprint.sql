-- Rows and an order-free checksum of each event table up to an event id (sums of row hashes:
-- on Citus the workers compute them). Equal before and after a load: nothing lost or changed.
SELECT (SELECT count(*) || ':' || coalesce(sum(hashtext(e::text)::bigint), 0)
        FROM public.bet_events e WHERE event_id <= :max_event_id)
       || ' ' ||
       (SELECT count(*) || ':' || coalesce(sum(hashtext(e::text)::bigint), 0)
        FROM public.balance_events e WHERE event_id <= :max_event_id)
       || ' ' ||
       (SELECT count(*) || ':' || coalesce(sum(hashtext(e::text)::bigint), 0)
        FROM public.payment_events e WHERE event_id <= :max_event_id)
