-- A writer of the refresh storm (bench/loaddriver.cpp): one placed bet per event
INSERT INTO public.bet_events VALUES (:tenant_id, :event_id, :bet_id, 'storm-user', 'placed', 10.00, 1.5000, 'f', NULL, NULL, :event_timestamp)
