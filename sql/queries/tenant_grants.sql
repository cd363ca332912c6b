-- Who may read which tenant, for `mvdash-admin tenant-grants`
SELECT g.role_name, g.tenant_id, coalesce(t.tenant_name, '(unknown tenant)'), g.granted_at,
       g.granted_by, r.rolname IS NOT NULL AS role_exists
FROM mvdash_tenant_grants g
LEFT JOIN tenants t ON t.tenant_id = g.tenant_id
LEFT JOIN pg_roles r ON r.rolname = g.role_name
ORDER BY g.role_name, g.tenant_id
