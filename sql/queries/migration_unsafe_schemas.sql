-- Schemas that roles other than their owner may create objects in (PUBLIC, or a role that
-- is neither a superuser nor a member of the owner). Such a role could plant a function or
-- relation that the migrations or the functions they install resolve to: migrate refuses.
-- The schema names are bound as one comma-separated text.
SELECT n.nspname,
       string_agg(DISTINCT CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE r.rolname::text END, ', ')
FROM pg_namespace n
CROSS JOIN LATERAL aclexplode(coalesce(n.nspacl, acldefault('n', n.nspowner))) a
LEFT JOIN pg_roles r ON r.oid = a.grantee
WHERE n.nspname = ANY (string_to_array(:schemas, ','))
  AND a.privilege_type = 'CREATE'
  AND a.grantee <> n.nspowner
  AND (a.grantee = 0 OR NOT (r.rolsuper OR pg_has_role(a.grantee, n.nspowner, 'MEMBER')))
GROUP BY n.nspname
ORDER BY n.nspname
