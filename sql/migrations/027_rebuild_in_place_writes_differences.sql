-- A rebuild in place (Citus) writes only the rows that differ from what the events give (issue
-- #13: "rebuild recomputes every live read model from all events ... readers keep reading";
-- "rebuild ... no slower than today's plain Refresh all", also on the local Citus cluster).
--
-- On Citus the rebuild cannot swap in new tables (013): it rewrote the four big state tables in
-- place, every row deleted and inserted again, and then, after its commit, ANALYZEd every
-- shard of the six (016), since nothing else would have counted the rewritten rows soon
-- enough. A rebuild is run to check and repair (disaster recovery, after a bug fix): mostly
-- it finds the state right. Rewriting it all anyway cost, at 1M events on the local cluster:
-- - the deletes and inserts of every row and of its entries in every index (bets 1.0 s where
--   computing them is 0.5 s), and their WAL, sent on to any replica;
-- - the ANALYZE of 192 shards afterwards, 0.7-0.9 s, about a quarter of the rebuild;
-- - twice the rows on disk until VACUUM, and half of it empty space after.
-- Together 11-19% slower than the plain Refresh all of the matviews in the same runs.
--
-- Now, in place, the four big tables are brought to the build's rows, not rewritten:
-- - "keys without events": rows whose key no event up to the rebuild's arrival has (a row
--   left by a bug, or planted) are deleted, by a lookup of the key in the events' indexes;
-- - each build's INSERT ... SELECT becomes a MERGE with the same SELECT: a key the state lacks
--   is inserted, a row that differs in any column is updated, a row equal in every column is
--   left alone (not even locked: MERGE tests its WHEN condition before it writes). Values
--   are compared as SQL and the verifier compare them: a number's scale alone (1.5 against
--   1.50) is no difference. Citus runs the MERGE on the workers, shard by shard, since
--   source and target are co-located and joined on tenant_id.
-- The small per-tenant tables (tenant totals, bets by status) are still emptied and refilled.
-- Each statement's rows written are counted, per table, and the statistics after the commit
-- follow autovacuum's own rule, which it applies shard by shard: a big table is analyzed at
-- once when the rebuild wrote more than autovacuum_analyze_threshold +
-- autovacuum_analyze_scale_factor of a shard's share of its rows (the writes may all be in
-- one shard, one big tenant's); for the rest the shards' counters hold what it wrote, and
-- autovacuum analyzes when they add up. The small tables are always analyzed.
-- The first build after convert --to live writes every row, and so analyzes every table as
-- before. A rebuild on plain PostgreSQL is unchanged: it builds new tables and swaps them in.

-- (on Citus the shards' commands go over one connection per worker; see 024)
DO $citus$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_catalog.pg_extension WHERE extname = 'citus') THEN
        PERFORM set_config('citus.multi_shard_modify_mode', 'sequential', true);
    END IF;
END
$citus$;

-- The MERGE that brings a state table to what a full build's INSERT ... SELECT would fill it
-- with. The INSERT names every column of the table (checked: a column it left out would keep a
-- stale value in place); the key is the table's primary key, from the catalog.
CREATE FUNCTION live_merge_statement(p_insert text) RETURNS text
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, mvdash, pg_temp AS $f$
DECLARE
    v_parts text[] := regexp_match(
        p_insert, '^INSERT INTO mvdash\.(live_[a-z_]+)\s*\(([a-z_,\s]+)\)\s*(SELECT\s.*)$');
    v_table regclass;
    v_columns text[];
    v_key text[];
    v_on text;
    v_differs text;
    v_differs_source text;
    v_set text;
BEGIN
    IF v_parts IS NULL THEN
        RAISE EXCEPTION 'not a build''s INSERT INTO mvdash.live_... (...) SELECT: %',
            left(p_insert, 80);
    END IF;
    v_table := format('mvdash.%I', v_parts[1])::regclass;
    v_columns := regexp_split_to_array(btrim(v_parts[2]), '\s*,\s*');
    SELECT array_agg(a.attname::text ORDER BY k.n) INTO v_key
    FROM pg_index i
    CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, n)
    JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
    WHERE i.indrelid = v_table AND i.indisprimary;
    IF v_key IS NULL OR NOT v_key <@ v_columns OR EXISTS (
            SELECT 1 FROM pg_attribute a
            WHERE a.attrelid = v_table AND a.attnum > 0 AND NOT a.attisdropped
              AND a.attname::text <> ALL (v_columns)) THEN
        RAISE EXCEPTION '% is not built whole by its INSERT (key %, columns %)',
            v_table, v_key, v_columns;
    END IF;
    SELECT string_agg(format('t.%1$I = s.%1$I', c), ' AND ') INTO v_on FROM unnest(v_key) c;
    -- each column as the table would store it (its type and typmod), compared as SQL and the
    -- verifier compare values: a number's scale alone (0 against 0.00) is no difference
    SELECT string_agg(format('t.%I', a.attname), ', ' ORDER BY a.attnum),
           string_agg(format('s.%I::%s', a.attname, format_type(a.atttypid, a.atttypmod)),
                      ', ' ORDER BY a.attnum),
           string_agg(format('%1$I = s.%1$I', a.attname), ', ' ORDER BY a.attnum)
    INTO v_differs, v_differs_source, v_set
    FROM pg_attribute a
    WHERE a.attrelid = v_table AND a.attnum > 0 AND NOT a.attisdropped
      AND a.attname::text <> ALL (v_key);
    RETURN format(
        E'MERGE INTO %s t\n USING (%s) AS s (%s)\n ON %s\n'
        || E' WHEN MATCHED AND (%s) IS DISTINCT FROM (%s) THEN UPDATE SET %s\n'
        || E' WHEN NOT MATCHED THEN INSERT (%s) VALUES (%s)',
        format('mvdash.%I', v_parts[1]), v_parts[3], v_parts[2], v_on, v_differs,
        v_differs_source, v_set, v_parts[2],
        (SELECT string_agg(format('s.%I', c), ', ') FROM unnest(v_columns) c));
END
$f$;

-- The DELETE of a state table's rows whose key (tenant_id and p_key) is in none of the event
-- tables given, up to the rebuild's arrival ($2): each key looked up in the events' indexes.
CREATE FUNCTION live_keys_without_events(p_state text, p_key text, p_events text[]) RETURNS text
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, mvdash, pg_temp AS $f$
    SELECT format(E'DELETE FROM mvdash.%I t\n WHERE ', p_state)
           || string_agg(format(E'NOT EXISTS (SELECT 1 FROM public.%1$I e\n'
                                || E'    WHERE e.tenant_id = t.tenant_id AND e.%2$I = t.%2$I\n'
                                || E'      AND e.arrival_id <= $2)', ev, p_key),
                         E'\n   AND ' ORDER BY n)
    FROM unnest(p_events) WITH ORDINALITY AS u (ev, n)
$f$;

ALTER FUNCTION live_build_statements(text, integer, integer) RENAME TO live_build_statements_026;

-- The statements of a full build. In place (p_into 'mvdash', the rebuild on Citus) the four big
-- tables' "empty:" DELETEs delete the keys without events instead, and their INSERTs become
-- MERGEs; every other statement, and every statement of a build into mvdash_staging, is 026's.
-- A key's events are those up to the rebuild's arrival ($2), as in the build's SELECTs; a
-- user's activity has a row when the user has a bet, payment or balance event (the build's
-- sources: the bets' and payments' users are among their events' users).
CREATE FUNCTION live_build_statements(p_into text DEFAULT 'mvdash', p_part integer DEFAULT 0,
                                      p_parts integer DEFAULT 1)
RETURNS TABLE (ord integer, label text, statement text)
LANGUAGE sql STABLE SET search_path = pg_catalog, mvdash, pg_temp AS $f$
    SELECT s.ord,
           CASE WHEN p_into = 'mvdash' AND d.ord IS NOT NULL THEN d.label ELSE s.label END,
           CASE WHEN p_into <> 'mvdash' THEN s.statement
                WHEN d.ord IS NOT NULL THEN d.statement
                WHEN s.ord IN (70, 80, 90, 150) THEN mvdash.live_merge_statement(s.statement)
                ELSE s.statement END
    FROM mvdash.live_build_statements_026(p_into, p_part, p_parts) s
    LEFT JOIN (
        SELECT v.ord, v.noun || ': keys without events',
               mvdash.live_keys_without_events(v.state, v.key, v.events)
        FROM (VALUES (10, 'bets', 'live_bets', 'bet_id', ARRAY['bet_events']),
                     (20, 'payments', 'live_payments', 'payment_id', ARRAY['payment_events']),
                     (30, 'balances', 'live_user_balances', 'user_id', ARRAY['balance_events']),
                     (40, 'user activity', 'live_user_activity', 'user_id',
                      ARRAY['bet_events', 'payment_events', 'balance_events'])
             ) AS v (ord, noun, state, key, events)
    ) AS d (ord, label, statement) ON d.ord = s.ord
    ORDER BY s.ord -- (011's one-call live_rebuild() runs them in the order listed)
$f$;

-- The rows a rebuild's statements wrote, per state table, in a setting of the rebuild's
-- transaction (it ends with it, committed or not), stamped with that transaction:
-- {"live_bets": 0, ..., "xact": 1234}. The client reads it before its commit
-- (live_rebuild_written()) and hands it to live_analyze_state() after. A value of another
-- shape or another transaction (set by the session) is no count: not trusted, not an error.
-- (No EXCEPTION block to parse it: on Citus a subtransaction is a savepoint on every worker.)
CREATE FUNCTION live_rebuild_written() RETURNS jsonb
LANGUAGE sql STABLE SET search_path = pg_catalog, mvdash, pg_temp AS $$
    SELECT w
    FROM (SELECT CASE WHEN v ~ '^\{"[a-z_]+": [0-9]{1,18}(, "[a-z_]+": [0-9]{1,18})*\}$'
                      THEN v::jsonb END AS w
          FROM (SELECT current_setting('mvdash.rebuild_written', true) AS v) s) p
    WHERE w ->> 'xact' = pg_current_xact_id()::text
$$;

CREATE FUNCTION live_rebuild_count_written(p_table text, p_rows bigint) RETURNS void
LANGUAGE sql SET search_path = pg_catalog, mvdash, pg_temp AS $$
    SELECT set_config('mvdash.rebuild_written',
                      (w || jsonb_build_object(p_table, coalesce((w ->> p_table)::bigint, 0)
                                                        + p_rows))::text,
                      true)
    FROM (SELECT coalesce(mvdash.live_rebuild_written(),
                          jsonb_build_object('xact', pg_current_xact_id()::text::bigint)) AS w) s
$$;

-- 021's statement runner, now also returning (and counting, per table) the rows the statement
-- wrote: NULL for a statement that writes no state table (a SELECT of a function that builds
-- indexes, a no-op), whose count is not a row's.
-- (A new result type: dropped and made again, with 023's work_mem and its privileges.)
DROP FUNCTION live_rebuild_statement(integer);
CREATE FUNCTION live_rebuild_statement(p_ord integer) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, mvdash, pg_temp
SET work_mem = '256MB' AS $$
DECLARE
    v_to bigint := nullif(current_setting('mvdash.rebuild_to', true), '')::bigint;
    v_statement text;
    v_table text;
    v_rows bigint;
BEGIN
    IF v_to IS NULL THEN
        RAISE EXCEPTION 'no rebuild in this transaction'
            USING ERRCODE = 'object_not_in_prerequisite_state', HINT = 'Call live_rebuild_begin() first.';
    END IF;
    SELECT s.statement INTO STRICT v_statement
    FROM mvdash.live_build_statements(mvdash.live_build_target()) s WHERE s.ord = p_ord;
    EXECUTE v_statement USING -1::bigint, v_to;
    GET DIAGNOSTICS v_rows = ROW_COUNT;
    v_table := substring(v_statement FROM
        '^(?:DELETE FROM|MERGE INTO|INSERT INTO|UPDATE) (?:mvdash|mvdash_staging)\.(live_[a-z_]+)');
    IF v_table IS NULL THEN
        RETURN NULL;
    END IF;
    PERFORM mvdash.live_rebuild_count_written(v_table, v_rows);
    RETURN v_rows;
END
$$;

-- 016's statistics after a rebuild on Citus (with 019's sample of the sizes), now by
-- autovacuum's rule on what the rebuild wrote (p_written, live_rebuild_written() read before
-- its commit): a big table is analyzed at once when the rebuild wrote more than
-- autovacuum_analyze_threshold + autovacuum_analyze_scale_factor of a shard's share of its
-- rows (pg_dist_shard is read only here, on Citus); the two small
-- per-tenant tables, which every rebuild empties and refills, always. Without counts (called
-- on its own, after moving shards) every table, as before. A new argument: dropped and made
-- again, with its privileges.
DROP FUNCTION live_analyze_state();
CREATE FUNCTION live_analyze_state(p_written jsonb DEFAULT NULL) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, mvdash, pg_temp SET lock_timeout = '5s' AS $$
DECLARE
    v_table text;
    v_written numeric;
    v_rows bigint;
    v_threshold float8 := current_setting('autovacuum_analyze_threshold')::float8;
    v_scale float8 := current_setting('autovacuum_analyze_scale_factor')::float8;
    v_local_execution text;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_extension WHERE extname = 'citus') THEN
        RETURN; -- plain PostgreSQL: the rebuild analyzed its new tables before the swap
    END IF;
    -- 019's sample of the sizes first: Citus counts the ANALYZE of the shards as a change to
    -- them and refuses its size functions after it in the same transaction (25001)
    PERFORM mvdash.sample_relation_sizes(true);
    -- (a count read on the coordinator's copy of a reference table by local execution makes
    -- Citus refuse the ANALYZE after it in the same transaction; put back at the end)
    v_local_execution := current_setting('citus.enable_local_execution');
    PERFORM set_config('citus.enable_local_execution', 'off', true);
    FOREACH v_table IN ARRAY ARRAY['live_bets', 'live_payments', 'live_user_balances',
                                   'live_user_activity', 'live_tenant_bet_status',
                                   'live_tenant_totals'] LOOP
        v_written := CASE WHEN jsonb_typeof(p_written -> v_table) = 'number'
                          THEN (p_written ->> v_table)::numeric END;
        IF v_written IS NOT NULL
           AND v_table NOT IN ('live_tenant_bet_status', 'live_tenant_totals') THEN
            CONTINUE WHEN v_written <= v_threshold;
            -- a shard's share of the rows (autovacuum decides shard by shard)
            EXECUTE format('SELECT count(*) FROM mvdash.%I', v_table) INTO v_rows;
            SELECT v_rows / greatest(count(*), 1) INTO v_rows
            FROM pg_dist_shard WHERE logicalrelid = format('mvdash.%I', v_table)::regclass;
            CONTINUE WHEN v_written <= v_threshold + v_scale * v_rows;
        END IF;
        EXECUTE format('ANALYZE mvdash.%I', v_table);
    END LOOP;
    PERFORM set_config('citus.enable_local_execution', v_local_execution, true);
END
$$;

-- Privileges: nothing for PUBLIC; operators rebuild (as 021 and 016)
REVOKE ALL ON FUNCTION live_merge_statement(text), live_keys_without_events(text, text, text[]),
    live_build_statements(text, integer, integer),
    live_build_statements_026(text, integer, integer), live_rebuild_count_written(text, bigint),
    live_rebuild_written(), live_rebuild_statement(integer), live_analyze_state(jsonb)
    FROM PUBLIC;
GRANT EXECUTE ON FUNCTION live_merge_statement(text), live_keys_without_events(text, text, text[]),
    live_build_statements(text, integer, integer),
    live_build_statements_026(text, integer, integer), live_rebuild_written(),
    live_rebuild_statement(integer), live_analyze_state(jsonb)
    TO mvdash_operator;
