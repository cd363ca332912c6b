SELECT drop_tenant_view(?, ?)
