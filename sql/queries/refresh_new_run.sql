-- A run id for a view-by-view refresh; closes what earlier runs left 'running' (migration 010)
-- Schema-qualified, arguments typed: with an untyped argument a look-alike f(text) in a
-- schema others can write to would win over mvdash's (migration 010, docs/RELIABILITY.md).
SELECT mvdash.materialized_views_new_run()
