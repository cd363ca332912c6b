#!/bin/bash
# (Tried, not kept.) A live step with its six scratch tables logged ("old", as 011 made them) against unlogged
# ("new"), alternating on one database in one persistent session, the order swapped every
# round. Per step: its duration (ms), the events it applied, the WAL it wrote (bytes; on Citus
# the workers' together) and the CPU time of the whole machine during the step (ms, from
# /proc/stat).
# usage: PG* set to a live-mode database (mvdash-admin demo --live [--citus]);
#        side-by-side.sh EVENTS_PER_STEP ROUNDS
set -euo pipefail
N=$1; R=$2
root=$(cd "$(dirname "$0")/../../.." && pwd)
admin=$root/build/release/app/mvdash-admin
work=$(mktemp -d)
tables="live_touched_bets live_touched_payments live_bet_changes live_payment_changes live_user_deltas live_tenant_deltas"
for v in old new; do
    mode=LOGGED; [ $v = new ] && mode=UNLOGGED
    for t in $tables; do echo "ALTER TABLE mvdash.$t SET $mode;"; done > "$work/$v.sql"
done
cpu="awk '/^cpu /{print \$2+\$3+\$4+\$7+\$8}' /proc/stat >> $work/cpu.log"
gen() {
    # the WAL insert positions of the servers that hold the state: the workers on Citus
    echo "create function pg_temp.mvdash_side_wal() returns table (node bigint, lsn pg_lsn) language sql as \$f\$"
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
            echo "select string_agg(lsn::text, ',' ORDER BY node) as wal FROM pg_temp.mvdash_side_wal() \\gset"
            echo "\\! $cpu"
            echo "select '$v', duration_ms from live_step() limit 1;"
            echo "\\! $cpu"
            echo "select 'events', last_step_events, (select sum(w.lsn - b.lsn::pg_lsn) from pg_temp.mvdash_side_wal() w join unnest(string_to_array(:'wal', ',')) with ordinality b(lsn, node) using (node)) from mvdash.live_progress;"
        done
    done
    echo "\\! psql -qAt -f $work/${KEEP:-old}.sql >/dev/null" # logged, as migrated
}
# (the events in a statement of their own: live_step()'s statement does not see its update)
gen | psql -At 2>&1 | grep -E "^(old|new|events)\|" | paste -d'|' - - | cut -d'|' -f1,2,4,5 > "$work/steps.txt"
paste -d'|' "$work/steps.txt" <(awk 'NR%2==1{a=$1} NR%2==0{print ($1-a)*10}' "$work/cpu.log")
rm -rf "$work"
