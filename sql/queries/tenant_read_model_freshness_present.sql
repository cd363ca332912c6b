-- Whether the database can tell a tenant administrator its lag: the function came with
-- migration 035, and the window asks for it with every reload
SELECT pg_catalog.to_regprocedure('tenant_scope.read_model_freshness()') IS NOT NULL
