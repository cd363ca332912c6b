CREATE OR REPLACE FUNCTION mvdash.live_step_statements()
RETURNS TABLE (ord integer, label text, statement text)
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, mvdash, pg_temp AS $f$
    SELECT s.ord, s.label, s.statement FROM mvdash.live_step_statements_024() s ORDER BY 1
$f$;
