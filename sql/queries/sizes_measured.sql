-- 'on': this session's sizes are measured when asked, not taken from a recent sample (Citus,
-- migration 019); '': back to the samples. The doctor and mvdash-admin status / sizes run on
-- demand and report what is there now.
SELECT set_config('mvdash.measure_sizes', :value::text, false)
