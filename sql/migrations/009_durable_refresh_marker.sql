-- The 'running' row that marks the start of a view's refresh exists so that a crash in the
-- middle leaves a trace (materialized_views_close_interrupted() turns it into 'failed:
-- interrupted'). On a server with synchronous_commit = off its commit could still be lost
-- in a crash, and with it the trace (found by tst_load's server-restart test). The commit
-- of this one small transaction now waits for its WAL flush whatever the server's setting;
-- nothing else changes (same body as 003, plus the set_config).
CREATE OR REPLACE FUNCTION materialized_views_begin_refresh(p_view text, p_run_id bigint)
RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    v_method text;
    v_id bigint;
BEGIN
    SELECT p.method INTO v_method FROM materialized_views_refresh_plan() p
    WHERE p.view_name = p_view;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'unknown materialized view: %', p_view
            USING ERRCODE = 'undefined_table', HINT = 'materialized views are listed in pg_matviews';
    END IF;
    INSERT INTO materialized_views_refresh_history (run_id, view_name, method, outcome)
    VALUES (p_run_id, p_view, v_method, 'running')
    RETURNING history_id INTO v_id;
    -- for the rest of this transaction only (is_local): its commit is durable
    PERFORM set_config('synchronous_commit', 'on', true);
    RETURN v_id;
END
$$;
