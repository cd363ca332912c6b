-- doctor (Citus): the event tables' distribution: each distributed by tenant_id and all in
-- one co-location group (a step and the read models' state join on tenant_id on the workers).
SELECT c.relname::text AS table_name, p.colocationid,
       pg_catalog.column_to_column_name(p.logicalrelid, p.partkey) AS distribution_column
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
LEFT JOIN pg_catalog.pg_dist_partition p ON p.logicalrelid = c.oid
WHERE c.relname IN ('bet_events', 'balance_events', 'payment_events')
ORDER BY c.relname
