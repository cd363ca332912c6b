-- The status bar and what the window offers: server, Citus, role, whether the role may
-- refresh, TLS, and whether the role is a tenant administrator (migration 008: reads its
-- tenants through tenant_scope, no ops panels). pg_has_role fails for a missing role, hence
-- the guard (a database older than 008). reads_nothing: the schema is there but this role can
-- use none of it (no mvdash_reader, no tenant's grant): every view then "does not exist" for
-- it, which is not the database's fault. schema_missing: no mvdash schema and no migrations
-- table of the old layout (001-009): the wrong database, or one never migrated; read from
-- pg_namespace and pg_class, which every role may read (to_regclass needs USAGE on the
-- schema it names). Read by column name (SessionInfoModel).
SELECT current_setting('server_version') AS server_version,
       (SELECT extversion FROM pg_extension WHERE extname = 'citus') AS citus_version,
       current_user AS role,
       current_database() AS database,
       -- to_regprocedure: a tenant role's search_path does not reach the function
       coalesce(has_function_privilege(to_regprocedure('refresh_materialized_view(text, bigint, bigint)'),
                                       'EXECUTE'), false) AS can_refresh,
       coalesce((SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()), false) AS ssl,
       scope.tenant_scoped,
       (to_regnamespace('mvdash') IS NOT NULL AND NOT has_schema_privilege('mvdash', 'USAGE')
        AND NOT scope.tenant_scoped) AS reads_nothing,
       NOT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'mvdash')
       AND NOT EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                       WHERE n.nspname = 'public' AND c.relname = 'schema_migrations')
           AS schema_missing
FROM (SELECT CASE WHEN EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'mvdash_tenant')
                       AND EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'mvdash_reader')
                  THEN pg_has_role('mvdash_tenant', 'USAGE')
                       AND NOT pg_has_role('mvdash_reader', 'USAGE')
                  ELSE false END AS tenant_scoped) scope
