CREATE OR REPLACE FUNCTION mvdash.live_step_statements()
RETURNS TABLE (ord integer, label text, statement text)
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, mvdash, pg_temp AS $f$
    SELECT s.ord, s.label,
           CASE WHEN s.label LIKE 'statistics: %' AND s.statement ~ '^ANALYZE mvdash\.live_[a-z_]+$'
                THEN format('SELECT mvdash.live_analyze_scratch(%L::regclass)',
                            substr(s.statement, length('ANALYZE ') + 1))
                ELSE s.statement
           END
    FROM mvdash.live_step_statements_024() s
    ORDER BY 1
$f$;
