-- Schema-qualified, arguments typed: with an untyped argument a look-alike f(text) in a
-- schema others can write to would win over mvdash's (migration 010, docs/RELIABILITY.md).
SELECT mvdash.create_tenant_view(:view_name::text, :tenant_id::bigint)
