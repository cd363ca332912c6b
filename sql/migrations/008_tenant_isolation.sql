-- Tenant isolation and least privilege (docs/RELIABILITY.md, "Security").
--
-- Materialized views cannot carry row-level security, so tenant administrators get no access
-- to them at all. They read through the schema tenant_scope: security-barrier views with
-- the same names and columns as the ones the dashboard reads, each filtered by the tenants
-- granted to the querying role in mvdash_tenant_grants (managed by grant_tenant() /
-- revoke_tenant(), i.e. `mvdash-admin grant-tenant ROLE TENANT`). grant_tenant() puts
-- tenant_scope first on the role's search_path in this database, so the dashboard's query
-- catalog runs unchanged and answers for the granted tenants only.
--
-- Why it holds:
-- - a view reads the base views with its owner's rights, and current_user inside it is still
--   the querying role, so the filter is the caller's grants and nothing the caller controls;
-- - security_barrier: a condition the caller adds (e.g. a function that records its
--   arguments) is applied only to rows that passed the tenant filter; equality on the key
--   columns is leakproof, so `tenant_id = ?` and `user_id = ?` still reach the indexes;
-- - tenant roles are members of mvdash_tenant only (never mvdash_reader, which reads every
--   tenant): grant_tenant() refuses a role that reads or refreshes through another group.

DO $roles$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'mvdash_tenant') THEN
        CREATE ROLE mvdash_tenant NOLOGIN;
    END IF;
END
$roles$;

-- Least privilege for functions: PostgreSQL lets PUBLIC execute every new function. Take
-- that back from all of ours (not from extensions' functions that live in this schema),
-- then give readers what the dashboard's read-only panels call. The acting functions were
-- already granted to mvdash_operator by 005.
DO $revoke$
DECLARE
    f regprocedure;
BEGIN
    FOR f IN
        SELECT p.oid::regprocedure
        FROM pg_proc p
        WHERE p.pronamespace = current_schema()::regnamespace
          AND NOT EXISTS (SELECT 1 FROM pg_depend d
                          WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid
                            AND d.deptype = 'e')
    LOOP
        EXECUTE format('REVOKE EXECUTE ON %s %s FROM PUBLIC',
                       CASE WHEN (SELECT prokind FROM pg_proc WHERE oid = f) = 'p'
                            THEN 'PROCEDURE' ELSE 'FUNCTION' END, f);
    END LOOP;
END
$revoke$;
GRANT EXECUTE ON FUNCTION materialized_views_refresh_plan(), materialized_views_history_limit()
    TO mvdash_reader;

-- Which role may see which tenant. Only the migration owner reads or writes it.
CREATE TABLE mvdash_tenant_grants (
    role_name  name NOT NULL,
    tenant_id  bigint NOT NULL,
    granted_at timestamptz NOT NULL DEFAULT now(),
    granted_by name NOT NULL DEFAULT session_user,
    PRIMARY KEY (role_name, tenant_id)
);

-- The tenants the querying role may see: granted to it or to a group it belongs to (a
-- dropped role's leftover grant matches nobody). Not granted to anyone: the scoped views
-- below read it with their owner's rights.
CREATE VIEW mvdash_visible_tenants AS
SELECT DISTINCT g.tenant_id
FROM mvdash_tenant_grants g
JOIN pg_roles r ON r.rolname = g.role_name
WHERE pg_has_role(r.oid, 'USAGE');

CREATE SCHEMA tenant_scope;
GRANT USAGE ON SCHEMA tenant_scope TO mvdash_tenant;

-- tenants: from tenants_summary_view (a local relation on a Citus coordinator, where the
-- tenants table is reference data), so a tenant appears with its figures
CREATE VIEW tenant_scope.tenants WITH (security_barrier) AS
SELECT tenant_id, tenant_name, slug, status, plan
FROM tenants_summary_view
WHERE tenant_id IN (SELECT tenant_id FROM mvdash_visible_tenants);

-- The shared read models under their own names, one rule for all of them
DO $scoped$
DECLARE
    v text;
BEGIN
    FOREACH v IN ARRAY ARRAY['tenants_summary_view', 'tenant_bet_status_view', 'bets_view',
                             'user_balances_view', 'payments_view', 'user_activity_view'] LOOP
        EXECUTE format('CREATE VIEW tenant_scope.%I WITH (security_barrier) AS '
                       'SELECT * FROM %I '
                       'WHERE tenant_id IN (SELECT tenant_id FROM mvdash_visible_tenants)', v, v);
    END LOOP;
END
$scoped$;

-- When the shared views were refreshed (the "as of" of every answer): names and times of
-- the base views only; no error texts, no history, no per-tenant copies of other tenants.
CREATE VIEW tenant_scope.materialized_views_refresh_log AS
SELECT view_name, last_refreshed_at
FROM materialized_views_refresh_log
WHERE view_name IN ('bets_view', 'user_balances_view', 'payments_view', 'user_activity_view',
                    'tenants_summary_view', 'tenant_bet_status_view');

-- Support's "events after the refresh" for a user of a granted tenant; nothing (nulls) for
-- any other tenant. SECURITY DEFINER to count events the role cannot read; the caller is
-- session_user, the role that logged in (current_user here is the owner).
CREATE FUNCTION tenant_scope.user_events_since(p_tenant_id bigint, p_user_id text,
                                               p_since timestamptz, OUT bet_events bigint,
                                               OUT balance_events bigint,
                                               OUT payment_events bigint)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM mvdash_tenant_grants g JOIN pg_roles r ON r.rolname = g.role_name
               WHERE g.tenant_id = p_tenant_id AND pg_has_role(session_user, r.oid, 'USAGE')) THEN
        SELECT e.bet_events, e.balance_events, e.payment_events
        INTO bet_events, balance_events, payment_events
        FROM user_events_since(p_tenant_id, p_user_id, p_since) e;
    END IF;
END
$$;
REVOKE EXECUTE ON FUNCTION tenant_scope.user_events_since(bigint, text, timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tenant_scope.user_events_since(bigint, text, timestamptz)
    TO mvdash_tenant;

GRANT SELECT ON ALL TABLES IN SCHEMA tenant_scope TO mvdash_tenant;

-- grant_tenant / revoke_tenant: run by the database owner (mvdash-admin). The role must
-- exist and the tenant must be known; names are checked against the catalog and quoted.
CREATE FUNCTION grant_tenant(p_role text, p_tenant_id bigint) RETURNS text
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
    v_role pg_roles%ROWTYPE;
BEGIN
    SELECT * INTO v_role FROM pg_roles WHERE rolname = p_role;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'role "%" does not exist', p_role
            USING ERRCODE = 'undefined_object', HINT = 'Create the login role first.';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM tenants WHERE tenant_id = p_tenant_id) THEN
        RAISE EXCEPTION 'tenant % does not exist', p_tenant_id USING ERRCODE = 'no_data_found';
    END IF;
    IF v_role.rolsuper OR pg_has_role(v_role.oid, 'mvdash_reader', 'USAGE')
       OR pg_has_role(v_role.oid, 'mvdash_operator', 'USAGE') THEN
        RAISE EXCEPTION 'role "%" already reads every tenant (superuser, mvdash_reader or '
                        'mvdash_operator)', p_role
            USING ERRCODE = 'invalid_grant_operation',
                  HINT = 'A tenant administrator needs a role of its own.';
    END IF;
    INSERT INTO mvdash_tenant_grants (role_name, tenant_id) VALUES (p_role, p_tenant_id)
    ON CONFLICT DO NOTHING;
    EXECUTE format('GRANT mvdash_tenant TO %I', p_role);
    EXECUTE format('ALTER ROLE %I IN DATABASE %I SET search_path = tenant_scope', p_role,
                   current_database());
    RETURN format('%s may read tenant %s', p_role, p_tenant_id);
END
$$;

CREATE FUNCTION revoke_tenant(p_role text, p_tenant_id bigint) RETURNS text
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    DELETE FROM mvdash_tenant_grants WHERE role_name = p_role AND tenant_id = p_tenant_id;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'role "%" has no grant for tenant %', p_role, p_tenant_id
            USING ERRCODE = 'no_data_found';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM mvdash_tenant_grants WHERE role_name = p_role)
       AND EXISTS (SELECT 1 FROM pg_roles WHERE rolname = p_role) THEN
        EXECUTE format('REVOKE mvdash_tenant FROM %I', p_role);
        EXECUTE format('ALTER ROLE %I IN DATABASE %I RESET search_path', p_role,
                       current_database());
    END IF;
    RETURN format('%s may no longer read tenant %s', p_role, p_tenant_id);
END
$$;
REVOKE EXECUTE ON FUNCTION grant_tenant(text, bigint), revoke_tenant(text, bigint) FROM PUBLIC;
