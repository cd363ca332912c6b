-- doctor: roles other than the owner (and superusers) that can create objects in mvdash's
-- schema: they could plant look-alike functions or relations (docs/RELIABILITY.md). PUBLIC
-- is reported as the role "PUBLIC".
SELECT r.rolname::text AS role_name
FROM pg_catalog.pg_roles r
JOIN pg_catalog.pg_namespace n ON n.nspname = 'mvdash'
WHERE NOT r.rolsuper AND r.oid <> n.nspowner
  AND pg_catalog.has_schema_privilege(r.oid, n.oid, 'CREATE')
  AND NOT pg_catalog.pg_has_role(r.oid, n.nspowner, 'USAGE')
UNION ALL
SELECT 'PUBLIC'
FROM pg_catalog.pg_namespace n, pg_catalog.aclexplode(n.nspacl) a
WHERE n.nspname = 'mvdash' AND a.grantee = 0 AND a.privilege_type = 'CREATE'
ORDER BY 1
