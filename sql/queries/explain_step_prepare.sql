-- Followed by one statement of mvdash.live_step_statements() ($1 watermark, $2 target)
PREPARE mvdash_explain_step (bigint, bigint) AS
