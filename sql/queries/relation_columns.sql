-- The columns of a relation (a read model) in their order, from the catalog: the verifier
-- checks that its query reads every one of them. The name resolves on the session's path
-- (mvdash first); an unknown name gives no rows.
SELECT a.attname::text AS column_name
FROM pg_catalog.pg_attribute a
WHERE a.attrelid = pg_catalog.to_regclass(:relation::text)
  AND a.attnum > 0
  AND NOT a.attisdropped
ORDER BY a.attnum
