-- migrate, adopting the platform's event tables on a Citus coordinator: how they are placed,
-- when not as the spec says (tenants a reference table; the event tables distributed by
-- tenant_id and co-located). Tables not yet placed are no problem: the adoption places them
-- as 001 would; the event tables must then be placed all three, or none.
WITH placed AS (
    SELECT (SELECT c.relname::text FROM pg_class c WHERE c.oid = p.logicalrelid) AS rel,
           p.partmethod, p.repmodel,
           CASE WHEN p.partmethod = 'h' THEN column_to_column_name(p.logicalrelid, p.partkey) END
               AS distributed_by,
           p.colocationid
    FROM pg_dist_partition p
    WHERE p.logicalrelid IN (SELECT to_regclass('public.' || r)
                             FROM unnest(ARRAY['tenants', 'bet_events', 'balance_events',
                                               'payment_events']) r))
SELECT problem
FROM (SELECT format('public.%s is not a reference table', p.rel) AS problem
      FROM placed p WHERE p.rel = 'tenants' AND (p.partmethod <> 'n' OR p.repmodel <> 't')
      UNION ALL
      SELECT format('public.%s is not distributed by tenant_id', p.rel)
      FROM placed p
      WHERE p.rel <> 'tenants' AND p.distributed_by IS DISTINCT FROM 'tenant_id'
      UNION ALL
      SELECT 'the event tables are not co-located'
      WHERE (SELECT count(DISTINCT p.colocationid) FROM placed p WHERE p.rel <> 'tenants') > 1
      UNION ALL
      -- (the adoption would place the others in a co-location group of their own)
      SELECT 'the event tables are distributed in part: distribute all three, or none'
      WHERE (SELECT count(*) FROM placed p WHERE p.rel <> 'tenants') IN (1, 2)) s
ORDER BY problem
