-- doctor: can the refreshes' own temporary files be told? Only with pg_stat_statements, loaded
-- at server start and installed in this database (else its view cannot be read).
SELECT pg_catalog.current_setting('shared_preload_libraries') ~ '(^|[ ,])pg_stat_statements($|[ ,])'
           AS preloaded,
       EXISTS (SELECT 1 FROM pg_catalog.pg_extension WHERE extname = 'pg_stat_statements')
           AS installed
