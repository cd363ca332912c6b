SELECT views_bytes, event_tables_bytes, ratio FROM materialized_views_size_ratio()
