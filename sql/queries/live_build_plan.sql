-- The statements of a full build and how a rebuild on several sessions runs them (013)
SELECT ord, label, phase, on_helper, splits FROM mvdash.live_build_plan()
