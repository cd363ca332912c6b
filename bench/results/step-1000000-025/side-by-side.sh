#!/bin/bash
# A live step with 024's apply ("old": the step's planner settings on the coordinator only)
# against 025's ("new": on the workers too), alternating on one database in one persistent
# session, the order swapped every round. Per step: its duration (ms), the events it applied,
# and the CPU time of the whole machine during the step (ms, from /proc/stat: coordinator,
# workers and everything else).
# usage: PG* set to a live-mode database migrated to 025 (mvdash-admin demo --live [--citus]);
#        side-by-side.sh EVENTS_PER_STEP ROUNDS
set -euo pipefail
N=$1; R=$2
root=$(cd "$(dirname "$0")/../../.." && pwd)
admin=$root/build/release/app/mvdash-admin
work=$(mktemp -d)
python3 - "$root" "$work" <<'PY'
import sys
root, work = sys.argv[1], sys.argv[2]
def apply_of(migration, start):
    m = open(f'{root}/sql/migrations/{migration}').read()
    a = m.index(start)
    b = m.index('$$;', a) + 3
    return 'SET search_path = mvdash, public;\n' + m[a:b] + '\n'
open(f'{work}/old.sql', 'w').write(apply_of('024_step_in_fewer_rounds.sql',
                                            'CREATE OR REPLACE FUNCTION live_apply('))
open(f'{work}/new.sql', 'w').write(apply_of('025_step_settings_on_the_workers.sql',
                                            'CREATE OR REPLACE FUNCTION live_apply('))
PY
cpu="awk '/^cpu /{print \$2+\$3+\$4+\$7+\$8}' /proc/stat >> $work/cpu.log"
gen() {
    echo "\\! psql -qAt -f $work/old.sql >/dev/null"
    echo "\\! $admin seed --events 1000 >/dev/null 2>&1"
    echo "select 'warm', duration_ms from live_step() limit 1;"
    for r in $(seq 1 "$R"); do
        if [ $((r % 2)) -eq 1 ]; then order="old new"; else order="new old"; fi
        for v in $order; do
            echo "\\! psql -qAt -f $work/$v.sql >/dev/null"
            echo "\\! $admin seed --events $N >/dev/null 2>&1"
            echo "\\! sleep 0.5"
            echo "\\! $cpu"
            echo "select '$v', duration_ms from live_step() limit 1;"
            echo "\\! $cpu"
            echo "select 'events', last_step_events from mvdash.live_progress;"
        done
    done
    echo "\\! psql -qAt -f $work/new.sql >/dev/null" # as migrated
}
# (the events in a statement of their own: live_step()'s statement does not see its update)
gen | psql -At 2>&1 | grep -E "^(old|new|events)\|" | paste -d'|' - - | cut -d'|' -f1,2,4 > "$work/steps.txt"
paste -d'|' "$work/steps.txt" <(awk 'NR%2==1{a=$1} NR%2==0{print ($1-a)*10}' "$work/cpu.log")
rm -rf "$work"
