-- migrate, adopting the platform's event tables: kept as they were checked until 001 commits
-- (writers wait for that transaction only; its index builds would stop them anyway)
LOCK TABLE public.tenants, public.bet_events, public.balance_events, public.payment_events
    IN SHARE ROW EXCLUSIVE MODE
