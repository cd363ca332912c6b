#pragma once

#include "connectionsettings.h"

#include <atomic>
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

// How many answers each reader has had so far; `during` may read it while the readers run.
class ReaderProgress {
public:
    explicit ReaderProgress(int readers)
        : answers_(static_cast<size_t>(readers)) {}
    void answered(int reader) { ++answers_[static_cast<size_t>(reader)]; }
    QList<qint64> answers() const;

private:
    std::vector<std::atomic<qint64>> answers_;
};

// `readers` sessions, each repeating what a tenant's dashboard asks (tenant stats, then the
// top 10 players) for one of `tenants`, until `during` returns. Throws DbError when a reader
// fails.
LatencySummary measureReaders(const ConnectionSettings &settings, int readers,
                              const QList<qint64> &tenants, const std::function<void()> &during);
// The same, `during` seeing the readers' progress (a test waits on answers, not on a clock).
LatencySummary measureReaders(const ConnectionSettings &settings, int readers,
                              const QList<qint64> &tenants,
                              const std::function<void(const ReaderProgress &)> &during);

struct StormResult {
    int callers = 0;
    int refreshingCallers = 0;      // callers that refreshed at least one view
    int skippedWhileRefreshing = 0; // callers that refreshed nothing and were back before any
                                    // refreshing caller was (i.e. did not wait on its run)
    qint64 longestSkipMs = 0;       // the slowest caller that refreshed nothing
    qint64 eventsAppended = 0;      // by the writers, while the callers ran
    QMap<QString, int> refreshedBy; // view -> callers that refreshed it
    QStringList problems;           // errors, and outcomes other than ok / skipped
};

// How far a storm has got, readable while it runs.
struct StormProgress {
    std::atomic<int> callersBack{0}; // callers whose call has returned (or failed)
    std::atomic<qint64> eventsAppended{0};
};

// `callers` sessions call refresh_aggregate_views() at the same moment (all connected
// first) while `writers` sessions append bet events with ids from `firstNewEventId` on.
// `whileRunning`, if given, runs on the calling thread once the callers are started.
StormResult runRefreshStorm(const ConnectionSettings &settings, int callers, int writers,
                            qint64 firstNewEventId,
                            const std::function<void(const StormProgress &)> &whileRunning = {});

// Row count and an order-free checksum (sum of row hashes, computed on Citus workers too) of
// the three event tables, up to an event id: equal before and after means nothing was lost
// or changed.
QString eventFingerprint(const ConnectionSettings &settings, qint64 upToEventId);

} // namespace mvdash
