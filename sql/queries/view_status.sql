SELECT s.view_name, s.populated, s.next_method, s.has_unique_index, z.row_estimate,
       z.total_bytes, s.last_refreshed_at,
       extract(epoch FROM clock_timestamp() - s.last_refreshed_at)::bigint AS age_seconds,
       s.avg_refresh_time_ms, s.last_duration_ms, s.refresh_count, s.last_outcome,
       s.last_error, s.failure_count
FROM materialized_views_status s
JOIN materialized_view_sizes() z ON z.view_name = s.view_name
ORDER BY s.refresh_order, s.view_name
