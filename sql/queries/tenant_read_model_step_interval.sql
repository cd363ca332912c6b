-- How often the platform steps its live read models, for a tenant administrator's badge
-- (migration 041): the median gap between the last recorded steps, NULL with fewer than three
SELECT tenant_scope.read_model_step_interval()
