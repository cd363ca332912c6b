-- Rows and an order-free checksum of each event table up to an event id (sums of row hashes:
-- on Citus the workers compute them). Equal before and after a load: nothing lost or changed.
SELECT (SELECT count(*) || ':' || coalesce(sum(hashtext(e::text)::bigint), 0)
        FROM bet_events e WHERE event_id <= ?)
       || ' ' ||
       (SELECT count(*) || ':' || coalesce(sum(hashtext(e::text)::bigint), 0)
        FROM balance_events e WHERE event_id <= ?)
       || ' ' ||
       (SELECT count(*) || ':' || coalesce(sum(hashtext(e::text)::bigint), 0)
        FROM payment_events e WHERE event_id <= ?)
