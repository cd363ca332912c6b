SELECT current_setting('server_version'),
       (SELECT extversion FROM pg_extension WHERE extname = 'citus'),
       current_user,
       coalesce(has_function_privilege('refresh_materialized_view(text, bigint, bigint)', 'EXECUTE'), false),
       coalesce((SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()), false)
