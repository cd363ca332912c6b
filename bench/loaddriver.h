#pragma once

#include "connectionsettings.h"

#include <functional>
#include <QList>
#include <QMap>
#include <QString>
#include <vector>

namespace mvdash {

// Load on a real server, shared by the benchmark (long runs) and tests/tst_load (bounded
// ones): dashboard-style readers, and a storm of refresh callers beside event writers.

struct LatencySummary {
    qsizetype samples = 0;
    double p50 = 0, p95 = 0, p99 = 0, max = 0; // ms
};
LatencySummary summarize(std::vector<double> latenciesMs);

// `readers` sessions, each repeating what a tenant's dashboard asks (tenant stats, then the
// top 10 players) for one of `tenants`, until `during` returns. Throws DbError when a reader
// fails.
LatencySummary measureReaders(const ConnectionSettings &settings, int readers,
                              const QList<qint64> &tenants, const std::function<void()> &during);

struct StormResult {
    int callers = 0;
    int refreshingCallers = 0;      // callers that refreshed at least one view
    qint64 longestSkipMs = 0;       // the slowest caller that refreshed nothing
    qint64 eventsAppended = 0;      // by the writers, while the callers ran
    QMap<QString, int> refreshedBy; // view -> callers that refreshed it
    QStringList problems;           // errors, and outcomes other than ok / skipped
};

// `callers` sessions call refresh_aggregate_views() at the same moment (all connected
// first) while `writers` sessions append bet events with ids from `firstNewEventId` on.
StormResult runRefreshStorm(const ConnectionSettings &settings, int callers, int writers,
                            qint64 firstNewEventId);

// Row count and an order-free checksum (sum of row hashes, computed on Citus workers too) of
// the three event tables, up to an event id: equal before and after means nothing was lost
// or changed.
QString eventFingerprint(const ConnectionSettings &settings, qint64 upToEventId);

} // namespace mvdash
