-- A tenant administrator's role may not be a member of the event tables' owner.
--
-- mvdash_tenant_role_refusal() (010) refuses a role that reads every tenant or can become one
-- that does: a superuser, a member of mvdash's roles, of the schema's or the database's owner,
-- a role with privileges on the event store. Since migrate adopts the platform's event tables
-- (README, "On your own database"), they may be owned by another role than mvdash's: the
-- platform's, whose writers are often its members. A NOINHERIT member passed the privilege
-- check (it has none of its own) and could SET ROLE to the owner and read every tenant. The
-- owners of the four event tables are now among the roles whose members are refused. Same
-- signature: CREATE OR REPLACE keeps its privileges.

CREATE OR REPLACE FUNCTION mvdash_tenant_role_refusal(p_role oid) RETURNS text
LANGUAGE sql STABLE SET search_path = pg_catalog, mvdash, pg_temp AS $$
    WITH wide AS (
        SELECT r.oid, r.rolname FROM pg_roles r
        WHERE r.rolsuper OR r.rolcreaterole OR r.rolbypassrls OR r.rolreplication
           OR r.rolname IN ('mvdash_reader', 'mvdash_operator', 'pg_read_all_data',
                            'pg_write_all_data', 'pg_read_server_files', 'pg_write_server_files',
                            'pg_execute_server_program', 'pg_read_all_stats', 'pg_monitor',
                            'pg_signal_backend')
           OR r.oid = (SELECT n.nspowner FROM pg_namespace n WHERE n.nspname = 'mvdash')
           OR r.oid = (SELECT d.datdba FROM pg_database d WHERE d.datname = current_database())
           -- the owners of the event tables (the platform's role, when migrate adopted them)
           OR r.oid IN (SELECT c.relowner FROM pg_class c
                        WHERE c.oid IN ('public.tenants'::regclass, 'public.bet_events'::regclass,
                                        'public.balance_events'::regclass,
                                        'public.payment_events'::regclass))
    )
    SELECT reason FROM (
    SELECT CASE
        WHEN r.rolsuper THEN 'is a superuser'
        WHEN r.rolcreaterole THEN 'has CREATEROLE (it could grant itself any role)'
        WHEN r.rolbypassrls THEN 'has BYPASSRLS'
        WHEN r.rolreplication THEN 'has REPLICATION (a base backup holds every tenant)'
        ELSE (SELECT format('is a member of %s, which reads every tenant or can become a role that does',
                            w.rolname)
              FROM wide w WHERE pg_has_role(p_role, w.oid, 'MEMBER') LIMIT 1)
    END
    FROM pg_roles r WHERE r.oid = p_role
    UNION ALL
    -- a privilege of its own (or inherited) on the event store or on mvdash's relations
    SELECT format('has privileges on %s, which holds every tenant', c.oid::regclass)
    FROM pg_class c
    WHERE (c.relnamespace = 'mvdash'::regnamespace
           OR c.oid IN ('public.tenants'::regclass, 'public.bet_events'::regclass,
                        'public.balance_events'::regclass, 'public.payment_events'::regclass))
      AND c.relkind IN ('r', 'v', 'm', 'p')
      AND has_table_privilege(p_role, c.oid, 'SELECT, INSERT, UPDATE, DELETE, TRUNCATE')
    UNION ALL
    SELECT format('may grant membership in %s (ADMIN OPTION)', g.rolname)
    FROM pg_auth_members m
    JOIN pg_roles g ON g.oid = m.roleid
    WHERE m.admin_option AND pg_has_role(p_role, m.member, 'MEMBER')
      AND (EXISTS (SELECT 1 FROM wide w WHERE pg_has_role(g.oid, w.oid, 'MEMBER')))
    ) AS reasons (reason)
    WHERE reason IS NOT NULL
    LIMIT 1
$$;
