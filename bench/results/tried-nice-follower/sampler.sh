#!/bin/bash
# Diagnostic: what the writer's and the follower's backends do, on every node, 5 times a second.
while true; do
  c=$(ss -ltnp 2>/dev/null | awk '/postgres/ {n=split($4,a,":"); print a[n]}' | sort -n | uniq | head -1)
  if [ -n "$c" ]; then
    db=$(psql -h 127.0.0.1 -p $c -U postgres -d postgres -Atc "select datname from pg_database where datname not in ('postgres','template0','template1') limit 1" 2>/dev/null)
    [ -n "$db" ] && break
  fi
  sleep 1
done
echo "# coordinator $c db $db"
psql -h 127.0.0.1 -p $c -U postgres -d "$db" -At -F'|' <<SQL 2>/dev/null
SELECT 1;
SQL
while true; do
  psql -h 127.0.0.1 -p $c -U postgres -d "$db" -At -F'|' -c "
    WITH g AS (SELECT global_pid, application_name app FROM citus_stat_activity
               WHERE application_name IN ('mvdash follow','mvdash seed') AND NOT is_worker_query)
    SELECT to_char(clock_timestamp(),'HH24:MI:SS.MS'),
           (SELECT count(*) FROM g WHERE app='mvdash follow'),
           CASE g.app WHEN 'mvdash follow' THEN 'F' ELSE 'W' END, s.nodeid, s.state,
           coalesce(s.wait_event_type,'-'), coalesce(s.wait_event,'-'), left(regexp_replace(s.query, '\s+', ' ', 'g'), 60)
    FROM citus_stat_activity s JOIN g USING (global_pid)
    WHERE s.state <> 'idle'" 2>/dev/null
  sleep 0.15
done
