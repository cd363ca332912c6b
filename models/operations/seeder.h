#pragma once

#include "connectionsettings.h"
#include "eventgenerator.h"
#include "eventwriter.h"

#include <array>
#include <memory>
#include <QHash>

namespace mvdash {

class Connection;

struct SeedReport {
    qint64 events = 0;
    int tenants = 0;
    double seconds = 0;
};

// Writes generated data sets: the tenants rows, then the events through COPY, appending
// after whatever events are already there (event ids continue per tenant and table). Keeps
// its sessions from one data set to the next, as a real writer keeps its pool: the moving
// demo and the live benchmark write a small batch every quarter second, and a new session
// per batch (on Citus: new sessions to every worker too) would measure the connecting, not
// the writing. Tenants rows it wrote already are not written again unless they changed.
// Use it on one thread.
class Seeder {
public:
    explicit Seeder(ConnectionSettings settings);
    ~Seeder();
    Seeder(const Seeder &) = delete;
    Seeder &operator=(const Seeder &) = delete;

    // Throws DbError; the events of a failed call are not committed.
    SeedReport seed(const EventGenerator::Options &options);
    // The next free event ids of a tenant in bet_events, balance_events, payment_events.
    std::array<qint64, 3> nextEventIds(qint64 tenantId);
    // The writer's sessions, for events written beside the generated ones (the traffic's
    // marker bets); commit them with its commit().
    EventWriter &writer() { return writer_; }

private:
    Connection &reader();

    ConnectionSettings settings_;
    std::unique_ptr<Connection> reader_;
    EventWriter writer_;
    QHash<qint64, Tenant> tenantsWritten_;
};

// One data set on sessions of its own (the seed command, the tests, the benchmarks' seeding).
SeedReport seedDatabase(const ConnectionSettings &settings, const EventGenerator::Options &options);

} // namespace mvdash
