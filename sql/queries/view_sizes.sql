-- when the sizes were measured: NULL now, else the oldest sample's time (Citus, 019); once, not
-- once a row
WITH a AS MATERIALIZED (SELECT relation_sizes_as_of() AS sizes_as_of)
SELECT view_name, total_bytes, table_bytes, index_bytes, index_count, row_estimate, populated,
       has_unique_index, last_refreshed_at, share_of_event_tables, a.sizes_as_of
FROM materialized_view_sizes()
CROSS JOIN a
