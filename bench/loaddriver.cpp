#include "loaddriver.h"

#include "database.h"
#include "dberror.h"
#include "runoutcome.h"

#include <algorithm>
#include <atomic>
#include <barrier>
#include <optional>
#include <QElapsedTimer>
#include <QSqlQuery>
#include <QVariant>
#include <thread>

namespace mvdash {

LatencySummary summarize(std::vector<double> latenciesMs) {
    LatencySummary s;
    s.samples = qsizetype(latenciesMs.size());
    if (latenciesMs.empty())
        return s;
    std::sort(latenciesMs.begin(), latenciesMs.end());
    const auto at = [&](double q) {
        return latenciesMs[std::min(latenciesMs.size() - 1,
                                    size_t(q * double(latenciesMs.size())))];
    };
    s.p50 = at(0.50);
    s.p95 = at(0.95);
    s.p99 = at(0.99);
    s.max = latenciesMs.back();
    return s;
}

QList<qint64> ReaderProgress::answers() const {
    QList<qint64> list;
    list.reserve(qsizetype(answers_.size()));
    for (const std::atomic<qint64> &n : answers_)
        list << n.load();
    return list;
}

LatencySummary measureReaders(const ConnectionSettings &settings, int readers,
                              const QList<qint64> &tenants, const std::function<void()> &during) {
    return measureReaders(settings, readers, tenants,
                          std::function<void(const ReaderProgress &)>(
                              [&during](const ReaderProgress &) { during(); }));
}

LatencySummary measureReaders(const ConnectionSettings &settings, int readers,
                              const QList<qint64> &tenants,
                              const std::function<void(const ReaderProgress &)> &during) {
    ReaderProgress progress(readers);
    std::atomic<bool> stop{false};
    std::vector<std::vector<double>> latencies(static_cast<size_t>(readers));
    std::vector<QString> errors(static_cast<size_t>(readers));
    std::vector<std::thread> threads;
    std::barrier ready(readers + 1);
    for (int i = 0; i < readers; ++i)
        threads.emplace_back([&, i] {
            std::optional<Connection> own;
            try {
                own.emplace(settings, QStringLiteral("reader"));
            } catch (const DbError &e) {
                errors[size_t(i)] = e.message();
            }
            ready.arrive_and_wait(); // every reader connected before the clock starts
            if (!own)
                return;
            const qint64 tenant = tenants.value(i % std::max<qsizetype>(1, tenants.size()));
            try {
                while (!stop) {
                    QElapsedTimer t;
                    t.start();
                    QSqlQuery stats =
                        runQuery(own->db(), QStringLiteral("guide_tenant_stats"), {tenant});
                    stats.next();
                    stats.finish();
                    QSqlQuery top =
                        runQuery(own->db(), QStringLiteral("guide_top_players"), {tenant});
                    while (top.next()) {
                    }
                    latencies[size_t(i)].push_back(double(t.nsecsElapsed()) / 1e6);
                    progress.answered(i);
                }
            } catch (const DbError &e) {
                errors[size_t(i)] = e.message();
            }
        });
    ready.arrive_and_wait();
    std::exception_ptr duringError;
    try {
        during(progress);
    } catch (...) {
        duringError = std::current_exception();
    }
    stop = true;
    for (std::thread &t : threads)
        t.join();
    if (duringError)
        std::rethrow_exception(duringError);
    std::vector<double> all;
    for (int i = 0; i < readers; ++i) {
        if (!errors[size_t(i)].isEmpty())
            throw DbError(QStringLiteral("reader %1: %2").arg(i).arg(errors[size_t(i)]));
        all.insert(all.end(), latencies[size_t(i)].begin(), latencies[size_t(i)].end());
    }
    return summarize(std::move(all));
}

StormResult runRefreshStorm(const ConnectionSettings &settings, int callers, int writers,
                            qint64 firstNewEventId,
                            const std::function<void(const StormProgress &)> &whileRunning) {
    StormResult result;
    result.callers = callers;
    std::atomic<bool> stop{false};
    StormProgress progress;
    std::vector<QString> writerErrors(static_cast<size_t>(writers));
    std::vector<std::thread> writerThreads;
    for (int w = 0; w < writers; ++w)
        writerThreads.emplace_back([&, w] {
            try {
                const Connection own(settings, QStringLiteral("writer"));
                for (qint64 i = 0; !stop; ++i) {
                    const qint64 id = firstNewEventId + qint64(w) * 100000000 + i;
                    runQuery(own.db(), QStringLiteral("load_storm_insert"),
                             {10001 + w, id, QStringLiteral("storm-%1").arg(id), id});
                    ++progress.eventsAppended;
                }
            } catch (const DbError &e) {
                writerErrors[size_t(w)] = e.message();
            }
        });

    struct Caller {
        QString error;
        qint64 ms = 0;
        QMap<QString, QString> outcomes;
        bool refreshedAny = false;
        bool backBeforeARefresher = false; // back before any refreshing caller was
    };
    std::atomic<bool> aRefresherIsBack{false};
    std::vector<Caller> results(static_cast<size_t>(callers));
    std::barrier start(callers);
    std::vector<std::thread> callerThreads;
    for (int i = 0; i < callers; ++i)
        callerThreads.emplace_back([&, i] {
            Caller &r = results[size_t(i)];
            std::optional<Connection> own;
            try {
                own.emplace(settings, QStringLiteral("storm"));
            } catch (const DbError &e) {
                r.error = e.message();
            }
            start.arrive_and_wait(); // all connected: call together
            if (!own)
                return;
            QElapsedTimer timer;
            timer.start();
            try {
                QSqlQuery q = runQuery(own->db(), QStringLiteral("refresh_all_outcomes"));
                while (q.next())
                    r.outcomes.insert(q.value(0).toString(), q.value(1).toString());
            } catch (const DbError &e) {
                r.error = e.message();
            }
            r.ms = timer.elapsed();
            r.refreshedAny =
                std::any_of(r.outcomes.cbegin(), r.outcomes.cend(),
                            [](const QString &o) { return parseRunOutcome(o) == RunOutcome::Ok; });
            if (r.refreshedAny)
                aRefresherIsBack = true;
            else
                r.backBeforeARefresher = !aRefresherIsBack;
            ++progress.callersBack;
        });
    std::exception_ptr hookError;
    if (whileRunning) {
        try {
            whileRunning(progress);
        } catch (...) {
            hookError = std::current_exception();
        }
    }
    for (std::thread &t : callerThreads)
        t.join();
    stop = true;
    for (std::thread &t : writerThreads)
        t.join();
    if (hookError)
        std::rethrow_exception(hookError);

    for (const QString &e : writerErrors)
        if (!e.isEmpty())
            result.problems << QStringLiteral("writer: ") + e;
    for (const Caller &r : results) {
        if (!r.error.isEmpty())
            result.problems << QStringLiteral("caller: ") + r.error;
        for (auto it = r.outcomes.cbegin(); it != r.outcomes.cend(); ++it) {
            if (parseRunOutcome(it.value()) == RunOutcome::Ok) {
                ++result.refreshedBy[it.key()];
            } else if (parseRunOutcome(it.value()) != RunOutcome::Skipped) {
                result.problems << it.key() + QStringLiteral(": ") + it.value();
            } else if (!result.refreshedBy.contains(it.key())) {
                result.refreshedBy[it.key()] = 0;
            }
        }
        result.refreshingCallers += r.refreshedAny;
        if (!r.refreshedAny && r.error.isEmpty()) {
            result.longestSkipMs = std::max(result.longestSkipMs, r.ms);
            result.skippedWhileRefreshing += r.backBeforeARefresher;
        }
    }
    result.eventsAppended = progress.eventsAppended;
    return result;
}

QString eventFingerprint(const ConnectionSettings &settings, qint64 upToEventId) {
    const Connection c(settings, QStringLiteral("fingerprint"));
    QSqlQuery q = runQuery(c.db(), QStringLiteral("event_fingerprint"),
                           {upToEventId, upToEventId, upToEventId});
    q.next();
    return q.value(0).toString();
}

} // namespace mvdash
