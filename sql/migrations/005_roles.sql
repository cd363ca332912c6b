-- Least privilege for the dashboard's users. Roles are cluster-wide, so they are created
-- only when missing; grants are idempotent.
--   mvdash_reader:   reads the views, the refresh log and history, sizes and status
--   mvdash_operator: a reader that may also refresh views and manage per-tenant views
DO $roles$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'mvdash_reader') THEN
        CREATE ROLE mvdash_reader NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'mvdash_operator') THEN
        CREATE ROLE mvdash_operator NOLOGIN;
    END IF;
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO mvdash_reader, mvdash_operator', current_schema());
END
$roles$;

GRANT mvdash_reader TO mvdash_operator;

GRANT SELECT ON bets_view, user_balances_view, payments_view, user_activity_view,
                tenants_summary_view, materialized_views_refresh_log,
                materialized_views_refresh_history, materialized_views_size_history,
                materialized_views_status
    TO mvdash_reader;

-- Functions are executable by PUBLIC by default: take that back from the ones that act.
REVOKE EXECUTE ON FUNCTION refresh_materialized_view(text, bigint, bigint),
                           refresh_aggregate_views(), manual_refresh_all_views(),
                           materialized_views_begin_refresh(text, bigint),
                           materialized_views_abort_refresh(bigint, text),
                           materialized_views_close_interrupted(),
                           create_tenant_view(text, bigint), drop_tenant_view(text, bigint),
                           user_events_since(bigint, text, timestamptz),
                           mvdash_relation_bytes(regclass), event_tables_bytes(),
                           materialized_view_sizes(), materialized_views_size_ratio()
    FROM PUBLIC;
REVOKE EXECUTE ON PROCEDURE refresh_aggregate_views_committing() FROM PUBLIC;

GRANT EXECUTE ON FUNCTION user_events_since(bigint, text, timestamptz),
                          mvdash_relation_bytes(regclass), event_tables_bytes(),
                          materialized_view_sizes(), materialized_views_size_ratio()
    TO mvdash_reader;

GRANT EXECUTE ON FUNCTION refresh_materialized_view(text, bigint, bigint),
                          refresh_aggregate_views(), manual_refresh_all_views(),
                          materialized_views_begin_refresh(text, bigint),
                          materialized_views_abort_refresh(bigint, text),
                          materialized_views_close_interrupted(),
                          create_tenant_view(text, bigint), drop_tenant_view(text, bigint)
    TO mvdash_operator;
GRANT EXECUTE ON PROCEDURE refresh_aggregate_views_committing() TO mvdash_operator;
GRANT USAGE ON SEQUENCE materialized_views_refresh_run_seq TO mvdash_operator;
