-- Who may read which tenant, for `mvdash-admin tenant-grants`. Grants are kept by role OID
-- (migration 010): a grant whose role was dropped shows as such and matches nobody.
SELECT coalesce(r.rolname::text, 'role oid ' || g.role_oid), g.tenant_id,
       coalesce(t.tenant_name, '(unknown tenant)'), g.granted_at, g.granted_by,
       r.oid IS NOT NULL AS role_exists
FROM mvdash_tenant_grants g
LEFT JOIN public.tenants t ON t.tenant_id = g.tenant_id
LEFT JOIN pg_roles r ON r.oid = g.role_oid
ORDER BY 1, g.tenant_id
