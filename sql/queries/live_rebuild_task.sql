-- A helper of a rebuild: one statement of the build (or one hash part of it), up to an arrival
SELECT mvdash.live_rebuild_task(:ord::integer, :part::integer, :parts::integer, :to_arrival::bigint)
