#!/bin/bash
# side by side on one database: the engine's Refresh all with 022's newest-first indexes and
# with 001's ascending ones, alternating
export PGHOST=/var/tmp/mvdash-demo PGUSER=postgres PGDATABASE=mvdash_demo
A=/work/main/build/release/app/mvdash-admin
to_asc() { psql -qc "CREATE INDEX bet_events_bet_asc ON public.bet_events (tenant_id, bet_id, event_timestamp, event_id)" -c "CREATE INDEX payment_events_payment_asc ON public.payment_events (tenant_id, payment_id, event_timestamp, event_id)" -c "DROP INDEX bet_events_bet_idx" -c "DROP INDEX payment_events_payment_idx" -c "ALTER INDEX bet_events_bet_asc RENAME TO bet_events_bet_idx" -c "ALTER INDEX payment_events_payment_asc RENAME TO payment_events_payment_idx"; }
to_desc() { psql -qc "CREATE INDEX bet_events_bet_d ON public.bet_events (tenant_id, bet_id, event_timestamp DESC, event_id DESC)" -c "CREATE INDEX payment_events_payment_d ON public.payment_events (tenant_id, payment_id, event_timestamp DESC, event_id DESC)" -c "DROP INDEX bet_events_bet_idx" -c "DROP INDEX payment_events_payment_idx" -c "ALTER INDEX bet_events_bet_d RENAME TO bet_events_bet_idx" -c "ALTER INDEX payment_events_payment_d RENAME TO payment_events_payment_idx"; }
run() { local s=$(date +%s.%N); out=$($A refresh --jobs 2 2>&1); local e=$(date +%s.%N); echo "$1 $(echo "$e - $s" | bc) s | $(echo "$out" | grep -E "^(bets_view|payments_view|user_activity_view|user_balances_view|user_activity_except_bets) .* ok in" | awk '{print $1, $(NF-1)}' | tr '\n' ' ')"; }
for r in 1 2 3; do
  run "022 (newest first)"
  to_asc; sleep 2
  run "001 (ascending)   "
  to_desc; sleep 2
done
