-- The sessions holding what the rebuild's swap must lock (migration 040), oldest first.
SELECT pid, role, transaction_start FROM mvdash.live_swap_holders()
