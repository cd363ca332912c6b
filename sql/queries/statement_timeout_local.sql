-- A change made on a dashboard session that may run long (a tenant's copy of a view over all of
-- its events) lifts the session's limit for its own transaction only
SELECT set_config('statement_timeout', :statement_timeout::text, true)
