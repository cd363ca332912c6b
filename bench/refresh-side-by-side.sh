#!/bin/bash
# Two versions of the matview refresh engine, side by side: OLD.sql and NEW.sql each put one
# version in place (psql scripts), and `mvdash-admin refresh --jobs 2` (Refresh all, concurrently
# once populated, on two sessions) alternates between them on one database, the order swapped
# every round. One line per run:  version|seconds (wall, the command's)|views refreshed
# usage: PG* set to a matview-mode database (mvdash-admin demo --events N);
#        refresh-side-by-side.sh OLD.sql NEW.sql ROUNDS [old|new: left in place, new]
set -euo pipefail
old=$1; new=$2; R=$3; keep=${4:-new}
root=$(cd "$(dirname "$0")/.." && pwd)
admin=$root/build/release/app/mvdash-admin
$admin refresh --jobs 2 >/dev/null # warm: the first run after a seed is not a fair one
for r in $(seq 1 "$R"); do
    if [ $((r % 2)) -eq 1 ]; then order="old new"; else order="new old"; fi
    for v in $order; do
        if [ "$v" = old ]; then psql -qAt -f "$old" >/dev/null; else psql -qAt -f "$new" >/dev/null; fi
        start=$(date +%s.%N)
        views=$($admin refresh --jobs 2 | grep -c " ok in ")
        echo "$v|$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }')|$views"
    done
done
if [ "$keep" = old ]; then psql -qAt -f "$old" >/dev/null; else psql -qAt -f "$new" >/dev/null; fi
