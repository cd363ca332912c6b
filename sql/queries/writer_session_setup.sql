-- A writing session on Citus: one connection per worker for its COPY, not one per shard
-- placement. A batch that touches all 32 shards otherwise opens 32 worker sessions each time
-- (measured on the local cluster, two cores: 300 rows in 15-50 ms against 350-380 ms, 5,000
-- rows in 33-59 against 330-560 ms, a seed of 100,000 events in 1.4 s against 2.2 s; on a
-- large cluster a bulk load may do better per shard: LIVE.md). Nothing on plain PostgreSQL,
-- where the setting does not exist.
SELECT set_config('citus.multi_shard_modify_mode', 'sequential', false)
WHERE current_setting('citus.multi_shard_modify_mode', true) IS NOT NULL
