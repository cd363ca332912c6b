-- The payments panel: one page of the payments of a tenant, newest first, keyset-paged on
-- (last_updated_at, payment_id) so that page 1000 costs what page 1 does
-- (payments_view_tenant_recent_idx). A null filter means any value; with no cursor and a
-- null page size it is also the CSV export of the whole filtered set.
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
  AND (:after_ms::bigint IS NULL
       OR (last_updated_at, payment_id) < (to_timestamp(:after_ms / 1000.0), :after_id::text))
ORDER BY last_updated_at DESC, payment_id DESC
LIMIT :page_size
