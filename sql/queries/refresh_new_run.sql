SELECT nextval('materialized_views_refresh_run_seq'), materialized_views_close_interrupted()
