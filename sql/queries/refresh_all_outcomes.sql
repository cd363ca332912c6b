SELECT view_name, outcome, error FROM refresh_aggregate_views()
