-- A live step on Citus through one connection per worker (issue #13: "ingest throughput with
-- the follower >= 95% of without it ... the same figures at 1M on the local Citus cluster").
--
-- Each statement of a step is a round of a task per shard (32) on the workers. By default
-- Citus's adaptive executor opens up to citus.max_adaptive_executor_pool_size (16) connections
-- per worker for such a round, and at the end of the transaction closes all but
-- citus.max_cached_conns_per_worker (1) of them: a follower stepping every second started new
-- backends on every worker at every step, each with its process, its catalog caches and Citus's
-- metadata to load, on the machine the writers share. With one connection per worker the
-- step's tasks run one after another on each worker, over the session Citus keeps.
--
-- Measured side by side on the local cluster (coordinator + 2 workers on two cores, 1M events,
-- `mvdash-bench-live --citus --throughput-only`, the same rounds): the CPU the steps add per
-- event written fell from 9.5 / 9.2 to 6.2 / 7.0 µs, and the saturated writer with a follower
-- went from 89.1% / 85.2% to 94.8% / 90.2% of without it (docs/BENCHMARKS.md).
--
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
