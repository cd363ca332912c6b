#!/bin/bash
# Side by side on one database (the 10M demo, `mvdash-admin demo --events 10000000`): the
# engine's Refresh all (`mvdash-admin refresh --jobs 2`) as 022 left it and as 023 makes it,
# alternating. 023's two changes, switched here without rebuilding the database:
#   part = user_activity_except_bets reads user_balances_view instead of every balance event
#          (the part and the two views over it made anew with remake_matviews())
#   wm   = mvdash_refresh_view runs with work_mem = 256MB (the server's is 64MB here)
export PGHOST=/var/tmp/mvdash-demo PGUSER=postgres PGDATABASE=mvdash_demo
A=/work/main/build/release/app/mvdash-admin
HERE=$(cd "$(dirname "$0")" && pwd)
as_of() { # $1: 022 or 023
  local wm="RESET work_mem"
  if [ "$1" = 023 ]; then wm="SET work_mem = '256MB'"; fi
  psql -Xq -v def="$(cat "$HERE/part-$1.sql")" <<SQL >/dev/null
BEGIN;
UPDATE mvdash.read_model_parts SET definition = :'def' WHERE part_name = 'user_activity_except_bets';
SELECT mvdash.remake_matviews(ARRAY['user_activity_view', 'tenants_summary_view']);
ALTER FUNCTION mvdash.mvdash_refresh_view(text, bigint, bigint, boolean) $wm;
COMMIT;
SQL
  sleep 2
}
run() { local s=$(date +%s.%N); out=$($A refresh --jobs 2 2>&1); local e=$(date +%s.%N); echo "$1 $(echo "$e - $s" | bc) s | $(echo "$out" | grep -E " ok in" | awk '{print $1, $(NF-1)}' | tr '\n' ' ')"; }
for r in 1 2 3 4; do
  as_of 022; run "022"
  as_of 023; run "023"
done
