-- Every session of mvdash reads its own schema first (migration 010), whatever the role's
-- or database's search_path says: a tenant administrator's role tenant_scope (its tenants
-- only), everybody else mvdash, then public (the event store). Before 010 (no schema
-- mvdash yet) the path is left as it is.
SELECT set_config('search_path',
                  CASE WHEN to_regnamespace('mvdash') IS NULL THEN current_setting('search_path')
                       WHEN EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = 'mvdash_tenant'
                                    AND pg_has_role(r.oid, 'USAGE'))
                            AND NOT EXISTS (SELECT 1 FROM pg_roles r
                                            WHERE r.rolname = 'mvdash_reader'
                                              AND pg_has_role(r.oid, 'USAGE'))
                           THEN 'tenant_scope, mvdash'
                       ELSE 'mvdash, public' END,
                  false)
