-- the Diagnostics panel's "End the session" (the doctor's sessions.holding): ends the session
-- only while it is still in the transaction the check saw, by the exact epoch of its start (a
-- pid is reused once its session ends), in this database; no row when it is not. Waits up to
-- 5 s for it to end (false if it has not), so that the checks run again without it.
-- pg_terminate_backend needs the same role, pg_signal_backend or a superuser, and refuses a
-- superuser's session to anyone else (the check offers the button only when it may).
SELECT pg_catalog.pg_terminate_backend(a.pid, 5000) AS ended
FROM pg_catalog.pg_stat_activity a
WHERE a.pid = :pid AND extract(epoch FROM a.xact_start) = :xact_start::numeric
  AND a.datname = pg_catalog.current_database()
