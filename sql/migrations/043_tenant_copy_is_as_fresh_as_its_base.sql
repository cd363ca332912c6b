-- A new per-tenant copy is as fresh as its base, not "never refreshed".
--
-- mvdash-admin tenant-view create (and the Diagnostics panel's "Make a copy") builds a matview
-- copy from its base's rows (014's tenant_copy_build), populated at once. Nothing recorded it,
-- so the log had no row for it: the Refresh panel and the status said "never", the doctor
-- warned that it had never been refreshed, and the dashboard's badge, which takes the worst of
-- the read models, turned red "stale" for every tenant a second after a full refresh. Now the
-- creation records in the refresh log the base's last refresh time and arrival order (what the
-- copy holds: support's count of newer events reads last_arrival), with the method 'copy' and
-- no refresh counted. In live mode a copy is a view and has no log row, as before. Copies made
-- before this migration are not given a row: when they were made from their base is not
-- recorded anywhere, and the base's last refresh could be later; the next full refresh, which
-- refreshes them with their base, gives them one.

CREATE OR REPLACE FUNCTION create_tenant_view(p_view text, p_tenant_id bigint) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, mvdash, pg_temp AS $$
DECLARE
    v_base regclass := mvdash.mvdash_matview(p_view);
    v_name text := p_view || '_tenant_' || p_tenant_id;
    v_key text;
    v_new boolean;
BEGIN
    IF mvdash.read_model_mode_now() = 'live'
       AND EXISTS (SELECT 1 FROM mvdash.read_model_definitions d WHERE d.view_name = p_view) THEN
        IF NOT EXISTS (SELECT 1 FROM public.tenants t WHERE t.tenant_id = p_tenant_id) THEN
            RAISE EXCEPTION 'tenant % does not exist', p_tenant_id
                USING ERRCODE = 'no_data_found', HINT = 'Tenants are listed in the tenants table.';
        END IF;
        RETURN mvdash.tenant_copy_build(p_view, p_tenant_id, 'v');
    END IF;
    IF v_base IS NULL OR p_view ~ '_tenant_[0-9]+$'
       OR EXISTS (SELECT 1 FROM mvdash.read_model_parts p WHERE p.part_name = p_view) THEN
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
    v_new := mvdash.mvdash_matview(v_name) IS NULL;
    PERFORM mvdash.tenant_copy_build(p_view, p_tenant_id, 'm');
    IF NOT EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = mvdash.mvdash_matview(v_name)
                   AND i.indisunique AND i.indisvalid AND i.indpred IS NULL AND i.indexprs IS NULL) THEN
        EXECUTE format('DROP INDEX IF EXISTS mvdash.%I', v_name || '_key');
        EXECUTE format('CREATE UNIQUE INDEX %I ON mvdash.%I (%s)', v_name || '_key', v_name, v_key);
    END IF;
    INSERT INTO mvdash.materialized_views_refresh_locks (lock_name) VALUES (v_name)
    ON CONFLICT DO NOTHING;
    -- a new copy holds what its base held: as fresh as the base's last refresh (no refresh of
    -- its own is counted: refresh_count stays 0, and no duration is claimed)
    IF v_new THEN
        INSERT INTO mvdash.materialized_views_refresh_log AS l
            (view_name, last_refreshed_at, last_method, last_outcome, last_arrival)
        SELECT v_name, b.last_refreshed_at, 'copy', 'ok', b.last_arrival
        FROM mvdash.materialized_views_refresh_log b
        WHERE b.view_name = p_view AND b.last_refreshed_at IS NOT NULL
        -- (a row left by a copy of that name dropped by hand: the new copy's figures replace
        -- its old ones)
        ON CONFLICT ON CONSTRAINT materialized_views_refresh_log_pkey DO UPDATE
        SET avg_refresh_time_ms = 0, refresh_count = 0,
            last_refreshed_at = excluded.last_refreshed_at, last_duration_ms = NULL,
            last_method = 'copy', last_outcome = 'ok', last_error = NULL,
            last_failed_at = NULL, failure_count = 0, last_arrival = excluded.last_arrival;
    END IF;
    RETURN v_name;
END
$$;
