SELECT tenant_id, tenant_name, slug, status, plan FROM public.tenants
