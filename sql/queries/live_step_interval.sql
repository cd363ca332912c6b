-- Live mode: how often steps come, from the last ones recorded (a follower every few seconds,
-- the CronJob or pg_cron every few minutes): an event may wait that long for the next one, so
-- the freshness limits stretch to it. The median gap between the last eleven; no row with
-- fewer than three. (A follower records no empty step: on a quiet platform the gaps are the
-- quiet's, and the limits are lenient while little waits.)
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY g.gap) AS step_interval_seconds
FROM (SELECT extract(epoch FROM r.started - lag(r.started) OVER (ORDER BY r.started)) AS gap
      FROM (SELECT h.run_id, min(h.started_at) AS started
            FROM materialized_views_refresh_history h
            WHERE h.method = 'live'
            GROUP BY h.run_id
            ORDER BY 2 DESC
            LIMIT 11) r) g
WHERE g.gap IS NOT NULL
HAVING count(*) >= 2
