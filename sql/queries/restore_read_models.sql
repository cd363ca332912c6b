-- mvdash-admin migrate: the read models dropped by hand, made again from their installed
-- definitions (migration 015): each missing one, whether it was made, and why not.
SELECT view_name, made, why_not FROM mvdash.restore_read_models()
