-- Live read models (issue #13, event-store.md "Live read models", docs/LIVE.md): a second way
-- to keep the six read models, maintained incrementally from the events that arrived since
-- the last step instead of recomputed from all of history. This migration installs the parts
-- in both modes; the database stays in the mode it was in ('matview' on a new install) until
-- mvdash-admin convert (or migrate --read-models live) switches it.
--
-- The pieces:
-- - an order of arrival: every event table gets arrival_id, defaulted from one sequence
--   (writers keep their statements; no trigger, no foreign key);
-- - a watermark (live_progress.applied_arrival): every event with arrival_id <= it is in every
--   live read model, and none above it. A step moves it only past arrivals whose writers have
--   all finished (live_wait_for_writers), and moves it in the same transaction as the state:
--   each event is applied exactly once;
-- - state tables (live_*) with exactly the matviews' column types, behind views that carry
--   the read models' names in live mode;
-- - the step, the full build, the switch between modes, and the engine's entry points
--   (refresh_aggregate_views() & co.) taught to run a step in live mode.

-- Where converting back to materialized views builds them before the switch; only the owner
-- can create in it (like mvdash). First: on Citus a schema command cannot follow the parallel
-- shard commands below in one transaction.
CREATE SCHEMA mvdash_staging;
REVOKE ALL ON SCHEMA mvdash_staging FROM PUBLIC;

------------------------------------------------------------------------------------------
-- Arrival order
------------------------------------------------------------------------------------------

-- CACHE 1: with a per-session cache a writer could take a value below the last_value a step
-- has just read (from its cache) after the step looked for writers: that event would be lost.
CREATE SEQUENCE event_arrival_seq AS bigint MINVALUE 1 START 1 CACHE 1 NO CYCLE;
-- Writers evaluate the default: nextval needs USAGE on the sequence (not on the schema).
GRANT USAGE ON SEQUENCE event_arrival_seq TO PUBLIC;

-- Two steps per table: a constant default first (no rewrite: old rows read 0, instantly), then
-- the sequence as default for new rows. ADD COLUMN ... DEFAULT nextval() would rewrite the
-- table under an exclusive lock, and Citus refuses it on a table that has rows.
ALTER TABLE public.bet_events ADD COLUMN arrival_id bigint NOT NULL DEFAULT 0;
ALTER TABLE public.bet_events ALTER COLUMN arrival_id SET DEFAULT nextval('mvdash.event_arrival_seq'::regclass);
ALTER TABLE public.balance_events ADD COLUMN arrival_id bigint NOT NULL DEFAULT 0;
ALTER TABLE public.balance_events ALTER COLUMN arrival_id SET DEFAULT nextval('mvdash.event_arrival_seq'::regclass);
ALTER TABLE public.payment_events ADD COLUMN arrival_id bigint NOT NULL DEFAULT 0;
ALTER TABLE public.payment_events ALTER COLUMN arrival_id SET DEFAULT nextval('mvdash.event_arrival_seq'::regclass);

-- A step reads (W, T] of each table by this index: its cost follows the window, not history.
-- (Through EXECUTE: Citus forwards a CREATE INDEX on a distributed table with the text of the
-- statement it came in, and a migration arrives as one multi-statement string.)
DO $arrival_index$
BEGIN
    EXECUTE 'CREATE INDEX bet_events_arrival_idx ON public.bet_events (arrival_id)';
    EXECUTE 'CREATE INDEX balance_events_arrival_idx ON public.balance_events (arrival_id)';
    EXECUTE 'CREATE INDEX payment_events_arrival_idx ON public.payment_events (arrival_id)';
END
$arrival_index$;

------------------------------------------------------------------------------------------
-- Registry: which mode, which read models, how to build them as materialized views
------------------------------------------------------------------------------------------

CREATE TABLE read_model_mode (
    singleton  boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    mode       text NOT NULL CHECK (mode IN ('matview', 'live')),
    changed_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO read_model_mode (mode) VALUES ('matview');

-- The six read models: their state table in live mode, and their definition and indexes as
-- materialized views (taken from the catalog here, so that converting back to 'matview'
-- builds exactly what the migrations built).
CREATE TABLE read_model_definitions (
    view_name         text PRIMARY KEY,
    build_order       integer NOT NULL,
    state_table       text NOT NULL,
    definition        text NOT NULL,
    index_definitions text[] NOT NULL
);

DO $defs$
BEGIN
    -- pg_get_viewdef under this search_path names mvdash's relations unqualified (so that
    -- they resolve in the schema a definition is built in) and the event store as public.*
    PERFORM set_config('search_path', 'mvdash, pg_catalog', true);
    INSERT INTO mvdash.read_model_definitions
    SELECT v.name, v.ord, v.state, pg_get_viewdef(c.oid, false),
           coalesce((SELECT array_agg(replace(pg_get_indexdef(i.indexrelid),
                                              ' ON mvdash.' || v.name || ' ', ' ON %s ')
                                      ORDER BY i.indexrelid)
                     FROM pg_index i WHERE i.indrelid = c.oid), '{}')
    FROM (VALUES ('bets_view', 0, 'live_bets'), ('user_balances_view', 0, 'live_user_balances'),
                 ('payments_view', 0, 'live_payments'), ('user_activity_view', 1, 'live_user_activity'),
                 ('tenant_bet_status_view', 1, 'live_tenant_bet_status'),
                 ('tenants_summary_view', 2, 'live_tenants_summary')) AS v (name, ord, state)
    JOIN pg_class c ON c.relname = v.name AND c.relnamespace = 'mvdash'::regnamespace
                   AND c.relkind = 'm';
    IF (SELECT count(*) FROM mvdash.read_model_definitions) <> 6 THEN
        RAISE EXCEPTION 'expected the six read models as materialized views in mvdash';
    END IF;
    PERFORM set_config('search_path', 'mvdash, pg_temp', true);
END
$defs$;


------------------------------------------------------------------------------------------
-- State: the read models' rows in live mode, column types copied from the matviews
------------------------------------------------------------------------------------------

CREATE TABLE live_bets (LIKE bets_view, PRIMARY KEY (tenant_id, bet_id));
CREATE TABLE live_user_balances (LIKE user_balances_view, PRIMARY KEY (tenant_id, user_id));
CREATE TABLE live_payments (LIKE payments_view, PRIMARY KEY (tenant_id, payment_id));
CREATE TABLE live_user_activity (LIKE user_activity_view, PRIMARY KEY (tenant_id, user_id));
CREATE TABLE live_tenant_bet_status (LIKE tenant_bet_status_view, PRIMARY KEY (tenant_id, status));

-- The summary's rows without last_refreshed_at (that is the watermark's time, one value).
CREATE TABLE live_tenants_summary (LIKE tenants_summary_view, PRIMARY KEY (tenant_id));
ALTER TABLE live_tenants_summary DROP COLUMN last_refreshed_at;

-- The panels' indexes of each matview (002, 007), on its state table too: the same queries
-- find the same plans in both modes. The unique keys are the primary keys above.
DO $indexes$
DECLARE
    d record;
    v_index text;
BEGIN
    FOR d IN SELECT * FROM mvdash.read_model_definitions LOOP
        FOREACH v_index IN ARRAY d.index_definitions LOOP
            CONTINUE WHEN v_index LIKE 'CREATE UNIQUE INDEX %';
            EXECUTE regexp_replace(v_index, '^CREATE INDEX (\S+) ON %s ',
                                   format('CREATE INDEX live_\1 ON mvdash.%I ', d.state_table));
        END LOOP;
    END LOOP;
END
$indexes$;

-- Totals of every tenant_id that has events, known to tenants or not: a tenant added later
-- shows its totals at once.
CREATE TABLE live_tenant_totals (
    tenant_id         bigint PRIMARY KEY,
    total_bets        integer NOT NULL DEFAULT 0,
    active_bets       integer NOT NULL DEFAULT 0,
    total_stake       numeric NOT NULL DEFAULT 0,
    total_deposits    numeric NOT NULL DEFAULT 0,
    total_withdrawals numeric NOT NULL DEFAULT 0,
    total_users       integer NOT NULL DEFAULT 0,
    total_balance     numeric NOT NULL DEFAULT 0
);

-- Scratch of one step (filled and emptied inside it, never seen by anyone else): the keys the
-- window touched, the old (-1) and new (+1) contribution of each touched bet and payment to
-- the derived models, and the per-user and per-tenant deltas.
CREATE TABLE live_touched_bets (tenant_id bigint NOT NULL, bet_id varchar NOT NULL);
CREATE TABLE live_touched_payments (tenant_id bigint NOT NULL, payment_id varchar NOT NULL);
CREATE TABLE live_bet_changes (
    tenant_id bigint NOT NULL, bet_id varchar NOT NULL, sign smallint NOT NULL,
    user_id varchar, status varchar, stake numeric, result varchar, payout numeric);
CREATE TABLE live_payment_changes (
    tenant_id bigint NOT NULL, payment_id varchar NOT NULL, sign smallint NOT NULL,
    user_id varchar, status varchar, payment_type varchar, amount numeric);
CREATE TABLE live_user_deltas (
    tenant_id bigint NOT NULL, user_id varchar NOT NULL,
    d_balance numeric NOT NULL DEFAULT 0, d_bets integer NOT NULL DEFAULT 0,
    d_wagered numeric NOT NULL DEFAULT 0, d_winnings numeric NOT NULL DEFAULT 0,
    d_deposited numeric NOT NULL DEFAULT 0, d_withdrawn numeric NOT NULL DEFAULT 0,
    last_ts bigint);
CREATE TABLE live_tenant_deltas (
    tenant_id bigint NOT NULL,
    d_bets integer NOT NULL DEFAULT 0, d_active integer NOT NULL DEFAULT 0,
    d_stake numeric NOT NULL DEFAULT 0, d_deposits numeric NOT NULL DEFAULT 0,
    d_withdrawals numeric NOT NULL DEFAULT 0, d_users integer NOT NULL DEFAULT 0,
    d_balance numeric NOT NULL DEFAULT 0);

-- The watermark. applied_arrival NULL: the state is not built (matview mode, or not yet
-- prepared); applied_at is the now() of the step that set it (the read models' "as of").
CREATE TABLE live_progress (
    singleton        boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    applied_arrival  bigint,
    applied_at       timestamptz,
    step_count       bigint NOT NULL DEFAULT 0,
    last_step_at     timestamptz,
    last_step_events bigint,
    last_step_ms     numeric(12, 2),
    blocked_by       text
);
INSERT INTO live_progress DEFAULT VALUES;

-- On Citus the state of the per-key models is distributed by tenant_id and co-located with
-- the event tables, so that every statement of a step is an INSERT ... SELECT that runs shard
-- by shard on the workers. The per-tenant models (a row per tenant or per tenant and status)
-- and the progress row are reference tables: small, one consistent copy for all tenants, and
-- joinable with tenants (itself a reference table) in reads and writes, which a plain table
-- of the coordinator is not.
DO $citus$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'citus') THEN
        PERFORM create_distributed_table(t, 'tenant_id', colocate_with => 'public.bet_events')
        FROM unnest(ARRAY['mvdash.live_bets', 'mvdash.live_user_balances', 'mvdash.live_payments',
                          'mvdash.live_user_activity', 'mvdash.live_touched_bets',
                          'mvdash.live_touched_payments', 'mvdash.live_bet_changes',
                          'mvdash.live_payment_changes', 'mvdash.live_user_deltas']) AS t;
        PERFORM create_reference_table(t)
        FROM unnest(ARRAY['mvdash.live_tenants_summary', 'mvdash.live_tenant_totals',
                          'mvdash.live_tenant_bet_status', 'mvdash.live_tenant_deltas',
                          'mvdash.live_progress']) AS t;
    END IF;
END
$citus$;

ALTER TABLE materialized_views_refresh_history DROP CONSTRAINT IF EXISTS materialized_views_refresh_history_method_check;
ALTER TABLE materialized_views_refresh_history
    ADD CONSTRAINT materialized_views_refresh_history_method_check
    CHECK (method IN ('concurrently', 'plain', 'live'));

------------------------------------------------------------------------------------------
-- The watermark's wait
------------------------------------------------------------------------------------------

CREATE FUNCTION read_model_mode_now() RETURNS text
LANGUAGE sql STABLE SET search_path = pg_catalog, mvdash, pg_temp AS $$
    SELECT m.mode FROM mvdash.read_model_mode m
$$;

-- Waits until every transaction that holds a writer's lock (RowExclusiveLock) on an event
-- table at the moment of the call has ended. A writer evaluates the arrival_id default while
-- holding that lock and keeps it until its commit is visible, so after the wait every arrival
-- up to the sequence value read before the call is either committed and visible to the next
-- statement, or never will be. New writers do not hold the wait up and are not blocked by it
-- (unlike LOCK TABLE, which queues them); VACUUM and ANALYZE (other lock modes) are not waited
-- for. Prepared transactions (pid NULL) are waited for too. Returns the pids waited for;
-- raises lock_not_available after p_timeout.
CREATE FUNCTION live_wait_for_writers(p_timeout interval) RETURNS integer[]
LANGUAGE plpgsql SET search_path = pg_catalog, mvdash, pg_temp AS $$
DECLARE
    v_tables oid[] := ARRAY['public.bet_events'::regclass, 'public.balance_events'::regclass,
                            'public.payment_events'::regclass]::oid[];
    v_vxids text[];
    v_pids integer[];
    v_deadline timestamptz := clock_timestamp() + p_timeout;
    v_blocker text;
BEGIN
    SELECT array_agg(DISTINCT l.virtualtransaction), array_agg(DISTINCT l.pid)
    INTO v_vxids, v_pids
    FROM pg_locks l
    WHERE l.locktype = 'relation' AND l.relation = ANY (v_tables)
      AND l.mode = 'RowExclusiveLock' AND l.granted
      AND l.database = (SELECT d.oid FROM pg_database d WHERE d.datname = current_database())
      AND l.pid IS DISTINCT FROM pg_backend_pid();
    IF v_vxids IS NOT NULL THEN
        -- for ops (and tests): pg_stat_activity shows whom the step waits for, until it ends
        PERFORM set_config('application_name',
                           left(current_setting('application_name')
                                || ' (live step waiting for writers ' || array_to_string(v_pids, ',')
                                || ')', 63), true);
    END IF;
    WHILE v_vxids IS NOT NULL AND EXISTS (
            SELECT 1 FROM pg_locks l
            WHERE l.locktype = 'relation' AND l.relation = ANY (v_tables)
              AND l.mode = 'RowExclusiveLock' AND l.granted
              AND l.virtualtransaction = ANY (v_vxids)) LOOP
        IF clock_timestamp() > v_deadline THEN
            SELECT format('pid %s, role %s, transaction open since %s', a.pid, a.usename,
                          to_char(a.xact_start, 'YYYY-MM-DD HH24:MI:SS TZ'))
            INTO v_blocker
            FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid
            WHERE l.locktype = 'relation' AND l.relation = ANY (v_tables)
              AND l.mode = 'RowExclusiveLock' AND l.granted AND l.virtualtransaction = ANY (v_vxids)
            ORDER BY a.xact_start LIMIT 1;
            RAISE EXCEPTION 'a writer of the event tables is still in its transaction after %: %',
                            p_timeout, coalesce(v_blocker, 'a prepared transaction')
                USING ERRCODE = 'lock_not_available';
        END IF;
        PERFORM pg_sleep(0.002);
    END LOOP;
    RETURN coalesce(v_pids, '{}');
END
$$;

------------------------------------------------------------------------------------------
-- The incremental step: apply the events with p_from < arrival_id <= p_to
------------------------------------------------------------------------------------------

-- The select lists that compute a bet's and a payment's row from its events with the
-- matview's rules (latest by (event_timestamp, event_id), last non-null per column): one text
-- each, used by the step (for the touched keys) and by the full build (for all of them).
CREATE FUNCTION live_bet_columns() RETURNS text
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, mvdash, pg_temp AS $f$
    SELECT $c$
            (array_agg(e.user_id ORDER BY e.event_timestamp DESC, e.event_id DESC))[1],
            (array_agg(e.stake ORDER BY e.event_timestamp DESC, e.event_id DESC)
                 FILTER (WHERE e.stake IS NOT NULL))[1],
            (array_agg(e.odds ORDER BY e.event_timestamp DESC, e.event_id DESC)
                 FILTER (WHERE e.odds IS NOT NULL))[1],
            (array_agg(e.fixture_id ORDER BY e.event_timestamp DESC, e.event_id DESC)
                 FILTER (WHERE e.fixture_id IS NOT NULL))[1],
            (array_agg(e.event_type ORDER BY e.event_timestamp DESC, e.event_id DESC))[1],
            (array_agg(e.result ORDER BY e.event_timestamp DESC, e.event_id DESC)
                 FILTER (WHERE e.result IS NOT NULL))[1],
            (array_agg(e.payout ORDER BY e.event_timestamp DESC, e.event_id DESC)
                 FILTER (WHERE e.payout IS NOT NULL))[1],
            max(e.event_timestamp),
            to_timestamp(max(e.event_timestamp) / 1000.0)$c$
$f$;

CREATE FUNCTION live_payment_columns() RETURNS text
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, mvdash, pg_temp AS $f$
    SELECT $c$
            (array_agg(e.user_id ORDER BY e.event_timestamp DESC, e.event_id DESC))[1],
            (array_agg(e.amount ORDER BY e.event_timestamp DESC, e.event_id DESC)
                 FILTER (WHERE e.amount IS NOT NULL))[1],
            (array_agg(e.currency ORDER BY e.event_timestamp DESC, e.event_id DESC)
                 FILTER (WHERE e.currency IS NOT NULL))[1],
            (array_agg(e.payment_method ORDER BY e.event_timestamp DESC, e.event_id DESC)
                 FILTER (WHERE e.payment_method IS NOT NULL))[1],
            (array_agg(e.external_id ORDER BY e.event_timestamp DESC, e.event_id DESC)
                 FILTER (WHERE e.external_id IS NOT NULL))[1],
            (array_agg(e.payment_type ORDER BY e.event_timestamp DESC, e.event_id DESC)
                 FILTER (WHERE e.payment_type IS NOT NULL))[1],
            (array_agg(e.event_type ORDER BY e.event_timestamp DESC, e.event_id DESC))[1],
            max(e.event_timestamp),
            to_timestamp(max(e.event_timestamp) / 1000.0)$c$
$f$;

-- The statements of a step, in order: $1 is the watermark, $2 the arrival the step advances
-- to. Kept as data so that tests and `mvdash-admin explain-step` EXPLAIN exactly what runs
-- (on Citus every one of them is either pushed down to the workers, shard by shard, or
-- touches only per-tenant rows on the coordinator).
--
-- Bets and payments: the touched keys are recomputed from all their events up to $2 (a bet
-- has a handful of events, found by bet_events_bet_idx), with the matview's own rules, so
-- late events, equal timestamps and last-non-null fields need nothing special. Balances and
-- the derived models are additive: the window's sums, and for bets and payments the new
-- contribution minus the old one (which moves a bet between users when its user_id changes).
-- The scratch tables are emptied at the end: nobody else ever sees their rows. They are
-- ANALYZEd once filled: without statistics the planner guessed thousands of touched keys and
-- hashed all of live_bets (90 ms at 1M events, growing with history) instead of looking up
-- the few hundred touched bets by key.
CREATE FUNCTION live_step_statements()
RETURNS TABLE (ord integer, label text, statement text)
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, mvdash, pg_temp AS $f$
    SELECT * FROM (VALUES
    (10, 'bets: keys the window touched', $s$INSERT INTO mvdash.live_touched_bets (tenant_id, bet_id)
     SELECT e.tenant_id, e.bet_id FROM public.bet_events e
     WHERE e.arrival_id > $1 AND e.arrival_id <= $2
     GROUP BY e.tenant_id, e.bet_id$s$),
    (15, 'statistics: touched bets', $s$ANALYZE mvdash.live_touched_bets$s$),
    (20, 'bets: old contributions (-1)', $s$INSERT INTO mvdash.live_bet_changes (tenant_id, bet_id, sign, user_id, status, stake, result, payout)
     SELECT b.tenant_id, b.bet_id, -1, b.user_id, b.status, b.stake, b.result, b.payout
     FROM mvdash.live_bets b
     JOIN mvdash.live_touched_bets t ON t.tenant_id = b.tenant_id AND t.bet_id = b.bet_id$s$),
    (30, 'bets: recompute the touched bets', format($s$INSERT INTO mvdash.live_bets AS s (tenant_id, bet_id, user_id, stake, odds, fixture_id, status,
                                        result, payout, last_updated_timestamp, last_updated_at)
     SELECT e.tenant_id, e.bet_id,
            %s
     FROM public.bet_events e
     JOIN mvdash.live_touched_bets t ON t.tenant_id = e.tenant_id AND t.bet_id = e.bet_id
     WHERE e.arrival_id <= $2
     GROUP BY e.tenant_id, e.bet_id
     ON CONFLICT (tenant_id, bet_id) DO UPDATE
     SET user_id = excluded.user_id, stake = excluded.stake, odds = excluded.odds,
         fixture_id = excluded.fixture_id, status = excluded.status, result = excluded.result,
         payout = excluded.payout, last_updated_timestamp = excluded.last_updated_timestamp,
         last_updated_at = excluded.last_updated_at$s$, mvdash.live_bet_columns())),
    (40, 'bets: new contributions (+1)', $s$INSERT INTO mvdash.live_bet_changes (tenant_id, bet_id, sign, user_id, status, stake, result, payout)
     SELECT b.tenant_id, b.bet_id, 1, b.user_id, b.status, b.stake, b.result, b.payout
     FROM mvdash.live_bets b
     JOIN mvdash.live_touched_bets t ON t.tenant_id = b.tenant_id AND t.bet_id = b.bet_id$s$),
    (50, 'payments: keys the window touched', $s$INSERT INTO mvdash.live_touched_payments (tenant_id, payment_id)
     SELECT e.tenant_id, e.payment_id FROM public.payment_events e
     WHERE e.arrival_id > $1 AND e.arrival_id <= $2
     GROUP BY e.tenant_id, e.payment_id$s$),
    (55, 'statistics: touched payments', $s$ANALYZE mvdash.live_touched_payments$s$),
    (60, 'payments: old contributions (-1)', $s$INSERT INTO mvdash.live_payment_changes (tenant_id, payment_id, sign, user_id, status, payment_type, amount)
     SELECT p.tenant_id, p.payment_id, -1, p.user_id, p.status, p.payment_type, p.amount
     FROM mvdash.live_payments p
     JOIN mvdash.live_touched_payments t ON t.tenant_id = p.tenant_id AND t.payment_id = p.payment_id$s$),
    (70, 'payments: recompute the touched payments', format($s$INSERT INTO mvdash.live_payments AS s (tenant_id, payment_id, user_id, amount, currency,
                                            payment_method, external_id, payment_type, status,
                                            last_updated_timestamp, last_updated_at)
     SELECT e.tenant_id, e.payment_id,
            %s
     FROM public.payment_events e
     JOIN mvdash.live_touched_payments t ON t.tenant_id = e.tenant_id AND t.payment_id = e.payment_id
     WHERE e.arrival_id <= $2
     GROUP BY e.tenant_id, e.payment_id
     ON CONFLICT (tenant_id, payment_id) DO UPDATE
     SET user_id = excluded.user_id, amount = excluded.amount, currency = excluded.currency,
         payment_method = excluded.payment_method, external_id = excluded.external_id,
         payment_type = excluded.payment_type, status = excluded.status,
         last_updated_timestamp = excluded.last_updated_timestamp,
         last_updated_at = excluded.last_updated_at$s$, mvdash.live_payment_columns())),
    (80, 'payments: new contributions (+1)', $s$INSERT INTO mvdash.live_payment_changes (tenant_id, payment_id, sign, user_id, status, payment_type, amount)
     SELECT p.tenant_id, p.payment_id, 1, p.user_id, p.status, p.payment_type, p.amount
     FROM mvdash.live_payments p
     JOIN mvdash.live_touched_payments t ON t.tenant_id = p.tenant_id AND t.payment_id = p.payment_id$s$),
    (90, 'balances: add the window', $s$INSERT INTO mvdash.live_user_balances AS s (tenant_id, user_id, balance, transaction_count,
                                                 last_transaction_timestamp, last_transaction_at)
     SELECT e.tenant_id, e.user_id, sum(e.amount), count(*)::integer, max(e.event_timestamp),
            to_timestamp(max(e.event_timestamp) / 1000.0)
     FROM public.balance_events e
     WHERE e.arrival_id > $1 AND e.arrival_id <= $2
     GROUP BY e.tenant_id, e.user_id
     ON CONFLICT (tenant_id, user_id) DO UPDATE
     SET balance = s.balance + excluded.balance,
         transaction_count = s.transaction_count + excluded.transaction_count,
         last_transaction_timestamp = greatest(s.last_transaction_timestamp, excluded.last_transaction_timestamp),
         last_transaction_at = to_timestamp(greatest(s.last_transaction_timestamp,
                                                     excluded.last_transaction_timestamp) / 1000.0)$s$),
    (100, 'users: carried by bet events', $s$INSERT INTO mvdash.live_user_deltas (tenant_id, user_id, last_ts)
     SELECT e.tenant_id, e.user_id, max(e.event_timestamp) FROM public.bet_events e
     WHERE e.arrival_id > $1 AND e.arrival_id <= $2 GROUP BY e.tenant_id, e.user_id$s$),
    (110, 'users: balance movements', $s$INSERT INTO mvdash.live_user_deltas (tenant_id, user_id, d_balance, last_ts)
     SELECT e.tenant_id, e.user_id, sum(e.amount), max(e.event_timestamp) FROM public.balance_events e
     WHERE e.arrival_id > $1 AND e.arrival_id <= $2 GROUP BY e.tenant_id, e.user_id$s$),
    (120, 'users: carried by payment events', $s$INSERT INTO mvdash.live_user_deltas (tenant_id, user_id, last_ts)
     SELECT e.tenant_id, e.user_id, max(e.event_timestamp) FROM public.payment_events e
     WHERE e.arrival_id > $1 AND e.arrival_id <= $2 GROUP BY e.tenant_id, e.user_id$s$),
    (130, 'users: bet contributions', $s$INSERT INTO mvdash.live_user_deltas (tenant_id, user_id, d_bets, d_wagered, d_winnings)
     SELECT c.tenant_id, c.user_id, sum(c.sign)::integer,
            coalesce(sum(c.sign * c.stake) FILTER (WHERE c.status NOT IN ('cancelled', 'voided')), 0),
            coalesce(sum(c.sign * c.payout) FILTER (WHERE c.status = 'settled' AND c.result = 'win'), 0)
     FROM mvdash.live_bet_changes c GROUP BY c.tenant_id, c.user_id$s$),
    (140, 'users: payment contributions', $s$INSERT INTO mvdash.live_user_deltas (tenant_id, user_id, d_deposited, d_withdrawn)
     SELECT c.tenant_id, c.user_id,
            coalesce(sum(c.sign * c.amount) FILTER (WHERE c.status = 'completed' AND c.payment_type = 'deposit'), 0),
            coalesce(sum(c.sign * c.amount) FILTER (WHERE c.status = 'completed' AND c.payment_type = 'withdrawal'), 0)
     FROM mvdash.live_payment_changes c GROUP BY c.tenant_id, c.user_id$s$),
    (145, 'statistics: user deltas', $s$ANALYZE mvdash.live_user_deltas$s$),
    (150, 'tenants: new users', $s$INSERT INTO mvdash.live_tenant_deltas (tenant_id, d_users)
     SELECT d.tenant_id, count(DISTINCT d.user_id)::integer
     FROM mvdash.live_user_deltas d
     WHERE NOT EXISTS (SELECT 1 FROM mvdash.live_user_activity a
                       WHERE a.tenant_id = d.tenant_id AND a.user_id = d.user_id)
     GROUP BY d.tenant_id$s$),
    (160, 'tenants: user deltas', $s$INSERT INTO mvdash.live_tenant_deltas (tenant_id, d_bets, d_stake, d_deposits, d_withdrawals, d_balance)
     SELECT d.tenant_id, sum(d.d_bets)::integer, sum(d.d_wagered), sum(d.d_deposited),
            sum(d.d_withdrawn), sum(d.d_balance)
     FROM mvdash.live_user_deltas d GROUP BY d.tenant_id$s$),
    (170, 'tenants: active bets', $s$INSERT INTO mvdash.live_tenant_deltas (tenant_id, d_active)
     SELECT c.tenant_id, sum(c.sign)::integer FROM mvdash.live_bet_changes c
     WHERE c.status IN ('placed', 'confirmed') GROUP BY c.tenant_id$s$),
    (180, 'user activity: merge', $s$INSERT INTO mvdash.live_user_activity AS a (tenant_id, user_id, current_balance, total_bets,
                                                 total_wagered, total_winnings, total_deposited,
                                                 total_withdrawn, last_activity_at)
     SELECT d.tenant_id, d.user_id, sum(d.d_balance), sum(d.d_bets)::integer, sum(d.d_wagered),
            sum(d.d_winnings), sum(d.d_deposited), sum(d.d_withdrawn), max(d.last_ts)
     FROM mvdash.live_user_deltas d
     GROUP BY d.tenant_id, d.user_id
     ON CONFLICT (tenant_id, user_id) DO UPDATE
     SET current_balance = a.current_balance + excluded.current_balance,
         total_bets = a.total_bets + excluded.total_bets,
         total_wagered = a.total_wagered + excluded.total_wagered,
         total_winnings = a.total_winnings + excluded.total_winnings,
         total_deposited = a.total_deposited + excluded.total_deposited,
         total_withdrawn = a.total_withdrawn + excluded.total_withdrawn,
         last_activity_at = greatest(a.last_activity_at, excluded.last_activity_at)$s$),
    (190, 'tenant totals: merge', $s$INSERT INTO mvdash.live_tenant_totals AS x (tenant_id, total_bets, active_bets, total_stake,
                                                 total_deposits, total_withdrawals, total_users,
                                                 total_balance)
     SELECT d.tenant_id, sum(d.d_bets), sum(d.d_active), sum(d.d_stake), sum(d.d_deposits),
            sum(d.d_withdrawals), sum(d.d_users), sum(d.d_balance)
     FROM mvdash.live_tenant_deltas d GROUP BY d.tenant_id
     ON CONFLICT (tenant_id) DO UPDATE
     SET total_bets = x.total_bets + excluded.total_bets,
         active_bets = x.active_bets + excluded.active_bets,
         total_stake = x.total_stake + excluded.total_stake,
         total_deposits = x.total_deposits + excluded.total_deposits,
         total_withdrawals = x.total_withdrawals + excluded.total_withdrawals,
         total_users = x.total_users + excluded.total_users,
         total_balance = x.total_balance + excluded.total_balance$s$),
    (200, 'bets by status: merge', $s$INSERT INTO mvdash.live_tenant_bet_status AS s (tenant_id, status, bets)
     SELECT c.tenant_id, c.status, sum(c.sign) FROM mvdash.live_bet_changes c
     GROUP BY c.tenant_id, c.status
     ON CONFLICT (tenant_id, status) DO UPDATE SET bets = s.bets + excluded.bets$s$),
    (210, 'bets by status: drop empty rows', $s$DELETE FROM mvdash.live_tenant_bet_status s WHERE s.bets = 0$s$),
    (220, 'scratch: touched bets', $s$DELETE FROM mvdash.live_touched_bets$s$),
    (230, 'scratch: touched payments', $s$DELETE FROM mvdash.live_touched_payments$s$),
    (240, 'scratch: bet changes', $s$DELETE FROM mvdash.live_bet_changes$s$),
    (250, 'scratch: payment changes', $s$DELETE FROM mvdash.live_payment_changes$s$),
    (260, 'scratch: user deltas', $s$DELETE FROM mvdash.live_user_deltas$s$),
    (270, 'scratch: tenant deltas', $s$DELETE FROM mvdash.live_tenant_deltas$s$)
    ) AS s (ord, label, statement) ORDER BY 1
$f$;

-- The statements of a full build from every event with arrival_id <= $2 (the first build and
-- rebuild; $1 is unused). The old rows are deleted, not truncated: readers go on reading them
-- (no lock beyond ROW EXCLUSIVE) until the build commits.
CREATE FUNCTION live_build_statements()
RETURNS TABLE (ord integer, label text, statement text)
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, mvdash, pg_temp AS $f$
    SELECT * FROM (VALUES
    (10, 'empty: bets', $s$DELETE FROM mvdash.live_bets$s$),
    (20, 'empty: payments', $s$DELETE FROM mvdash.live_payments$s$),
    (30, 'empty: balances', $s$DELETE FROM mvdash.live_user_balances$s$),
    (40, 'empty: user activity', $s$DELETE FROM mvdash.live_user_activity$s$),
    (50, 'empty: tenant totals', $s$DELETE FROM mvdash.live_tenant_totals$s$),
    (60, 'empty: bets by status', $s$DELETE FROM mvdash.live_tenant_bet_status$s$),
    (70, 'bets', format($s$INSERT INTO mvdash.live_bets (tenant_id, bet_id, user_id, stake, odds, fixture_id, status,
                                   result, payout, last_updated_timestamp, last_updated_at)
     SELECT e.tenant_id, e.bet_id,
            %s
     FROM public.bet_events e
     WHERE e.arrival_id <= $2
     GROUP BY e.tenant_id, e.bet_id$s$, mvdash.live_bet_columns())),
    (80, 'payments', format($s$INSERT INTO mvdash.live_payments (tenant_id, payment_id, user_id, amount, currency,
                                       payment_method, external_id, payment_type, status,
                                       last_updated_timestamp, last_updated_at)
     SELECT e.tenant_id, e.payment_id,
            %s
     FROM public.payment_events e
     WHERE e.arrival_id <= $2
     GROUP BY e.tenant_id, e.payment_id$s$, mvdash.live_payment_columns())),
    (90, 'balances', $s$INSERT INTO mvdash.live_user_balances (tenant_id, user_id, balance, transaction_count,
                                            last_transaction_timestamp, last_transaction_at)
     SELECT e.tenant_id, e.user_id, sum(e.amount), count(*)::integer, max(e.event_timestamp),
            to_timestamp(max(e.event_timestamp) / 1000.0)
     FROM public.balance_events e
     WHERE e.arrival_id <= $2
     GROUP BY e.tenant_id, e.user_id$s$),
    (100, 'users: carried by bet events', $s$INSERT INTO mvdash.live_user_deltas (tenant_id, user_id, last_ts)
     SELECT e.tenant_id, e.user_id, max(e.event_timestamp) FROM public.bet_events e
     WHERE e.arrival_id <= $2 GROUP BY e.tenant_id, e.user_id$s$),
    (110, 'users: carried by payment events', $s$INSERT INTO mvdash.live_user_deltas (tenant_id, user_id, last_ts)
     SELECT e.tenant_id, e.user_id, max(e.event_timestamp) FROM public.payment_events e
     WHERE e.arrival_id <= $2 GROUP BY e.tenant_id, e.user_id$s$),
    (120, 'users: balances', $s$INSERT INTO mvdash.live_user_deltas (tenant_id, user_id, d_balance, last_ts)
     SELECT b.tenant_id, b.user_id, b.balance, b.last_transaction_timestamp
     FROM mvdash.live_user_balances b$s$),
    (130, 'users: bets', $s$INSERT INTO mvdash.live_user_deltas (tenant_id, user_id, d_bets, d_wagered, d_winnings)
     SELECT b.tenant_id, b.user_id, count(*)::integer,
            coalesce(sum(b.stake) FILTER (WHERE b.status NOT IN ('cancelled', 'voided')), 0),
            coalesce(sum(b.payout) FILTER (WHERE b.status = 'settled' AND b.result = 'win'), 0)
     FROM mvdash.live_bets b GROUP BY b.tenant_id, b.user_id$s$),
    (140, 'users: payments', $s$INSERT INTO mvdash.live_user_deltas (tenant_id, user_id, d_deposited, d_withdrawn)
     SELECT p.tenant_id, p.user_id,
            coalesce(sum(p.amount) FILTER (WHERE p.status = 'completed' AND p.payment_type = 'deposit'), 0),
            coalesce(sum(p.amount) FILTER (WHERE p.status = 'completed' AND p.payment_type = 'withdrawal'), 0)
     FROM mvdash.live_payments p GROUP BY p.tenant_id, p.user_id$s$),
    (150, 'user activity', $s$INSERT INTO mvdash.live_user_activity (tenant_id, user_id, current_balance, total_bets,
                                            total_wagered, total_winnings, total_deposited,
                                            total_withdrawn, last_activity_at)
     SELECT d.tenant_id, d.user_id, sum(d.d_balance), sum(d.d_bets)::integer, sum(d.d_wagered),
            sum(d.d_winnings), sum(d.d_deposited), sum(d.d_withdrawn), max(d.last_ts)
     FROM mvdash.live_user_deltas d
     GROUP BY d.tenant_id, d.user_id$s$),
    (160, 'scratch: user deltas', $s$DELETE FROM mvdash.live_user_deltas$s$),
    (170, 'tenant totals', $s$INSERT INTO mvdash.live_tenant_totals (tenant_id, total_bets, total_stake, total_deposits,
                                            total_withdrawals, total_users, total_balance)
     SELECT a.tenant_id, sum(a.total_bets)::integer, sum(a.total_wagered), sum(a.total_deposited),
            sum(a.total_withdrawn), count(*)::integer, sum(a.current_balance)
     FROM mvdash.live_user_activity a GROUP BY a.tenant_id$s$),
    (180, 'tenants: active bets', $s$INSERT INTO mvdash.live_tenant_deltas (tenant_id, d_active)
     SELECT b.tenant_id, count(*)::integer FROM mvdash.live_bets b
     WHERE b.status IN ('placed', 'confirmed') GROUP BY b.tenant_id$s$),
    (190, 'tenant totals: active bets', $s$UPDATE mvdash.live_tenant_totals x SET active_bets = d.d_active
     FROM mvdash.live_tenant_deltas d WHERE d.tenant_id = x.tenant_id$s$),
    (200, 'scratch: tenant deltas', $s$DELETE FROM mvdash.live_tenant_deltas$s$),
    (210, 'bets by status', $s$INSERT INTO mvdash.live_tenant_bet_status (tenant_id, status, bets)
     SELECT b.tenant_id, b.status, count(*) FROM mvdash.live_bets b GROUP BY b.tenant_id, b.status$s$),
    -- fresh statistics for the panels' plans (and the row estimates ops see), as a refresh of
    -- a matview ends with an ANALYZE. Not on Citus: there the transaction has written the
    -- reference tables' local placement, after which Citus runs no parallel utility command
    -- (the workers' autovacuum analyzes the shards)
    (900, 'statistics: state tables', $s$DO $a$ BEGIN
         IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_extension WHERE extname = 'citus') THEN
             ANALYZE mvdash.live_bets, mvdash.live_payments, mvdash.live_user_balances,
                 mvdash.live_user_activity, mvdash.live_tenant_bet_status, mvdash.live_tenant_totals;
         END IF;
     END $a$$s$)
    ) AS s (ord, label, statement) ORDER BY 1
$f$;

-- Applies the events with p_from < arrival_id <= p_to; returns how many there were.
-- Every join of a step looks up a few touched keys in a big table by its key: hash and merge
-- joins (which read the big table whole, O(history)) are off. The planner, costing a seq
-- scan of live_bets below a few thousand index probes, chose them (40 ms per join at 1M
-- events, ten times that at 10M).
CREATE FUNCTION live_apply(p_from bigint, p_to bigint) RETURNS bigint
LANGUAGE plpgsql SET search_path = pg_catalog, mvdash, pg_temp
SET enable_hashjoin = off SET enable_mergejoin = off AS $$
DECLARE
    v_events bigint;
    s record;
BEGIN
    SELECT (SELECT count(*) FROM public.bet_events e WHERE e.arrival_id > p_from AND e.arrival_id <= p_to)
         + (SELECT count(*) FROM public.balance_events e WHERE e.arrival_id > p_from AND e.arrival_id <= p_to)
         + (SELECT count(*) FROM public.payment_events e WHERE e.arrival_id > p_from AND e.arrival_id <= p_to)
    INTO v_events;
    IF v_events > 0 THEN
        FOR s IN SELECT * FROM mvdash.live_step_statements() LOOP
            EXECUTE s.statement USING p_from, p_to;
        END LOOP;
    END IF;
    RETURN v_events;
END
$$;

-- The tenants' rows of the summary: new, renamed, suspended and deleted tenants reach it at
-- every step (O(tenants), a small table), rows that did not change are not written.
CREATE FUNCTION live_sync_tenants() RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, mvdash, pg_temp AS $$
BEGIN
    INSERT INTO mvdash.live_tenants_summary AS s (tenant_id, tenant_name, slug, status, plan,
                                                  total_bets, active_bets, total_stake,
                                                  total_deposits, total_withdrawals, total_users,
                                                  total_balance)
    SELECT t.tenant_id, t.tenant_name, t.slug, t.status, t.plan,
           coalesce(x.total_bets, 0), coalesce(x.active_bets, 0), coalesce(x.total_stake, 0),
           coalesce(x.total_deposits, 0), coalesce(x.total_withdrawals, 0),
           coalesce(x.total_users, 0), coalesce(x.total_balance, 0)
    FROM public.tenants t
    LEFT JOIN mvdash.live_tenant_totals x ON x.tenant_id = t.tenant_id
    ON CONFLICT (tenant_id) DO UPDATE
    SET tenant_name = excluded.tenant_name, slug = excluded.slug, status = excluded.status,
        plan = excluded.plan, total_bets = excluded.total_bets,
        active_bets = excluded.active_bets, total_stake = excluded.total_stake,
        total_deposits = excluded.total_deposits, total_withdrawals = excluded.total_withdrawals,
        total_users = excluded.total_users, total_balance = excluded.total_balance
    WHERE (s.tenant_name, s.slug, s.status, s.plan, s.total_bets, s.active_bets, s.total_stake,
           s.total_deposits, s.total_withdrawals, s.total_users, s.total_balance)
          IS DISTINCT FROM
          (excluded.tenant_name, excluded.slug, excluded.status, excluded.plan,
           excluded.total_bets, excluded.active_bets, excluded.total_stake,
           excluded.total_deposits, excluded.total_withdrawals, excluded.total_users,
           excluded.total_balance);
    -- (an uncorrelated list: on Citus a local table cannot be modified joined to a reference
    -- table, but a subquery over one is run first)
    DELETE FROM mvdash.live_tenants_summary s
    WHERE s.tenant_id <> ALL (ARRAY(SELECT t.tenant_id FROM public.tenants t));
END
$$;


------------------------------------------------------------------------------------------
-- The step: lock, read the sequence, wait out in-flight writers, apply, advance
------------------------------------------------------------------------------------------

-- One step in the caller's transaction; one result row per read model, as a refresh run. The
-- watermark, the state and the history commit together or not at all, so a step that dies
-- (cancel, lost connection, server stop) applies nothing and the next one redoes its window.
-- A second step at the same time does not queue: it returns 'skipped' with the holder. A
-- writer still open after p_wait makes the step 'skipped' (named in live_progress.blocked_by).
-- p_record_empty: write history rows for a step that applied nothing (the follower does not,
-- to keep the bounded history for steps that did something).
CREATE FUNCTION mvdash_live_step(p_record_empty boolean, p_wait interval)
RETURNS TABLE (view_name text, method text, duration_ms numeric, outcome text, error text)
LANGUAGE plpgsql SET search_path = pg_catalog, mvdash, pg_temp AS $$
#variable_conflict use_column
DECLARE
    v_started timestamptz := clock_timestamp();
    v_from bigint;
    v_to bigint;
    v_events bigint := 0;
    v_outcome text := 'ok';
    v_error text;
    v_duration numeric;
    v_run bigint;
    v_state text;
    v_done timestamptz;
BEGIN
    IF current_setting('transaction_isolation') <> 'read committed' THEN
        -- a snapshot taken before the wait would miss the writers it waited for
        RAISE EXCEPTION 'a live step needs READ COMMITTED (this transaction is %)',
                        current_setting('transaction_isolation')
            USING ERRCODE = 'invalid_transaction_state';
    END IF;
    SELECT p.applied_arrival INTO v_from FROM mvdash.live_progress p;
    IF v_from IS NULL THEN
        RAISE EXCEPTION 'the live read models are not built'
            USING ERRCODE = 'object_not_in_prerequisite_state',
                  HINT = 'mvdash-admin convert --to live builds them.';
    END IF;
    IF current_setting('lock_timeout') IN ('0', '0ms') THEN
        PERFORM set_config('lock_timeout', '1min', true);
    END IF;
    IF NOT mvdash.mvdash_try_refresh_lock('*live*') THEN
        v_outcome := 'skipped';
        v_error := 'another live step is running ('
                   || coalesce(mvdash.mvdash_refresh_lock_holder('*live*'), 'holder unknown') || ')';
    ELSE
        SELECT p.applied_arrival INTO v_from FROM mvdash.live_progress p; -- as of the lock
        -- NULL until the first nextval: no event has an arrival yet
        v_to := greatest(v_from, coalesce(pg_sequence_last_value('mvdash.event_arrival_seq'), 0));
        BEGIN
            PERFORM mvdash.live_wait_for_writers(p_wait);
        EXCEPTION WHEN lock_not_available THEN
            v_outcome := 'skipped';
            GET STACKED DIAGNOSTICS v_error = MESSAGE_TEXT;
            UPDATE mvdash.live_progress SET blocked_by = v_error;
        END;
        IF v_outcome = 'ok' THEN
            -- every statement from here takes a snapshot after the wait
            BEGIN
                v_events := mvdash.live_apply(v_from, v_to);
                PERFORM mvdash.live_sync_tenants();
                -- (values, not clock_timestamp() in the statement: on Citus the row is a
                -- reference table's, and a modification there takes no volatile function)
                v_done := clock_timestamp();
                UPDATE mvdash.live_progress
                SET applied_arrival = v_to, applied_at = now(), step_count = step_count + 1,
                    last_step_at = v_done, last_step_events = v_events,
                    last_step_ms = round(extract(epoch FROM v_done - v_started) * 1000, 2),
                    blocked_by = NULL;
            EXCEPTION
                WHEN query_canceled THEN
                    v_outcome := 'failed';
                    v_error := 'canceled: ' || SQLERRM;
                WHEN OTHERS THEN
                    v_outcome := 'failed';
                    GET STACKED DIAGNOSTICS v_error = MESSAGE_TEXT;
            END;
        END IF;
    END IF;
    v_duration := round(extract(epoch FROM clock_timestamp() - v_started) * 1000, 2);

    IF p_record_empty OR v_events > 0 OR v_outcome <> 'ok' THEN
        v_run := mvdash.materialized_views_register_run();
    END IF;
    FOR v_state IN SELECT d.view_name FROM mvdash.read_model_definitions d
                   ORDER BY d.build_order, d.view_name LOOP
        IF v_run IS NOT NULL THEN
            INSERT INTO mvdash.materialized_views_refresh_history
                (run_id, view_name, method, outcome, started_at, finished_at, duration_ms, error)
            VALUES (v_run, v_state, 'live', v_outcome, v_started, clock_timestamp(), v_duration,
                    v_error);
            DELETE FROM mvdash.materialized_views_refresh_history h
            WHERE h.view_name = v_state
              AND h.history_id < (SELECT h2.history_id FROM mvdash.materialized_views_refresh_history h2
                                  WHERE h2.view_name = v_state ORDER BY h2.history_id DESC
                                  OFFSET mvdash.materialized_views_history_limit() - 1 LIMIT 1);
        END IF;
        IF v_outcome = 'ok' AND v_events > 0 THEN
            INSERT INTO mvdash.materialized_views_refresh_log AS l
                (view_name, avg_refresh_time_ms, refresh_count, last_refreshed_at,
                 last_duration_ms, last_method, last_outcome, last_error)
            VALUES (v_state, v_duration, 1, now(), v_duration, 'live', 'ok', NULL)
            ON CONFLICT ON CONSTRAINT materialized_views_refresh_log_pkey DO UPDATE
            SET avg_refresh_time_ms = round((l.avg_refresh_time_ms * l.refresh_count
                                             + excluded.avg_refresh_time_ms)
                                            / (l.refresh_count + 1), 2),
                refresh_count = l.refresh_count + 1,
                last_refreshed_at = excluded.last_refreshed_at,
                last_duration_ms = excluded.last_duration_ms,
                last_method = 'live', last_outcome = 'ok', last_error = NULL;
        ELSIF v_outcome = 'ok' THEN
            -- nothing new: the read models are as fresh as this step, the averages unchanged
            INSERT INTO mvdash.materialized_views_refresh_log AS l
                (view_name, last_refreshed_at, last_method, last_outcome)
            VALUES (v_state, now(), 'live', 'ok')
            ON CONFLICT ON CONSTRAINT materialized_views_refresh_log_pkey DO UPDATE
            SET last_refreshed_at = excluded.last_refreshed_at, last_method = 'live',
                last_outcome = 'ok', last_error = NULL;
        ELSIF v_outcome = 'failed' THEN
            INSERT INTO mvdash.materialized_views_refresh_log AS l
                (view_name, last_duration_ms, last_method, last_outcome, last_error,
                 last_failed_at, failure_count)
            VALUES (v_state, v_duration, 'live', 'failed', v_error, v_started, 1)
            ON CONFLICT ON CONSTRAINT materialized_views_refresh_log_pkey DO UPDATE
            SET last_duration_ms = excluded.last_duration_ms, last_method = 'live',
                last_outcome = 'failed', last_error = excluded.last_error,
                last_failed_at = excluded.last_failed_at, failure_count = l.failure_count + 1;
        END IF;
        RETURN QUERY SELECT v_state, 'live'::text, v_duration, v_outcome, v_error;
    END LOOP;
END
$$;

-- The follower's and the operator's step (mvdash-admin follow / refresh in live mode).
CREATE FUNCTION live_step(p_wait interval DEFAULT '10s', p_record_empty boolean DEFAULT false)
RETURNS TABLE (view_name text, method text, duration_ms numeric, outcome text, error text)
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, mvdash, pg_temp AS $$
    SELECT * FROM mvdash.mvdash_live_step(p_record_empty, p_wait)
$$;

------------------------------------------------------------------------------------------
-- Building and switching
------------------------------------------------------------------------------------------

-- Rebuilding the live state from every event up to the current arrival, waiting out
-- in-flight writers first as a step does, and setting the watermark there: by convert before
-- the switch, and by rebuild (disaster recovery, after a fix). Readers keep reading the old
-- rows until it commits; writers are not blocked. In three parts so that a client can report
-- progress, all in one transaction: begin (returns the arrival built to), each statement of
-- live_build_statements(), end. live_rebuild() does it all in one call.
CREATE FUNCTION live_rebuild_begin() RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, mvdash, pg_temp AS $$
DECLARE
    v_to bigint;
BEGIN
    IF current_setting('transaction_isolation') <> 'read committed' THEN
        RAISE EXCEPTION 'a rebuild needs READ COMMITTED' USING ERRCODE = 'invalid_transaction_state';
    END IF;
    IF NOT mvdash.mvdash_try_refresh_lock('*live*') THEN
        RAISE EXCEPTION 'a live step is running (%)',
                        coalesce(mvdash.mvdash_refresh_lock_holder('*live*'), 'holder unknown')
            USING ERRCODE = 'lock_not_available', HINT = 'Try again when it has finished.';
    END IF;
    v_to := coalesce(pg_sequence_last_value('mvdash.event_arrival_seq'), 0);
    PERFORM mvdash.live_wait_for_writers('1min');
    PERFORM set_config('mvdash.rebuild_to', v_to::text, true);
    PERFORM set_config('mvdash.rebuild_started', clock_timestamp()::text, true);
    RETURN v_to;
END
$$;

-- One statement of the build (by its ord in live_build_statements()), after
-- live_rebuild_begin() in the same transaction.
CREATE FUNCTION live_rebuild_statement(p_ord integer) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, mvdash, pg_temp AS $$
DECLARE
    v_to bigint := nullif(current_setting('mvdash.rebuild_to', true), '')::bigint;
    v_statement text;
BEGIN
    IF v_to IS NULL THEN
        RAISE EXCEPTION 'no rebuild in this transaction'
            USING ERRCODE = 'object_not_in_prerequisite_state', HINT = 'Call live_rebuild_begin() first.';
    END IF;
    SELECT s.statement INTO STRICT v_statement FROM mvdash.live_build_statements() s WHERE s.ord = p_ord;
    EXECUTE v_statement USING -1::bigint, v_to;
END
$$;

CREATE FUNCTION live_rebuild_end() RETURNS TABLE (events bigint, applied_arrival bigint, duration_ms numeric)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, mvdash, pg_temp AS $$
DECLARE
    v_to bigint := nullif(current_setting('mvdash.rebuild_to', true), '')::bigint;
    v_started timestamptz := nullif(current_setting('mvdash.rebuild_started', true), '')::timestamptz;
    v_events bigint;
    v_done timestamptz;
BEGIN
    IF v_to IS NULL THEN
        RAISE EXCEPTION 'no rebuild in this transaction'
            USING ERRCODE = 'object_not_in_prerequisite_state', HINT = 'Call live_rebuild_begin() first.';
    END IF;
    PERFORM mvdash.live_sync_tenants();
    v_events := (SELECT count(*) FROM public.bet_events e WHERE e.arrival_id <= v_to)
              + (SELECT count(*) FROM public.balance_events e WHERE e.arrival_id <= v_to)
              + (SELECT count(*) FROM public.payment_events e WHERE e.arrival_id <= v_to);
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

CREATE FUNCTION live_rebuild() RETURNS TABLE (events bigint, applied_arrival bigint, duration_ms numeric)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, mvdash, pg_temp AS $$
DECLARE
    s record;
BEGIN
    PERFORM mvdash.live_rebuild_begin();
    FOR s IN SELECT * FROM mvdash.live_build_statements() LOOP
        PERFORM mvdash.live_rebuild_statement(s.ord);
    END LOOP;
    RETURN QUERY SELECT * FROM mvdash.live_rebuild_end();
END
$$;

-- The read models' names as views over the live state: the same columns, in the same order,
-- with the same types as the materialized views (a client's prepared statement survives the
-- switch).
CREATE FUNCTION live_create_views() RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, mvdash, pg_temp AS $$
BEGIN
    CREATE VIEW mvdash.bets_view AS
    SELECT tenant_id, bet_id, user_id, stake, odds, fixture_id, status, result, payout,
           last_updated_timestamp, last_updated_at
    FROM mvdash.live_bets;
    CREATE VIEW mvdash.user_balances_view AS
    SELECT tenant_id, user_id, balance, transaction_count, last_transaction_timestamp,
           last_transaction_at
    FROM mvdash.live_user_balances;
    CREATE VIEW mvdash.payments_view AS
    SELECT tenant_id, payment_id, user_id, amount, currency, payment_method, external_id,
           payment_type, status, last_updated_timestamp, last_updated_at
    FROM mvdash.live_payments;
    CREATE VIEW mvdash.user_activity_view AS
    SELECT tenant_id, user_id, current_balance, total_bets, total_wagered, total_winnings,
           total_deposited, total_withdrawn, last_activity_at
    FROM mvdash.live_user_activity;
    CREATE VIEW mvdash.tenant_bet_status_view AS
    SELECT tenant_id, status, bets FROM mvdash.live_tenant_bet_status;
    -- last_refreshed_at: the start of the step that brought every row to the watermark
    CREATE VIEW mvdash.tenants_summary_view AS
    SELECT s.tenant_id, s.tenant_name, s.slug, s.status, s.plan, s.total_bets, s.active_bets,
           s.total_stake, s.total_deposits, s.total_withdrawals, s.total_users, s.total_balance,
           p.applied_at AS last_refreshed_at
    FROM mvdash.live_tenants_summary s CROSS JOIN mvdash.live_progress p;
END
$$;

-- Per-tenant copies (the guide's tip 4) of mvdash: base view and tenant, whatever their kind.
CREATE FUNCTION mvdash_tenant_copies() RETURNS TABLE (copy_name text, base text, tenant_id bigint, relkind "char")
LANGUAGE sql STABLE SET search_path = pg_catalog, mvdash, pg_temp AS $$
    SELECT c.relname::text, substring(c.relname FROM '^(.*)_tenant_[0-9]+$'),
           substring(c.relname FROM '_tenant_([0-9]+)$')::bigint, c.relkind
    FROM pg_class c
    WHERE c.relnamespace = 'mvdash'::regnamespace AND c.relkind IN ('m', 'v')
      AND c.relname ~ '^(bets|user_balances|payments|user_activity|tenants_summary|tenant_bet_status)_view_tenant_[0-9]+$'
$$;

-- Builds the six materialized views in mvdash_staging (from the definitions the migrations
-- installed), with their indexes, before a switch back to 'matview': the long part, which
-- locks nothing that readers or writers use.
CREATE FUNCTION live_stage_matviews() RETURNS integer
LANGUAGE plpgsql SET search_path = pg_catalog, mvdash, pg_temp AS $$
DECLARE
    d record;
    v_index text;
    v_built integer := 0;
BEGIN
    FOR d IN SELECT c.relname FROM pg_class c
             WHERE c.relnamespace = 'mvdash_staging'::regnamespace AND c.relkind = 'm' LOOP
        EXECUTE format('DROP MATERIALIZED VIEW IF EXISTS mvdash_staging.%I CASCADE', d.relname);
    END LOOP;
    -- the definitions name mvdash's relations unqualified: here they resolve to the staged ones
    PERFORM set_config('search_path', 'mvdash_staging, pg_catalog, pg_temp', true);
    FOR d IN SELECT * FROM mvdash.read_model_definitions ORDER BY build_order, view_name LOOP
        EXECUTE format('CREATE MATERIALIZED VIEW mvdash_staging.%I AS %s', d.view_name, d.definition);
        FOREACH v_index IN ARRAY d.index_definitions LOOP
            EXECUTE format(v_index, 'mvdash_staging.' || quote_ident(d.view_name));
        END LOOP;
        v_built := v_built + 1;
    END LOOP;
    RETURN v_built;
END
$$;

-- The switch, in one short transaction: readers of the old relations finish on them, readers
-- arriving meanwhile wait for the commit and then read the new ones (same names, columns and
-- types). Per-tenant copies are carried over (as plain views in live mode, as materialized
-- views with their key in matview mode).
CREATE FUNCTION live_switch(p_mode text) RETURNS text
LANGUAGE plpgsql SET search_path = pg_catalog, mvdash, pg_temp AS $$
DECLARE
    v_mode text := mvdash.read_model_mode_now();
    v_names text[];
    v_bases text[];
    v_tenants bigint[];
    i integer;
    c record;
    v_row record;
    v_view text;
BEGIN
    IF p_mode NOT IN ('live', 'matview') THEN
        RAISE EXCEPTION 'unknown read-model mode: % (live or matview)', p_mode
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_mode = v_mode THEN
        RETURN format('the read models are already in %s mode', p_mode);
    END IF;
    SELECT coalesce(array_agg(t.copy_name), '{}'), coalesce(array_agg(t.base), '{}'),
           coalesce(array_agg(t.tenant_id), '{}')
    INTO v_names, v_bases, v_tenants
    FROM mvdash.mvdash_tenant_copies() t;
    IF p_mode = 'live' THEN
        -- a last step, here: the state is as fresh as the switch
        FOR v_row IN SELECT * FROM mvdash.mvdash_live_step(true, '30s') LOOP
            IF v_row.outcome <> 'ok' THEN
                RAISE EXCEPTION 'the last step before the switch did not run: %', v_row.error
                    USING ERRCODE = 'lock_not_available';
            END IF;
        END LOOP;
        FOR i IN 1 .. cardinality(v_names) LOOP
            EXECUTE format('DROP MATERIALIZED VIEW mvdash.%I', v_names[i]);
        END LOOP;
        DROP MATERIALIZED VIEW mvdash.tenants_summary_view, mvdash.tenant_bet_status_view,
            mvdash.user_activity_view;
        DROP MATERIALIZED VIEW mvdash.bets_view, mvdash.payments_view, mvdash.user_balances_view;
        PERFORM mvdash.live_create_views();
        FOR i IN 1 .. cardinality(v_names) LOOP
            EXECUTE format('CREATE VIEW mvdash.%I AS SELECT * FROM mvdash.%I WHERE tenant_id = %s',
                           v_names[i], v_bases[i], v_tenants[i]);
        END LOOP;
    ELSE
        IF (SELECT count(*) FROM pg_class k JOIN mvdash.read_model_definitions d ON d.view_name = k.relname
            WHERE k.relnamespace = 'mvdash_staging'::regnamespace AND k.relkind = 'm') <> 6 THEN
            RAISE EXCEPTION 'the materialized views are not staged'
                USING ERRCODE = 'object_not_in_prerequisite_state',
                      HINT = 'SELECT mvdash.live_stage_matviews() first (mvdash-admin convert does).';
        END IF;
        FOR i IN 1 .. cardinality(v_names) LOOP
            EXECUTE format('DROP VIEW mvdash.%I', v_names[i]);
        END LOOP;
        DROP VIEW mvdash.tenants_summary_view, mvdash.tenant_bet_status_view,
            mvdash.user_activity_view, mvdash.bets_view, mvdash.payments_view,
            mvdash.user_balances_view;
        FOR v_view IN SELECT d.view_name FROM mvdash.read_model_definitions d ORDER BY d.build_order LOOP
            EXECUTE format('ALTER MATERIALIZED VIEW mvdash_staging.%I SET SCHEMA mvdash', v_view);
        END LOOP;
        UPDATE mvdash.read_model_mode SET mode = p_mode, changed_at = now();
        FOR i IN 1 .. cardinality(v_names) LOOP
            IF EXISTS (SELECT 1 FROM public.tenants t WHERE t.tenant_id = v_tenants[i]) THEN
                PERFORM mvdash.create_tenant_view(v_bases[i], v_tenants[i]);
            ELSE
                RAISE NOTICE 'not carried over: % (tenant % no longer exists)', v_names[i], v_tenants[i];
            END IF;
        END LOOP;
        -- the state is no longer maintained: a later convert builds it again
        UPDATE mvdash.live_progress SET applied_arrival = NULL, applied_at = NULL, blocked_by = NULL;
        TRUNCATE mvdash.live_bets, mvdash.live_payments, mvdash.live_user_balances,
            mvdash.live_user_activity, mvdash.live_tenant_bet_status, mvdash.live_tenants_summary,
            mvdash.live_tenant_totals;
    END IF;
    UPDATE mvdash.read_model_mode SET mode = p_mode, changed_at = now();
    -- the averages start again: a step's duration and a refresh's do not average together
    UPDATE mvdash.materialized_views_refresh_log l
    SET avg_refresh_time_ms = 0, refresh_count = 0
    WHERE l.view_name IN (SELECT d.view_name FROM mvdash.read_model_definitions d);
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'mvdash_reader') THEN
        GRANT SELECT ON mvdash.bets_view, mvdash.user_balances_view, mvdash.payments_view,
            mvdash.user_activity_view, mvdash.tenants_summary_view, mvdash.tenant_bet_status_view
            TO mvdash_reader;
        FOR c IN SELECT * FROM mvdash.mvdash_tenant_copies() LOOP
            EXECUTE format('GRANT SELECT ON mvdash.%I TO mvdash_reader', c.copy_name);
        END LOOP;
    END IF;
    RETURN format('the read models are now in %s mode', p_mode);
END
$$;

------------------------------------------------------------------------------------------
-- The engine in both modes
------------------------------------------------------------------------------------------

-- The plan lists the live read models too (method 'live', all in one step), so that status,
-- sizes and the clients see the six read models whatever the mode.
CREATE OR REPLACE FUNCTION materialized_views_refresh_plan()
RETURNS TABLE (view_name text, refresh_order integer, populated boolean,
               has_unique_index boolean, method text)
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, mvdash, pg_temp AS $$
BEGIN
    RETURN QUERY
    WITH RECURSIVE
    matviews AS (
        SELECT c.oid, c.relname::text AS name, c.relispopulated
        FROM pg_class c
        WHERE c.relkind = 'm' AND c.relnamespace = 'mvdash'::regnamespace
    ),
    reach (root, rel, depth) AS (
        SELECT m.oid, m.oid, 0 FROM matviews m
        UNION
        SELECT reach.root, d.refobjid, reach.depth + (m.oid IS NOT NULL)::integer
        FROM reach
        JOIN pg_rewrite r ON r.ev_class = reach.rel
        JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = r.oid
                        AND d.refclassid = 'pg_class'::regclass AND d.refobjid <> r.ev_class
        LEFT JOIN matviews m ON m.oid = d.refobjid
    ),
    keyed AS (
        -- REFRESH ... CONCURRENTLY needs a valid unique index on plain columns, without WHERE
        SELECT DISTINCT i.indrelid
        FROM pg_index i
        JOIN matviews m ON m.oid = i.indrelid
        WHERE i.indisunique AND i.indisvalid AND i.indpred IS NULL AND i.indexprs IS NULL
    ),
    planned AS (
        SELECT m.name,
               max(r.depth)::integer AS refresh_order,
               m.relispopulated,
               k.indrelid IS NOT NULL AS keyed,
               CASE WHEN m.relispopulated AND k.indrelid IS NOT NULL THEN 'concurrently'
                    ELSE 'plain' END AS method
        FROM matviews m
        JOIN reach r ON r.root = m.oid
        LEFT JOIN keyed k ON k.indrelid = m.oid
        GROUP BY m.name, m.relispopulated, k.indrelid
        UNION ALL
        SELECT d.view_name, d.build_order, p.applied_arrival IS NOT NULL, true, 'live'
        FROM mvdash.read_model_definitions d
        CROSS JOIN mvdash.live_progress p
        WHERE mvdash.read_model_mode_now() = 'live'
    )
    SELECT * FROM planned ORDER BY 2, 1;
END
$$;

-- The relation that holds a read model's rows: the matview, or its state table in live mode.
CREATE FUNCTION read_model_storage(p_view text) RETURNS regclass
LANGUAGE sql STABLE SET search_path = pg_catalog, mvdash, pg_temp AS $$
    SELECT coalesce(
        (SELECT format('mvdash.%I', d.state_table)::regclass FROM mvdash.read_model_definitions d
         WHERE d.view_name = p_view AND mvdash.read_model_mode_now() = 'live'),
        (SELECT c.oid::regclass FROM pg_class c
         WHERE c.relname = p_view AND c.relnamespace = 'mvdash'::regnamespace))
$$;

CREATE OR REPLACE FUNCTION materialized_view_sizes()
RETURNS TABLE (view_name text, total_bytes bigint, table_bytes bigint, index_bytes bigint,
               index_count integer, row_estimate bigint, populated boolean,
               has_unique_index boolean, last_refreshed_at timestamptz,
               share_of_event_tables numeric)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, mvdash, pg_temp AS $$
BEGIN
    RETURN QUERY
    WITH events AS (SELECT nullif(mvdash.event_tables_bytes(), 0) AS bytes)
    SELECT p.view_name,
           b.total_bytes,
           b.table_bytes,
           b.index_bytes,
           (SELECT count(*)::integer FROM pg_index i WHERE i.indrelid = c.oid),
           CASE WHEN c.reltuples < 0 THEN NULL ELSE c.reltuples::bigint END,
           p.populated,
           p.has_unique_index,
           l.last_refreshed_at,
           round(b.total_bytes::numeric / events.bytes, 4)
    FROM mvdash.materialized_views_refresh_plan() p
    JOIN pg_class c ON c.oid = mvdash.read_model_storage(p.view_name)
    CROSS JOIN LATERAL mvdash.mvdash_relation_bytes(c.oid) b
    CROSS JOIN events
    LEFT JOIN mvdash.materialized_views_refresh_log l ON l.view_name = p.view_name
    ORDER BY b.total_bytes DESC, p.view_name;
END
$$;

-- How fresh each read model is. In live mode: the watermark, the newest arrival, how many
-- committed events are not in the read models yet (counted up to a million), how long the
-- oldest of them may have waited (0 when none: an upper bound otherwise, the time since the
-- last step that applied everything), the last step's duration and what holds it back. In
-- matview mode: the age of the last refresh (events are not counted: a matview has no
-- watermark).
CREATE FUNCTION read_model_freshness()
RETURNS TABLE (view_name text, mode text, as_of timestamptz, applied_arrival bigint,
               latest_arrival bigint, lag_events bigint, lag_seconds numeric,
               last_step_ms numeric, blocked_by text)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, mvdash, pg_temp AS $$
DECLARE
    v_mode text := mvdash.read_model_mode_now();
    v_progress mvdash.live_progress;
    v_lag bigint;
BEGIN
    SELECT * INTO v_progress FROM mvdash.live_progress;
    IF v_mode = 'live' AND v_progress.applied_arrival IS NOT NULL THEN
        SELECT count(*) INTO v_lag FROM (
            (SELECT 1 FROM public.bet_events e WHERE e.arrival_id > v_progress.applied_arrival LIMIT 1000000)
            UNION ALL
            (SELECT 1 FROM public.balance_events e WHERE e.arrival_id > v_progress.applied_arrival LIMIT 1000000)
            UNION ALL
            (SELECT 1 FROM public.payment_events e WHERE e.arrival_id > v_progress.applied_arrival LIMIT 1000000)) x;
        RETURN QUERY
        SELECT d.view_name, v_mode, v_progress.applied_at, v_progress.applied_arrival,
               coalesce(pg_sequence_last_value('mvdash.event_arrival_seq'), 0), v_lag,
               CASE WHEN v_lag = 0 THEN 0::numeric
                    ELSE round(extract(epoch FROM clock_timestamp() - v_progress.applied_at)::numeric, 1) END,
               v_progress.last_step_ms, v_progress.blocked_by
        FROM mvdash.read_model_definitions d ORDER BY d.build_order, d.view_name;
    ELSE
        RETURN QUERY
        SELECT d.view_name, v_mode, l.last_refreshed_at, NULL::bigint,
               coalesce(pg_sequence_last_value('mvdash.event_arrival_seq'), 0), NULL::bigint,
               round(extract(epoch FROM clock_timestamp() - l.last_refreshed_at)::numeric, 1),
               l.last_duration_ms, NULL::text
        FROM mvdash.read_model_definitions d
        LEFT JOIN mvdash.materialized_views_refresh_log l ON l.view_name = d.view_name
        ORDER BY d.build_order, d.view_name;
    END IF;
END
$$;

-- refresh_materialized_view(name) of a live read model runs a step (which brings all six up
-- to date) and answers for that one; a history row announced by begin_refresh is closed with
-- the step's outcome.
CREATE OR REPLACE FUNCTION refresh_materialized_view(p_view text, p_run_id bigint DEFAULT NULL,
                                                     p_history_id bigint DEFAULT NULL)
RETURNS TABLE (view_name text, method text, duration_ms numeric, outcome text, error text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, mvdash, pg_temp AS $$
#variable_conflict use_column
DECLARE
    v_row record;
BEGIN
    IF mvdash.read_model_mode_now() = 'live'
       AND EXISTS (SELECT 1 FROM mvdash.read_model_definitions d WHERE d.view_name = p_view) THEN
        SELECT * INTO v_row FROM mvdash.mvdash_live_step(p_history_id IS NULL, '10s') s
        WHERE s.view_name = p_view;
        UPDATE mvdash.materialized_views_refresh_history h
        SET outcome = v_row.outcome, finished_at = clock_timestamp(),
            duration_ms = v_row.duration_ms, error = v_row.error
        WHERE h.history_id = p_history_id AND h.outcome = 'running'
          AND h.backend_pid = pg_backend_pid();
        RETURN QUERY SELECT v_row.view_name, v_row.method, v_row.duration_ms, v_row.outcome,
                            v_row.error;
        RETURN;
    END IF;
    RETURN QUERY SELECT * FROM mvdash.mvdash_refresh_view(p_view, p_run_id, p_history_id,
                                                          p_history_id IS NOT NULL);
END
$$;

-- The guide's entry point in both modes: in live mode one step (one row per read model),
-- then any remaining materialized views of mvdash as before.
CREATE OR REPLACE FUNCTION refresh_aggregate_views()
RETURNS TABLE (view_name text, method text, duration_ms numeric, outcome text, error text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, mvdash, pg_temp AS $$
#variable_conflict use_column
DECLARE
    v_run bigint;
    v_skip text;
    v_row record;
    v record;
BEGIN
    IF mvdash.read_model_mode_now() = 'live' THEN
        RETURN QUERY SELECT * FROM mvdash.mvdash_live_step(true, '10s');
        IF NOT EXISTS (SELECT 1 FROM mvdash.materialized_views_refresh_plan() p
                       WHERE p.method <> 'live') THEN
            RETURN;
        END IF;
    END IF;
    v_run := mvdash.materialized_views_register_run();
    IF NOT mvdash.mvdash_try_refresh_lock('*all*') THEN
        v_skip := 'another refresh_aggregate_views() run is in progress ('
                  || coalesce(mvdash.mvdash_refresh_lock_holder('*all*'), 'holder unknown') || ')';
    ELSE
        PERFORM mvdash.materialized_views_close_interrupted();
    END IF;
    FOR v IN SELECT p.view_name, p.method FROM mvdash.materialized_views_refresh_plan() p
             WHERE p.method <> 'live'
             ORDER BY p.refresh_order, p.view_name LOOP
        IF v_skip IS NOT NULL THEN
            INSERT INTO mvdash.materialized_views_refresh_history
                (run_id, view_name, method, outcome, finished_at, duration_ms, error)
            VALUES (v_run, v.view_name, v.method, 'skipped', clock_timestamp(), 0, v_skip);
            RETURN QUERY SELECT v.view_name, v.method, 0::numeric, 'skipped'::text, v_skip;
            CONTINUE;
        END IF;
        SELECT * INTO v_row FROM mvdash.mvdash_refresh_view(v.view_name, v_run, NULL, true) r;
        IF NOT FOUND THEN
            CONTINUE; -- dropped between planning and refreshing: nothing to refresh or log
        END IF;
        RETURN QUERY SELECT v_row.view_name, v_row.method, v_row.duration_ms, v_row.outcome,
                            v_row.error;
        IF v_row.error LIKE 'canceled: %' THEN
            v_skip := 'the run was canceled';
        END IF;
    END LOOP;
END
$$;

-- The committing form in both modes: in live mode a step in its own transaction first.
CREATE OR REPLACE PROCEDURE refresh_aggregate_views_committing()
LANGUAGE plpgsql AS $$
DECLARE
    v_run bigint := mvdash.materialized_views_new_run();
    v_history bigint;
    v_refreshed boolean := false;
    v_views integer := 0;
    v_streak integer;
    v_row record;
    v record;
BEGIN
    COMMIT;
    IF mvdash.read_model_mode_now() = 'live' THEN
        FOR v_row IN SELECT * FROM mvdash.live_step('10s', true) LOOP
            v_views := v_views + 1;
            v_refreshed := v_refreshed OR v_row.outcome IN ('ok', 'failed');
            IF v_row.error LIKE 'canceled: %' THEN
                COMMIT;
                RAISE EXCEPTION 'live step %', v_row.error USING ERRCODE = 'query_canceled';
            END IF;
        END LOOP;
        COMMIT;
    END IF;
    FOR v IN SELECT p.view_name FROM mvdash.materialized_views_refresh_plan() p
             WHERE p.method <> 'live'
             ORDER BY p.refresh_order, p.view_name LOOP
        v_views := v_views + 1;
        v_history := mvdash.materialized_views_begin_refresh(v.view_name, v_run);
        COMMIT;
        IF v_history IS NULL THEN
            RAISE NOTICE 'skipped %: the view no longer exists (dropped during the run)', v.view_name;
            CONTINUE;
        END IF;
        SELECT * INTO v_row
        FROM mvdash.refresh_materialized_view(v.view_name, v_run, v_history) r;
        v_refreshed := v_refreshed OR v_row.outcome IN ('ok', 'failed');
        IF v_row.error LIKE 'canceled: %' THEN
            COMMIT;
            RAISE EXCEPTION 'refresh run % %', v_run, v_row.error USING ERRCODE = 'query_canceled';
        END IF;
        COMMIT;
    END LOOP;
    IF v_views > 0 AND NOT v_refreshed THEN
        v_streak := mvdash.materialized_views_skipped_streak();
        IF v_streak >= mvdash.materialized_views_max_skipped_runs() THEN
            RAISE EXCEPTION 'no view refreshed in the last % runs: every view was skipped', v_streak
                USING ERRCODE = 'lock_not_available',
                      HINT = 'See the error column of materialized_views_refresh_history for who holds them.';
        END IF;
    END IF;
END
$$;

-- The guide's tip 4 in live mode: a per-tenant copy is a plain view of the live read model
-- (always as fresh as it; nothing to refresh). In matview mode as before.
CREATE OR REPLACE FUNCTION create_tenant_view(p_view text, p_tenant_id bigint) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, mvdash, pg_temp AS $$
DECLARE
    v_base regclass := mvdash.mvdash_matview(p_view);
    v_name text := p_view || '_tenant_' || p_tenant_id;
    v_key text;
BEGIN
    IF mvdash.read_model_mode_now() = 'live'
       AND EXISTS (SELECT 1 FROM mvdash.read_model_definitions d WHERE d.view_name = p_view) THEN
        IF NOT EXISTS (SELECT 1 FROM public.tenants t WHERE t.tenant_id = p_tenant_id) THEN
            RAISE EXCEPTION 'tenant % does not exist', p_tenant_id
                USING ERRCODE = 'no_data_found', HINT = 'Tenants are listed in the tenants table.';
        END IF;
        IF to_regclass(format('mvdash.%I', v_name)) IS NULL THEN
            EXECUTE format('CREATE VIEW mvdash.%I AS SELECT * FROM mvdash.%I WHERE tenant_id = %s',
                           v_name, p_view, p_tenant_id);
            IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'mvdash_reader') THEN
                EXECUTE format('GRANT SELECT ON mvdash.%I TO mvdash_reader', v_name);
            END IF;
        END IF;
        RETURN v_name;
    END IF;
    IF v_base IS NULL OR p_view ~ '_tenant_[0-9]+$' THEN
        RAISE EXCEPTION 'unknown base view: %', p_view USING ERRCODE = 'undefined_table';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM public.tenants t WHERE t.tenant_id = p_tenant_id) THEN
        RAISE EXCEPTION 'tenant % does not exist', p_tenant_id
            USING ERRCODE = 'no_data_found', HINT = 'Tenants are listed in the tenants table.';
    END IF;
    IF length(v_name) > 59 THEN
        RAISE EXCEPTION 'view name too long: %', v_name USING ERRCODE = 'name_too_long';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_attribute a
                   WHERE a.attrelid = v_base AND a.attname = 'tenant_id' AND NOT a.attisdropped) THEN
        RAISE EXCEPTION 'view % has no tenant_id column', p_view USING ERRCODE = 'undefined_column';
    END IF;
    SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY k.ord) INTO v_key
    FROM (SELECT i.indrelid, i.indkey FROM pg_index i
          WHERE i.indrelid = v_base AND i.indisunique AND i.indpred IS NULL AND i.indexprs IS NULL
          ORDER BY i.indnkeyatts LIMIT 1) i
    CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
    JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum;
    IF v_key IS NULL THEN
        RAISE EXCEPTION 'view % has no unique key to copy', p_view
            USING ERRCODE = 'object_not_in_prerequisite_state';
    END IF;
    IF mvdash.mvdash_matview(v_name) IS NULL THEN
        EXECUTE format('CREATE MATERIALIZED VIEW mvdash.%I AS SELECT * FROM %s WHERE tenant_id = %s',
                       v_name, v_base, p_tenant_id);
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'mvdash_reader') THEN
            EXECUTE format('GRANT SELECT ON mvdash.%I TO mvdash_reader', v_name);
        END IF;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = mvdash.mvdash_matview(v_name)
                   AND i.indisunique AND i.indisvalid AND i.indpred IS NULL AND i.indexprs IS NULL) THEN
        EXECUTE format('DROP INDEX IF EXISTS mvdash.%I', v_name || '_key');
        EXECUTE format('CREATE UNIQUE INDEX %I ON mvdash.%I (%s)', v_name || '_key', v_name, v_key);
    END IF;
    INSERT INTO mvdash.materialized_views_refresh_locks (lock_name) VALUES (v_name)
    ON CONFLICT DO NOTHING;
    RETURN v_name;
END
$$;

CREATE OR REPLACE FUNCTION drop_tenant_view(p_view text, p_tenant_id bigint) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, mvdash, pg_temp AS $$
DECLARE
    v_name text := p_view || '_tenant_' || p_tenant_id;
BEGIN
    IF EXISTS (SELECT 1 FROM mvdash.mvdash_tenant_copies() c
               WHERE c.copy_name = v_name AND c.relkind = 'v') THEN
        EXECUTE format('DROP VIEW mvdash.%I', v_name);
        RETURN v_name;
    END IF;
    IF mvdash.mvdash_matview(v_name) IS NULL OR p_view ~ '_tenant_[0-9]+$' THEN
        RAISE EXCEPTION 'no per-tenant view %', v_name USING ERRCODE = 'undefined_table';
    END IF;
    EXECUTE format('DROP MATERIALIZED VIEW mvdash.%I', v_name);
    DELETE FROM mvdash.materialized_views_refresh_log l WHERE l.view_name = v_name;
    RETURN v_name;
END
$$;


------------------------------------------------------------------------------------------
-- Support's exact lookup: one user's figures to the last committed event
------------------------------------------------------------------------------------------

-- In live mode: the user's row of user_activity_view and user_balances_view with every
-- committed event not yet applied folded in (the tenant's events above the watermark, found by
-- the arrival index: the cost follows the lag, not the user's history). Bets and payments
-- touched by those events are recomputed with the step's rules, so a pending settlement or a
-- bet moving to another user counts as it will after the next step. One statement: the state
-- and the pending events are read in one snapshot (on Citus one tenant: one worker). No row in
-- matview mode, or for a user with neither state nor pending events.
CREATE FUNCTION user_exact(p_tenant_id bigint, p_user_id text)
RETURNS TABLE (current_balance numeric, total_bets integer, total_wagered numeric,
               total_winnings numeric, total_deposited numeric, total_withdrawn numeric,
               last_activity_at bigint, balance numeric, transaction_count integer,
               folded_events bigint, as_of timestamptz)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, mvdash, pg_temp AS $$
#variable_conflict use_column
BEGIN
    -- (PL/pgSQL: Citus plans a parameterized statement of a SQL function not at all)
    IF mvdash.read_model_mode_now() <> 'live' THEN
        RETURN;
    END IF;
    RETURN QUERY
    WITH w AS (
        -- in the statement (on Citus the reference table's copy on the tenant's worker, updated
        -- in the same transaction as the state there): the watermark and the state agree
        SELECT p.applied_arrival AS w, p.applied_at FROM mvdash.live_progress p
        WHERE p.applied_arrival IS NOT NULL
    ),
    pending_bets AS (
        SELECT e.* FROM public.bet_events e, w WHERE e.arrival_id > w.w AND e.tenant_id = p_tenant_id
    ),
    pending_payments AS (
        SELECT e.* FROM public.payment_events e, w WHERE e.arrival_id > w.w AND e.tenant_id = p_tenant_id
    ),
    pending_balance AS (
        SELECT e.* FROM public.balance_events e, w
        WHERE e.arrival_id > w.w AND e.tenant_id = p_tenant_id AND e.user_id = p_user_id
    ),
    bets_now AS (
        SELECT e.bet_id,
               (array_agg(e.user_id ORDER BY e.event_timestamp DESC, e.event_id DESC))[1] AS user_id,
               (array_agg(e.stake ORDER BY e.event_timestamp DESC, e.event_id DESC)
                    FILTER (WHERE e.stake IS NOT NULL))[1] AS stake,
               (array_agg(e.event_type ORDER BY e.event_timestamp DESC, e.event_id DESC))[1] AS status,
               (array_agg(e.result ORDER BY e.event_timestamp DESC, e.event_id DESC)
                    FILTER (WHERE e.result IS NOT NULL))[1] AS result,
               (array_agg(e.payout ORDER BY e.event_timestamp DESC, e.event_id DESC)
                    FILTER (WHERE e.payout IS NOT NULL))[1] AS payout
        FROM public.bet_events e
        WHERE e.tenant_id = p_tenant_id AND e.bet_id IN (SELECT DISTINCT b.bet_id FROM pending_bets b)
        GROUP BY e.bet_id
    ),
    bet_changes AS (
        SELECT -1 AS sign, b.user_id, b.status, b.stake, b.result, b.payout
        FROM mvdash.live_bets b
        WHERE b.tenant_id = p_tenant_id AND b.bet_id IN (SELECT n.bet_id FROM bets_now n)
        UNION ALL
        SELECT 1, n.user_id, n.status, n.stake, n.result, n.payout FROM bets_now n
    ),
    payments_now AS (
        SELECT e.payment_id,
               (array_agg(e.user_id ORDER BY e.event_timestamp DESC, e.event_id DESC))[1] AS user_id,
               (array_agg(e.amount ORDER BY e.event_timestamp DESC, e.event_id DESC)
                    FILTER (WHERE e.amount IS NOT NULL))[1] AS amount,
               (array_agg(e.payment_type ORDER BY e.event_timestamp DESC, e.event_id DESC)
                    FILTER (WHERE e.payment_type IS NOT NULL))[1] AS payment_type,
               (array_agg(e.event_type ORDER BY e.event_timestamp DESC, e.event_id DESC))[1] AS status
        FROM public.payment_events e
        WHERE e.tenant_id = p_tenant_id
          AND e.payment_id IN (SELECT DISTINCT p.payment_id FROM pending_payments p)
        GROUP BY e.payment_id
    ),
    payment_changes AS (
        SELECT -1 AS sign, p.user_id, p.status, p.payment_type, p.amount
        FROM mvdash.live_payments p
        WHERE p.tenant_id = p_tenant_id AND p.payment_id IN (SELECT n.payment_id FROM payments_now n)
        UNION ALL
        SELECT 1, n.user_id, n.status, n.payment_type, n.amount FROM payments_now n
    ),
    folded AS (
        SELECT
            (SELECT count(*) FROM pending_bets b WHERE b.user_id = p_user_id)
            + (SELECT count(*) FROM pending_payments p WHERE p.user_id = p_user_id)
            + (SELECT count(*) FROM pending_balance) AS events,
            (SELECT coalesce(sum(sign), 0)::integer FROM bet_changes c WHERE c.user_id = p_user_id) AS bets,
            (SELECT coalesce(sum(sign * stake) FILTER (WHERE status NOT IN ('cancelled', 'voided')), 0)
             FROM bet_changes c WHERE c.user_id = p_user_id) AS wagered,
            (SELECT coalesce(sum(sign * payout) FILTER (WHERE status = 'settled' AND result = 'win'), 0)
             FROM bet_changes c WHERE c.user_id = p_user_id) AS winnings,
            (SELECT coalesce(sum(sign * amount) FILTER (WHERE status = 'completed' AND payment_type = 'deposit'), 0)
             FROM payment_changes c WHERE c.user_id = p_user_id) AS deposited,
            (SELECT coalesce(sum(sign * amount) FILTER (WHERE status = 'completed' AND payment_type = 'withdrawal'), 0)
             FROM payment_changes c WHERE c.user_id = p_user_id) AS withdrawn,
            (SELECT coalesce(sum(amount), 0) FROM pending_balance) AS balance,
            (SELECT count(*)::integer FROM pending_balance) AS transactions,
            greatest((SELECT max(event_timestamp) FROM pending_bets b WHERE b.user_id = p_user_id),
                     (SELECT max(event_timestamp) FROM pending_payments p WHERE p.user_id = p_user_id),
                     (SELECT max(event_timestamp) FROM pending_balance)) AS last_ts
    )
    SELECT coalesce(a.current_balance, 0) + f.balance,
           coalesce(a.total_bets, 0) + f.bets,
           coalesce(a.total_wagered, 0) + f.wagered,
           coalesce(a.total_winnings, 0) + f.winnings,
           coalesce(a.total_deposited, 0) + f.deposited,
           coalesce(a.total_withdrawn, 0) + f.withdrawn,
           greatest(a.last_activity_at, f.last_ts),
           coalesce(u.balance, 0) + f.balance,
           coalesce(u.transaction_count, 0) + f.transactions,
           f.events,
           w.applied_at
    FROM w
    CROSS JOIN folded f
    LEFT JOIN mvdash.live_user_activity a ON a.tenant_id = p_tenant_id AND a.user_id = p_user_id
    LEFT JOIN mvdash.live_user_balances u ON u.tenant_id = p_tenant_id AND u.user_id = p_user_id
    WHERE a.user_id IS NOT NULL OR f.last_ts IS NOT NULL;
END
$$;

-- The same for a tenant administrator, for a tenant granted to the login role only.
CREATE FUNCTION tenant_scope.user_exact(p_tenant_id bigint, p_user_id text)
RETURNS TABLE (current_balance numeric, total_bets integer, total_wagered numeric,
               total_winnings numeric, total_deposited numeric, total_withdrawn numeric,
               last_activity_at bigint, balance numeric, transaction_count integer,
               folded_events bigint, as_of timestamptz)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, mvdash, pg_temp AS $$
BEGIN
    IF p_tenant_id = ANY (mvdash.mvdash_session_tenants()) THEN
        RETURN QUERY SELECT * FROM mvdash.user_exact(p_tenant_id, p_user_id);
    END IF;
END
$$;
REVOKE ALL ON FUNCTION tenant_scope.user_exact(bigint, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tenant_scope.user_exact(bigint, text) TO mvdash_tenant;

------------------------------------------------------------------------------------------
-- Privileges: as 010, nothing for PUBLIC; readers read freshness, operators step
------------------------------------------------------------------------------------------

DO $revoke$
DECLARE
    f record;
BEGIN
    FOR f IN SELECT p.oid::regprocedure AS sig, p.prokind FROM pg_proc p
             WHERE p.pronamespace = 'mvdash'::regnamespace LOOP
        EXECUTE format('REVOKE ALL ON %s %s FROM PUBLIC',
                       CASE WHEN f.prokind = 'p' THEN 'PROCEDURE' ELSE 'FUNCTION' END, f.sig);
    END LOOP;
END
$revoke$;

GRANT SELECT ON read_model_mode, read_model_definitions, live_progress TO mvdash_reader;
GRANT EXECUTE ON FUNCTION read_model_freshness(), read_model_mode_now(), read_model_storage(text),
                          user_exact(bigint, text),
                          materialized_views_refresh_plan(), materialized_view_sizes()
    TO mvdash_reader;
GRANT EXECUTE ON FUNCTION live_step(interval, boolean), live_rebuild(), live_rebuild_begin(),
                          live_rebuild_statement(integer), live_rebuild_end(),
                          live_step_statements(), live_build_statements(),
                          refresh_materialized_view(text, bigint, bigint),
                          refresh_aggregate_views(), create_tenant_view(text, bigint),
                          drop_tenant_view(text, bigint)
    TO mvdash_operator;
GRANT EXECUTE ON PROCEDURE refresh_aggregate_views_committing() TO mvdash_operator;
