-- How long a dashboard session waits for a lock before it gives up (lock_timeout, "3000ms").
-- Readers wait on a lock only when someone holds ACCESS EXCLUSIVE on what they read (a
-- REFRESH without CONCURRENTLY, a migration, a hand-held LOCK), and a wait with no end
-- would stop every panel behind it: the session's worker runs one statement at a time.
SELECT pg_catalog.set_config('lock_timeout', :lock_timeout, false)
