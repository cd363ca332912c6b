-- Who may read which tenant, for `mvdash-admin tenant-grants`. Grants are kept by role OID
-- (migration 010): a grant whose role was dropped shows as such and matches nobody. A grant to
-- a group role reaches every login role that inherits from it (mvdash_session_tenants(): a
-- session reads the tenants of every role it has USAGE of), which the listing names, so that a
-- grant to a team's role does not hide who reads the tenant (superusers, who read everything
-- and have every role's rights, are left out).
SELECT coalesce(r.rolname::text, 'role oid ' || g.role_oid), g.tenant_id,
       coalesce(t.tenant_name, '(unknown tenant)'), g.granted_at, g.granted_by,
       r.oid IS NOT NULL AS role_exists,
       (SELECT string_agg(m.rolname::text, ', ' ORDER BY m.rolname)
        FROM pg_roles m
        WHERE m.rolcanlogin AND NOT m.rolsuper AND m.oid <> r.oid
          AND pg_has_role(m.oid, r.oid, 'USAGE'))
           AS also_read_by
FROM mvdash_tenant_grants g
LEFT JOIN public.tenants t ON t.tenant_id = g.tenant_id
LEFT JOIN pg_roles r ON r.oid = g.role_oid
ORDER BY 1, g.tenant_id
