#!/bin/bash
# Side by side on one database (the 10M demo, `mvdash-admin demo --events 10000000`): the
# engine's Refresh all (`mvdash-admin refresh --jobs 2`) as 022 left it and as 023 makes it,
# alternating. 023's three changes, each switched here without rebuilding the database:
#   part = user_activity_except_bets reads user_balances_view instead of every balance event
#          (the part and the two views over it made anew with remake_matviews())
#   wm   = mvdash_refresh_view runs with work_mem = 256MB (the server's is 64MB here)
#   plan = the part is refreshed plain (materialized_views_refresh_plan() of 019 or of 023)
export PGHOST=/var/tmp/mvdash-demo PGUSER=postgres PGDATABASE=mvdash_demo
A=/work/main/build/release/app/mvdash-admin
HERE=$(cd "$(dirname "$0")" && pwd)
MIGRATIONS=$HERE/../../../sql/migrations
function_of() { # the refresh plan function as migration $1 defines it
  python3 -c "
import sys; s = open(sys.argv[1]).read()
a = s.index('CREATE OR REPLACE FUNCTION materialized_views_refresh_plan()'); b = s.index('\$\$;', a) + 3
print('SET search_path = mvdash;'); print(s[a:b])" "$1"
}
as_of() { # $1: 022 or 023
  local wm="RESET work_mem" plan=$MIGRATIONS/019_sizes_sampled_on_citus.sql
  if [ "$1" = 023 ]; then wm="SET work_mem = '256MB'"; plan=$MIGRATIONS/023_part_reads_balances.sql; fi
  psql -Xq -v def="$(cat "$HERE/part-$1.sql")" <<SQL >/dev/null
BEGIN;
UPDATE mvdash.read_model_parts SET definition = :'def' WHERE part_name = 'user_activity_except_bets';
SELECT mvdash.remake_matviews(ARRAY['user_activity_view', 'tenants_summary_view']);
ALTER FUNCTION mvdash.mvdash_refresh_view(text, bigint, bigint, boolean) $wm;
COMMIT;
SQL
  function_of "$plan" | psql -Xq
  sleep 2
}
run() { local s=$(date +%s.%N); out=$($A refresh --jobs 2 2>&1); local e=$(date +%s.%N); echo "$1 $(echo "$e - $s" | bc) s | $(echo "$out" | grep -E " ok in" | awk '{print $1, $(NF-1)}' | tr '\n' ' ')"; }
for r in 1 2 3 4; do
  as_of 022; run "022"
  as_of 023; run "023"
done
