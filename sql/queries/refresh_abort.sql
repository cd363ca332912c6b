SELECT materialized_views_abort_refresh(?, ?)
