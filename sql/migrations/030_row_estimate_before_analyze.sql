-- A row estimate for a table never analyzed (plain PostgreSQL).
--
-- The panels' row estimate (017) is pg_class.reltuples, unknown when that is -1: a table
-- neither vacuumed nor analyzed since it was made. In live mode that is the usual state of
-- live_tenants_summary, tenants_summary_view's state table: a rebuild analyzes the other state
-- tables (021, 027) but not that one, whose few rows (one per tenant) never reach autovacuum's
-- threshold of 50 changed rows. The Sizes panel, `mvdash-admin sizes` and `status` showed "?"
-- rows for tenants_summary_view on the demo database from its start.
--
-- Now such a table's estimate is the statistics system's count of its live rows
-- (pg_stat_get_live_tuples, n_live_tup of pg_stat_user_tables), which every insert and delete
-- keeps, analyzed or not; still unknown when that count is 0 too (statistics reset, or a
-- table empty indeed: "?" rather than a 0 that may be wrong). An ANALYZE is not the answer
-- here: only the owner may run it, and a panel must not write. On Citus nothing changes: the
-- rows are in the shards (017).

CREATE OR REPLACE FUNCTION mvdash_row_estimate(p_rel regclass) RETURNS bigint
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, mvdash, pg_temp AS $$
DECLARE
    v_tuples real := (SELECT c.reltuples FROM pg_class c WHERE c.oid = p_rel);
BEGIN
    IF v_tuples IS NULL OR mvdash.mvdash_is_distributed(p_rel) THEN
        RETURN NULL;
    END IF;
    IF v_tuples < 0 THEN
        RETURN nullif(pg_stat_get_live_tuples(p_rel), 0);
    END IF;
    RETURN v_tuples::bigint;
END
$$;
