-- mvdash's own schemas (bound as one comma-separated text) that exist already and belong to
-- a role the migrating one is not: a schema made in advance by somebody else. Its owner could
-- drop and replace whatever the migrations install there, and the look-alikes would run in
-- the sessions of whoever calls them (a superuser's migrate among them): migrate refuses.
-- Membership is read from pg_auth_members, not pg_has_role, because to pg_has_role a
-- superuser is a member of every role. A superuser's schema is trusted (a superuser can do
-- anything anyway). pg_catalog is searched first on every mvdash session's path: nothing
-- here resolves to the schema in question.
WITH RECURSIVE mine(oid) AS (
    SELECT oid FROM pg_roles WHERE rolname = current_user
    UNION
    SELECT m.roleid FROM pg_auth_members m JOIN mine ON m.member = mine.oid
)
SELECT n.nspname::text AS schema_name, r.rolname::text AS owner_name, current_user::text AS migrator
FROM pg_namespace n
JOIN pg_roles r ON r.oid = n.nspowner
WHERE n.nspname = ANY (string_to_array(:schemas, ','))
  AND NOT r.rolsuper
  AND n.nspowner NOT IN (SELECT oid FROM mine)
ORDER BY n.nspname
