-- doctor: tenant grants to tenants that no longer exist, or to roles that no longer exist
-- (grants are kept by role OID since migration 010). The tenants are read in a CTE of their
-- own (a reference table on Citus).
WITH known AS MATERIALIZED (
    SELECT tenant_id FROM public.tenants
)
SELECT coalesce(r.rolname::text, 'oid ' || g.role_oid::text) AS role_name, g.tenant_id,
       g.tenant_id NOT IN (SELECT tenant_id FROM known) AS tenant_gone,
       r.oid IS NULL AS role_gone
FROM mvdash.mvdash_tenant_grants g
LEFT JOIN pg_catalog.pg_roles r ON r.oid = g.role_oid
WHERE r.oid IS NULL
   OR g.tenant_id NOT IN (SELECT tenant_id FROM known)
ORDER BY 1, g.tenant_id
