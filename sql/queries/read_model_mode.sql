-- 'matview' or 'live' (migration 011), and whether the live state is built
SELECT m.mode, p.applied_arrival IS NOT NULL AS built
FROM mvdash.read_model_mode m CROSS JOIN mvdash.live_progress p
