SELECT view_name, total_bytes, table_bytes, index_bytes, index_count, row_estimate, populated,
       has_unique_index, last_refreshed_at, share_of_event_tables
FROM materialized_view_sizes()
