-- migrate on a database whose platform made the event tables already (001 adopts them instead
-- of creating them): what keeps them from being the spec's event tables, one row a problem;
-- none: they are. Columns the spec does not name are the platform's own and allowed; a column
-- the spec says is nullable may be NOT NULL there. They must be plain tables without
-- inheritance, row-level security, triggers or rules (mvdash's functions read them with their
-- owner's rights), owned by the migrating role (or it is a superuser), and free of the names
-- mvdash's migrations give to their column and indexes. Text columns compare byte for byte
-- (no nondeterministic collation).
WITH expected (rel, col, type, not_null, n) AS (
    VALUES ('tenants', 'tenant_id', 'bigint', true, 1),
           ('tenants', 'tenant_name', 'character varying', true, 2),
           ('tenants', 'slug', 'character varying', true, 3),
           ('tenants', 'status', 'character varying', true, 4),
           ('tenants', 'plan', 'character varying', true, 5),
           ('tenants', 'created_at', 'timestamp with time zone', true, 6),
           ('bet_events', 'tenant_id', 'bigint', true, 1),
           ('bet_events', 'event_id', 'bigint', true, 2),
           ('bet_events', 'bet_id', 'character varying', true, 3),
           ('bet_events', 'user_id', 'character varying', true, 4),
           ('bet_events', 'event_type', 'character varying', true, 5),
           ('bet_events', 'stake', 'numeric(18,2)', false, 6),
           ('bet_events', 'odds', 'numeric(10,4)', false, 7),
           ('bet_events', 'fixture_id', 'character varying', false, 8),
           ('bet_events', 'result', 'character varying', false, 9),
           ('bet_events', 'payout', 'numeric(18,2)', false, 10),
           ('bet_events', 'event_timestamp', 'bigint', true, 11),
           ('balance_events', 'tenant_id', 'bigint', true, 1),
           ('balance_events', 'event_id', 'bigint', true, 2),
           ('balance_events', 'user_id', 'character varying', true, 3),
           ('balance_events', 'amount', 'numeric(18,2)', true, 4),
           ('balance_events', 'reason', 'character varying', true, 5),
           ('balance_events', 'reference_id', 'character varying', false, 6),
           ('balance_events', 'event_timestamp', 'bigint', true, 7),
           ('payment_events', 'tenant_id', 'bigint', true, 1),
           ('payment_events', 'event_id', 'bigint', true, 2),
           ('payment_events', 'payment_id', 'character varying', true, 3),
           ('payment_events', 'user_id', 'character varying', true, 4),
           ('payment_events', 'event_type', 'character varying', true, 5),
           ('payment_events', 'amount', 'numeric(18,2)', false, 6),
           ('payment_events', 'currency', 'character varying', false, 7),
           ('payment_events', 'payment_method', 'character varying', false, 8),
           ('payment_events', 'external_id', 'character varying', false, 9),
           ('payment_events', 'payment_type', 'character varying', false, 10),
           ('payment_events', 'event_timestamp', 'bigint', true, 11)),
keys (rel, cols, n) AS (
    VALUES ('tenants', ARRAY['tenant_id'], 1),
           ('bet_events', ARRAY['event_id', 'tenant_id'], 2),
           ('balance_events', ARRAY['event_id', 'tenant_id'], 3),
           ('payment_events', ARRAY['event_id', 'tenant_id'], 4)),
tables AS (
    SELECT k.rel, k.cols, k.n, to_regclass('public.' || k.rel) AS oid FROM keys k),
problems (n, col, problem) AS (
    SELECT t.n, 0, format('public.%s is missing', t.rel)
    FROM tables t WHERE t.oid IS NULL
    UNION ALL
    SELECT t.n, 0, format('public.%s is owned by %s: the migrating role (%s) must own it '
                          '(ALTER TABLE ... OWNER TO) or be a superuser', t.rel,
                          pg_get_userbyid(c.relowner), current_user)
    FROM tables t JOIN pg_class c ON c.oid = t.oid
    WHERE c.relowner <> (SELECT r.oid FROM pg_roles r WHERE r.rolname = current_user)
      AND NOT (SELECT r.rolsuper FROM pg_roles r WHERE r.rolname = current_user)
    UNION ALL
    SELECT t.n, 0, format('public.%s %s', t.rel, f.what)
    FROM tables t
    JOIN pg_class c ON c.oid = t.oid
    CROSS JOIN LATERAL (
        SELECT 'is not a plain table (a view, a partitioned or foreign table)'
        WHERE c.relkind <> 'r'
        UNION ALL
        SELECT 'has inheritance parents or children'
        WHERE EXISTS (SELECT 1 FROM pg_inherits i WHERE t.oid IN (i.inhrelid, i.inhparent))
        UNION ALL
        SELECT 'has row-level security or policies'
        WHERE c.relrowsecurity OR EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = t.oid)
        UNION ALL
        SELECT 'has triggers (the spec''s event tables have none)'
        WHERE EXISTS (SELECT 1 FROM pg_trigger g WHERE g.tgrelid = t.oid AND NOT g.tgisinternal)
        UNION ALL
        SELECT 'has rules'
        WHERE EXISTS (SELECT 1 FROM pg_rewrite w WHERE w.ev_class = t.oid)
        UNION ALL
        SELECT 'has a column arrival_id already (mvdash adds it)'
        WHERE t.rel <> 'tenants' AND EXISTS (
            SELECT 1 FROM pg_attribute a
            WHERE a.attrelid = t.oid AND a.attname = 'arrival_id' AND NOT a.attisdropped)
    ) AS f (what)
    UNION ALL
    SELECT 200, 0, format('public.%s exists already: mvdash''s migrations make an index of that '
                          'name on the event tables', r.name)
    FROM unnest(ARRAY['bet_events_bet_idx', 'bet_events_user_idx', 'balance_events_user_idx',
                      'payment_events_payment_idx', 'payment_events_user_idx',
                      'bet_events_arrival_idx', 'balance_events_arrival_idx',
                      'payment_events_arrival_idx', 'bet_events_bet_latest_idx',
                      'payment_events_payment_latest_idx']) AS r (name)
    WHERE to_regclass('public.' || r.name) IS NOT NULL
    UNION ALL
    SELECT t.n, e.n,
           CASE WHEN a.attname IS NULL
                THEN format('public.%s.%s is missing', e.rel, e.col)
                WHEN format_type(a.atttypid, a.atttypmod) <> e.type
                THEN format('public.%s.%s is %s, the spec''s is %s', e.rel, e.col,
                            format_type(a.atttypid, a.atttypmod), e.type)
                ELSE format('public.%s.%s may be null, the spec''s is not null', e.rel, e.col) END
    FROM expected e
    JOIN tables t ON t.rel = e.rel AND t.oid IS NOT NULL
    LEFT JOIN pg_attribute a
           ON a.attrelid = t.oid AND a.attname = e.col AND a.attnum > 0 AND NOT a.attisdropped
    WHERE a.attname IS NULL OR format_type(a.atttypid, a.atttypmod) <> e.type
       OR (e.not_null AND NOT a.attnotnull)
    UNION ALL
    -- a case- or accent-insensitive collation would make 'U1' and 'u1' one user, one bet, and
    -- 'PLACED' an event_type 'placed': the views and the spec tell values apart byte for byte
    SELECT t.n, e.n, format('public.%s.%s has the nondeterministic collation %s: the spec''s '
                            'values are told apart byte for byte', e.rel, e.col, l.collname)
    FROM expected e
    JOIN tables t ON t.rel = e.rel AND t.oid IS NOT NULL
    JOIN pg_attribute a
      ON a.attrelid = t.oid AND a.attname = e.col AND a.attnum > 0 AND NOT a.attisdropped
    JOIN pg_collation l ON l.oid = a.attcollation
    WHERE NOT l.collisdeterministic
    UNION ALL
    SELECT t.n, 100, format('public.%s has no primary key or unique index on (%s)', t.rel,
                            array_to_string(t.cols, ', '))
    FROM tables t
    WHERE t.oid IS NOT NULL AND NOT EXISTS (
        SELECT 1
        FROM pg_index i
        WHERE i.indrelid = t.oid AND i.indisunique AND i.indisvalid AND i.indimmediate
          AND i.indpred IS NULL AND i.indexprs IS NULL
          AND (SELECT array_agg(a.attname::text ORDER BY a.attname)
               FROM pg_attribute a
               WHERE a.attrelid = t.oid AND a.attnum = ANY (i.indkey::int2[])) = t.cols
          AND cardinality(i.indkey::int2[]) = cardinality(t.cols)))
SELECT problem FROM problems ORDER BY n, col, problem
