-- doctor (live mode): the newest arrival in each event table, an index probe each (pushed down
-- to the shards on Citus). The doctor reads the arrival order's last value afterwards, in a
-- statement of its own (doctor_live_arrival_order): an event a step can apply took its arrival
-- from that order before it committed, so it is at or below any value read later. A newest
-- arrival above it was never given by the coordinator's sequence: a write through a worker
-- (its own sequence range, above 2^48) or a writer that set arrival_id itself.
SELECT t.table_name, t.newest_arrival
FROM (SELECT 'bet_events' AS table_name, (SELECT max(e.arrival_id) FROM public.bet_events e) AS newest_arrival
      UNION ALL
      SELECT 'balance_events', (SELECT max(e.arrival_id) FROM public.balance_events e)
      UNION ALL
      SELECT 'payment_events', (SELECT max(e.arrival_id) FROM public.payment_events e)) t
WHERE mvdash.read_model_mode_now() = 'live'
