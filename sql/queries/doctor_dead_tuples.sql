-- doctor: dead rows of each read model's storage (the materialized view, or in live mode its
-- state table: a concurrent refresh and a live step both update and delete rows), added up
-- over the shards of a distributed one on Citus (migration 015).
SELECT relation, n_live_tup, n_dead_tup, last_vacuum, shards
FROM mvdash.read_model_dead_rows()
