-- The views' share of the event tables (015), the relation sizes on Citus (019) and the live
-- read models' sizes (028), each sampled when its last sample is old enough, or now (:now)
SELECT mvdash.sample_storage_share(:now::boolean)
