#!/bin/bash
# The rebuild of HEAD (live mode) against the plain Refresh all of the day #13 was filed
# (2f4f0aa: migrations 001-010, the same files as now), same events, same Citus cluster,
# alternating. Usage: run.sh DSN_PORT ROUNDS
set -euo pipefail
port=$1 rounds=${2:-3}
here=/work/main
admin=$here/build/release/app/mvdash-admin
dir=/var/tmp/mvdash-demo-citus
P() { psql -X -q -At -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres "$@"; }
demo=mvdash_demo
echo "demo database: $demo"
if ! P -d postgres -c "SELECT 1 FROM pg_database WHERE datname='filing'" | grep -q 1; then
  bash /work/shared/citus/citus-local.sh createdb "$dir" "$port" filing
  P -d filing -c "CREATE TABLE IF NOT EXISTS public.schema_migrations (version integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now(), applied_by text NOT NULL DEFAULT session_user)"
  for f in $(cd $here && git ls-tree --name-only 2f4f0aa sql/migrations/); do
    v=$(basename "$f" | cut -c1-3); schema=public; [ "$v" -ge 010 ] && schema=mvdash
    { echo "BEGIN; SET LOCAL search_path = $schema, pg_temp;"; (cd $here && git show 2f4f0aa:"$f"); echo "COMMIT;"; } | P -d filing >/dev/null
    echo "applied $f"
  done
  copy() { # table, columns
    P -d "$demo" -c "COPY (SELECT $2 FROM public.$1) TO STDOUT" | P -d filing -c "COPY public.$1 ($2) FROM STDIN"
    echo "copied $1: $(P -d filing -c "SELECT count(*) FROM public.$1")"
  }
  cols() { P -d filing -c "SELECT string_agg(quote_ident(column_name), ',' ORDER BY ordinal_position) FROM information_schema.columns WHERE table_schema='public' AND table_name='$1'"; }
  for t in tenants bet_events balance_events payment_events; do copy $t "$(cols $t)"; done
  P -d filing -c "SET search_path = mvdash, pg_catalog; SELECT count(*) FROM mvdash.refresh_aggregate_views()" >/dev/null
  P -d filing -c "VACUUM ANALYZE" 
fi
views=$(P -d filing -c "SET search_path = mvdash, pg_catalog; SELECT string_agg(view_name, ' ' ORDER BY refresh_order, view_name) FROM mvdash.materialized_views_refresh_plan()")
echo "views: $views"
plain() {
  local total=0
  for v in $views; do
    ms=$( { echo '\timing on'; echo "REFRESH MATERIALIZED VIEW mvdash.$v;"; } | P -d filing | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p')
    total=$(echo "$total + $ms" | bc)
  done
  P -d filing -c "VACUUM ANALYZE"
  echo "$total"
}
rebuild() {
  local t0 t1
  t0=$(date +%s%N)
  PGHOST=127.0.0.1 PGPORT=$port PGUSER=postgres PGDATABASE=$demo $admin rebuild --jobs 2 > /tmp/filing/rebuild.log 2>&1
  t1=$(date +%s%N)
  P -d "$demo" -c "VACUUM ANALYZE"
  echo $(( (t1 - t0) / 1000000 ))
}
spoil() {
  for s in "UPDATE mvdash.live_bets SET stake = stake + 1" "UPDATE mvdash.live_payments SET amount = amount + 1" \
           "UPDATE mvdash.live_user_balances SET balance = balance + 1" "UPDATE mvdash.live_user_activity SET total_bets = total_bets + 1" "VACUUM ANALYZE"; do
    P -d "$demo" -c "$s" >/dev/null
  done
}
for r in $(seq 1 "$rounds"); do
  if [ $((r % 2)) -eq 1 ]; then
    a=$(plain); spoil; b=$(rebuild); c=$(rebuild)
  else
    spoil; b=$(rebuild); c=$(rebuild); a=$(plain)
  fi
  echo "round $r: filing-day plain Refresh all (one session) $a ms; HEAD rebuild, every row differing $b ms; HEAD rebuild of a right state $c ms"
  grep -c "rows written" /tmp/filing/rebuild.log >/dev/null || true
done
