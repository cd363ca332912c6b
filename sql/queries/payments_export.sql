-- CSV export: the whole filtered set of the payments panel, in its order, streamed.
SELECT payment_id, user_id, amount, currency, payment_method, external_id, payment_type, status,
       last_updated_at, last_updated_timestamp
FROM payments_view
WHERE tenant_id = :tenant
  AND (:type::text IS NULL OR payment_type = :type)
  AND (:status::text IS NULL OR status = :status)
  AND (:method::text IS NULL OR payment_method = :method)
  AND (:user::text IS NULL OR user_id = :user)
  AND (:from_ms::bigint IS NULL OR last_updated_timestamp >= :from_ms)
  AND (:to_ms::bigint IS NULL OR last_updated_timestamp < :to_ms)
ORDER BY last_updated_at DESC, payment_id DESC
