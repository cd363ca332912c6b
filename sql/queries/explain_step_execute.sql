-- The window (watermark, target) is put in by the caller as two whole numbers
EXPLAIN (COSTS OFF) EXECUTE mvdash_explain_step(%1, %2)
