-- The rebuild on several sessions starts a statement as soon as what it reads is built, not a
-- phase at a time (issue #13: "rebuild at 10M no slower than today's plain Refresh all"; after
-- 020 the engine's plain Refresh all on two sessions took 17.9-18.3 s at 10M events, the
-- rebuild 21.1-22.0 s).
--
-- 013 ran the build in phases with a barrier between them: bets split in two hash parts, each
-- scanning every bet event (5.9 s on both sessions), then payments and balances, then user
-- activity in two parts, then the indexes of the four tables, table by table (bets 5.1 s, user
-- activity 3.8 s: one session each while the other waited at the barrier). Now:
--   * bets are built once, on one session, while the other builds payments, balances and
--     everything of user activity but the bet totals (a scratch table, as 020 did for the
--     matview: the pass over the three event tables, the balances, the payment totals);
--   * user activity is that scratch table joined with the bet totals of the new bets, as soon
--     as both are there;
--   * a table's indexes are built as soon as the table is full, in parts (every session takes
--     some of them: CREATE INDEX takes a SHARE lock, so several build side by side and a
--     statement reading the table goes on), each as a plain unique or non-unique index; the
--     primary keys are attached to their unique indexes last (ADD PRIMARY KEY USING INDEX: a
--     moment), after every helper that reads the tables;
--   * the rebuild's own statements (per-tenant tables, statistics) come after that, as before:
--     its transaction must take no lock on the new tables while a helper still needs one.
-- live_build_plan() now gives each statement the statements it must wait for; the program
-- (LiveReadModels, StatementPool) starts what is ready. Citus keeps its one-transaction
-- build in place and 013's statements: its shards already spread each statement over the
-- workers.

------------------------------------------------------------------------------------------
-- The statements
------------------------------------------------------------------------------------------

-- 013's statements stay as they were (with their grants: operators call the plan, which
-- reads them); the new list takes them, minus what it replaces.
ALTER FUNCTION live_build_statements(text, integer, integer) RENAME TO live_build_statements_013;

-- A table's indexes as its copy in mvdash_staging gets them, in parts: part p of n builds the
-- indexes numbered p, p + n, ... (the primary key's unique index first). The primary key
-- itself is attached by live_primary_keys_staged() once every part is done.
CREATE FUNCTION live_index_staged(p_table text, p_part integer, p_parts integer) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, mvdash, pg_temp AS $$
DECLARE
    v_old regclass := format('mvdash.%I', p_table)::regclass;
    v_index text;
BEGIN
    IF mvdash.live_build_target() <> 'mvdash_staging' THEN
        RETURN;
    END IF;
    -- pg_get_indexdef names the table schema-qualified whatever the search_path; a primary
    -- key's index reads CREATE UNIQUE INDEX <its name> ...
    FOR v_index IN
        SELECT replace(pg_get_indexdef(x.indexrelid), format(' ON mvdash.%I ', p_table),
                       format(' ON mvdash_staging.%I ', p_table))
        FROM (SELECT i.indexrelid,
                     row_number() OVER (ORDER BY i.indisprimary DESC, i.indexrelid) - 1 AS n
              FROM pg_index i WHERE i.indrelid = v_old) x
        WHERE x.n % p_parts = p_part
        ORDER BY x.n
    LOOP
        EXECUTE v_index;
    END LOOP;
END
$$;

-- The primary keys of the new tables, on the unique indexes live_index_staged built (the same
-- names as the old ones'). A new table without them is not swapped in (live_rebuild_end).
CREATE FUNCTION live_primary_keys_staged() RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, mvdash, pg_temp AS $$
DECLARE
    v_table text;
BEGIN
    IF mvdash.live_build_target() <> 'mvdash_staging' THEN
        RETURN;
    END IF;
    FOREACH v_table IN ARRAY mvdash.live_swapped_tables() LOOP
        EXECUTE format('ALTER TABLE mvdash_staging.%I ADD CONSTRAINT %I PRIMARY KEY USING INDEX %I',
                       v_table, c.conname, i.relname)
        FROM pg_constraint c JOIN pg_class i ON i.oid = c.conindid
        WHERE c.conrelid = format('mvdash.%I', v_table)::regclass AND c.contype = 'p';
    END LOOP;
END
$$;

-- 013's statements, and in a build into mvdash_staging (plain PostgreSQL) user activity in two
-- steps through a scratch table and the indexes in parts. In place (Citus) user activity stays
-- one statement and the index statements do nothing (the tables keep theirs).
CREATE FUNCTION live_build_statements(p_into text DEFAULT 'mvdash', p_part integer DEFAULT 0,
                                      p_parts integer DEFAULT 1)
RETURNS TABLE (ord integer, label text, statement text)
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, mvdash, pg_temp AS $f$
    SELECT s.ord, s.label, s.statement
    FROM mvdash.live_build_statements_013(p_into, p_part, p_parts) s
    WHERE s.ord NOT IN (810, 820, 830, 840)
      AND (s.ord NOT IN (150, 900) OR p_into <> 'mvdash_staging')
    UNION ALL
    SELECT n.ord, n.label, n.statement
    FROM (VALUES
    -- every user any event names, with everything but the bet totals (020's part, here the
    -- sums of the new payments and balances)
    (145, 'user activity: all but bets', $s$INSERT INTO mvdash_staging.live_user_activity_rest (tenant_id, user_id,
                                            current_balance, total_deposited, total_withdrawn,
                                            last_activity_at)
     SELECT u.tenant_id, u.user_id, sum(u.balance), sum(u.deposited), sum(u.withdrawn), max(u.last_ts)
     FROM (SELECT e.tenant_id, e.user_id, 0::numeric AS balance, 0::numeric AS deposited,
                  0::numeric AS withdrawn, max(e.event_timestamp) AS last_ts
           FROM public.bet_events e WHERE e.arrival_id <= $2 GROUP BY e.tenant_id, e.user_id
           UNION ALL
           SELECT e.tenant_id, e.user_id, 0, 0, 0, max(e.event_timestamp)
           FROM public.payment_events e WHERE e.arrival_id <= $2 GROUP BY e.tenant_id, e.user_id
           UNION ALL
           SELECT b.tenant_id, b.user_id, b.balance, 0, 0, b.last_transaction_timestamp
           FROM mvdash_staging.live_user_balances b
           UNION ALL
           SELECT p.tenant_id, p.user_id, 0,
                  coalesce(sum(p.amount) FILTER (WHERE p.status = 'completed' AND p.payment_type = 'deposit'), 0),
                  coalesce(sum(p.amount) FILTER (WHERE p.status = 'completed' AND p.payment_type = 'withdrawal'), 0),
                  NULL
           FROM mvdash_staging.live_payments p GROUP BY p.tenant_id, p.user_id) AS u
     GROUP BY u.tenant_id, u.user_id$s$),
    -- a bet counts for its last non-null user_id, which one of its events names: that user is
    -- in the scratch table (same tenant), so a left join keeps every user and no bet is lost
    (155, 'user activity', $s$INSERT INTO mvdash_staging.live_user_activity (tenant_id, user_id, current_balance,
                                            total_bets, total_wagered, total_winnings,
                                            total_deposited, total_withdrawn, last_activity_at)
     SELECT r.tenant_id, r.user_id, r.current_balance, coalesce(b.bets, 0)::integer,
            coalesce(b.wagered, 0), coalesce(b.winnings, 0), r.total_deposited,
            r.total_withdrawn, r.last_activity_at
     FROM mvdash_staging.live_user_activity_rest r
     LEFT JOIN (SELECT b.tenant_id, b.user_id, count(*) AS bets,
                       coalesce(sum(b.stake) FILTER (WHERE b.status NOT IN ('cancelled', 'voided')), 0) AS wagered,
                       coalesce(sum(b.payout) FILTER (WHERE b.status = 'settled' AND b.result = 'win'), 0) AS winnings
                FROM mvdash_staging.live_bets b GROUP BY b.tenant_id, b.user_id) b
       ON b.tenant_id = r.tenant_id AND b.user_id = r.user_id$s$),
    (160, 'scratch: user activity', $s$DROP TABLE mvdash_staging.live_user_activity_rest$s$),
    (850, 'primary keys', $s$SELECT mvdash.live_primary_keys_staged()$s$),
    -- the rebuild's transaction counts the events it builds from while the helpers build
    -- (live_rebuild_end counted them at the end, 0.7 s at 10M events)
    -- (as "<arrival>:<events>": the end takes it only for its own arrival)
    (5, 'count: events', $s$SELECT pg_catalog.set_config('mvdash.rebuild_events', $2::text || ':' ||
         ((SELECT count(*) FROM public.bet_events e WHERE e.arrival_id <= $2)
          + (SELECT count(*) FROM public.balance_events e WHERE e.arrival_id <= $2)
          + (SELECT count(*) FROM public.payment_events e WHERE e.arrival_id <= $2))::text, true)$s$),
    -- statistics of the new tables on the helpers (ANALYZE takes a lock the rebuild's reads do
    -- not conflict with), of the per-tenant tables in the rebuild's transaction, which wrote them
    (900, 'statistics: per-tenant tables', $s$ANALYZE mvdash.live_tenant_bet_status, mvdash.live_tenant_totals$s$)
    ) AS n (ord, label, statement)
    WHERE p_into = 'mvdash_staging'
    UNION ALL
    SELECT 910, 'statistics: new tables', format('SELECT mvdash.live_analyze_staged(%s, %s)', p_part, p_parts)
    WHERE p_into = 'mvdash_staging'
    UNION ALL
    SELECT x.ord, x.label, format('SELECT mvdash.live_index_staged(%L, %s, %s)', x.tbl, p_part, p_parts)
    FROM (VALUES (810, 'indexes: bets', 'live_bets'), (820, 'indexes: payments', 'live_payments'),
                 (830, 'indexes: balances', 'live_user_balances'),
                 (840, 'indexes: user activity', 'live_user_activity')) AS x (ord, label, tbl)
    ORDER BY 1
$f$;

------------------------------------------------------------------------------------------
-- The plan: what each statement waits for
------------------------------------------------------------------------------------------

DROP FUNCTION live_build_plan();

-- How a rebuild on several sessions runs the statements: whether a helper session runs it (it
-- writes only the new tables in mvdash_staging) or the rebuild's own transaction (it writes
-- mvdash's tables or reads the finished new ones), whether it can be split in parts, and the
-- statements that must have finished before it starts. The rebuild's transaction reads a new
-- table only after the primary keys (850): a lock it holds until its commit would make that
-- statement wait for the rebuild, which waits for it. Listed in the order a free session
-- takes what is ready: the longest chain first (bets, user activity, its indexes), the rest
-- fills in. A statement the list does not name runs in the rebuild's transaction after the
-- primary keys, last. On Citus nothing runs on a helper, in the order of ord.
CREATE FUNCTION live_build_plan()
RETURNS TABLE (ord integer, label text, on_helper boolean, splits boolean, after integer[])
LANGUAGE sql STABLE SET search_path = pg_catalog, mvdash, pg_temp AS $f$
    SELECT s.ord, s.label, coalesce(p.on_helper, false) AND NOT c.citus,
           coalesce(p.splits, false) AND NOT c.citus,
           CASE WHEN c.citus THEN '{}'::integer[] ELSE coalesce(p.after, '{850}') END
    FROM (SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_extension WHERE extname = 'citus') AS citus) c
    CROSS JOIN LATERAL mvdash.live_build_statements(
        CASE WHEN c.citus THEN 'mvdash' ELSE 'mvdash_staging' END) s
    LEFT JOIN (VALUES (1, 10, true, false, '{}'::integer[]), (2, 20, true, false, '{}'), (3, 30, true, false, '{}'),
                 (4, 40, true, false, '{}'), (5, 5, false, false, '{}'), (6, 50, false, false, '{}'),
                 (7, 60, false, false, '{}'), (8, 70, true, false, '{10}'), (9, 80, true, false, '{20}'),
                 (10, 90, true, false, '{30}'), (11, 145, true, false, '{40,80,90}'), (12, 150, false, false, '{40,70,80,90}'),
                 (13, 155, true, false, '{70,145}'), (14, 840, true, true, '{155}'), (15, 810, true, true, '{70}'),
                 (16, 820, true, true, '{80}'), (17, 830, true, true, '{90}'), (18, 160, true, false, '{155}'),
                 (19, 850, true, false, '{145,155,810,820,830,840}'), (20, 910, true, true, '{850}'), (21, 170, false, false, '{850}'),
                 (22, 180, false, false, '{850}'), (23, 190, false, false, '{180}'), (24, 200, false, false, '{190}'),
                 (25, 210, false, false, '{850}'), (26, 900, false, false, '{170,200,210}'))
         AS p (rank, ord, on_helper, splits, after) ON p.ord = s.ord
    ORDER BY CASE WHEN c.citus THEN s.ord ELSE p.rank END NULLS LAST, s.ord
$f$;

-- Statistics of the new tables (part p of n: tables p, p + n, ...), on a helper once their
-- primary keys are there; the tables keep them when they move into mvdash.
CREATE FUNCTION live_analyze_staged(p_part integer, p_parts integer) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, mvdash, pg_temp AS $$
DECLARE
    v_table text;
BEGIN
    IF mvdash.live_build_target() <> 'mvdash_staging' THEN
        RETURN;
    END IF;
    FOR v_table IN SELECT t.name FROM unnest(mvdash.live_swapped_tables()) WITH ORDINALITY AS t (name, n)
                   WHERE (t.n - 1) % p_parts = p_part LOOP
        EXECUTE format('ANALYZE mvdash_staging.%I', v_table);
    END LOOP;
END
$$;

------------------------------------------------------------------------------------------
-- The scratch table, and the one-call rebuild over the new list
------------------------------------------------------------------------------------------

-- 013's new tables, and the scratch table of user activity (unlogged: it lives for one build;
-- a leftover of an interrupted rebuild is replaced).
CREATE OR REPLACE FUNCTION live_create_staged_tables() RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, mvdash, pg_temp AS $$
DECLARE
    v_table text;
BEGIN
    FOREACH v_table IN ARRAY mvdash.live_swapped_tables() LOOP
        EXECUTE format('DROP TABLE IF EXISTS mvdash_staging.%I', v_table);
        EXECUTE format('CREATE TABLE mvdash_staging.%1$I (LIKE mvdash.%1$I INCLUDING DEFAULTS)',
                       v_table);
    END LOOP;
    DROP TABLE IF EXISTS mvdash_staging.live_user_activity_rest;
    CREATE UNLOGGED TABLE mvdash_staging.live_user_activity_rest
        (LIKE mvdash.live_user_activity INCLUDING DEFAULTS);
END
$$;

-- 013's end; the events were counted while the helpers built.
CREATE OR REPLACE FUNCTION live_rebuild_end() RETURNS TABLE (events bigint, applied_arrival bigint, duration_ms numeric)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, mvdash, pg_temp AS $$
DECLARE
    v_to bigint := nullif(current_setting('mvdash.rebuild_to', true), '')::bigint;
    v_started timestamptz := nullif(current_setting('mvdash.rebuild_started', true), '')::timestamptz;
    v_events bigint;
    v_counted text;
    v_done timestamptz;
    v_table text;
BEGIN
    IF v_to IS NULL THEN
        RAISE EXCEPTION 'no rebuild in this transaction'
            USING ERRCODE = 'object_not_in_prerequisite_state', HINT = 'Call live_rebuild_begin() first.';
    END IF;
    IF mvdash.live_build_target() = 'mvdash_staging' THEN
        FOREACH v_table IN ARRAY mvdash.live_swapped_tables() LOOP
            IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint k
                           JOIN pg_catalog.pg_class c ON c.oid = k.conrelid
                           WHERE c.relnamespace = 'mvdash_staging'::regnamespace
                             AND c.relname = v_table AND k.contype = 'p') THEN
                RAISE EXCEPTION 'the rebuilt % is incomplete (no primary key): not swapped in', v_table
                    USING ERRCODE = 'object_not_in_prerequisite_state';
            END IF;
        END LOOP;
        -- the swap, last and short: the read models' views (live mode) now read the new
        -- tables, the old ones go, the new ones take their names. Readers that arrive now wait
        -- for the commit; the ones reading already finish first on the old tables.
        IF mvdash.read_model_mode_now() = 'live' THEN
            PERFORM mvdash.live_create_views('mvdash_staging');
        END IF;
        FOREACH v_table IN ARRAY mvdash.live_swapped_tables() LOOP
            EXECUTE format('DROP TABLE mvdash.%I', v_table);
            EXECUTE format('ALTER TABLE mvdash_staging.%I SET SCHEMA mvdash', v_table);
        END LOOP;
        PERFORM set_config('mvdash.rebuild_into', '', true);
    END IF;
    PERFORM mvdash.live_sync_tenants();
    -- counted by the build's statement 5 while the helpers worked, or now (in place, on Citus)
    -- (a value for another arrival, or not a count, is not taken)
    v_counted := current_setting('mvdash.rebuild_events', true);
    v_events := CASE WHEN v_counted ~ '^[0-9]+:[0-9]+$' AND split_part(v_counted, ':', 1) = v_to::text
                     THEN split_part(v_counted, ':', 2)::bigint
                     ELSE (SELECT count(*) FROM public.bet_events e WHERE e.arrival_id <= v_to)
                          + (SELECT count(*) FROM public.balance_events e WHERE e.arrival_id <= v_to)
                          + (SELECT count(*) FROM public.payment_events e WHERE e.arrival_id <= v_to) END;
    PERFORM set_config('mvdash.rebuild_events', '', true);
    v_done := clock_timestamp();
    UPDATE mvdash.live_progress
    SET applied_arrival = v_to, applied_at = now(), step_count = step_count + 1,
        last_step_at = v_done, last_step_events = v_events,
        last_step_ms = round(extract(epoch FROM v_done - v_started) * 1000, 2),
        blocked_by = NULL;
    PERFORM set_config('mvdash.rebuild_to', '', true);
    RETURN QUERY SELECT v_events, v_to, round(extract(epoch FROM v_done - v_started) * 1000, 2);
END
$$;

-- 011's one-call rebuild, over the statements of the schema it builds into (a build into
-- mvdash_staging has statements one in place has not).
CREATE OR REPLACE FUNCTION live_rebuild() RETURNS TABLE (events bigint, applied_arrival bigint, duration_ms numeric)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, mvdash, pg_temp AS $$
DECLARE
    s record;
BEGIN
    PERFORM mvdash.live_rebuild_begin();
    FOR s IN SELECT * FROM mvdash.live_build_statements(mvdash.live_build_target()) LOOP
        PERFORM mvdash.live_rebuild_statement(s.ord);
    END LOOP;
    RETURN QUERY SELECT * FROM mvdash.live_rebuild_end();
END
$$;

------------------------------------------------------------------------------------------
-- Privileges: nothing for PUBLIC; operators rebuild
------------------------------------------------------------------------------------------

REVOKE ALL ON FUNCTION live_index_staged(text, integer, integer), live_primary_keys_staged(),
    live_analyze_staged(integer, integer),
    live_build_statements(text, integer, integer), live_build_plan() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION live_build_statements(text, integer, integer), live_build_plan()
    TO mvdash_operator;
-- what 013's statements are written with: an operator's rebuild reads the plan (with its
-- statements) as itself, and failed with "permission denied for function live_bet_columns"
-- these are revoked from PUBLIC
GRANT EXECUTE ON FUNCTION live_bet_columns(), live_payment_columns(),
    live_part_filter(text, integer, integer) TO mvdash_operator;
