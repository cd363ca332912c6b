-- An operator's change made on a dashboard session (a tenant's copy of a view over all of its
-- events, a unique index) may run long: it lifts the session's limit for its own transaction,
-- back to what the role, the database or the server set (reset_val), never below it
SELECT set_config('statement_timeout', s.reset_val, true)
FROM pg_catalog.pg_settings s
WHERE s.name = 'statement_timeout'
