-- A live step on Citus through one connection per worker.
--
-- Each statement of a step is a round of a task per shard (32) on the workers. By default
-- Citus's adaptive executor opens up to citus.max_adaptive_executor_pool_size (16) connections
-- per worker for such a round, and at the end of the transaction closes all but
-- citus.max_cached_conns_per_worker (1) of them: held midway, a step had 6 backends on each
-- worker of the local cluster, and a follower stepping every second started new ones at every
-- step, each with its process, its catalog caches and Citus's metadata to load, and each a
-- connection slot of the worker's max_connections. With one connection per worker the step's
-- tasks run one after another on each worker, over the session Citus keeps.
--
-- Measured on the local cluster (coordinator + 2 workers on two cores, 1M events, docs/
-- BENCHMARKS.md): the step takes as long as before (10,000 events 220 / 259 ms). The writer's
-- throughput beside a follower did not change measurably with this setting on the step alone
-- (87.8 / 85.0 / 81.4% against 89.1 / 85.2 / 79.1% round by round); a run with the setting on
-- every session (PGOPTIONS) had given 94.8 / 90.2 / 83.5%, which this does not reproduce. What
-- it is kept for: one backend per worker instead of up to 16, started once.
-- The setting is the step function's own (a SET clause), so every way a step runs has it: the
-- follower, `refresh_aggregate_views()` in live mode (the CronJob, pg_cron), `mvdash-admin
-- refresh`. A rebuild keeps the default: it is one long transaction that gains from the
-- parallelism. On plain PostgreSQL nothing changes.
DO $citus$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_catalog.pg_extension WHERE extname = 'citus') THEN
        ALTER FUNCTION mvdash.mvdash_live_step(boolean, interval)
            SET citus.max_adaptive_executor_pool_size = 1;
    END IF;
END
$citus$;
