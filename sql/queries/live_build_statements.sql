SELECT ord, label FROM mvdash.live_build_statements() ORDER BY ord
