-- doctor: temporary files this database wrote since its statistics were reset (sorts and
-- hashes that did not fit work_mem, refreshes among them), and the memory settings.
SELECT d.temp_files, d.temp_bytes, d.stats_reset,
       pg_catalog.current_setting('work_mem') AS work_mem,
       pg_catalog.current_setting('maintenance_work_mem') AS maintenance_work_mem
FROM pg_catalog.pg_stat_database d
WHERE d.datname = pg_catalog.current_database()
