-- The Refresh panel: one row per view of the refresh plan with the log's figures. The size is
-- the sample taken after the view's last refresh (a materialized view changes size only when
-- refreshed), so this panel stats no files; the Sizes panel shows live sizes. A view never
-- refreshed by the engine has no sample and is measured live, and so is a live read model
-- (its state table, which every step changes), except on Citus, where a sample at most ten
-- minutes old stands in for asking every worker (019).
SELECT s.view_name, s.populated, s.next_method, s.has_unique_index,
       -- a per-tenant copy's tenant (the plan names copies <read model>_tenant_<id>): the
       -- dashboard's badge for one tenant does not judge it by another tenant's copy
       substring(s.view_name FROM '_tenant_([0-9]+)$')::bigint AS copy_of_tenant,
       -- (unknown for a Citus table, whose shell's reltuples is not its shards' rows: 017)
       mvdash_row_estimate(c.oid) AS row_estimate,
       CASE WHEN s.next_method = 'live' THEN (mvdash_relation_bytes(c.oid)).total_bytes
            ELSE coalesce(z.total_bytes, (mvdash_relation_bytes(c.oid)).total_bytes)
       END AS total_bytes,
       s.last_refreshed_at,
       extract(epoch FROM clock_timestamp() - s.last_refreshed_at)::bigint AS age_seconds,
       s.avg_refresh_time_ms,
       -- the duration of what last brought the view up to date in the mode it is in now. A
       -- switch of mode sets the log's count to 0 and the first step after it marks the log
       -- 'live' without a duration, so the log's duration is this mode's once a run counted
       -- (a step that applied events, a refresh) or failed in it; before that, in live mode
       -- the last step's (or the build's), in matview mode none
       CASE WHEN s.refresh_count > 0
              OR (s.last_outcome = 'failed' AND (l.last_method = 'live') = (f.mode = 'live'))
            THEN s.last_duration_ms
            WHEN f.mode = 'live' THEN f.last_step_ms
       END AS last_duration_ms,
       s.refresh_count, s.last_outcome,
       s.last_error, s.failure_count,
       -- live mode: committed events not in the read model yet, for how many seconds the read
       -- models have lacked them (0 when none), and who holds them back
       f.mode = 'live' AS live, f.lag_events, CASE WHEN f.mode = 'live' THEN f.lag_seconds END
       AS lag_seconds, f.blocked_by,
       -- matview mode: the arrivals taken since the view's last refresh (the log's last_arrival,
       -- 031): an event each, so about the events the view lacks (a write rolled back drew its
       -- arrivals too; one still open when the refresh began drew them before its last_arrival
       -- and is missed). Read from the sequence, no event table scanned.
       CASE WHEN NOT coalesce(f.mode = 'live', false) AND l.last_arrival IS NOT NULL
            THEN greatest(coalesce(pg_sequence_last_value('mvdash.event_arrival_seq'::regclass), 0)
                          - l.last_arrival, 0) END AS arrivals_since,
       -- live mode: how often steps come, from the last ones recorded (a follower every few
       -- seconds, the CronJob or pg_cron every few minutes): an event may wait that long for
       -- the next one, so the freshness limits stretch to it. The median gap between the last
       -- eleven, NULL with fewer than three; read once for all rows. (A follower records no
       -- empty step: on a quiet platform the gaps are the quiet's, and the limits are lenient
       -- while little waits.)
       CASE WHEN f.mode = 'live' THEN (
           SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY g.gap)
           FROM (SELECT extract(epoch FROM r.started - lag(r.started) OVER (ORDER BY r.started))
                            AS gap
                 FROM (SELECT h.run_id, min(h.started_at) AS started
                       FROM materialized_views_refresh_history h
                       WHERE h.method = 'live'
                       GROUP BY h.run_id
                       ORDER BY 2 DESC
                       LIMIT 11) r) g
           WHERE g.gap IS NOT NULL
           HAVING count(*) >= 2) END AS step_interval_seconds
FROM materialized_views_status s
-- the matview, or the state table of a live read model (migration 011); not a join with
-- pg_class, which Citus filters row by row for its shards (a millisecond on the coordinator)
JOIN LATERAL (SELECT read_model_storage(s.view_name)::oid AS oid) c ON c.oid IS NOT NULL
LEFT JOIN LATERAL (SELECT h.total_bytes
                   FROM materialized_views_size_history h
                   WHERE h.view_name = s.view_name
                   ORDER BY h.sample_id DESC
                   LIMIT 1) z ON true
LEFT JOIN read_model_freshness() f ON f.view_name = s.view_name
-- (the log's method, which the status view does not carry)
LEFT JOIN materialized_views_refresh_log l ON l.view_name = s.view_name
ORDER BY s.refresh_order, s.view_name
