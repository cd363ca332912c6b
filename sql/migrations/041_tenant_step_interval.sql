-- A tenant administrator's badge knows how often steps come (issue #13, "freshness everywhere").
--
-- In live mode the badge judges the read models by how long committed events have waited for
-- a step: late past 10 s, stale past a minute. Where steps come less often (only the guide's
-- CronJob, or pg_cron, every five minutes) the limits stretch to the steps' interval, the
-- median gap between the last recorded steps (view_status.sql). Ops read that interval from the
-- refresh history; a tenant administrator may not read the history, so its badge kept the fixed
-- limits and turned stale a minute after every CronJob step: red most of the time on a platform
-- that works as designed.
--
-- This is the same median for the tenant's session: no value, id, count or duration of any
-- tenant, and no holder. A step is recorded when it applied events (a follower records no
-- empty one), so on a quiet platform the gaps are those between the platform's writes, all
-- tenants' (RELIABILITY.md, "What a tenant role can still learn").

CREATE FUNCTION tenant_scope.read_model_step_interval()
RETURNS double precision
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, mvdash, pg_temp AS $$
    -- the median gap between the last eleven recorded steps, NULL with fewer than three (as
    -- view_status.sql's step_interval_seconds, which ops read with the rest of the health)
    SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY g.gap)
    FROM (SELECT extract(epoch FROM r.started - lag(r.started) OVER (ORDER BY r.started))::float8
                     AS gap
          FROM (SELECT h.run_id, min(h.started_at) AS started
                FROM mvdash.materialized_views_refresh_history h
                WHERE h.method = 'live'
                GROUP BY h.run_id
                ORDER BY 2 DESC
                LIMIT 11) r) g
    WHERE g.gap IS NOT NULL
    HAVING count(*) >= 2
$$;

-- (039: every tenant_scope function plans with mvdash's settings, not the caller's)
DO $pin$
BEGIN
    EXECUTE format('ALTER FUNCTION tenant_scope.read_model_step_interval() %s',
                   mvdash.tenant_scope_planner_settings());
END
$pin$;

REVOKE ALL ON FUNCTION tenant_scope.read_model_step_interval() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tenant_scope.read_model_step_interval() TO mvdash_tenant;
