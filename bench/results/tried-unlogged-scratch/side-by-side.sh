#!/bin/bash
# (Tried, not kept.) A live step with its six scratch tables logged ("old", as 011 made them)
# against unlogged ("new"), with bench/step-side-by-side.sh; the tables are left logged.
# usage: PG* set to a live-mode database (mvdash-admin demo --live [--citus]);
#        side-by-side.sh EVENTS_PER_STEP ROUNDS
set -euo pipefail
root=$(cd "$(dirname "$0")/../../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tables="live_touched_bets live_touched_payments live_bet_changes live_payment_changes live_user_deltas live_tenant_deltas"
for t in $tables; do echo "ALTER TABLE mvdash.$t SET LOGGED;"; done > "$work/old.sql"
for t in $tables; do echo "ALTER TABLE mvdash.$t SET UNLOGGED;"; done > "$work/new.sql"
"$root/bench/step-side-by-side.sh" "$work/old.sql" "$work/new.sql" "$1" "$2" old
