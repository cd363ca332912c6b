-- The per-tenant copies (the guide's tip 4) for the Diagnostics panel: which read model, for
-- which tenant (its name when it still exists), size, last refresh by the engine. Tenants are
-- read in a CTE of their own (a reference table on Citus).
WITH copies AS MATERIALIZED (
    SELECT * FROM mvdash.mvdash_tenant_copies()
), names AS MATERIALIZED (
    SELECT tenant_id, tenant_name FROM public.tenants
    WHERE tenant_id IN (SELECT tenant_id FROM copies)
)
SELECT t.copy_name, t.base, t.tenant_id, n.tenant_name,
       pg_catalog.pg_total_relation_size(('mvdash.' || pg_catalog.quote_ident(t.copy_name))::regclass)
           AS total_bytes,
       l.last_refreshed_at
FROM copies t
LEFT JOIN names n ON n.tenant_id = t.tenant_id
LEFT JOIN materialized_views_refresh_log l ON l.view_name = t.copy_name
ORDER BY t.base, t.tenant_id
