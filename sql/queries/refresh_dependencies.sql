-- Which materialized views of mvdash each one reads, directly or through other relations'
-- rules (the walk of materialized_views_refresh_plan()): the engine starts a view as soon as
-- these are refreshed, not when a whole level is (migration 020's user_activity_except_bets runs
-- beside bets_view, user_activity_view right after it). reads_part: the view read is a part of
-- a read model (read_model_parts, 020), refreshed with the views that read it.
WITH RECURSIVE
matviews AS (
    SELECT c.oid, c.relname::text AS name
    FROM pg_catalog.pg_class c
    WHERE c.relkind = 'm' AND c.relnamespace = 'mvdash'::regnamespace
),
reach (root, rel) AS (
    SELECT m.oid, m.oid FROM matviews m
    UNION
    SELECT reach.root, d.refobjid
    FROM reach
    JOIN pg_catalog.pg_rewrite r ON r.ev_class = reach.rel
    JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_rewrite'::regclass
                               AND d.objid = r.oid
                               AND d.refclassid = 'pg_catalog.pg_class'::regclass
                               AND d.refobjid <> r.ev_class
)
SELECT m.name AS view_name, dep.name AS reads,
       EXISTS (SELECT 1 FROM mvdash.read_model_parts p WHERE p.part_name = dep.name) AS reads_part
FROM reach
JOIN matviews m ON m.oid = reach.root
JOIN matviews dep ON dep.oid = reach.rel
WHERE reach.rel <> reach.root
ORDER BY 1, 2
