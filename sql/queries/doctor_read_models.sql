-- doctor: every read model the install defines (read_model_definitions, migration 011): is
-- its relation in mvdash, what it is (m: materialized view; v: live mode's view), is it
-- populated, has it a unique index REFRESH ... CONCURRENTLY can use (valid, plain columns,
-- no predicate), and the unique index the install made (the fix when it is gone).
SELECT d.view_name,
       c.relkind::text AS relkind,
       coalesce(c.relkind <> 'm' OR c.relispopulated, false) AS populated,
       EXISTS (SELECT 1 FROM pg_catalog.pg_index i
               WHERE i.indrelid = c.oid AND i.indisunique AND i.indisvalid
                 AND i.indpred IS NULL AND i.indexprs IS NULL) AS has_unique_index,
       (SELECT pg_catalog.format(u, 'mvdash.' || pg_catalog.quote_ident(d.view_name))
        FROM pg_catalog.unnest(d.index_definitions) u
        WHERE u LIKE 'CREATE UNIQUE INDEX %'
        LIMIT 1) AS unique_index_sql
FROM mvdash.read_model_definitions d
LEFT JOIN pg_catalog.pg_class c
       ON c.relname = d.view_name AND c.relnamespace = 'mvdash'::regnamespace
ORDER BY d.build_order, d.view_name
