-- doctor: can bloat be measured? Only with pgstattuple installed in this database and its
-- functions open to this role (pg_stat_scan_tables, or granted); its schema from the catalog.
SELECT e.extname IS NOT NULL AS installed,
       CASE WHEN n.nspname IS NULL THEN false
            ELSE pg_catalog.has_function_privilege(
                     pg_catalog.format('%I.pgstatindex(regclass)', n.nspname), 'EXECUTE')
                 AND pg_catalog.has_function_privilege(
                     pg_catalog.format('%I.pgstattuple_approx(regclass)', n.nspname), 'EXECUTE')
       END AS usable
FROM (SELECT 1) one
LEFT JOIN pg_catalog.pg_extension e ON e.extname = 'pgstattuple'
LEFT JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace
