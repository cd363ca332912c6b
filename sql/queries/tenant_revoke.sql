SELECT revoke_tenant(?, ?)
