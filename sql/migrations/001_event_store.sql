-- Event store: the append-only tables the platform writes (spec: event-store.md).
-- No foreign keys and no triggers: writers are never refused or slowed by the read side.

CREATE TABLE tenants (
    tenant_id   bigint PRIMARY KEY,
    tenant_name varchar NOT NULL,
    slug        varchar NOT NULL UNIQUE,
    status      varchar NOT NULL,
    plan        varchar NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE bet_events (
    tenant_id       bigint NOT NULL,
    event_id        bigint NOT NULL,
    bet_id          varchar NOT NULL,
    user_id         varchar NOT NULL,
    event_type      varchar NOT NULL,
    stake           numeric(18, 2),
    odds            numeric(10, 4),
    fixture_id      varchar,
    result          varchar,
    payout          numeric(18, 2),
    event_timestamp bigint NOT NULL,
    PRIMARY KEY (tenant_id, event_id)
);

CREATE TABLE balance_events (
    tenant_id       bigint NOT NULL,
    event_id        bigint NOT NULL,
    user_id         varchar NOT NULL,
    amount          numeric(18, 2) NOT NULL,
    reason          varchar NOT NULL,
    reference_id    varchar,
    event_timestamp bigint NOT NULL,
    PRIMARY KEY (tenant_id, event_id)
);

CREATE TABLE payment_events (
    tenant_id       bigint NOT NULL,
    event_id        bigint NOT NULL,
    payment_id      varchar NOT NULL,
    user_id         varchar NOT NULL,
    event_type      varchar NOT NULL,
    amount          numeric(18, 2),
    currency        varchar,
    payment_method  varchar,
    external_id     varchar,
    payment_type    varchar,
    event_timestamp bigint NOT NULL,
    PRIMARY KEY (tenant_id, event_id)
);

-- Indexes for the event-sourcing reads that remain legitimate: replaying one aggregate
-- (a bet, a payment, a user's balance) and the diagnostic "events newer than the last
-- refresh" count of the user lookup. They end in (event_timestamp, event_id), the
-- order that defines "latest".
CREATE INDEX bet_events_bet_idx ON bet_events (tenant_id, bet_id, event_timestamp, event_id);
CREATE INDEX bet_events_user_idx ON bet_events (tenant_id, user_id, event_timestamp);
CREATE INDEX balance_events_user_idx ON balance_events (tenant_id, user_id, event_timestamp);
CREATE INDEX payment_events_payment_idx
    ON payment_events (tenant_id, payment_id, event_timestamp, event_id);
CREATE INDEX payment_events_user_idx ON payment_events (tenant_id, user_id, event_timestamp);

-- On a Citus coordinator: tenants is reference data, the event tables are distributed by
-- tenant_id and co-located, so every per-tenant GROUP BY of the views is pushed down to
-- the workers. On plain PostgreSQL this block does nothing.
DO $citus$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'citus') THEN
        PERFORM create_reference_table('tenants');
        PERFORM create_distributed_table('bet_events', 'tenant_id');
        PERFORM create_distributed_table('balance_events', 'tenant_id',
                                         colocate_with => 'bet_events');
        PERFORM create_distributed_table('payment_events', 'tenant_id',
                                         colocate_with => 'bet_events');
    END IF;
END
$citus$;
