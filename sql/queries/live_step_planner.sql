-- The planner settings of a live step for the rest of this transaction, on every node (025)
SELECT mvdash.live_step_planner(true)
