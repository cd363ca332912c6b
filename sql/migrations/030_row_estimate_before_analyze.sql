-- A row estimate for a table never analyzed (plain PostgreSQL).
--
-- The panels' row estimate (017) is pg_class.reltuples, unknown when that is -1: a table
-- neither vacuumed nor analyzed since it was made. In live mode that is the state of
-- live_tenants_summary, tenants_summary_view's state table, after a rebuild: the rebuild
-- analyzes the other state tables (021, 027) but not that one, and its few rows (one per
-- tenant) reach autovacuum's 50 changes only after some steps that change tenants' figures
-- (on an idle database never). The Sizes panel, `mvdash-admin sizes` and `status` showed "?"
-- rows for tenants_summary_view on the demo database at its start.
--
-- Now such a table's estimate is the statistics system's count of its live rows
-- (pg_stat_get_live_tuples, n_live_tup of pg_stat_user_tables), which its inserts and deletes
-- keep, analyzed or not; still unknown when that count is 0 too (a table empty indeed, or
-- statistics lost in a crash: "?" rather than a 0 that may be wrong). Tables only: a
-- materialized view's rows are written into a new heap by a plain REFRESH (by hand, the guide's
-- playbook), which leaves reltuples -1 and the view's count where its concurrent refreshes put
-- it, a figure unrelated to its rows; those stay "?" until analyzed (mvdash's own refreshes
-- analyze after a plain one). What stays approximate: after statistics are lost the count
-- starts again from 0, and until the next ANALYZE (autovacuum's, after 50 changes) it counts
-- only the rows inserted since. On Citus nothing changes: the rows are in the shards (017).

CREATE OR REPLACE FUNCTION mvdash_row_estimate(p_rel regclass) RETURNS bigint
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, mvdash, pg_temp AS $$
DECLARE
    v_tuples real := (SELECT c.reltuples FROM pg_class c WHERE c.oid = p_rel);
BEGIN
    IF v_tuples IS NULL OR mvdash.mvdash_is_distributed(p_rel) THEN
        RETURN NULL;
    END IF;
    IF v_tuples < 0 THEN
        IF (SELECT c.relkind FROM pg_class c WHERE c.oid = p_rel) NOT IN ('r', 'p') THEN
            RETURN NULL;
        END IF;
        RETURN nullif(pg_stat_get_live_tuples(p_rel), 0);
    END IF;
    RETURN v_tuples::bigint;
END
$$;
