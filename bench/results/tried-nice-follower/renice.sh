#!/bin/bash
# Diagnostic: the follower's backends on every node at nice 19 (CPU contention hypothesis).
done_pids=" "
while true; do
  c=$(ss -ltnp 2>/dev/null | awk '/postgres/ {n=split($4,a,":"); print a[n]}' | sort -n | uniq | head -1)
  if [ -n "$c" ]; then
    db=$(psql -h 127.0.0.1 -p $c -U postgres -d postgres -Atc "select datname from pg_database where datname not in ('postgres','template0','template1') limit 1" 2>/dev/null)
    if [ -n "$db" ]; then
      pids=$(psql -h 127.0.0.1 -p $c -U postgres -d "$db" -Atc "select s.pid from citus_stat_activity s where s.global_pid in (select global_pid from citus_stat_activity where application_name = 'mvdash follow')" 2>/dev/null)
      for p in $pids; do
        case "$done_pids" in *" $p "*) ;; *) renice -n 19 -p $p >/dev/null 2>&1 && { done_pids="$done_pids$p "; echo "$(date +%T) reniced $p"; } ;; esac
      done
    fi
  fi
  sleep 0.3
done
