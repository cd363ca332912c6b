#!/bin/bash
# A live step with 012's statements and 011's apply ("old": three counts first, 30 statements)
# against 024's ("new": counted as applied, 26 statements), alternating on one database in
# one persistent session, the order swapped every round. Per step: its duration (ms), the
# events the step before it applied, and the CPU time of the whole machine during the step
# (ms, from /proc/stat: coordinator, workers and everything else).
# usage: PG* set to a live-mode database migrated to 024 (mvdash-admin demo --live [--citus]);
#        side-by-side.sh EVENTS_PER_STEP ROUNDS
set -euo pipefail
N=$1; R=$2
root=$(cd "$(dirname "$0")/../../.." && pwd)
admin=$root/build/release/app/mvdash-admin
work=$(mktemp -d)
python3 - "$root" "$work" <<'PY'
import sys
root, work = sys.argv[1], sys.argv[2]
m = open(f'{root}/sql/migrations/024_step_in_fewer_rounds.sql').read()
i = m.index('CREATE FUNCTION live_step_statements()')
j = m.index("-- 011's apply without")
k = m.index('-- As 011: nothing for PUBLIC')
open(f'{work}/new.sql', 'w').write('SET search_path = mvdash, public;\n' + m[i:j].replace(
    'CREATE FUNCTION', 'CREATE OR REPLACE FUNCTION') + m[j:k])
o = open(f'{root}/sql/migrations/011_live_read_models.sql').read()
a = o.index('CREATE FUNCTION live_apply(')
b = o.index('$$;', a) + 3
open(f'{work}/old.sql', 'w').write(
    'SET search_path = mvdash, public;\n'
    'CREATE OR REPLACE FUNCTION live_step_statements()\n'
    'RETURNS TABLE (ord integer, label text, statement text)\n'
    'LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, mvdash, pg_temp AS '
    '$f$ SELECT * FROM mvdash.live_step_statements_012() $f$;\n'
    + o[a:b].replace('CREATE FUNCTION', 'CREATE OR REPLACE FUNCTION') + '\n')
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
            echo "select '$v', duration_ms, (select last_step_events from mvdash.live_progress) from live_step() limit 1;"
            echo "\\! $cpu"
        done
    done
    echo "\\! psql -qAt -f $work/new.sql >/dev/null" # as migrated
}
gen | psql -At 2>&1 | grep -E "^(old|new)\|" > "$work/steps.txt"
paste -d'|' "$work/steps.txt" <(awk 'NR%2==1{a=$1} NR%2==0{print ($1-a)*10}' "$work/cpu.log")
rm -rf "$work"
