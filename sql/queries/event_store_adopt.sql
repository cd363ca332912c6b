-- migrate, adopting the platform's event tables (the check found them to be the spec's): what
-- 001 adds to the tables it creates, added to theirs. Its indexes, by 001's names where
-- absent, and on a Citus coordinator its placement for a table not yet placed. (One DO block:
-- Citus sends a distributed table's DDL on with the text of the query it came in, which must be
-- a single statement.)
DO $adopt$
DECLARE
    v_index text;
BEGIN
    FOREACH v_index IN ARRAY ARRAY[
        'bet_events_bet_idx ON public.bet_events (tenant_id, bet_id, event_timestamp, event_id)',
        'bet_events_user_idx ON public.bet_events (tenant_id, user_id, event_timestamp)',
        'balance_events_user_idx ON public.balance_events (tenant_id, user_id, event_timestamp)',
        'payment_events_payment_idx ON public.payment_events '
            '(tenant_id, payment_id, event_timestamp, event_id)',
        'payment_events_user_idx ON public.payment_events (tenant_id, user_id, event_timestamp)']
    LOOP
        EXECUTE 'CREATE INDEX IF NOT EXISTS ' || v_index;
    END LOOP;
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'citus') THEN
        IF NOT EXISTS (SELECT 1 FROM pg_dist_partition
                       WHERE logicalrelid = 'public.tenants'::regclass) THEN
            PERFORM create_reference_table('public.tenants');
        END IF;
        IF NOT EXISTS (SELECT 1 FROM pg_dist_partition
                       WHERE logicalrelid = 'public.bet_events'::regclass) THEN
            PERFORM create_distributed_table('public.bet_events', 'tenant_id');
        END IF;
        IF NOT EXISTS (SELECT 1 FROM pg_dist_partition
                       WHERE logicalrelid = 'public.balance_events'::regclass) THEN
            PERFORM create_distributed_table('public.balance_events', 'tenant_id',
                                             colocate_with => 'public.bet_events');
        END IF;
        IF NOT EXISTS (SELECT 1 FROM pg_dist_partition
                       WHERE logicalrelid = 'public.payment_events'::regclass) THEN
            PERFORM create_distributed_table('public.payment_events', 'tenant_id',
                                             colocate_with => 'public.bet_events');
        END IF;
    END IF;
END
$adopt$
