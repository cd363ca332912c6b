-- doctor (live mode): the arrival order's last value, read after the newest arrivals
-- (doctor_live_arrivals)
SELECT coalesce(pg_sequence_last_value('mvdash.event_arrival_seq'), 0) AS last_arrival
