-- What migrate would install into or read its record from, made by a role other than the
-- migrating one: mvdash's own schemas (bound as one comma-separated text) and the
-- schema_migrations tables (mvdash's; public's before 010). Their owner could drop and replace
-- whatever the migrations install there, or write that every migration is applied, and the
-- look-alikes would run in the sessions of whoever calls them (a superuser's migrate among
-- them): migrate refuses. Only the migrating role itself or a superuser is trusted, not the
-- members of a role: before PostgreSQL 16 a role may grant itself to anybody, the migrator
-- included (GRANT mallory TO postgres). Every name qualified: nothing resolves elsewhere
-- whatever the session's search_path.
SELECT 'schema' AS kind, n.nspname::text AS object_name, r.rolname::text AS owner_name,
       current_user::text AS migrator
FROM pg_catalog.pg_namespace n
JOIN pg_catalog.pg_roles r ON r.oid = n.nspowner
WHERE n.nspname OPERATOR(pg_catalog.=) ANY (pg_catalog.string_to_array(:schemas, ','))
  AND NOT r.rolsuper AND r.rolname OPERATOR(pg_catalog.<>) current_user
UNION ALL
SELECT 'table', pg_catalog.format('%s.%s', n.nspname, c.relname), r.rolname::text,
       current_user::text
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid OPERATOR(pg_catalog.=) c.relnamespace
JOIN pg_catalog.pg_roles r ON r.oid OPERATOR(pg_catalog.=) c.relowner
WHERE c.relname OPERATOR(pg_catalog.=) 'schema_migrations'
  AND n.nspname OPERATOR(pg_catalog.=) ANY (ARRAY['mvdash', 'public']::pg_catalog.name[])
  AND NOT r.rolsuper AND r.rolname OPERATOR(pg_catalog.<>) current_user
ORDER BY 1, 2
