-- The statements of a full build and how a rebuild on several sessions runs them (013, 021):
-- on a helper or in the rebuild's transaction, in parts or not, after which statements
SELECT ord, label, on_helper, splits, after::text FROM mvdash.live_build_plan()
