-- User id completion: prefix search on user_activity_view_user_prefix_idx.
SELECT user_id FROM user_activity_view
WHERE tenant_id = :tenant_id AND user_id LIKE :user_id_pattern ESCAPE '\'
ORDER BY user_id
LIMIT 20
