-- doctor: dead rows of each read model's storage (the materialized view, or in live mode its
-- state table: a concurrent refresh and a live step both update and delete rows) and when
-- vacuum last came by.
SELECT c.relname::text AS relation, s.n_live_tup, s.n_dead_tup,
       greatest(s.last_vacuum, s.last_autovacuum) AS last_vacuum
FROM mvdash.read_model_definitions d
JOIN pg_catalog.pg_stat_all_tables s ON s.relid = mvdash.read_model_storage(d.view_name)
JOIN pg_catalog.pg_class c ON c.oid = s.relid
ORDER BY d.build_order, d.view_name
