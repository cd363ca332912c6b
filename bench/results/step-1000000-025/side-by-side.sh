#!/bin/bash
# A live step with 024's apply ("old": the step's planner settings on the coordinator only)
# against 025's ("new": on the workers too), with bench/step-side-by-side.sh. The logs of
# 2026-11-30 in this directory were written by this script's first version, which printed the
# same columns without the WAL (version|step ms|events|machine CPU ms).
# usage: PG* set to a live-mode database migrated to 025 (mvdash-admin demo --live [--citus]);
#        side-by-side.sh EVENTS_PER_STEP ROUNDS
set -euo pipefail
root=$(cd "$(dirname "$0")/../../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$root" "$work" <<'PY'
import sys
root, work = sys.argv[1], sys.argv[2]
def apply_of(migration):
    m = open(f'{root}/sql/migrations/{migration}').read()
    a = m.index('CREATE OR REPLACE FUNCTION live_apply(')
    b = m.index('$$;', a) + 3
    return 'SET search_path = mvdash, public;\n' + m[a:b] + '\n'
open(f'{work}/old.sql', 'w').write(apply_of('024_step_in_fewer_rounds.sql'))
open(f'{work}/new.sql', 'w').write(apply_of('025_step_settings_on_the_workers.sql'))
PY
"$root/bench/step-side-by-side.sh" "$work/old.sql" "$work/new.sql" "$1" "$2" new
