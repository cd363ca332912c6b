SELECT view_name, method, duration_ms, outcome, error
FROM refresh_materialized_view(?, ?, ?)
