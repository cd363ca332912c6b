-- doctor (live mode): how many events of each table have an arrival past the arrival order's
-- last value (read before: doctor_live_arrival_order), and the newest of them
SELECT t.table_name, t.events, t.newest_arrival
FROM (SELECT 'bet_events' AS table_name, count(*) AS events, max(e.arrival_id) AS newest_arrival
      FROM public.bet_events e WHERE e.arrival_id > :last_arrival::bigint
      UNION ALL
      SELECT 'balance_events', count(*), max(e.arrival_id)
      FROM public.balance_events e WHERE e.arrival_id > :last_arrival::bigint
      UNION ALL
      SELECT 'payment_events', count(*), max(e.arrival_id)
      FROM public.payment_events e WHERE e.arrival_id > :last_arrival::bigint) t
WHERE t.events > 0
