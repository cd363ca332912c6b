-- Switches the read models to 'live' or 'matview' in the caller's transaction (migration 011)
SELECT mvdash.live_switch(:mode::text)
