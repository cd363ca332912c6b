-- Schema-qualified, arguments typed: with an untyped argument a look-alike f(text) in a
-- schema others can write to would win over mvdash's (migration 010, docs/RELIABILITY.md).
-- existed: the copy was there before (create_tenant_view keeps it, rebuilt only when its
-- base's columns changed), read before the call (the CTE is scanned first), so that the CLI
-- does not say "created" for a copy it did not create. (Each placeholder once: the values are
-- bound by position.)
WITH before AS MATERIALIZED (
    SELECT a.base, a.tenant,
           pg_catalog.to_regclass(pg_catalog.format('mvdash.%I',
               a.base || '_tenant_' || a.tenant)) IS NOT NULL AS existed
    FROM (SELECT :view_name::text AS base, :tenant_id::bigint AS tenant) a
)
SELECT mvdash.create_tenant_view(b.base, b.tenant) AS view_name, b.existed
FROM before b
