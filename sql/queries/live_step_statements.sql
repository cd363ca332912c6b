SELECT ord, label, statement FROM mvdash.live_step_statements() ORDER BY ord
