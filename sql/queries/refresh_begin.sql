SELECT materialized_views_begin_refresh(?, ?)
