-- Tenant-scoped relations list their columns (issue #14): a column added to a read model later
-- can no longer be silently missing from the relations that show it per tenant.
--
-- The tenant-scoped relations are
-- - tenant_scope.<read model>, a view over tenant_scope.scoped_<read model>() (010), and
-- - the per-tenant copies mvdash.<read model>_tenant_<id> (the guide's tip 4): materialized
--   views in matview mode (create_tenant_view, the switch back, 012's rebuild of the
--   matviews), plain views in live mode (create_tenant_view, live_switch).
-- The copies were made with SELECT * and 010 listed tenant_scope's columns from the catalog
-- once, by hand in a DO block. PostgreSQL expands * when a view is created, so either way a
-- column added to a read model afterwards was missing from every copy made before it, and
-- nothing said so.
--
-- Now:
-- 1. read_model_columns(view) is the one place that says a read model's columns, in order,
--    with their types. It reads them from the catalog of the read model relation itself
--    (mvdash.<view>: the materialized view in matview mode, the view over the live state in
--    live mode), not from a table of the spec's columns. The copies must show what the read
--    model shows, and the read model is the relation they select from: a second list would
--    be one more place to forget when a column is added, which is the drift this issue is
--    about. That the read models themselves have exactly the spec's names, types and order
--    (event-store.md is normative) is checked where it always was, against the spec's text,
--    in both modes (tst_migrations::relationsMatchTheSpec).
-- 2. Every tenant-scoped relation is built from that list, each column named (format %I): the
--    functions that make them (create_tenant_view in both modes, live_switch when it carries
--    the copies over, tenant_scope_build for tenant_scope) and this migration, which makes
--    every existing one again. A view is replaced in place where it can be (CREATE OR
--    REPLACE VIEW: same identity, grants, owner and dependants); a materialized view, or a
--    view whose columns changed other than by new ones at the end, is made anew with the
--    owner, privileges, options, indexes and comment of the old one, and only when nothing
--    else depends on it. create_tenant_view asked again for a copy that drifted now brings
--    it back in line (it already put back a missing key).
-- 3. tenant_scoped_column_drift() lists every difference (missing, extra, type, order) between
--    a tenant-scoped relation and its read model; this migration fails if it finds any, and
--    tst_tenant_isolation plants drift to see it reported.
--
-- Two things the tests of this found, fixed on the way:
-- - tenant_scope's views now carry the read models' exact types: a function's result columns
--   keep no type modifier (numeric(18,2) became numeric through scoped_<view>()), so the view
--   casts each column to its read model's type (a no-op on the values, which already have it).
-- - scoped_<view>() looks up the caller's tenants before its query, into a variable. Inside
--   the query's condition, Citus sent the lookup along to the workers when the read model is
--   distributed (live mode), where mvdash's tables do not exist: a tenant role could read
--   nothing through tenant_scope in live mode on Citus.
--
-- Every new function pins search_path = pg_catalog, mvdash, pg_temp, names what it calls
-- schema-qualified, and matches names against the catalog before quoting them; none of them is
-- SECURITY DEFINER (create_tenant_view, which is, calls them as the owner) nor executable by
-- PUBLIC. The scoped_<view>() functions stay SECURITY DEFINER, as 010 made them.

------------------------------------------------------------------------------------------
-- The one place: a read model's columns
------------------------------------------------------------------------------------------

-- The columns of the read model p_view, in order: a materialized view of mvdash (the read
-- models in matview mode, and any other materialized view a per-tenant copy may be made of)
-- or, in live mode, the view that carries a read model's name.
CREATE FUNCTION read_model_columns(p_view text)
RETURNS TABLE (ord integer, column_name text, data_type text, type_oid oid)
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, mvdash, pg_temp AS $$
BEGIN
    RETURN QUERY
    SELECT row_number() OVER (ORDER BY a.attnum)::integer, a.attname::text,
           pg_catalog.format_type(a.atttypid, a.atttypmod), a.atttypid
    FROM pg_catalog.pg_class c
    JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
    WHERE c.relnamespace = 'mvdash'::regnamespace AND c.relname = p_view
      AND p_view !~ '_tenant_[0-9]+$'
      AND (c.relkind = 'm'
           OR (c.relkind = 'v'
               AND EXISTS (SELECT 1 FROM mvdash.read_model_definitions d WHERE d.view_name = p_view)))
    ORDER BY a.attnum;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'unknown read model: %', p_view USING ERRCODE = 'undefined_table';
    END IF;
END
$$;

-- Where the columns p_names/p_types (in their order) differ from read model p_view's: a column
-- missing, one extra, another type, or another place among the columns both have (so that one
-- missing column is reported once, not as every later column out of place). Without type
-- modifiers for a function's result, which keeps none.
CREATE FUNCTION mvdash_column_drift(p_view text, p_names text[], p_types text[],
                                    p_with_typmod boolean)
RETURNS TABLE (column_name text, problem text, expected text, found text)
LANGUAGE sql STABLE SET search_path = pg_catalog, mvdash, pg_temp AS $$
    WITH want AS (
        SELECT c.ord, c.column_name,
               CASE WHEN p_with_typmod THEN c.data_type
                    ELSE pg_catalog.format_type(c.type_oid, NULL) END AS data_type
        FROM mvdash.read_model_columns(p_view) c
    ),
    have AS (
        SELECT h.ord::integer AS ord, h.column_name, h.data_type
        FROM unnest(p_names, p_types) WITH ORDINALITY AS h (column_name, data_type, ord)
    ),
    both_have AS (
        SELECT w.column_name,
               row_number() OVER (ORDER BY w.ord) AS want_place,
               row_number() OVER (ORDER BY h.ord) AS have_place
        FROM want w JOIN have h USING (column_name)
    )
    SELECT d.column_name, d.problem, d.expected, d.found
    FROM (
        SELECT w.ord, w.column_name, 'missing' AS problem, w.data_type AS expected,
               NULL::text AS found
        FROM want w WHERE NOT EXISTS (SELECT 1 FROM have h WHERE h.column_name = w.column_name)
        UNION ALL
        SELECT h.ord, h.column_name, 'extra', NULL, h.data_type
        FROM have h WHERE NOT EXISTS (SELECT 1 FROM want w WHERE w.column_name = h.column_name)
        UNION ALL
        SELECT w.ord, w.column_name, 'type', w.data_type, h.data_type
        FROM want w JOIN have h USING (column_name) WHERE w.data_type <> h.data_type
        UNION ALL
        SELECT w.ord, b.column_name, 'order', format('column %s', b.want_place),
               format('column %s', b.have_place)
        FROM both_have b JOIN want w USING (column_name) WHERE b.want_place <> b.have_place
    ) AS d
    ORDER BY d.ord, d.problem
$$;

-- The drift of relation p_rel (a view or materialized view) from read model p_view.
CREATE FUNCTION mvdash_relation_drift(p_rel regclass, p_view text)
RETURNS TABLE (column_name text, problem text, expected text, found text)
LANGUAGE sql STABLE SET search_path = pg_catalog, mvdash, pg_temp AS $$
    SELECT d.* FROM mvdash.mvdash_column_drift(
        p_view,
        ARRAY(SELECT a.attname::text FROM pg_catalog.pg_attribute a
              WHERE a.attrelid = p_rel AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum),
        ARRAY(SELECT pg_catalog.format_type(a.atttypid, a.atttypmod) FROM pg_catalog.pg_attribute a
              WHERE a.attrelid = p_rel AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum),
        true) d
$$;

-- The result columns of a set-returning function (RETURNS TABLE), in order.
CREATE FUNCTION mvdash_result_columns(p_function regprocedure, OUT names text[], OUT types text[])
LANGUAGE sql STABLE SET search_path = pg_catalog, mvdash, pg_temp AS $$
    SELECT array_agg(a.name ORDER BY a.n), array_agg(pg_catalog.format_type(a.typ, NULL) ORDER BY a.n)
    FROM pg_catalog.pg_proc p
    CROSS JOIN LATERAL unnest(p.proallargtypes, p.proargmodes::text[], p.proargnames)
        WITH ORDINALITY AS a (typ, mode, name, n)
    WHERE p.oid = p_function AND a.mode IN ('t', 'o')
$$;

-- Every tenant-scoped relation against its read model: tenant_scope's views and the functions
-- under them (of the six read models), and every per-tenant copy. No row: no drift.
CREATE FUNCTION tenant_scoped_column_drift()
RETURNS TABLE (relation text, read_model text, column_name text, problem text, expected text,
               found text)
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, mvdash, pg_temp AS $$
DECLARE
    v_view text;
    v_rel regclass;
    v_function regprocedure;
    v_result record;
    c record;
BEGIN
    FOR v_view IN SELECT d.view_name FROM mvdash.read_model_definitions d ORDER BY d.view_name LOOP
        v_function := pg_catalog.to_regprocedure(format('tenant_scope.%I()', 'scoped_' || v_view));
        IF v_function IS NULL THEN
            RETURN QUERY SELECT format('tenant_scope.%I()', 'scoped_' || v_view), v_view,
                                NULL::text, 'no such function'::text, NULL::text, NULL::text;
        ELSE
            SELECT * INTO v_result FROM mvdash.mvdash_result_columns(v_function);
            RETURN QUERY SELECT v_function::text, v_view, d.*
                         FROM mvdash.mvdash_column_drift(v_view, v_result.names, v_result.types,
                                                         false) d;
        END IF;
        v_rel := pg_catalog.to_regclass(format('tenant_scope.%I', v_view));
        IF v_rel IS NULL THEN
            RETURN QUERY SELECT format('tenant_scope.%I', v_view), v_view, NULL::text,
                                'no such relation'::text, NULL::text, NULL::text;
        ELSE
            RETURN QUERY SELECT v_rel::text, v_view, d.*
                         FROM mvdash.mvdash_relation_drift(v_rel, v_view) d;
        END IF;
    END LOOP;
    FOR c IN SELECT t.copy_name, t.base FROM mvdash.mvdash_tenant_copies() t ORDER BY 1 LOOP
        RETURN QUERY SELECT format('mvdash.%I', c.copy_name), c.base, d.*
                     FROM mvdash.mvdash_relation_drift(format('mvdash.%I', c.copy_name)::regclass,
                                                       c.base) d;
    END LOOP;
END
$$;

------------------------------------------------------------------------------------------
-- Building them: from the list, keeping what the old relation had
------------------------------------------------------------------------------------------

-- Puts back on a relation or function made anew the owner and privileges its predecessor had
-- (p_acl NULL: the defaults, as the predecessor had).
CREATE FUNCTION mvdash_restore_privileges(p_kind text, p_object text, p_acl aclitem[],
                                          p_owner oid)
RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, mvdash, pg_temp AS $$
DECLARE
    a record;
    v_grant_kind text := CASE WHEN p_kind = 'FUNCTION' THEN 'FUNCTION' ELSE 'TABLE' END;
BEGIN
    IF p_acl IS NOT NULL THEN
        EXECUTE format('REVOKE ALL ON %s %s FROM PUBLIC', v_grant_kind, p_object);
        FOR a IN SELECT x.grantee, x.privilege_type, x.is_grantable
                 FROM pg_catalog.aclexplode(p_acl) x ORDER BY x.grantee, x.privilege_type LOOP
            EXECUTE format('GRANT %s ON %s %s TO %s%s', a.privilege_type, v_grant_kind, p_object,
                           CASE WHEN a.grantee = 0 THEN 'PUBLIC'
                                ELSE quote_ident(pg_catalog.pg_get_userbyid(a.grantee)) END,
                           CASE WHEN a.is_grantable THEN ' WITH GRANT OPTION' ELSE '' END);
        END LOOP;
    END IF;
    IF p_owner IS DISTINCT FROM
       (CASE WHEN p_kind = 'FUNCTION'
             THEN (SELECT p.proowner FROM pg_catalog.pg_proc p
                   WHERE p.oid = p_object::regprocedure)
             ELSE (SELECT c.relowner FROM pg_catalog.pg_class c WHERE c.oid = p_object::regclass)
        END) THEN
        EXECUTE format('ALTER %s %s OWNER TO %I', p_kind, p_object,
                       pg_catalog.pg_get_userbyid(p_owner));
    END IF;
END
$$;

-- What depends on relation p_rel through a view's rules (other than its own), as a list.
CREATE FUNCTION mvdash_dependent_views(p_rel regclass) RETURNS text
LANGUAGE sql STABLE SET search_path = pg_catalog, mvdash, pg_temp AS $$
    SELECT string_agg(DISTINCT r.ev_class::regclass::text, ', ')
    FROM pg_catalog.pg_depend d
    JOIN pg_catalog.pg_rewrite r ON r.oid = d.objid
    WHERE d.classid = 'pg_catalog.pg_rewrite'::regclass
      AND d.refclassid = 'pg_catalog.pg_class'::regclass AND d.refobjid = p_rel
      AND r.ev_class <> p_rel
$$;

-- The per-tenant copy of read model p_base for tenant p_tenant_id, of kind p_kind ('m' a
-- materialized view, 'v' a view), its columns named from read_model_columns. A new copy is
-- readable by mvdash_reader. An existing copy of that kind is left as it is when its columns
-- are its read model's (unless p_force), replaced in place when it only lacks columns at the
-- end (a view), made anew otherwise; a copy of the other kind is left to the caller. The
-- caller checks the base and the tenant.
CREATE FUNCTION tenant_copy_build(p_base text, p_tenant_id bigint, p_kind "char",
                                  p_force boolean DEFAULT false)
RETURNS text
LANGUAGE plpgsql SET search_path = pg_catalog, mvdash, pg_temp AS $$
DECLARE
    v_name text := p_base || '_tenant_' || p_tenant_id;
    v_old regclass := pg_catalog.to_regclass(format('mvdash.%I', v_name));
    v_cols text;
    v_want text[];
    v_have text[];
    v_query text;
    v_old_rel record;
    v_indexes text[];
    v_index text;
    v_comment text;
    v_dependents text;
    v_drift boolean;
BEGIN
    IF p_kind NOT IN ('m', 'v') THEN
        RAISE EXCEPTION 'a per-tenant copy is a view or a materialized view, not %', p_kind
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    SELECT string_agg(format('%I', c.column_name), ', ' ORDER BY c.ord),
           array_agg(format('%I %s', c.column_name, c.data_type) ORDER BY c.ord)
    INTO v_cols, v_want
    FROM mvdash.read_model_columns(p_base) c;
    v_query := format('SELECT %s FROM mvdash.%I WHERE tenant_id = %s', v_cols, p_base,
                      p_tenant_id);
    IF v_old IS NULL THEN
        EXECUTE format('CREATE %s mvdash.%I AS %s',
                       CASE p_kind WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'VIEW' END, v_name,
                       v_query);
        IF EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'mvdash_reader') THEN
            EXECUTE format('GRANT SELECT ON mvdash.%I TO mvdash_reader', v_name);
        END IF;
        RETURN v_name;
    END IF;

    SELECT c.relkind, c.relacl, c.relowner, c.reloptions, c.relispopulated INTO v_old_rel
    FROM pg_catalog.pg_class c WHERE c.oid = v_old;
    IF v_old_rel.relkind <> p_kind THEN
        RETURN v_name;
    END IF;
    v_drift := EXISTS (SELECT 1 FROM mvdash.mvdash_relation_drift(v_old, p_base));
    IF NOT v_drift AND NOT p_force THEN
        RETURN v_name;
    END IF;
    v_have := ARRAY(SELECT format('%I %s', a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod))
                    FROM pg_catalog.pg_attribute a
                    WHERE a.attrelid = v_old AND a.attnum > 0 AND NOT a.attisdropped
                    ORDER BY a.attnum);
    IF p_kind = 'v' AND v_want[1:cardinality(v_have)] = v_have THEN
        -- the same columns, perhaps new ones at the end: in place (CREATE OR REPLACE VIEW sets
        -- the options it is given, so the old ones are given again)
        EXECUTE format('CREATE OR REPLACE VIEW mvdash.%I%s AS %s', v_name,
                       CASE WHEN v_old_rel.reloptions IS NOT NULL
                            THEN format(' WITH (%s)', array_to_string(v_old_rel.reloptions, ', '))
                            ELSE '' END,
                       v_query);
        RETURN v_name;
    END IF;

    v_dependents := mvdash.mvdash_dependent_views(v_old);
    IF v_dependents IS NOT NULL THEN
        IF v_drift THEN
            RAISE EXCEPTION 'cannot make % anew with the columns of %: other views depend on it (%)',
                            v_name, p_base, v_dependents
                USING ERRCODE = 'dependent_objects_still_exist',
                      HINT = 'Drop the dependent views, run create_tenant_view again, create them again.';
        END IF;
        RAISE NOTICE '% kept as it is: other views depend on it (%); its columns are those of %',
                     v_name, v_dependents, p_base;
        RETURN v_name;
    END IF;
    v_indexes := ARRAY(SELECT pg_catalog.pg_get_indexdef(i.indexrelid)
                       FROM pg_catalog.pg_index i WHERE i.indrelid = v_old ORDER BY i.indexrelid);
    v_comment := pg_catalog.obj_description(v_old, 'pg_class');
    EXECUTE format('DROP %s mvdash.%I',
                   CASE p_kind WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'VIEW' END, v_name);
    -- a materialized view as populated as it was, if its base is
    EXECUTE format('CREATE %s mvdash.%I%s AS %s%s',
                   CASE p_kind WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'VIEW' END, v_name,
                   CASE WHEN v_old_rel.reloptions IS NOT NULL
                        THEN format(' WITH (%s)', array_to_string(v_old_rel.reloptions, ', '))
                        ELSE '' END,
                   v_query,
                   CASE WHEN p_kind = 'm'
                             AND NOT (v_old_rel.relispopulated
                                      AND (SELECT c.relispopulated FROM pg_catalog.pg_class c
                                           WHERE c.oid = format('mvdash.%I', p_base)::regclass))
                        THEN ' WITH NO DATA' ELSE '' END);
    -- pg_get_indexdef names the table schema-qualified, the index as it was
    FOREACH v_index IN ARRAY v_indexes LOOP
        EXECUTE v_index;
    END LOOP;
    IF v_comment IS NOT NULL THEN
        EXECUTE format('COMMENT ON %s mvdash.%I IS %L',
                       CASE p_kind WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'VIEW' END, v_name,
                       v_comment);
    END IF;
    PERFORM mvdash.mvdash_restore_privileges(
        CASE p_kind WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'VIEW' END,
        format('mvdash.%I', v_name), v_old_rel.relacl, v_old_rel.relowner);
    RETURN v_name;
END
$$;

-- tenant_scope.<p_view> and the function under it, tenant_scope.scoped_<p_view>(), for one of
-- the six read models, as 010 made them but with the columns of read_model_columns: the
-- function returns them (RETURNS TABLE keeps no type modifier), the view casts them back to
-- the read model's types. The function takes the caller's tenants before its query (in the
-- query, Citus would evaluate the lookup on the workers of a distributed read model). Each is replaced in place when its columns allow it (a function's
-- result columns cannot change, a view's only by new ones at the end); otherwise made anew
-- with its predecessor's owner, privileges and options (a new one granted as 010 did).
CREATE FUNCTION tenant_scope_build(p_view text) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, mvdash, pg_temp AS $$
DECLARE
    v_function_name text := 'scoped_' || p_view;
    v_function regprocedure := pg_catalog.to_regprocedure(format('tenant_scope.%I()', 'scoped_' || p_view));
    v_view regclass := pg_catalog.to_regclass(format('tenant_scope.%I', p_view));
    v_cols text;
    v_typed text;
    v_cast text;
    v_want_result text[];
    v_want_view text[];
    v_have_view text[];
    v_function_acl aclitem[];
    v_function_owner oid;
    v_view_acl aclitem[];
    v_view_owner oid;
    v_view_options text;
    v_replace_view boolean := true;
    v_replace_function boolean := true;
    v_dependents text;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM mvdash.read_model_definitions d WHERE d.view_name = p_view) THEN
        RAISE EXCEPTION 'unknown read model: %', p_view USING ERRCODE = 'undefined_table';
    END IF;
    SELECT string_agg(format('v.%I', c.column_name), ', ' ORDER BY c.ord),
           string_agg(format('%I %s', c.column_name, pg_catalog.format_type(c.type_oid, NULL)),
                      ', ' ORDER BY c.ord),
           string_agg(format('%1$I::%2$s AS %1$I', c.column_name, c.data_type), ', ' ORDER BY c.ord),
           array_agg(format('%I %s', c.column_name, pg_catalog.format_type(c.type_oid, NULL))
                     ORDER BY c.ord),
           array_agg(format('%I %s', c.column_name, c.data_type) ORDER BY c.ord)
    INTO v_cols, v_typed, v_cast, v_want_result, v_want_view
    FROM mvdash.read_model_columns(p_view) c;

    IF v_function IS NOT NULL THEN
        SELECT p.proacl, p.proowner INTO v_function_acl, v_function_owner
        FROM pg_catalog.pg_proc p WHERE p.oid = v_function;
        v_replace_function := v_want_result = (
            SELECT array_agg(format('%I %s', n, t) ORDER BY o)
            FROM mvdash.mvdash_result_columns(v_function) r,
                 unnest(r.names, r.types) WITH ORDINALITY AS x (n, t, o));
    END IF;
    IF v_view IS NOT NULL THEN
        SELECT c.relacl, c.relowner,
               CASE WHEN c.reloptions IS NOT NULL
                    THEN format(' WITH (%s)', array_to_string(c.reloptions, ', ')) END
        INTO v_view_acl, v_view_owner, v_view_options
        FROM pg_catalog.pg_class c WHERE c.oid = v_view;
        v_have_view := ARRAY(SELECT format('%I %s', a.attname,
                                           pg_catalog.format_type(a.atttypid, a.atttypmod))
                             FROM pg_catalog.pg_attribute a
                             WHERE a.attrelid = v_view AND a.attnum > 0 AND NOT a.attisdropped
                             ORDER BY a.attnum);
        -- the view reads the function: it goes with it
        v_replace_view := v_replace_function
                          AND v_want_view[1:cardinality(v_have_view)] = v_have_view;
        IF NOT v_replace_view THEN
            v_dependents := mvdash.mvdash_dependent_views(v_view);
            IF v_dependents IS NOT NULL THEN
                RAISE EXCEPTION 'cannot make tenant_scope.% anew with the columns of %: other views depend on it (%)',
                                p_view, p_view, v_dependents
                    USING ERRCODE = 'dependent_objects_still_exist';
            END IF;
            EXECUTE format('DROP VIEW tenant_scope.%I', p_view);
        END IF;
    END IF;
    IF v_function IS NOT NULL AND NOT v_replace_function THEN
        EXECUTE format('DROP FUNCTION tenant_scope.%I()', v_function_name);
    END IF;

    EXECUTE format(
        'CREATE OR REPLACE FUNCTION tenant_scope.%I() RETURNS TABLE (%s) '
        'LANGUAGE plpgsql STABLE SECURITY DEFINER ROWS 1000 '
        'SET search_path = pg_catalog, mvdash, pg_temp SET enable_seqscan = off AS $f$ '
        'DECLARE v_tenants bigint[] := mvdash.mvdash_session_tenants(); '
        'BEGIN RETURN QUERY SELECT %s FROM mvdash.%I v WHERE v.tenant_id = ANY (v_tenants); END $f$',
        v_function_name, v_typed, v_cols, p_view);
    IF v_function IS NULL THEN
        EXECUTE format('REVOKE ALL ON FUNCTION tenant_scope.%I() FROM PUBLIC', v_function_name);
        EXECUTE format('GRANT EXECUTE ON FUNCTION tenant_scope.%I() TO mvdash_tenant',
                       v_function_name);
    ELSIF NOT v_replace_function THEN
        PERFORM mvdash.mvdash_restore_privileges('FUNCTION', format('tenant_scope.%I()', v_function_name),
                                                 v_function_acl, v_function_owner);
    END IF;

    -- CREATE OR REPLACE VIEW sets the options it is given: the old ones are given again
    EXECUTE format('CREATE OR REPLACE VIEW tenant_scope.%I%s AS SELECT %s FROM tenant_scope.%I()',
                   p_view, coalesce(v_view_options, ''), v_cast, v_function_name);
    IF v_view IS NULL THEN
        EXECUTE format('GRANT SELECT ON tenant_scope.%I TO mvdash_tenant', p_view);
    ELSIF NOT v_replace_view THEN
        PERFORM mvdash.mvdash_restore_privileges('VIEW', format('tenant_scope.%I', p_view),
                                                 v_view_acl, v_view_owner);
    END IF;
END
$$;

------------------------------------------------------------------------------------------
-- The functions that make per-tenant copies, now through tenant_copy_build
------------------------------------------------------------------------------------------

-- The guide's tip 4 (011's, in both modes): a plain view of the live read model in live mode,
-- a materialized view with the base view's unique key in matview mode, for a tenant that
-- exists. Asked again for a copy that exists, it puts back a missing key and brings columns
-- that drifted from the read model's back in line.
CREATE OR REPLACE FUNCTION create_tenant_view(p_view text, p_tenant_id bigint) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, mvdash, pg_temp AS $$
DECLARE
    v_base regclass := mvdash.mvdash_matview(p_view);
    v_name text := p_view || '_tenant_' || p_tenant_id;
    v_key text;
BEGIN
    IF mvdash.read_model_mode_now() = 'live'
       AND EXISTS (SELECT 1 FROM mvdash.read_model_definitions d WHERE d.view_name = p_view) THEN
        IF NOT EXISTS (SELECT 1 FROM public.tenants t WHERE t.tenant_id = p_tenant_id) THEN
            RAISE EXCEPTION 'tenant % does not exist', p_tenant_id
                USING ERRCODE = 'no_data_found', HINT = 'Tenants are listed in the tenants table.';
        END IF;
        RETURN mvdash.tenant_copy_build(p_view, p_tenant_id, 'v');
    END IF;
    IF v_base IS NULL OR p_view ~ '_tenant_[0-9]+$' THEN
        RAISE EXCEPTION 'unknown base view: %', p_view USING ERRCODE = 'undefined_table';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM public.tenants t WHERE t.tenant_id = p_tenant_id) THEN
        RAISE EXCEPTION 'tenant % does not exist', p_tenant_id
            USING ERRCODE = 'no_data_found', HINT = 'Tenants are listed in the tenants table.';
    END IF;
    IF length(v_name) > 59 THEN
        RAISE EXCEPTION 'view name too long: %', v_name USING ERRCODE = 'name_too_long';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_attribute a
                   WHERE a.attrelid = v_base AND a.attname = 'tenant_id' AND NOT a.attisdropped) THEN
        RAISE EXCEPTION 'view % has no tenant_id column', p_view USING ERRCODE = 'undefined_column';
    END IF;
    SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY k.ord) INTO v_key
    FROM (SELECT i.indrelid, i.indkey FROM pg_index i
          WHERE i.indrelid = v_base AND i.indisunique AND i.indpred IS NULL AND i.indexprs IS NULL
          ORDER BY i.indnkeyatts LIMIT 1) i
    CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
    JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum;
    IF v_key IS NULL THEN
        RAISE EXCEPTION 'view % has no unique key to copy', p_view
            USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
    PERFORM mvdash.tenant_copy_build(p_view, p_tenant_id, 'm');
    IF NOT EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = mvdash.mvdash_matview(v_name)
                   AND i.indisunique AND i.indisvalid AND i.indpred IS NULL AND i.indexprs IS NULL) THEN
        EXECUTE format('DROP INDEX IF EXISTS mvdash.%I', v_name || '_key');
        EXECUTE format('CREATE UNIQUE INDEX %I ON mvdash.%I (%s)', v_name || '_key', v_name, v_key);
    END IF;
    INSERT INTO mvdash.materialized_views_refresh_locks (lock_name) VALUES (v_name)
    ON CONFLICT DO NOTHING;
    RETURN v_name;
END
$$;

-- 011's switch between the modes; the per-tenant copies it carries over to live mode are
-- made by tenant_copy_build (those carried back to matview mode by create_tenant_view).
CREATE OR REPLACE FUNCTION live_switch(p_mode text) RETURNS text
LANGUAGE plpgsql SET search_path = pg_catalog, mvdash, pg_temp AS $$
DECLARE
    v_mode text := mvdash.read_model_mode_now();
    v_names text[];
    v_bases text[];
    v_tenants bigint[];
    i integer;
    c record;
    v_row record;
    v_view text;
BEGIN
    IF p_mode NOT IN ('live', 'matview') THEN
        RAISE EXCEPTION 'unknown read-model mode: % (live or matview)', p_mode
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_mode = v_mode THEN
        RETURN format('the read models are already in %s mode', p_mode);
    END IF;
    SELECT coalesce(array_agg(t.copy_name), '{}'), coalesce(array_agg(t.base), '{}'),
           coalesce(array_agg(t.tenant_id), '{}')
    INTO v_names, v_bases, v_tenants
    FROM mvdash.mvdash_tenant_copies() t;
    IF p_mode = 'live' THEN
        -- a last step, here: the state is as fresh as the switch
        FOR v_row IN SELECT * FROM mvdash.mvdash_live_step(true, '30s') LOOP
            IF v_row.outcome <> 'ok' THEN
                RAISE EXCEPTION 'the last step before the switch did not run: %', v_row.error
                    USING ERRCODE = 'lock_not_available';
            END IF;
        END LOOP;
        FOR i IN 1 .. cardinality(v_names) LOOP
            EXECUTE format('DROP MATERIALIZED VIEW mvdash.%I', v_names[i]);
        END LOOP;
        DROP MATERIALIZED VIEW mvdash.tenants_summary_view, mvdash.tenant_bet_status_view,
            mvdash.user_activity_view;
        DROP MATERIALIZED VIEW mvdash.bets_view, mvdash.payments_view, mvdash.user_balances_view;
        PERFORM mvdash.live_create_views();
        FOR i IN 1 .. cardinality(v_names) LOOP
            PERFORM mvdash.tenant_copy_build(v_bases[i], v_tenants[i], 'v');
        END LOOP;
    ELSE
        IF (SELECT count(*) FROM pg_class k JOIN mvdash.read_model_definitions d ON d.view_name = k.relname
            WHERE k.relnamespace = 'mvdash_staging'::regnamespace AND k.relkind = 'm') <> 6 THEN
            RAISE EXCEPTION 'the materialized views are not staged'
                USING ERRCODE = 'object_not_in_prerequisite_state',
                      HINT = 'SELECT mvdash.live_stage_matviews() first (mvdash-admin convert does).';
        END IF;
        FOR i IN 1 .. cardinality(v_names) LOOP
            EXECUTE format('DROP VIEW mvdash.%I', v_names[i]);
        END LOOP;
        DROP VIEW mvdash.tenants_summary_view, mvdash.tenant_bet_status_view,
            mvdash.user_activity_view, mvdash.bets_view, mvdash.payments_view,
            mvdash.user_balances_view;
        FOR v_view IN SELECT d.view_name FROM mvdash.read_model_definitions d ORDER BY d.build_order LOOP
            EXECUTE format('ALTER MATERIALIZED VIEW mvdash_staging.%I SET SCHEMA mvdash', v_view);
        END LOOP;
        UPDATE mvdash.read_model_mode SET mode = p_mode, changed_at = now();
        FOR i IN 1 .. cardinality(v_names) LOOP
            IF EXISTS (SELECT 1 FROM public.tenants t WHERE t.tenant_id = v_tenants[i]) THEN
                PERFORM mvdash.create_tenant_view(v_bases[i], v_tenants[i]);
            ELSE
                RAISE NOTICE 'not carried over: % (tenant % no longer exists)', v_names[i], v_tenants[i];
            END IF;
        END LOOP;
        -- the state is no longer maintained: a later convert builds it again
        UPDATE mvdash.live_progress SET applied_arrival = NULL, applied_at = NULL, blocked_by = NULL;
        TRUNCATE mvdash.live_bets, mvdash.live_payments, mvdash.live_user_balances,
            mvdash.live_user_activity, mvdash.live_tenant_bet_status, mvdash.live_tenants_summary,
            mvdash.live_tenant_totals;
    END IF;
    UPDATE mvdash.read_model_mode SET mode = p_mode, changed_at = now();
    -- the averages start again: a step's duration and a refresh's do not average together
    UPDATE mvdash.materialized_views_refresh_log l
    SET avg_refresh_time_ms = 0, refresh_count = 0
    WHERE l.view_name IN (SELECT d.view_name FROM mvdash.read_model_definitions d);
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'mvdash_reader') THEN
        GRANT SELECT ON mvdash.bets_view, mvdash.user_balances_view, mvdash.payments_view,
            mvdash.user_activity_view, mvdash.tenants_summary_view, mvdash.tenant_bet_status_view
            TO mvdash_reader;
        FOR c IN SELECT * FROM mvdash.mvdash_tenant_copies() LOOP
            EXECUTE format('GRANT SELECT ON mvdash.%I TO mvdash_reader', c.copy_name);
        END LOOP;
    END IF;
    RETURN format('the read models are now in %s mode', p_mode);
END
$$;

------------------------------------------------------------------------------------------
-- Every tenant-scoped relation made again from the list
------------------------------------------------------------------------------------------

DO $rebuild$
DECLARE
    v_view text;
    c record;
    v_drift text;
BEGIN
    FOR v_view IN SELECT d.view_name FROM mvdash.read_model_definitions d
                  ORDER BY d.build_order, d.view_name LOOP
        PERFORM mvdash.tenant_scope_build(v_view);
    END LOOP;
    FOR c IN SELECT t.copy_name, t.base, t.tenant_id, t.relkind
             FROM mvdash.mvdash_tenant_copies() t ORDER BY 1 LOOP
        PERFORM mvdash.tenant_copy_build(c.base, c.tenant_id, c.relkind, true);
    END LOOP;
    SELECT string_agg(format('%s.%s: %s', d.relation, coalesce(d.column_name, '*'), d.problem), '; ')
    INTO v_drift
    FROM mvdash.tenant_scoped_column_drift() d;
    IF v_drift IS NOT NULL THEN
        RAISE EXCEPTION 'tenant-scoped relations differ from their read models: %', v_drift
            USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
END
$rebuild$;

------------------------------------------------------------------------------------------
-- Privileges: nothing new for PUBLIC (create_tenant_view and live_switch keep theirs)
------------------------------------------------------------------------------------------

REVOKE ALL ON FUNCTION read_model_columns(text),
    mvdash_column_drift(text, text[], text[], boolean), mvdash_relation_drift(regclass, text),
    mvdash_result_columns(regprocedure), tenant_scoped_column_drift(),
    mvdash_restore_privileges(text, text, aclitem[], oid), mvdash_dependent_views(regclass),
    tenant_copy_build(text, bigint, "char", boolean), tenant_scope_build(text)
    FROM PUBLIC;
