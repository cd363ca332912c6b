-- The plan with each view's average refresh time: views of one level are handed out to
-- parallel sessions longest first (an unknown view counts as 0 ms).
SELECT p.view_name, p.refresh_order, p.populated, p.has_unique_index, p.method,
       coalesce(l.avg_refresh_time_ms, 0)::float8 AS expected_ms
FROM materialized_views_refresh_plan() p
LEFT JOIN materialized_views_refresh_log l ON l.view_name = p.view_name
ORDER BY p.refresh_order, p.view_name
