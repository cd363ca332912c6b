-- Schema-qualified, arguments typed: with an untyped argument a look-alike f(text) in a
-- schema others can write to would win over mvdash's (migration 010, docs/RELIABILITY.md).
SELECT view_name, method, duration_ms, outcome, error
FROM mvdash.refresh_materialized_view(:view_name::text, :run_id::bigint, :history_id::bigint)
