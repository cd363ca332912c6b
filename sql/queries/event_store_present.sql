-- migrate: whether the database has any of the event tables already (the platform's: 001 then
-- adopts them), and whether it is a Citus coordinator
SELECT num_nonnulls(to_regclass('public.tenants'), to_regclass('public.bet_events'),
                    to_regclass('public.balance_events'), to_regclass('public.payment_events')) > 0
           AS present,
       EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'citus') AS citus
