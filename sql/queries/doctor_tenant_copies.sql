-- doctor: the per-tenant copies (the guide's tip 4) with their tenant: does it still exist,
-- has it events, and the copy's size. The event and tenant tables are read in CTEs of their
-- own, not in correlated subqueries: Citus plans those (distributed, reference) on its own.
WITH copies AS MATERIALIZED (
    SELECT * FROM mvdash.mvdash_tenant_copies()
), known AS MATERIALIZED (
    SELECT tenant_id FROM public.tenants
    WHERE tenant_id IN (SELECT tenant_id FROM copies)
), active AS MATERIALIZED (
    SELECT DISTINCT tenant_id FROM public.bet_events WHERE tenant_id IN (SELECT tenant_id FROM copies)
    UNION
    SELECT DISTINCT tenant_id FROM public.payment_events WHERE tenant_id IN (SELECT tenant_id FROM copies)
    UNION
    SELECT DISTINCT tenant_id FROM public.balance_events WHERE tenant_id IN (SELECT tenant_id FROM copies)
)
SELECT t.copy_name, t.base, t.tenant_id,
       t.tenant_id IN (SELECT tenant_id FROM known) AS tenant_exists,
       t.tenant_id IN (SELECT tenant_id FROM active) AS has_events,
       pg_catalog.pg_total_relation_size(('mvdash.' || pg_catalog.quote_ident(t.copy_name))::regclass)
           AS total_bytes
FROM copies t
ORDER BY t.copy_name
