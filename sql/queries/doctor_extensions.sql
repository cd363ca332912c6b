-- doctor: which optional parts are here: Citus, pg_cron (their checks run only then).
SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_extension WHERE extname = 'citus') AS citus,
       EXISTS (SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = 'cron')
           AND pg_catalog.has_schema_privilege('cron', 'USAGE') AS pg_cron
