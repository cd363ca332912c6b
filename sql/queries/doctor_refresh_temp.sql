-- doctor: temporary files written by the refreshes and live steps themselves, from
-- pg_stat_statements (its schema is on the search_path where it is installed, public by
-- default). A top-level call's counters include what the statements inside it wrote (the
-- REFRESH MATERIALIZED VIEW of refresh_aggregate_views()); this query itself is left out.
SELECT coalesce(sum(s.calls), 0)::bigint AS calls,
       coalesce(sum(s.temp_blks_written), 0)::bigint
           * pg_catalog.current_setting('block_size')::bigint AS temp_bytes
FROM pg_stat_statements s
WHERE s.dbid = (SELECT oid FROM pg_catalog.pg_database WHERE datname = pg_catalog.current_database())
  AND s.toplevel
  AND s.query ~* '(refresh_aggregate_views|refresh_materialized_view|mvdash_live_step|refresh\s+materialized\s+view)'
  AND s.query !~* 'pg_stat_statements'
