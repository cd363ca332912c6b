// mvdash-bench-live: the live read models against the materialized views, side by side in one
// run on one database (docs/BENCHMARKS.md, "Live read models"):
//   mvdash-bench-live [--events N] [--citus] [--repeat R] [--soak-seconds S] [--rate E/s]
//                     [--compare-history M] [--throughput-only]
//                     [--out DIR]
// It starts a private cluster (PostgreSQL, or Citus with two workers), seeds N events, then:
// the plain Refresh all (one session, and the engine's two) and the rebuild of the live state
// (two helper sessions, and one) side by side, interleaved; a concurrent Refresh all, rounds of
// "append 10,000 events, then one live step and one concurrent Refresh all" (the live state is
// maintained beside the matviews, so both see the same events), one step of 1,000 and of 100,000
// events, the panel queries in live mode (mvdash-bench --sections panels), a sustained ingest at E
// events/s with a follower at --interval 1s (staleness from each batch's commit to its visibility
// in the read models), the writer's throughput with and without the follower, and at the end the
// read models against the replay.
// With --compare-history M it measures O(change) instead: steps of 10,000 new events on M and on
// N events of history, two databases on one server, alternating (compareHistories below).

#include "database.h"
#include "dberror.h"
#include "follower.h"
#include "livereadmodels.h"
#include "localcluster.h"
#include "migrationrunner.h"
#include "refreshrunner.h"
#include "seeder.h"
#include "traffic.h"
#include "viewverifier.h"

#include <array>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlQuery>
#include <QSysInfo>
#include <QThread>
#include <thread>
#include <unistd.h>

using namespace mvdash;
using Clock = std::chrono::steady_clock;

namespace {

// The machine's CPU time so far, busy and in all (seconds, every core; /proc/stat: user, nice,
// system, irq, softirq, steal are busy), or nothing where there is no /proc/stat. The
// servers, the writer and the follower all run here: what they spent between two readings.
struct MachineCpu {
    double busy = 0, total = 0;
};
std::optional<MachineCpu> machineCpu() {
    QFile stat(QStringLiteral("/proc/stat"));
    if (!stat.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QList<QByteArray> f = stat.readLine().simplified().split(' ');
    if (f.size() < 9 || f[0] != "cpu")
        return std::nullopt;
    const double tick = 1.0 / double(sysconf(_SC_CLK_TCK));
    MachineCpu cpu;
    for (int i = 1; i < f.size() && i <= 8; ++i) {
        const double seconds = f[i].toDouble() * tick;
        cpu.total += seconds;
        if (i != 4 && i != 5) // idle, iowait
            cpu.busy += seconds;
    }
    return cpu;
}

// The rows of the four big state tables a rebuild wrote (rebuildLiveState's count, its own
// transaction's: in place on Citus, migration 027); -1 where a helper session wrote them.
qint64 bigTableRowsWritten(const QMap<QString, qint64> &written) {
    qint64 rows = 0;
    for (const char *table :
         {"live_bets", "live_payments", "live_user_balances", "live_user_activity"}) {
        const auto it = written.constFind(QString::fromLatin1(table));
        if (it == written.constEnd())
            return -1;
        rows += it.value();
    }
    return rows;
}

// Rows of every read model that differ from an independent replay of the events (0: right).
qint64 differencesFromReplay(const QSqlDatabase &db) {
    qint64 differences = 0;
    for (const auto &r : ViewVerifier(db).verifyAll(5))
        differences += r.differenceCount;
    return differences;
}

void say(const QString &text) {
    std::fprintf(stderr, "%s\n", qPrintable(text));
}

double percentile(QList<double> samples, double p) {
    if (samples.isEmpty())
        return NAN;
    std::sort(samples.begin(), samples.end());
    const qsizetype i = std::min<qsizetype>(
        samples.size() - 1, std::max<qsizetype>(0, qsizetype(std::ceil(samples.size() * p)) - 1));
    return samples[i];
}

QString fmt(double ms) {
    return std::isnan(ms) ? QStringLiteral("—") : QString::number(ms, 'f', ms < 10 ? 2 : 0);
}

double timeMs(const QSqlDatabase &db, const QString &sql) {
    QElapsedTimer t;
    t.start();
    execScript(db, sql, sql.left(40));
    return double(t.nsecsElapsed()) / 1e6;
}

double stepMs(const QSqlDatabase &db) {
    QElapsedTimer t;
    t.start();
    const QList<StepOutcome> outcomes = runStep(db, 60000, true);
    const double ms = double(t.nsecsElapsed()) / 1e6;
    if (outcomes.isEmpty() || outcomes.first().outcome != RunOutcome::Ok)
        throw DbError(QStringLiteral("step not ok: ") + outcomes.value(0).error);
    return ms;
}

qint64 count(const QSqlDatabase &db, const QString &sql) {
    QSqlQuery q(db);
    if (!q.exec(sql) || !q.next())
        throw DbError(QStringLiteral("count failed: ") + sql);
    return q.value(0).toLongLong();
}

// The ops panels' queries, whose sizes come from a sample on Citus (migration 019)
const QStringList kOpsPanels{QStringLiteral("refresh health"), QStringLiteral("view sizes"),
                             QStringLiteral("view sizes: all views against the events")};

class LiveBench {
public:
    LiveBench(ConnectionSettings settings, int repeat, int soakSeconds, double rate,
              int throughputSeconds)
        : settings_(std::move(settings))
        , connection_(settings_, QStringLiteral("bench-live"))
        , repeat_(repeat)
        , soakSeconds_(soakSeconds)
        , rate_(rate)
        , throughputSeconds_(throughputSeconds) {}

    // --throughput-only: the first build of the live state, then the writer's throughput with
    // and without a follower --repeat times, and the read models against the replay.
    QJsonObject runThroughputOnly() {
        QJsonObject out;
        const QSqlDatabase &db = connection_.db();
        out[QStringLiteral("events")] = double(totalEvents());
        say(QStringLiteral("first build of the live state, switch to live mode..."));
        rebuildLiveState(
            db, [](const QString &) {}, 2);
        execScript(db, QStringLiteral("BEGIN; SELECT mvdash.live_switch('live'); COMMIT"),
                   QStringLiteral("switch"));
        execScript(db, QStringLiteral("VACUUM ANALYZE"), QStringLiteral("vacuum"));
        say(QStringLiteral("writer throughput without and with a follower, %1 times...")
                .arg(repeat_));
        QJsonArray rounds;
        for (int i = 0; i < repeat_; ++i)
            rounds.append(throughput());
        out[QStringLiteral("throughput_rounds")] = rounds;
        runStep(db, 60000, true);
        out[QStringLiteral("differences_after_all")] = double(differencesFromReplay(db));
        return out;
    }

    QJsonObject run(const QString &panelsOut) {
        QJsonObject out;
        const QSqlDatabase &db = connection_.db();
        out[QStringLiteral("events")] = double(totalEvents());
        out[QStringLiteral("machine")] = QJsonObject{
            {QStringLiteral("cpus"), QThread::idealThreadCount()},
            {QStringLiteral("os"), QSysInfo::prettyProductName()},
            {QStringLiteral("citus"), count(db, QStringLiteral("SELECT count(*) FROM pg_extension "
                                                               "WHERE extname = 'citus'")) == 1}};

        say(QStringLiteral("Refresh all, plain and concurrently..."));
        QList<QString> views;
        {
            QSqlQuery plan = runQuery(db, QStringLiteral("refresh_plan"));
            while (plan.next())
                views << plan.value(0).toString();
        }
        // Refresh all plain and the rebuild of the live state, side by side, each on one
        // session and on two (the engine's Refresh all: independent matviews side by side;
        // the rebuild: two helper sessions), interleaved: plain (1, 2), rebuild (2: the first
        // build of the state, 1, 2), plain (2, 1); the mean of each
        const auto plainRefresh = [&] {
            double ms = 0;
            for (const QString &v : views)
                ms += timeMs(db, QStringLiteral("REFRESH MATERIALIZED VIEW mvdash.%1").arg(v));
            execScript(db, QStringLiteral("VACUUM ANALYZE"), QStringLiteral("vacuum"));
            return ms;
        };
        const auto plainRefreshTwoSessions = [&] {
            // emptied first, so that the engine refreshes them plainly (not CONCURRENTLY)
            for (const QString &v : views)
                execScript(
                    db, QStringLiteral("REFRESH MATERIALIZED VIEW mvdash.%1 WITH NO DATA").arg(v),
                    QStringLiteral("empty"));
            RefreshRunner runner(db);
            runner.setSessions(2, settings_);
            QElapsedTimer t;
            t.start();
            runner.run({});
            const double ms = double(t.elapsed());
            execScript(db, QStringLiteral("VACUUM ANALYZE"), QStringLiteral("vacuum"));
            return ms;
        };
        QJsonArray rebuildRows; // rows of the big tables each rebuild wrote, in order
        const auto rebuild = [&](int sessions) {
            QElapsedTimer t;
            t.start();
            const QMap<QString, qint64> written = rebuildLiveState(
                db, [](const QString &) {}, sessions);
            const double ms = double(t.elapsed());
            rebuildRows.append(double(bigTableRowsWritten(written)));
            execScript(db, QStringLiteral("VACUUM ANALYZE"), QStringLiteral("vacuum"));
            return ms;
        };
        const double plain1a = plainRefresh();
        out[QStringLiteral("refresh_all_concurrently_idle_ms")] =
            timeMs(db, QStringLiteral("SELECT count(*) FROM refresh_aggregate_views()"));
        const double plain2a = plainRefreshTwoSessions();
        say(QStringLiteral("first build of the live state (rebuild), rebuilds, Refresh all..."));
        const double rebuild2a = rebuild(2);
        const double rebuild1 = rebuild(1);
        const double rebuild2b = rebuild(2);
        // the rebuild's worst case: every row of the state differs from what the events give
        // (on Citus, where it writes only what differs, every row is then written: 027)
        for (const char *change :
             {"UPDATE mvdash.live_bets SET stake = stake + 1",
              "UPDATE mvdash.live_payments SET amount = amount + 1",
              "UPDATE mvdash.live_user_balances SET balance = balance + 1",
              "UPDATE mvdash.live_user_activity SET total_bets = total_bets + 1", "VACUUM ANALYZE"})
            execScript(db, QString::fromLatin1(change), QStringLiteral("change every state row"));
        const double rebuildAllDiffer = rebuild(2);
        const double plain2b = plainRefreshTwoSessions();
        const double plain1b = plainRefresh();
        say(QStringLiteral("  Refresh all plain, one session %1 / %2 ms, two sessions %3 / %4 ms; "
                           "rebuild on two sessions %5 / %6 ms, on one %7 ms, every row "
                           "differing %8 ms")
                .arg(fmt(plain1a), fmt(plain1b), fmt(plain2a), fmt(plain2b), fmt(rebuild2a),
                     fmt(rebuild2b), fmt(rebuild1), fmt(rebuildAllDiffer)));
        out[QStringLiteral("refresh_all_plain_ms")] = (plain1a + plain1b) / 2;
        out[QStringLiteral("refresh_all_plain_runs_ms")] = QJsonArray{plain1a, plain1b};
        out[QStringLiteral("refresh_all_plain_two_sessions_ms")] = (plain2a + plain2b) / 2;
        out[QStringLiteral("refresh_all_plain_two_sessions_runs_ms")] =
            QJsonArray{plain2a, plain2b};
        out[QStringLiteral("rebuild_ms")] = (rebuild2a + rebuild2b) / 2;
        out[QStringLiteral("rebuild_runs_ms")] = QJsonArray{rebuild2a, rebuild2b};
        out[QStringLiteral("rebuild_one_session_ms")] = rebuild1;
        out[QStringLiteral("rebuild_every_row_differs_ms")] = rebuildAllDiffer;
        // first build (two sessions), one session, two sessions, every row changed
        out[QStringLiteral("rebuild_rows_written")] = rebuildRows;

        say(QStringLiteral(
            "rounds: append 10,000 events, one step, one concurrent Refresh all..."));
        Traffic::Options trafficOptions;
        trafficOptions.seed = 5000;
        Traffic writer(settings_, trafficOptions);
        QList<double> steps, refreshes;
        for (int round = 0; round < repeat_; ++round) {
            writer.writeBatch(10000);
            if (round % 2 == 0) {
                steps << stepMs(db);
                refreshes << timeMs(
                    db, QStringLiteral("SELECT count(*) FROM refresh_aggregate_views()"));
            } else {
                refreshes << timeMs(
                    db, QStringLiteral("SELECT count(*) FROM refresh_aggregate_views()"));
                steps << stepMs(db);
            }
            say(QStringLiteral("  round %1: step %2 ms, Refresh all concurrently %3 ms")
                    .arg(round + 1)
                    .arg(fmt(steps.last()), fmt(refreshes.last())));
        }
        out[QStringLiteral("step_10k")] =
            QJsonObject{{QStringLiteral("median_ms"), percentile(steps, 0.5)},
                        {QStringLiteral("p95_ms"), percentile(steps, 0.95)}};
        out[QStringLiteral("refresh_all_concurrently_after_10k")] =
            QJsonObject{{QStringLiteral("median_ms"), percentile(refreshes, 0.5)},
                        {QStringLiteral("p95_ms"), percentile(refreshes, 0.95)}};
        for (const qint64 size : {qint64(1000), qint64(100000)}) {
            writer.writeBatch(size);
            const double ms = stepMs(db);
            out[QStringLiteral("step_%1_ms").arg(size)] = ms;
            say(QStringLiteral("  step of %1 events: %2 ms").arg(size).arg(fmt(ms)));
        }

        say(QStringLiteral("switch to live mode, panel queries..."));
        execScript(db, QStringLiteral("BEGIN; SELECT mvdash.live_switch('live'); COMMIT"),
                   QStringLiteral("switch"));
        execScript(db, QStringLiteral("VACUUM ANALYZE"), QStringLiteral("vacuum"));
        // the sizes' sample a running follower keeps at most a minute old (Citus, 019; a no-op
        // on plain PostgreSQL, where sizes are measured when asked)
        execScript(db, QStringLiteral("SELECT mvdash.sample_relation_sizes(true)"),
                   QStringLiteral("size sample"));
        out[QStringLiteral("panel_queries_live")] = panelQueries(panelsOut);
        // side by side: every size asked of the servers, as with no sampler running (and as
        // before migration 019)
        say(QStringLiteral("panel queries again, the sizes measured instead of sampled..."));
        execScript(db, QStringLiteral("DELETE FROM mvdash.relation_size_samples"),
                   QStringLiteral("no size sample"));
        out[QStringLiteral("panel_queries_live_sizes_measured")] =
            panelQueries(panelsOut + QStringLiteral("-sizes-measured"));

        say(QStringLiteral("sustained ingest at %1 events/s for %2 s with a follower (1 s)...")
                .arg(rate_)
                .arg(soakSeconds_));
        out[QStringLiteral("soak")] = soak();

        say(QStringLiteral("writer throughput without and with a follower..."));
        out[QStringLiteral("throughput")] = throughput();

        say(QStringLiteral("read models against the replay..."));
        runStep(db, 60000, true);
        out[QStringLiteral("differences_after_all")] = double(differencesFromReplay(db));
        out[QStringLiteral("events_after_all")] = double(totalEvents());

        // the rebuild as an operator runs it to check a state the steps made: in place (Citus)
        // it writes only what differs (027), so what it wrote is the measure of the steps' drift
        say(QStringLiteral("a rebuild of the state the steps made..."));
        {
            QElapsedTimer t;
            t.start();
            const QMap<QString, qint64> written = rebuildLiveState(db, [](const QString &) {});
            const double rebuildMs = double(t.elapsed());
            const qint64 rows = bigTableRowsWritten(written);
            out[QStringLiteral("rebuild_after_steps_ms")] = rebuildMs;
            out[QStringLiteral("rebuild_after_steps_rows_written")] = double(rows);
            const qint64 after = differencesFromReplay(db);
            out[QStringLiteral("differences_after_rebuild")] = double(after);
            say(QStringLiteral("  %1 ms, %2 rows of the big tables written, %3 differences")
                    .arg(fmt(rebuildMs))
                    .arg(rows)
                    .arg(after));
        }
        return out;
    }

private:
    qint64 totalEvents() {
        return count(connection_.db(),
                     QStringLiteral("SELECT (SELECT count(*) FROM public.bet_events) + (SELECT "
                                    "count(*) FROM public.balance_events) + (SELECT count(*) "
                                    "FROM public.payment_events)"));
    }

    // The dashboard's queries in live mode, by the main benchmark program (same code, same
    // binds), as a child process on this database.
    QJsonObject panelQueries(const QString &outDir) {
        QDir().mkpath(outDir);
        QProcess p;
        p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        p.start(QCoreApplication::applicationDirPath() + QStringLiteral("/mvdash-bench"),
                {QStringLiteral("--dsn"), settings_.connectOptions(), QStringLiteral("--sections"),
                 QStringLiteral("panels"), QStringLiteral("--repeat"), QStringLiteral("30"),
                 QStringLiteral("--events"), QString::number(totalEvents()),
                 QStringLiteral("--out"), outDir});
        p.waitForFinished(-1);
        QFile f(QStringLiteral("%1/results-%2.json").arg(outDir).arg(totalEvents()));
        if (p.exitCode() != 0 || !f.open(QIODevice::ReadOnly))
            throw DbError(QStringLiteral("the panel queries could not be measured"));
        const QJsonArray queries = QJsonDocument::fromJson(f.readAll())
                                       .object()[QStringLiteral("panel_queries")]
                                       .toArray();
        double worst = 0;
        QString worstName;
        QList<double> medians;
        QJsonObject ops; // the panels whose sizes come from the sample on Citus
        for (const QJsonValue &v : queries) {
            const double m = v.toObject()[QStringLiteral("server")]
                                 .toObject()[QStringLiteral("median_ms")]
                                 .toDouble();
            medians << m;
            const QString name = v.toObject()[QStringLiteral("name")].toString();
            if (kOpsPanels.contains(name))
                ops[name] = m;
            if (m > worst) {
                worst = m;
                worstName = name;
            }
        }
        say(QStringLiteral("  %1 queries, slowest median %2 ms (%3)")
                .arg(queries.size())
                .arg(fmt(worst), worstName));
        return {{QStringLiteral("queries"), queries.size()},
                {QStringLiteral("median_of_medians_ms"), percentile(medians, 0.5)},
                {QStringLiteral("slowest_median_ms"), worst},
                {QStringLiteral("slowest"), worstName},
                {QStringLiteral("ops_ms"), ops}};
    }

    // Each batch's marker bet polled in bets_view until it shows: staleness is the time from
    // the batch's commit to the first poll that sees it (polled every 50 ms).
    QJsonObject soak() {
        std::atomic_bool stopFollower{false}, stopWriter{false};
        Follower::Options options;
        options.intervalMs = 1000;
        Follower follower(settings_, options, [](const QString &) {});
        std::thread following([&] { follower.run(stopFollower); });

        std::mutex mutex;
        std::deque<Traffic::Batch> pending;
        QList<double> staleness, writeMs;
        qint64 written = 0;
        const Traffic::Options trafficOptions = soakTraffic(700000);
        Traffic traffic(settings_, trafficOptions);
        std::thread writing([&] {
            written = traffic.run(stopWriter, [&](const Traffic::Batch &b) {
                std::lock_guard lock(mutex);
                pending.push_back(b);
                writeMs << b.writeMs;
            });
        });
        Connection probe(settings_, QStringLiteral("bench-probe"));
        QSqlQuery q(probe.db());
        q.prepare(
            QStringLiteral("SELECT count(*) FROM bets_view WHERE tenant_id = ? AND bet_id = ?"));
        const auto end = Clock::now() + std::chrono::seconds(soakSeconds_);
        const auto drainBy = end + std::chrono::seconds(60);
        while (Clock::now() < drainBy) {
            if (Clock::now() >= end)
                stopWriter = true;
            Traffic::Batch head;
            {
                std::lock_guard lock(mutex);
                if (pending.empty()) {
                    if (stopWriter)
                        break;
                } else {
                    head = pending.front();
                }
            }
            if (head.number != 0) {
                q.addBindValue(trafficOptions.markerTenant);
                q.addBindValue(head.marker);
                if (q.exec() && q.next() && q.value(0).toInt() == 1) {
                    staleness << double(std::chrono::duration_cast<std::chrono::milliseconds>(
                                            Clock::now() - head.committed)
                                            .count());
                    std::lock_guard lock(mutex);
                    pending.pop_front();
                    continue; // the next one may be visible already
                }
            }
            QThread::msleep(50);
        }
        stopWriter = true;
        writing.join();
        stopFollower = true;
        following.join();
        // the same writer at the same rate without a follower: does the follower slow the
        // writers down at the target's rate (their batches wait for nothing of the step's)?
        const Paced alone = pacedWithoutFollower(std::max(5, soakSeconds_ / 4));
        QJsonObject result{{QStringLiteral("seconds"), soakSeconds_},
                           {QStringLiteral("target_events_per_s"), rate_},
                           {QStringLiteral("events_written"), double(written)},
                           {QStringLiteral("events_per_s"), double(written) / soakSeconds_},
                           {QStringLiteral("batches_seen"), staleness.size()},
                           {QStringLiteral("batches_never_seen"), qint64(pending.size())},
                           {QStringLiteral("staleness_p50_ms"), percentile(staleness, 0.5)},
                           {QStringLiteral("staleness_p95_ms"), percentile(staleness, 0.95)},
                           {QStringLiteral("staleness_max_ms"), percentile(staleness, 1.0)},
                           {QStringLiteral("batch_write_p50_ms"), percentile(writeMs, 0.5)},
                           {QStringLiteral("batch_write_p95_ms"), percentile(writeMs, 0.95)}};
        result[QStringLiteral("without_follower")] =
            QJsonObject{{QStringLiteral("seconds"), alone.seconds},
                        {QStringLiteral("events_per_s"), double(alone.events) / alone.seconds},
                        {QStringLiteral("batch_write_p50_ms"), percentile(alone.writeMs, 0.5)},
                        {QStringLiteral("batch_write_p95_ms"), percentile(alone.writeMs, 0.95)}};
        say(QStringLiteral("  without a follower (%1 s): %2 events/s written; a batch written "
                           "and committed in p50 %3 / p95 %4 ms, with the follower %5 / %6 ms")
                .arg(alone.seconds)
                .arg(double(alone.events) / alone.seconds, 0, 'f', 0)
                .arg(fmt(percentile(alone.writeMs, 0.5)), fmt(percentile(alone.writeMs, 0.95)),
                     fmt(percentile(writeMs, 0.5)), fmt(percentile(writeMs, 0.95))));
        say(QStringLiteral("  %1 events/s written, staleness p50 %2 / p95 %3 / max %4 ms, %5 "
                           "batches never seen")
                .arg(double(written) / soakSeconds_, 0, 'f', 0)
                .arg(fmt(percentile(staleness, 0.5)), fmt(percentile(staleness, 0.95)),
                     fmt(percentile(staleness, 1.0)))
                .arg(pending.size()));
        return result;
    }

    // The soak's writer: --rate events/s in four batches a second.
    Traffic::Options soakTraffic(quint64 seed) const {
        Traffic::Options options;
        options.eventsPerSecond = rate_;
        options.batchesPerSecond = 4;
        options.seed = seed;
        return options;
    }

    struct Paced {
        int seconds = 0;
        qint64 events = 0;
        QList<double> writeMs;
    };
    // The soak's writer at its rate for `seconds`, nothing else running.
    Paced pacedWithoutFollower(int seconds) {
        Paced paced;
        paced.seconds = seconds;
        std::atomic_bool stop{false};
        Traffic traffic(settings_, soakTraffic(750000));
        std::thread writing([&] {
            paced.events = traffic.run(
                stop, [&paced](const Traffic::Batch &b) { paced.writeMs << b.writeMs; });
        });
        QThread::sleep(seconds);
        stop = true;
        writing.join();
        runStep(connection_.db(), 60000, true); // what it wrote is applied before what follows
        return paced;
    }

    // Events per second one writer gets in, batches of 5,000, for --throughput-seconds each way,
    // in four alternating halves (without, with, without, with) so that neither way gets the
    // emptier table or the quieter minute.
    QJsonObject throughput() {
        const int halfMs = throughputSeconds_ * 500;
        qint64 seed = 800000;
        const auto measure = [this, halfMs, &seed](bool withFollower) {
            std::atomic_bool stop{false};
            std::thread following;
            Follower::Options options;
            options.intervalMs = 1000;
            Follower follower(settings_, options, [](const QString &) {});
            if (withFollower)
                following = std::thread([&] { follower.run(stop); });
            Traffic::Options trafficOptions;
            trafficOptions.seed = quint64(seed++);
            Traffic traffic(settings_, trafficOptions);
            QElapsedTimer t;
            t.start();
            const std::optional<MachineCpu> cpu0 = machineCpu();
            qint64 events = 0;
            while (t.elapsed() < halfMs)
                events += traffic.writeBatch(5000).events;
            const qint64 elapsed = t.elapsed();
            const std::optional<MachineCpu> cpu1 = machineCpu();
            stop = true;
            if (following.joinable())
                following.join();
            Half h{events, elapsed};
            if (cpu0 && cpu1) {
                h.busyCpu = cpu1->busy - cpu0->busy;
                h.allCpu = cpu1->total - cpu0->total;
            }
            return h;
        };
        Half without, with;
        for (int half = 0; half < 2; ++half) {
            without += measure(false);
            runStep(connection_.db(), 60000, true); // the follower starts level
            with += measure(true);
        }
        const double rateWithout = double(without.events) * 1000.0 / double(without.ms);
        const double rateWith = double(with.events) * 1000.0 / double(with.ms);
        say(QStringLiteral("  %1 events/s without, %2 with a follower (%3%)")
                .arg(rateWithout, 0, 'f', 0)
                .arg(rateWith, 0, 'f', 0)
                .arg(100.0 * rateWith / rateWithout, 0, 'f', 1));
        QJsonObject out{{QStringLiteral("without_follower_events_per_s"), rateWithout},
                        {QStringLiteral("with_follower_events_per_s"), rateWith},
                        {QStringLiteral("ratio"), rateWith / rateWithout}};
        // Where the machine's CPU went. Without the follower: what writing an event costs (the
        // writer and every server, all it does). With it, the same writing plus the steps; what
        // is left over per event written is the steps' (applying it, and their fixed part).
        // How busy the machine was says whether the writer was short of CPU or of something
        // else (its round trips and commits, one batch at a time).
        if (without.allCpu > 0 && with.allCpu > 0) {
            const double writeUs = without.busyCpu * 1e6 / double(without.events);
            const double applyUs = with.busyCpu * 1e6 / double(with.events) - writeUs;
            out[QStringLiteral("cpu_busy_without")] = without.busyCpu / without.allCpu;
            out[QStringLiteral("cpu_busy_with")] = with.busyCpu / with.allCpu;
            out[QStringLiteral("cpu_us_per_event_written")] = writeUs;
            out[QStringLiteral("cpu_us_per_event_applied")] = applyUs;
            say(QStringLiteral("  the machine's CPU busy %1% without, %2% with; %3 µs of CPU an "
                               "event written, %4 µs more an event applied by the steps")
                    .arg(100.0 * without.busyCpu / without.allCpu, 0, 'f', 0)
                    .arg(100.0 * with.busyCpu / with.allCpu, 0, 'f', 0)
                    .arg(writeUs, 0, 'f', 1)
                    .arg(applyUs, 0, 'f', 1));
        }
        return out;
    }

    // One way of the throughput measurement: events written, in how long, and the machine's
    // CPU seconds busy and in all meanwhile (0 without /proc/stat).
    struct Half {
        qint64 events = 0, ms = 0;
        double busyCpu = 0, allCpu = 0;
        Half &operator+=(const Half &o) {
            events += o.events;
            ms += o.ms;
            busyCpu += o.busyCpu;
            allCpu += o.allCpu;
            return *this;
        }
    };

    ConnectionSettings settings_;
    Connection connection_;
    int repeat_;
    int soakSeconds_;
    double rate_;
    int throughputSeconds_;
};

QString markdown(const QJsonObject &r) {
    const auto ms = [&r](const QString &key, const QString &sub = {}) {
        const QJsonValue v = sub.isEmpty() ? r[key] : r[key].toObject()[sub];
        return fmt(v.toDouble(NAN));
    };
    const QJsonObject soak = r[QStringLiteral("soak")].toObject();
    const QJsonObject through = r[QStringLiteral("throughput")].toObject();
    const QJsonObject panels = r[QStringLiteral("panel_queries_live")].toObject();
    QString md;
    md += QStringLiteral("### %1 events%2\n\n")
              .arg(qint64(r[QStringLiteral("events")].toDouble()))
              .arg(r[QStringLiteral("machine")].toObject()[QStringLiteral("citus")].toBool()
                       ? QStringLiteral(", Citus (coordinator + 2 workers)")
                       : QString());
    md += QStringLiteral("| figure | value |\n|---|---:|\n");
    const auto runs = [&r](const char *key) {
        QStringList list;
        for (const QJsonValue &v : r[QLatin1String(key)].toArray())
            list << fmt(v.toDouble());
        return list.join(QStringLiteral(", "));
    };
    md += QStringLiteral("| Refresh all, plain, one session: mean (runs) (ms) | %1 (%2) |\n")
              .arg(ms(QStringLiteral("refresh_all_plain_ms")), runs("refresh_all_plain_runs_ms"));
    md += QStringLiteral("| Refresh all, plain, two sessions (the engine): mean (runs) (ms) | %1 "
                         "(%2) |\n")
              .arg(ms(QStringLiteral("refresh_all_plain_two_sessions_ms")),
                   runs("refresh_all_plain_two_sessions_runs_ms"));
    md += QStringLiteral("| rebuild of the live state on two sessions (the first build, then a "
                         "rebuild of that state): mean (runs) (ms) | %1 (%2) |\n")
              .arg(ms(QStringLiteral("rebuild_ms")), runs("rebuild_runs_ms"));
    md += QStringLiteral("| rebuild of the live state on one session (ms) | %1 |\n")
              .arg(ms(QStringLiteral("rebuild_one_session_ms")));
    md += QStringLiteral("| rebuild of the live state after every row of it was changed, two "
                         "sessions (ms) | %1 |\n")
              .arg(ms(QStringLiteral("rebuild_every_row_differs_ms")));
    {
        QStringList rows;
        for (const QJsonValue &v : r[QLatin1String("rebuild_rows_written")].toArray())
            rows << QString::number(qint64(v.toDouble()));
        md +=
            QStringLiteral("| rows of the big tables written by the first build, the rebuilds on "
                           "one and two sessions, after every row changed (in place on Citus; -1: "
                           "by helper sessions) | %1 |\n")
                .arg(rows.join(QStringLiteral(" / ")));
    }
    md += QStringLiteral("| rebuild of the state the steps made, at the end (ms; rows of the big "
                         "tables written, in place on Citus) | %1 (%2) |\n")
              .arg(ms(QStringLiteral("rebuild_after_steps_ms")))
              .arg(qint64(r[QStringLiteral("rebuild_after_steps_rows_written")].toDouble()));
    md += QStringLiteral("| append 10,000 events: one live step, median / p95 (ms) | %1 / %2 |\n")
              .arg(ms(QStringLiteral("step_10k"), QStringLiteral("median_ms")),
                   ms(QStringLiteral("step_10k"), QStringLiteral("p95_ms")));
    md += QStringLiteral("| append 10,000 events: Refresh all concurrently, median / p95 (ms) | "
                         "%1 / %2 |\n")
              .arg(ms(QStringLiteral("refresh_all_concurrently_after_10k"),
                      QStringLiteral("median_ms")),
                   ms(QStringLiteral("refresh_all_concurrently_after_10k"),
                      QStringLiteral("p95_ms")));
    md += QStringLiteral("| one step of 1,000 / 100,000 events (ms) | %1 / %2 |\n")
              .arg(ms(QStringLiteral("step_1000_ms")), ms(QStringLiteral("step_100000_ms")));
    md += QStringLiteral("| panel queries in live mode: median of medians / slowest median (ms) | "
                         "%1 / %2 (%3) |\n")
              .arg(fmt(panels[QStringLiteral("median_of_medians_ms")].toDouble(NAN)),
                   fmt(panels[QStringLiteral("slowest_median_ms")].toDouble(NAN)),
                   panels[QStringLiteral("slowest")].toString());
    const auto opsMs = [&r](const char *key) {
        QStringList list;
        const QJsonObject ops =
            r[QLatin1String(key)].toObject()[QStringLiteral("ops_ms")].toObject();
        for (const QString &name : kOpsPanels)
            list << fmt(ops[name].toDouble(NAN));
        return list.join(QStringLiteral(" / "));
    };
    md +=
        QStringLiteral("| ops panels, sizes sampled (019) against measured: refresh health / view "
                       "sizes / all views against the events (ms) | %1 against %2 |\n")
            .arg(opsMs("panel_queries_live"), opsMs("panel_queries_live_sizes_measured"));
    md += QStringLiteral("| sustained ingest: target / written (events/s, %1 s) | %2 / %3 |\n")
              .arg(soak[QStringLiteral("seconds")].toInt())
              .arg(soak[QStringLiteral("target_events_per_s")].toDouble(), 0, 'f', 0)
              .arg(soak[QStringLiteral("events_per_s")].toDouble(), 0, 'f', 0);
    md += QStringLiteral("| staleness, commit to visible in every read model: p50 / p95 / max "
                         "(ms) | %1 / %2 / %3 |\n")
              .arg(fmt(soak[QStringLiteral("staleness_p50_ms")].toDouble(NAN)),
                   fmt(soak[QStringLiteral("staleness_p95_ms")].toDouble(NAN)),
                   fmt(soak[QStringLiteral("staleness_max_ms")].toDouble(NAN)));
    const QJsonObject alone = soak[QStringLiteral("without_follower")].toObject();
    md += QStringLiteral("| at that rate without a follower (%1 s): written (events/s) | %2 |\n")
              .arg(alone[QStringLiteral("seconds")].toInt())
              .arg(alone[QStringLiteral("events_per_s")].toDouble(), 0, 'f', 0);
    md += QStringLiteral("| a batch written and committed, p50 / p95 (ms): with the follower; "
                         "without | %1 / %2; %3 / %4 |\n")
              .arg(fmt(soak[QStringLiteral("batch_write_p50_ms")].toDouble(NAN)),
                   fmt(soak[QStringLiteral("batch_write_p95_ms")].toDouble(NAN)),
                   fmt(alone[QStringLiteral("batch_write_p50_ms")].toDouble(NAN)),
                   fmt(alone[QStringLiteral("batch_write_p95_ms")].toDouble(NAN)));
    md += QStringLiteral("| batches seen / never seen | %1 / %2 |\n")
              .arg(soak[QStringLiteral("batches_seen")].toInt())
              .arg(soak[QStringLiteral("batches_never_seen")].toInt());
    md += QStringLiteral("| writer throughput without / with a follower (events/s) | %1 / %2 "
                         "(%3%) |\n")
              .arg(through[QStringLiteral("without_follower_events_per_s")].toDouble(), 0, 'f', 0)
              .arg(through[QStringLiteral("with_follower_events_per_s")].toDouble(), 0, 'f', 0)
              .arg(100.0 * through[QStringLiteral("ratio")].toDouble(), 0, 'f', 1);
    if (through.contains(QStringLiteral("cpu_us_per_event_written")))
        md += QStringLiteral("| the machine's CPU then: busy without / with (%); µs an event "
                             "written; µs more an event applied | %1 / %2; %3; %4 |\n")
                  .arg(100.0 * through[QStringLiteral("cpu_busy_without")].toDouble(), 0, 'f', 0)
                  .arg(100.0 * through[QStringLiteral("cpu_busy_with")].toDouble(), 0, 'f', 0)
                  .arg(through[QStringLiteral("cpu_us_per_event_written")].toDouble(), 0, 'f', 1)
                  .arg(through[QStringLiteral("cpu_us_per_event_applied")].toDouble(), 0, 'f', 1);
    md += QStringLiteral("| differences from the replay after everything; after that rebuild | "
                         "%1; %2 |\n\n")
              .arg(qint64(r[QStringLiteral("differences_after_all")].toDouble()))
              .arg(qint64(r[QStringLiteral("differences_after_rebuild")].toDouble()));
    return md;
}

// --throughput-only's table: a row per round.
QString throughputMarkdown(const QJsonObject &r) {
    QString md = QStringLiteral("### %1 events: the writer with and without a follower\n\n")
                     .arg(qint64(r[QStringLiteral("events")].toDouble()));
    md += QStringLiteral("| round | without / with a follower (events/s) | ratio | CPU busy "
                         "without / with | µs an event written | µs more an event applied "
                         "|\n|---|---:|---:|---:|---:|---:|\n");
    int round = 0;
    for (const QJsonValue &v : r[QStringLiteral("throughput_rounds")].toArray()) {
        const QJsonObject t = v.toObject();
        const auto pct = [&t](const char *key) {
            return QStringLiteral("%1%").arg(100.0 * t[QLatin1String(key)].toDouble(), 0, 'f', 1);
        };
        md += QStringLiteral("| %1 | %2 / %3 | %4 | %5 / %6 | %7 | %8 |\n")
                  .arg(++round)
                  .arg(t[QStringLiteral("without_follower_events_per_s")].toDouble(), 0, 'f', 0)
                  .arg(t[QStringLiteral("with_follower_events_per_s")].toDouble(), 0, 'f', 0)
                  .arg(pct("ratio"), pct("cpu_busy_without"), pct("cpu_busy_with"))
                  .arg(t[QStringLiteral("cpu_us_per_event_written")].toDouble(), 0, 'f', 1)
                  .arg(t[QStringLiteral("cpu_us_per_event_applied")].toDouble(), 0, 'f', 1);
    }
    md += QStringLiteral("\ndifferences from the replay at the end: %1\n\n")
              .arg(qint64(r[QStringLiteral("differences_after_all")].toDouble()));
    return md;
}

} // namespace

// BASE.json and BASE.md, the Markdown on standard output too; false (said) when they cannot be
// written.
bool writeResults(const QString &base, const QJsonObject &result, const QString &md) {
    QFile json(base + QStringLiteral(".json"));
    QFile mdFile(base + QStringLiteral(".md"));
    if (!json.open(QIODevice::WriteOnly) || !mdFile.open(QIODevice::WriteOnly)) {
        say(QStringLiteral("cannot write %1").arg(base));
        return false;
    }
    json.write(QJsonDocument(result).toJson());
    mdFile.write(md.toUtf8());
    std::fputs(md.toUtf8().constData(), stdout);
    return true;
}

// O(change), side by side (issue #13: "the same 10,000-event step at 1M and at 10M events of
// history within 1.5x"): two databases on one server, one with `small` events of history and
// one with `large`, both in live mode; rounds alternate between them (which goes first
// alternates too): append 10,000 events, one step. Nothing else runs meanwhile (the main run
// puts a concurrent Refresh all of the matviews between its steps, which empties the caches
// the step reads through). Both against the replay at the end.
int compareHistories(LocalCluster &cluster, qint64 small, qint64 large, int repeat,
                     const QString &dir) {
    struct Side {
        qint64 history = 0;
        ConnectionSettings settings;
        std::unique_ptr<Connection> connection;
        std::unique_ptr<Traffic> writer;
        QList<double> steps;
    };
    std::array<Side, 2> sides;
    sides[0].history = small;
    sides[1].history = large;
    for (Side &side : sides) {
        const QString name = QStringLiteral("history%1").arg(side.history);
        QString error;
        if (!cluster.createDatabase(name, &error)) {
            say(error);
            return 1;
        }
        side.settings = cluster.settings(name);
        side.connection = std::make_unique<Connection>(side.settings, QStringLiteral("bench"));
        MigrationRunner(side.connection->db()).migrate();
        EventGenerator::Options seed;
        seed.events = side.history;
        const SeedReport report = seedDatabase(side.settings, seed);
        say(QStringLiteral("%1: seeded %2 events in %3 s, building the live state...")
                .arg(name)
                .arg(report.events)
                .arg(report.seconds, 0, 'f', 1));
        convertReadModels(side.connection->db(), ReadModelMode::Live, [](const QString &) {});
        execScript(side.connection->db(), QStringLiteral("VACUUM ANALYZE"),
                   QStringLiteral("vacuum"));
        Traffic::Options trafficOptions;
        trafficOptions.seed = 5000;
        side.writer = std::make_unique<Traffic>(side.settings, trafficOptions);
        // one round unmeasured on each: the first step after the build warms what it reads
        side.writer->writeBatch(10000);
        stepMs(side.connection->db());
    }
    for (int round = 0; round < repeat; ++round) {
        for (int i = 0; i < 2; ++i) {
            Side &side = sides[(round + i) % 2];
            side.writer->writeBatch(10000);
            side.steps << stepMs(side.connection->db());
        }
        say(QStringLiteral("  round %1: step %2 ms at %3, %4 ms at %5")
                .arg(round + 1)
                .arg(fmt(sides[0].steps.last()))
                .arg(small)
                .arg(fmt(sides[1].steps.last()))
                .arg(large));
    }
    QJsonObject out{{QStringLiteral("machine"),
                     QJsonObject{{QStringLiteral("cpus"), QThread::idealThreadCount()},
                                 {QStringLiteral("os"), QSysInfo::prettyProductName()}}},
                    {QStringLiteral("rounds"), repeat}};
    QString md = QStringLiteral("### O(change): one step of 10,000 new events, side by side\n\n"
                                "| history (events) | median (ms) | p95 (ms) | fastest (ms) | "
                                "differences from the replay |\n|---:|---:|---:|---:|---:|\n");
    qint64 differences = 0;
    for (Side &side : sides) {
        const qint64 sideDifferences = differencesFromReplay(side.connection->db());
        differences += sideDifferences;
        const QJsonArray runs =
            QJsonArray::fromVariantList(QVariantList(side.steps.cbegin(), side.steps.cend()));
        out[QString::number(side.history)] =
            QJsonObject{{QStringLiteral("median_ms"), percentile(side.steps, 0.5)},
                        {QStringLiteral("p95_ms"), percentile(side.steps, 0.95)},
                        {QStringLiteral("fastest_ms"), percentile(side.steps, 0)},
                        {QStringLiteral("runs_ms"), runs},
                        {QStringLiteral("differences"), double(sideDifferences)}};
        md += QStringLiteral("| %1 | %2 | %3 | %4 | %5 |\n")
                  .arg(side.history)
                  .arg(fmt(percentile(side.steps, 0.5)), fmt(percentile(side.steps, 0.95)),
                       fmt(percentile(side.steps, 0)))
                  .arg(sideDifferences);
    }
    const double ratio = percentile(sides[1].steps, 0.5) / percentile(sides[0].steps, 0.5);
    const double ratioP95 = percentile(sides[1].steps, 0.95) / percentile(sides[0].steps, 0.95);
    out[QStringLiteral("median_ratio")] = ratio;
    out[QStringLiteral("p95_ratio")] = ratioP95;
    md += QStringLiteral("\nmedian %1 / %2 events: %3x; p95: %4x (%5 rounds, alternating)\n")
              .arg(large)
              .arg(small)
              .arg(ratio, 0, 'f', 2)
              .arg(ratioP95, 0, 'f', 2)
              .arg(repeat);
    QDir().mkpath(dir);
    if (!writeResults(QStringLiteral("%1/ochange-%2-%3").arg(dir).arg(small).arg(large), out, md))
        return 1;
    return differences == 0 ? 0 : 1;
}

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Live read models against materialized views, side by side."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("events"), QStringLiteral("Seed N events (default 1000000)."),
                      QStringLiteral("n"), QStringLiteral("1000000")});
    parser.addOption({QStringLiteral("citus"), QStringLiteral("On a local Citus cluster.")});
    parser.addOption({QStringLiteral("repeat"),
                      QStringLiteral("Rounds of 10,000 events (default 5)."), QStringLiteral("r"),
                      QStringLiteral("5")});
    parser.addOption({QStringLiteral("soak-seconds"),
                      QStringLiteral("Sustained ingest duration (default 300)."),
                      QStringLiteral("s"), QStringLiteral("300")});
    parser.addOption({QStringLiteral("rate"),
                      QStringLiteral("Sustained ingest, events/s (default 1000)."),
                      QStringLiteral("e"), QStringLiteral("1000")});
    parser.addOption({QStringLiteral("throughput-seconds"),
                      QStringLiteral("Writer throughput, each way (default 30)."),
                      QStringLiteral("s"), QStringLiteral("30")});
    parser.addOption({QStringLiteral("compare-history"),
                      QStringLiteral("O(change) instead: steps of 10,000 events on this much "
                                     "history and on --events, side by side (--repeat rounds)."),
                      QStringLiteral("n")});
    parser.addOption({QStringLiteral("throughput-only"),
                      QStringLiteral("Only the writer's throughput with and without a follower "
                                     "(--repeat rounds) and where the machine's CPU went.")});
    parser.addOption({QStringLiteral("out"), QStringLiteral("Results directory."),
                      QStringLiteral("dir"), QStringLiteral("bench/results")});
    parser.process(app);

    const qint64 events = parser.value(QStringLiteral("events")).toLongLong();
    const bool citus = parser.isSet(QStringLiteral("citus"));
    try {
        LocalCluster::Options options;
        options.citus = citus;
        LocalCluster cluster(options);
        QString error;
        if (!cluster.start(&error) ||
            !cluster.createDatabase(QStringLiteral("benchlive"), &error)) {
            say(error);
            return 1;
        }
        if (parser.isSet(QStringLiteral("compare-history")))
            return compareHistories(
                cluster, parser.value(QStringLiteral("compare-history")).toLongLong(), events,
                std::max(1, parser.value(QStringLiteral("repeat")).toInt()),
                parser.value(QStringLiteral("out")));
        const ConnectionSettings settings = cluster.settings(QStringLiteral("benchlive"));
        {
            Connection setup(settings, QStringLiteral("bench-setup"));
            MigrationRunner(setup.db()).migrate();
        }
        EventGenerator::Options seed;
        seed.events = events;
        const SeedReport report = seedDatabase(settings, seed);
        say(QStringLiteral("seeded %1 events in %2 s")
                .arg(report.events)
                .arg(report.seconds, 0, 'f', 1));
        const QString dir = parser.value(QStringLiteral("out"));
        const QString base = QStringLiteral("%1/live-%2%3")
                                 .arg(dir)
                                 .arg(events)
                                 .arg(citus ? QStringLiteral("-citus") : QString());
        // --throughput-only: that part alone, in its own files
        const bool throughputOnly = parser.isSet(QStringLiteral("throughput-only"));
        QDir().mkpath(throughputOnly ? dir : base + QStringLiteral("-panels"));
        LiveBench bench(settings, std::max(1, parser.value(QStringLiteral("repeat")).toInt()),
                        std::max(1, parser.value(QStringLiteral("soak-seconds")).toInt()),
                        std::max(1.0, parser.value(QStringLiteral("rate")).toDouble()),
                        std::max(1, parser.value(QStringLiteral("throughput-seconds")).toInt()));
        const QJsonObject result = throughputOnly ? bench.runThroughputOnly()
                                                  : bench.run(base + QStringLiteral("-panels"));
        if (!writeResults(throughputOnly ? base + QStringLiteral("-throughput") : base, result,
                          throughputOnly ? throughputMarkdown(result) : markdown(result)))
            return 1;
        return result[QStringLiteral("differences_after_all")].toDouble() == 0 ? 0 : 1;
    } catch (const DbError &e) {
        say(e.message());
        return 1;
    }
}
