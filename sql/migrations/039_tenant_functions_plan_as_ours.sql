-- The functions a tenant administrator reads through plan with mvdash's settings, not the
-- caller's (found by an attack on the live mode as a tenant role, 2026-12-01).
--
-- A tenant role runs its own SQL and sets its own planner settings. The scoped_* functions
-- (014) pinned only enable_seqscan = off; user_exact and user_events_since pinned nothing; 035
-- pinned the scans of read_model_freshness only. With index and bitmap scans turned off in the
-- session, every call read the event tables and the read models whole, every tenant's rows: a
-- tenant's loop of calls became full scans of the platform's event store (measured at 20,000
-- events: 50,105 bet events, 20,292 balance events and 16,180 payment events read by three
-- calls), and the time a call takes depended on other tenants' rows, which DATABASE.md says
-- it does not. A cost setting does the same with scans on (random_page_cost = 1e12 makes any
-- index path dearer than a disabled sequential scan).
--
-- Here every function in tenant_scope pins the planner to PostgreSQL's defaults (the scans
-- and joins on, sequential scans off as 014 chose for these lookups by tenant, the costs at
-- their defaults) and JIT off (037). A server tuned otherwise (random_page_cost = 1.1 for
-- SSDs) keeps its tuning everywhere but in these functions, whose plans are index lookups of
-- the caller's tenant either way. tenant_scope_build, which makes a scoped_* function again
-- when its read model is made again, pins the same (tenant_scope_planner_settings(), one list).

CREATE FUNCTION tenant_scope_planner_settings() RETURNS text
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, mvdash, pg_temp AS $$
    SELECT 'SET enable_seqscan = off SET enable_indexscan = on SET enable_indexonlyscan = on '
           'SET enable_bitmapscan = on SET enable_tidscan = on SET enable_nestloop = on '
           'SET enable_hashjoin = on SET enable_mergejoin = on SET enable_material = on '
           'SET enable_sort = on SET enable_hashagg = on SET seq_page_cost = 1 '
           'SET random_page_cost = 4 SET cpu_tuple_cost = 0.01 SET cpu_index_tuple_cost = 0.005 '
           'SET cpu_operator_cost = 0.0025 SET jit = off'
$$;

-- 037's wrapper, with the whole list instead of JIT alone
CREATE OR REPLACE FUNCTION tenant_scope_build(p_view text) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, mvdash, pg_temp AS $$
BEGIN
    PERFORM mvdash.tenant_scope_build_014(p_view);
    BEGIN
        EXECUTE format('ALTER FUNCTION tenant_scope.%I() %s', 'scoped_' || p_view,
                       mvdash.tenant_scope_planner_settings());
    EXCEPTION WHEN insufficient_privilege THEN
        -- (014 gives a remade function back to its former owner, which the caller may not be:
        -- the function is whole, and plans with the caller's settings)
        RAISE WARNING 'tenant_scope.%() keeps the caller''s planner settings: %',
                      'scoped_' || p_view, SQLERRM;
    END;
END
$$;
REVOKE ALL ON FUNCTION tenant_scope_build(text), tenant_scope_planner_settings() FROM PUBLIC;

DO $pin$
DECLARE
    f regprocedure;
BEGIN
    FOR f IN SELECT p.oid::regprocedure FROM pg_catalog.pg_proc p
             WHERE p.pronamespace = 'tenant_scope'::regnamespace AND p.prokind = 'f' LOOP
        EXECUTE format('ALTER FUNCTION %s %s', f, mvdash.tenant_scope_planner_settings());
    END LOOP;
END
$pin$;
