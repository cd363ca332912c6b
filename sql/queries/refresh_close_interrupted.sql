-- After a run that failed or was cancelled: close the 'running' rows whose session is gone
-- (on Citus a cancel during a CONCURRENTLY refresh can end the backend, which then records
-- nothing), so that no cancelled refresh stays 'running' until the next run.
SELECT mvdash.materialized_views_close_interrupted()
