-- doctor: temporary files this database wrote since its statistics were reset (sorts and
-- hashes that did not fit work_mem, refreshes among them), and the memory settings: this
-- session's, and the work_mem refreshes run with (the refresh function's own setting,
-- migration 023; NULL where it has none)
SELECT d.temp_files, d.temp_bytes, d.stats_reset,
       pg_catalog.current_setting('work_mem') AS work_mem,
       pg_catalog.current_setting('maintenance_work_mem') AS maintenance_work_mem,
       (SELECT pg_catalog.substr(c, pg_catalog.length('work_mem=') + 1)
        FROM pg_catalog.pg_proc p, pg_catalog.unnest(p.proconfig) c
        WHERE p.oid = pg_catalog.to_regprocedure(
                          'mvdash.mvdash_refresh_view(text, bigint, bigint, boolean)')
          AND c LIKE 'work_mem=%') AS refresh_work_mem
FROM pg_catalog.pg_stat_database d
WHERE d.datname = pg_catalog.current_database()
