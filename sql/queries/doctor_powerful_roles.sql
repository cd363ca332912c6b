-- doctor: the login roles (not superusers) that can refresh the read models (EXECUTE on
-- refresh_aggregate_views(), i.e. mvdash_operator or the owner) and those that can read every
-- tenant (SELECT on bets_view, i.e. mvdash_reader): who ops should expect there. PUBLIC holding
-- either is reported as the role "PUBLIC".
SELECT 'refresh' AS power, r.rolname::text AS role_name
FROM pg_catalog.pg_roles r
WHERE r.rolcanlogin AND NOT r.rolsuper
  AND pg_catalog.has_function_privilege(r.oid, 'mvdash.refresh_aggregate_views()', 'EXECUTE')
UNION ALL
SELECT 'read all', r.rolname::text
FROM pg_catalog.pg_roles r
WHERE r.rolcanlogin AND NOT r.rolsuper
  AND pg_catalog.has_table_privilege(r.oid, 'mvdash.bets_view', 'SELECT')
UNION ALL
SELECT 'refresh', 'PUBLIC'
FROM pg_catalog.pg_proc p, pg_catalog.aclexplode(coalesce(p.proacl, pg_catalog.acldefault('f', p.proowner))) a
WHERE p.oid = 'mvdash.refresh_aggregate_views()'::regprocedure AND a.grantee = 0
UNION ALL
SELECT 'read all', 'PUBLIC'
FROM pg_catalog.pg_class c, pg_catalog.aclexplode(coalesce(c.relacl, pg_catalog.acldefault('r', c.relowner))) a
WHERE c.oid = 'mvdash.bets_view'::regclass AND a.grantee = 0 AND a.privilege_type = 'SELECT'
ORDER BY 1, 2
