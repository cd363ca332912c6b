-- The views' share of the event tables, sampled when the last sample is old enough (015).
SELECT mvdash.sample_storage_share(false)
