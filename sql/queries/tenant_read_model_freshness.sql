-- A tenant administrator's freshness (migration 035): the mode, and in live mode how many of
-- its own tenants' committed events the read models lack, and for how long
SELECT mode, lag_events, lag_seconds
FROM tenant_scope.read_model_freshness()
