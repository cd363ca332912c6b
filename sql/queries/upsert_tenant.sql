INSERT INTO public.tenants (tenant_id, tenant_name, slug, status, plan)
VALUES (:tenant_id, :tenant_name, :slug, :status, :plan)
ON CONFLICT (tenant_id) DO UPDATE
SET tenant_name = excluded.tenant_name, slug = excluded.slug,
    status = excluded.status, plan = excluded.plan
