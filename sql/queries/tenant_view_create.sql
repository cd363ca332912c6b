SELECT create_tenant_view(?, ?)
