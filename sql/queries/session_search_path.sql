-- The search_path every session of mvdash uses (migration 010), whatever the role's or the
-- database's settings say: a tenant administrator's role tenant_scope (its tenants only),
-- everybody else mvdash; pg_temp last, so that no temporary relation stands in for ours.
-- public is not on it (the event store is named public.<table> in every query): a schema
-- others may write to must not offer look-alike functions to an owner's or operator's
-- session. NULL for a database migrated before 010 (the old layout, all in public: its
-- schema_migrations there, no schema mvdash yet): the caller keeps the path it had. A database
-- with no mvdash at all gets mvdash's path too (a schema on the path that does not exist is
-- passed over): migrated while a dashboard is open, its next reload finds the read models
-- without a reconnect. Read from pg_namespace and pg_class: to_regclass needs USAGE on the
-- schema it names. Runs with search_path = pg_catalog, pg_temp, so that nothing here
-- resolves elsewhere.
SELECT CASE WHEN NOT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'mvdash')
                 AND EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                             WHERE n.nspname = 'public' AND c.relname = 'schema_migrations')
                THEN NULL
            WHEN EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = 'mvdash_tenant'
                         AND pg_has_role(r.oid, 'USAGE'))
                 AND NOT EXISTS (SELECT 1 FROM pg_roles r
                                 WHERE r.rolname = 'mvdash_reader' AND pg_has_role(r.oid, 'USAGE'))
                THEN 'tenant_scope, pg_temp'
            WHEN :with_public THEN 'mvdash, public, pg_temp'
            ELSE 'mvdash, pg_temp' END
