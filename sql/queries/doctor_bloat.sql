-- doctor: empty space in each read model's storage and its btree indexes (pgstattuple,
-- migration 015), with the caller's rights.
SELECT view_name, relation, kind, bytes, free_percent, dead_percent, leaf_density
FROM mvdash.read_model_bloat()
