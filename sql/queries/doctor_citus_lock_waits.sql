-- doctor (Citus): distributed lock waits across the cluster now.
SELECT waiting_gpid, blocking_gpid, pg_catalog.left(blocked_statement, 120) AS blocked_statement,
       pg_catalog.left(current_statement_in_blocking_process, 120) AS blocking_statement
FROM pg_catalog.citus_lock_waits
