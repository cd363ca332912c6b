#pragma once

// A light, steady stream of realistic new events (EventGenerator's stories, in small batches
// committed on a clock): the moving demo (mvdash-admin demo --traffic N) and the live
// benchmark's sustained ingest. Each batch also carries one marker bet ("probe-<n>") so that
// a reader can tell when that batch became visible in the read models.

#include "connectionsettings.h"

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <QString>

namespace mvdash {

class Seeder;

class Traffic {
public:
    struct Options {
        double eventsPerSecond = 100;
        int batchesPerSecond = 4;
        quint64 seed = 1000; // each batch generates with the next seed
        // a marker bet after each batch (user "probe" in markerTenant), which a benchmark or a
        // test polls for to time the batch's way into the read models; not in a demo, where
        // they would be bets of a player "probe" in the tenant people look at
        bool markers = true;
        qint64 markerTenant = 10001;
        // the demo's: what happens now (each story ends within the second before its batch,
        // a history's timestamps would bury the new events months deep), and small batches
        // take the seeded tenants in turn (every tenant's figures move). Off, a seed's
        // traffic is the same data every time, for the tests and the benchmarks.
        bool happeningNow = false;
    };
    struct Batch {
        qint64 number = 0;
        qint64 events = 0; // with the marker
        QString marker;    // bet_id of the marker bet, in markerTenant (empty: no markers)
        std::chrono::steady_clock::time_point committed;
        double writeMs = 0; // generating, writing and committing it, marker included
    };

    Traffic(ConnectionSettings settings, Options options);
    ~Traffic();

    // Writes batches until `stop`; calls onBatch after each commit. Throws DbError.
    qint64 run(const std::atomic_bool &stop,
               const std::function<void(const Batch &)> &onBatch = {});
    // One batch of `events` events now (the throughput benchmark writes as fast as it can).
    // The sessions stay open for the next batch: call it from one thread only.
    Batch writeBatch(qint64 events);

private:
    ConnectionSettings settings_;
    Options options_;
    qint64 batches_ = 0;
    std::unique_ptr<Seeder> seeder_; // the writing thread's sessions
};

} // namespace mvdash
