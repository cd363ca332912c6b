-- A run id for a view-by-view refresh; closes what earlier runs left 'running' (migration 010)
SELECT materialized_views_new_run()
