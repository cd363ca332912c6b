-- doctor (live mode): per event table its newest arrival, the arrival order's last value read
-- after it, and the events past that value (migration 018; no rows in matview mode)
SELECT table_name, newest_arrival, last_arrival, events
FROM mvdash.live_arrivals_past_the_order()
