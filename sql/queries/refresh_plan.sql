SELECT view_name, refresh_order, populated, has_unique_index, method
FROM materialized_views_refresh_plan()
ORDER BY refresh_order, view_name
