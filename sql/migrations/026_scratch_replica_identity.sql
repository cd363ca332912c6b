-- A step's scratch tables can be replicated logically (issue #13: "writers keep their
-- statements"; the live mode must not stand in the way of what the platform does with its
-- database).
--
-- The six scratch tables of a step (011) had no primary key and so no replica identity. A table
-- without one cannot be published for UPDATE or DELETE, and two ordinary things publish it:
-- 1. A publication FOR ALL TABLES (change data capture: Debezium, a logical replica) takes in
--    every table of the database, mvdash's too. Then every live step failed at its first
--    DELETE from a scratch table ("cannot delete from table "live_touched_bets" because it does
--    not have a replica identity and publishes deletes"), on PostgreSQL and on Citus (which
--    propagates the publication to the workers' shards).
-- 2. On Citus, moving a shard group (citus_move_shard_placement, the rebalancer) copies it by
--    logical replication by default. The scratch tables are co-located with the event tables,
--    so the platform could no longer move the shards of its own event tables that way ("cannot
--    use logical replication to transfer shards of the relation live_touched_bets since it
--    doesn't have a REPLICA IDENTITY or PRIMARY KEY").
--
-- 3. On plain PostgreSQL a rebuild builds new tables in mvdash_staging, which have no primary
--    key until the end, and began by emptying them with a DELETE (the statement a rebuild in
--    place on Citus needs): under such a publication that DELETE failed and so did the rebuild.
--
-- REPLICA IDENTITY FULL: the whole old row identifies it. It costs nothing with wal_level below
-- logical; with logical, a scratch row deleted at the end of a step logs its columns (a few
-- small ones). A primary key instead would add an index to maintain at every step for no read,
-- and live_user_deltas has no natural one (a user has a row from each of two statements).
-- On Citus, ALTER TABLE ... REPLICA IDENTITY reaches the shards and the reference table's copies.

-- (on Citus the shards' commands go over one connection per worker: the function commands
-- below go over one, and Citus refuses them after a parallel operation in the same transaction)
DO $citus$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_catalog.pg_extension WHERE extname = 'citus') THEN
        PERFORM set_config('citus.multi_shard_modify_mode', 'sequential', true);
    END IF;
END
$citus$;

-- (one statement at a time: Citus sends an ALTER TABLE's own text on to the shards, and in a
-- script of several statements that text is the whole script, which the shards refuse)
DO $identity$
DECLARE
    v_table text;
BEGIN
    FOREACH v_table IN ARRAY ARRAY['live_touched_bets', 'live_touched_payments',
                                   'live_bet_changes', 'live_payment_changes',
                                   'live_user_deltas', 'live_tenant_deltas'] LOOP
        EXECUTE format('ALTER TABLE mvdash.%I REPLICA IDENTITY FULL', v_table);
    END LOOP;
END
$identity$;

-- (3) A rebuild into mvdash_staging makes its new tables empty at its start (DROP and CREATE, by
-- live_rebuild_begin() or, with helper sessions, live_rebuild_stage()): the DELETE that empties
-- a table in place (Citus) is nothing to do there, and it is what a publication refuses on a
-- table without a key. The statements keep their places (the plan's order names them); every
-- other statement of the list is 021's.
ALTER FUNCTION live_build_statements(text, integer, integer) RENAME TO live_build_statements_021;

CREATE FUNCTION live_build_statements(p_into text DEFAULT 'mvdash', p_part integer DEFAULT 0,
                                      p_parts integer DEFAULT 1)
RETURNS TABLE (ord integer, label text, statement text)
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, mvdash, pg_temp AS $f$
    SELECT s.ord, s.label,
           CASE WHEN p_into = 'mvdash_staging' AND s.ord IN (10, 20, 30, 40)
                     AND s.statement ~ '^DELETE FROM mvdash_staging\.[a-z_]+$'
                THEN 'SELECT ''created empty at the start of the rebuild'''
                ELSE s.statement END
    FROM mvdash.live_build_statements_021(p_into, p_part, p_parts) s
$f$;

-- As 021: nothing for PUBLIC; operators read the list (the rebuild's plan) as themselves
REVOKE ALL ON FUNCTION live_build_statements(text, integer, integer),
    live_build_statements_021(text, integer, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION live_build_statements(text, integer, integer),
    live_build_statements_021(text, integer, integer) TO mvdash_operator;
