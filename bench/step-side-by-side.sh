#!/bin/bash
# Two versions of a live step, side by side: OLD.sql and NEW.sql each put one version in place
# (psql scripts), and the steps alternate on one database in one persistent session (as the
# follower keeps its own), the order swapped every round. Per step, one line:
#   version|step ms|events applied|WAL written (bytes; on Citus the workers' together)|machine CPU ms
# (the CPU time of the whole machine during the step, from /proc/stat: every server on it).
# usage: PG* set to a live-mode database (mvdash-admin demo --live [--citus]);
#        step-side-by-side.sh OLD.sql NEW.sql EVENTS_PER_STEP ROUNDS [old|new: left in place, new]
set -euo pipefail
old=$1; new=$2; N=$3; R=$4; keep=${5:-new}
root=$(cd "$(dirname "$0")/.." && pwd)
admin=$root/build/release/app/mvdash-admin
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$old" "$work/old.sql"; cp "$new" "$work/new.sql"
cpu="awk '/^cpu /{print \$2+\$3+\$4+\$7+\$8}' /proc/stat >> $work/cpu.log"
gen() {
    # the WAL insert positions of the servers that hold the state: the workers on Citus
    echo "create function pg_temp.side_wal() returns table (node bigint, lsn pg_lsn) language sql as \$f\$"
    echo "  select row_number() over (order by w.nodeport), w.result::pg_lsn"
    echo "  from run_command_on_workers('select pg_current_wal_insert_lsn()') w"
    echo "  where exists (select 1 from pg_extension where extname = 'citus')"
    echo "  union all select 1, pg_current_wal_insert_lsn()"
    echo "  where not exists (select 1 from pg_extension where extname = 'citus') \$f\$;"
    echo "\\! psql -qAt -f $work/old.sql >/dev/null"
    echo "\\! $admin seed --events 1000 >/dev/null 2>&1"
    echo "select 'warm', duration_ms from live_step() limit 1;"
    for r in $(seq 1 "$R"); do
        if [ $((r % 2)) -eq 1 ]; then order="old new"; else order="new old"; fi
        for v in $order; do
            echo "\\! psql -qAt -f $work/$v.sql >/dev/null"
            echo "\\! $admin seed --events $N >/dev/null 2>&1"
            echo "\\! sleep 0.5"
            echo "select string_agg(lsn::text, ',' ORDER BY node) as wal FROM pg_temp.side_wal() \\gset"
            echo "\\! $cpu"
            echo "select '$v', duration_ms from live_step() limit 1;"
            echo "\\! $cpu"
            # (a statement of its own: live_step()'s statement does not see its own update)
            echo "select 'events', last_step_events, (select sum(w.lsn - b.lsn::pg_lsn) from pg_temp.side_wal() w join unnest(string_to_array(:'wal', ',')) with ordinality b(lsn, node) using (node)) from mvdash.live_progress;"
        done
    done
    echo "\\! psql -qAt -f $work/$keep.sql >/dev/null"
}
gen | psql -At 2>&1 | grep -E "^(old|new|events)\|" | paste -d'|' - - | cut -d'|' -f1,2,4,5 > "$work/steps.txt"
paste -d'|' "$work/steps.txt" <(awk 'NR%2==1{a=$1} NR%2==0{print ($1-a)*10}' "$work/cpu.log")
