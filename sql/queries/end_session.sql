-- the Diagnostics panel's "End the session" (the doctor's sessions.holding): ends the session
-- only while it is still in the transaction the check saw (a pid is reused once its session
-- ends); no row when it is not. pg_terminate_backend needs the same role, pg_signal_backend or
-- a superuser, and refuses a superuser's session to anyone else.
SELECT pg_catalog.pg_terminate_backend(a.pid) AS ended
FROM pg_catalog.pg_stat_activity a
WHERE a.pid = :pid AND a.xact_start = :xact_start::timestamptz
