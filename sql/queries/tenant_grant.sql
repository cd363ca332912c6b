SELECT grant_tenant(?, ?)
