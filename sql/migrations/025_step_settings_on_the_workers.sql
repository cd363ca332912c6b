-- A live step plans its joins by key on Citus's workers too (issue #13: "only the keys touched
-- by new events are recomputed or merged"; "a step runs on the workers in parallel").
--
-- 011 turned hash and merge joins off for a step with live_apply()'s SET clause: every join of
-- a step looks a few touched keys up in a big table by its key. On Citus that clause holds on
-- the coordinator only. Each shard's statement is planned again by the worker that runs it,
-- with that worker's own settings, and there the planner hashed the whole shard of bet_events,
-- live_bets, payment_events or live_payments for the few keys of a step: every step read the
-- history again, shard by shard. Measured on the local cluster at 1M events, a step of 10,000
-- events: "bets: recompute the touched bets" took 193 ms with the workers' settings (a task
-- read 160,369 events of its shard by the arrival index to join 599 bets) and 58 ms with the
-- step's (599 index lookups of 3 events each).
--
-- Citus sends a SET LOCAL to the workers when citus.propagate_set_commands is 'local' (its
-- documented setting, 'none' by default): to every connection already in the distributed
-- transaction, and in the BEGIN of each one that joins it later in the same subtransaction; a
-- SET LOCAL ... TO DEFAULT likewise. Inside a function this holds while
-- citus.function_opens_transaction_block is on (the default): off, nothing is propagated and
-- the workers plan as before 025. A step's reads reuse the connections of the shards its
-- earlier statements wrote (every read of a step reads a scratch table written before it), so
-- they run on connections that were told. tst_live checks, with Citus's log of the commands it
-- sends, that every worker connection running a statement of a real step was told first.
-- set_local_on_every_node() does that for one setting, and leaves citus.propagate_set_commands
-- as it was; on plain PostgreSQL it is a SET LOCAL.

CREATE FUNCTION set_local_on_every_node(p_name text, p_value text) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, mvdash, pg_temp AS $$
DECLARE
    -- (NULL without Citus: the setting is Citus's own)
    v_propagate text := current_setting('citus.propagate_set_commands', true);
BEGIN
    IF v_propagate IS NOT NULL THEN
        PERFORM set_config('citus.propagate_set_commands', 'local', true);
    END IF;
    -- (a SET LOCAL statement, not set_config(): Citus propagates the statement)
    IF p_value IS NULL THEN
        EXECUTE format('SET LOCAL %I TO DEFAULT', p_name);
    ELSE
        EXECUTE format('SET LOCAL %I TO %L', p_name, p_value);
    END IF;
    IF v_propagate IS NOT NULL THEN
        PERFORM set_config('citus.propagate_set_commands', v_propagate, true);
    END IF;
END
$$;

-- The planner as a step needs it, on every node of the transaction (p_on), or back to the
-- servers' own settings. explain-step uses it too, so that it shows the plans a step runs.
CREATE FUNCTION live_step_planner(p_on boolean) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, mvdash, pg_temp AS $$
BEGIN
    PERFORM mvdash.set_local_on_every_node('enable_hashjoin', CASE WHEN p_on THEN 'off' END);
    PERFORM mvdash.set_local_on_every_node('enable_mergejoin', CASE WHEN p_on THEN 'off' END);
END
$$;

-- 024's apply with the step's planner on the workers: set before the first statement (a
-- connection that joins later gets it too), back to the servers' own settings after the last
-- (the workers' defaults, whatever a caller may have propagated before). The SET clause stays
-- for the coordinator: it restores the caller's values whatever happens.
CREATE OR REPLACE FUNCTION live_apply(p_from bigint, p_to bigint) RETURNS bigint
LANGUAGE plpgsql SET search_path = pg_catalog, mvdash, pg_temp
SET enable_hashjoin = off SET enable_mergejoin = off AS $$
DECLARE
    s record;
    v_events bigint;
BEGIN
    IF p_to <= p_from THEN
        RETURN 0; -- no arrival drawn since the watermark: no event to apply
    END IF;
    PERFORM mvdash.live_step_planner(true);
    FOR s IN SELECT * FROM mvdash.live_step_statements() LOOP
        IF s.label = 'count: events' THEN
            EXECUTE s.statement INTO v_events USING p_from, p_to;
        ELSE
            EXECUTE s.statement USING p_from, p_to;
        END IF;
    END LOOP;
    PERFORM mvdash.live_step_planner(false);
    IF v_events IS NULL THEN
        -- (the list is 024's own: a step that did not count is a bug, not a guess)
        RAISE EXCEPTION 'the step''s statements did not count the events they applied'
            USING ERRCODE = 'internal_error',
                  HINT = 'live_step_statements() has lost its statement "count: events".';
    END IF;
    RETURN v_events;
END
$$;

-- Nothing for PUBLIC; operators see a step's plans (explain-step) with its planner settings.
REVOKE ALL ON FUNCTION set_local_on_every_node(text, text), live_step_planner(boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION set_local_on_every_node(text, text), live_step_planner(boolean)
    TO mvdash_operator;
