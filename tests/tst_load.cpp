// Load, in a bounded form (the long versions are the benchmark's): a storm of refresh callers
// while writers append events, and dashboard readers while Refresh all runs.

#include "database.h"
#include "loaddriver.h"
#include "refreshrunner.h"
#include "testcluster.h"
#include "viewverifier.h"

#include <algorithm>
#include <atomic>
#include <barrier>
#include <chrono>
#include <future>
#include <optional>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace mvdash;
using namespace mvdash::test;

class TestLoad : public QObject {
    Q_OBJECT
    TestCluster cluster_;
    ConnectionSettings settings_;

private slots:
    void initTestCase() {
        QString error;
        QVERIFY2(cluster_.start(&error), qPrintable(error));
        MVDASH_TRY({
            settings_ = cluster_.createSeededDatabase(QStringLiteral("load"), 20000);
            Connection c(settings_, QStringLiteral("t"));
            // Refresh all reaches this view last (it reads tenants_summary_view) and waits in it
            // while a Gate is closed, holding the locks of every view it refreshed before
            createGatedView(c.db(), QStringLiteral("storm_gated_view"), true,
                            QStringLiteral("tenants_summary_view"));
            refreshAll(c.db());
        });
    }

    // 50 callers of refresh_aggregate_views() at once while two writers append events: each
    // view refreshed by exactly one caller, the others skip it at once (they are all back
    // while the first caller's run is still held open at the gate); no error, no deadlock;
    // every event there before is unchanged and every appended one arrived.
    void aRefreshStormRefreshesEachViewOnceAndLosesNoEvent() {
        constexpr qint64 kFirstNewId = 4000000000;
        constexpr int kCallers = 50;
        MVDASH_TRY({
            const QString before = eventFingerprint(settings_, kFirstNewId - 1);
            Gate gate(settings_);
            bool othersBackWhileHeld = false;
            const StormResult storm =
                runRefreshStorm(settings_, kCallers, 2, kFirstNewId, [&](const StormProgress &p) {
                    // the refreshing caller cannot finish before the gate opens: every other
                    // caller must be back (and writers must have appended) while it is held
                    othersBackWhileHeld = QTest::qWaitFor(
                        [&] { return p.callersBack >= kCallers - 1 && p.eventsAppended > 0; },
                        kPatienceMs);
                    othersBackWhileHeld =
                        othersBackWhileHeld && p.callersBack == kCallers - 1 && !gate.isOpen();
                    gate.open();
                });
            qInfo("%d callers: %d refreshed, %d skipped while it ran (longest skip %lld ms); "
                  "%lld events appended meanwhile",
                  storm.callers, storm.refreshingCallers, storm.skippedWhileRefreshing,
                  storm.longestSkipMs, storm.eventsAppended);
            QVERIFY2(storm.problems.isEmpty(), qPrintable(storm.problems.join(u'\n')));
            QVERIFY2(othersBackWhileHeld && !gate.openedByItself(),
                     "the skipping callers were not all back while the refresh was held");
            QCOMPARE(storm.refreshingCallers, 1);
            QCOMPARE(storm.skippedWhileRefreshing, kCallers - 1);
            QVERIFY(storm.refreshedBy.size() >= 7);
            for (auto it = storm.refreshedBy.cbegin(); it != storm.refreshedBy.cend(); ++it)
                QVERIFY2(
                    it.value() == 1,
                    qPrintable(
                        QStringLiteral("%1 refreshed %2 times").arg(it.key()).arg(it.value())));
            QVERIFY(storm.eventsAppended > 0);
            QCOMPARE(eventFingerprint(settings_, kFirstNewId - 1), before);
            Connection c(settings_, QStringLiteral("t"));
            QCOMPARE(
                scalar(c.db(), "SELECT count(*) FROM bet_events WHERE event_id >= ?", {kFirstNewId})
                    .toLongLong(),
                storm.eventsAppended);
            // and a refresh after the storm takes in every appended event
            refreshAll(c.db());
            QCOMPARE(scalar(c.db(), "SELECT count(*) FROM bets_view WHERE bet_id LIKE 'storm-%'")
                         .toLongLong(),
                     storm.eventsAppended);
        });
    }

    // 20 dashboard-style readers keep answering while a Refresh all holds the locks of every
    // view it refreshed (one transaction: tenants_summary_view and user_activity_view, which
    // they read, among them) and waits at the gate in its last view. p95 with and without the
    // refresh is printed; the bound is "not blocked", the long measurement is the benchmark's.
    void readersKeepAnsweringDuringRefreshAll() {
        const QList<qint64> tenants{10001, 10002, 10003, 10004, 10005};
        MVDASH_TRY({
            const LatencySummary quiet =
                measureReaders(settings_, 20, tenants, [](const ReaderProgress &progress) {
                    QVERIFY(QTest::qWaitFor(
                        [&] {
                            const QList<qint64> n = progress.answers();
                            return *std::min_element(n.cbegin(), n.cend()) >= 5;
                        },
                        kPatienceMs));
                });
            Gate gate(settings_);
            bool held = false, answeredWhileHeld = false, stillHeld = false;
            int locksHeld = 0;
            QMap<QString, QString> outcomes;
            const LatencySummary busy =
                measureReaders(settings_, 20, tenants, [&](const ReaderProgress &progress) {
                    auto refresher = std::async(std::launch::async, [this] {
                        Connection own(settings_, QStringLiteral("refresher"));
                        return refreshAll(own.db());
                    });
                    struct OpenOnExit { // before the refresher is waited for, whatever happens
                        Gate &gate;
                        ~OpenOnExit() { gate.open(); }
                    } openOnExit{gate};
                    Connection c(settings_, QStringLiteral("t"));
                    held = QTest::qWaitFor([&] { return Gate::waiting(c.db()).size() == 1; },
                                           kPatienceMs);
                    if (!held)
                        return;
                    const int pid = Gate::waiting(c.db()).first();
                    locksHeld = scalar(c.db(),
                                       "SELECT count(*) FROM pg_locks l JOIN pg_class r ON r.oid = "
                                       "l.relation WHERE l.pid = ? AND l.granted AND l.mode = "
                                       "'ExclusiveLock' AND r.relname IN ('tenants_summary_view', "
                                       "'user_activity_view')",
                                       {pid})
                                    .toInt();
                    const QList<qint64> before = progress.answers();
                    answeredWhileHeld = QTest::qWaitFor(
                        [&] {
                            const QList<qint64> now = progress.answers();
                            for (qsizetype i = 0; i < now.size(); ++i)
                                if (now[i] < before[i] + 3)
                                    return false;
                            return true;
                        },
                        kPatienceMs);
                    stillHeld =
                        Gate::waiting(c.db()) == QList<int>{pid} &&
                        refresher.wait_for(std::chrono::seconds(0)) == std::future_status::timeout;
                    gate.open();
                    outcomes = refresher.get();
                });
            qInfo("20 readers, p95 / max (ms): quiet %.2f / %.2f, during Refresh all %.2f / %.2f",
                  quiet.p95, quiet.max, busy.p95, busy.max);
            QVERIFY(quiet.samples > 0 && busy.samples > 0);
            QVERIFY2(held, "Refresh all never reached the gate");
            QCOMPARE(locksHeld, 2);
            QVERIFY2(answeredWhileHeld && stillHeld && !gate.openedByItself(),
                     "a reader waited on the refresh");
            QVERIFY(outcomes.size() >= 7);
            for (auto it = outcomes.cbegin(); it != outcomes.cend(); ++it)
                QVERIFY2(it.value() == u"ok", qPrintable(it.key() + ": " + it.value()));
        });
    }

    // The server stops hard in the middle of a Refresh all (view by view, as the dashboard
    // and mvdash-admin run it) and comes back: the run's unfinished view is recorded as
    // failed (interrupted), the next run succeeds and every view matches a replay.
    void aServerRestartMidRefreshIsRecordedAndTheNextRunSucceeds() {
        std::optional<Gate> gate; // holds the refresh in the middle of the view
        MVDASH_TRY(gate.emplace(settings_));
        QString runError;
        std::thread refresher([&] {
            try {
                Connection own(settings_, QStringLiteral("refresher"));
                RefreshRunner(own.db()).run({QStringLiteral("storm_gated_view")});
            } catch (const DbError &e) {
                runError = e.message();
            }
        });
        bool reached = false;
        QString error;
        try {
            Connection c(settings_, QStringLiteral("t"));
            reached =
                QTest::qWaitFor([&] { return Gate::waiting(c.db()).size() == 1; }, kPatienceMs);
        } catch (const DbError &e) {
            error = e.message();
        }
        const bool stopped = reached && cluster_.cluster().stop(&error, true);
        gate.reset(); // open (its session went with the server, if it was stopped)
        refresher.join();
        QVERIFY2(reached, qPrintable("the refresh never reached the gate " + error));
        QVERIFY2(stopped, qPrintable(error));
        QVERIFY2(!runError.isEmpty(), "the refresh did not notice the server going away");
        QVERIFY2(cluster_.cluster().start(&error), qPrintable(error));
        MVDASH_TRY({
            Connection c(settings_, QStringLiteral("t"));
            const QMap<QString, QString> next = refreshAll(c.db());
            for (auto it = next.cbegin(); it != next.cend(); ++it)
                QVERIFY2(it.value() == u"ok", qPrintable(it.key()));
            const QString interrupted =
                scalar(c.db(), "SELECT outcome || ': ' || error FROM "
                               "materialized_views_refresh_history WHERE view_name = "
                               "'storm_gated_view' AND outcome <> 'ok' ORDER BY history_id DESC "
                               "LIMIT 1")
                    .toString();
            QVERIFY2(interrupted.startsWith(QStringLiteral("failed: interrupted")),
                     qPrintable(interrupted));
            for (const ViewVerifier::Result &r : ViewVerifier(c.db()).verifyAll())
                QVERIFY2(r.differenceCount == 0,
                         qPrintable(r.view + ": " + r.differences.join(u'\n')));
        });
    }

    // The disk fills up during a refresh: a view whose storage is a tablespace on a 2 MB tmpfs
    // grows past it. The refresh fails with the server's "No space left on device", is
    // recorded as failed, the view keeps its previous contents (readers see them), the other
    // views refresh; once space is added the next refresh succeeds.
    void aFullDiskFailsOneRefreshAndLosesNothing() {
        QTemporaryDir mountPoint;
        const QString dir = mountPoint.path();
        const auto run = [](const QString &program, const QStringList &args) {
            QProcess p;
            p.start(program, args);
            p.waitForFinished(kPatienceMs);
            return p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0
                       ? QString()
                       : program + u' ' + args.join(u' ') + QStringLiteral(": ") +
                             QString::fromLocal8Bit(p.readAllStandardError());
        };
        QString failure = run("mount", {"-t", "tmpfs", "-o", "size=2m,mode=0700", "tmpfs", dir});
        QVERIFY2(failure.isEmpty(), qPrintable(failure + " (the disk-full test needs root)"));
        // whatever happens below, leave no tablespace behind on a mount that goes away
        struct CleanUp {
            ConnectionSettings settings;
            QString dir;
            ~CleanUp() {
                try {
                    Connection c(settings, QStringLiteral("cleanup"));
                    exec(c.db(), "DROP MATERIALIZED VIEW IF EXISTS disk_hog");
                    exec(c.db(), "DROP TABLE IF EXISTS hog_size");
                    exec(c.db(), "DROP TABLESPACE IF EXISTS tiny");
                } catch (const DbError &) {
                }
                QProcess::execute("umount", {"-l", dir});
            }
        } cleanUp{settings_, dir};
        if (::geteuid() == 0) { // the server runs as postgres when the tests run as root
            failure = run("chown", {"postgres:postgres", dir});
            QVERIFY2(failure.isEmpty(), qPrintable(failure));
        }
        MVDASH_TRY({
            Connection c(settings_, QStringLiteral("t"));
            exec(c.db(), QStringLiteral("CREATE TABLESPACE tiny LOCATION '%1'").arg(dir));
            exec(c.db(), "CREATE TABLE hog_size (n integer NOT NULL)");
            exec(c.db(), "INSERT INTO hog_size VALUES (100)");
            exec(c.db(), "CREATE MATERIALIZED VIEW disk_hog TABLESPACE tiny AS SELECT g AS id, "
                         "repeat('x', 1000) AS pad FROM generate_series(1, (SELECT n FROM "
                         "hog_size)) g");
            exec(c.db(), "CREATE UNIQUE INDEX disk_hog_key ON disk_hog (id) TABLESPACE tiny");
            exec(c.db(), "UPDATE hog_size SET n = 20000"); // ~20 MB: ten times the disk
            QMap<QString, QString> error;
            const QMap<QString, QString> outcome = refreshAll(c.db(), &error);
            QCOMPARE(outcome.value("disk_hog"), QStringLiteral("failed"));
            QVERIFY2(error.value("disk_hog").contains("No space left on device"),
                     qPrintable(error.value("disk_hog")));
            for (auto it = outcome.cbegin(); it != outcome.cend(); ++it)
                if (it.key() != u"disk_hog")
                    QVERIFY2(it.value() == u"ok", qPrintable(it.key() + ": " + it.value()));
            QCOMPARE(scalar(c.db(), "SELECT count(*) FROM disk_hog").toInt(), 100);
            QCOMPARE(scalar(c.db(), "SELECT last_outcome FROM materialized_views_refresh_log "
                                    "WHERE view_name = 'disk_hog'")
                         .toString(),
                     QStringLiteral("failed"));
            // The failed attempt's rows are dead but its pages stay (a relation's growth is
            // not undone by a rollback), so the tablespace stays full — even VACUUM needs a
            // page for its maps. The playbook: add space (here: grow the tmpfs), then refresh.
            failure = run("mount", {"-o", "remount,size=8m", dir});
            QVERIFY2(failure.isEmpty(), qPrintable(failure));
            exec(c.db(), "UPDATE hog_size SET n = 200");
            QCOMPARE(scalar(c.db(), "SELECT outcome FROM refresh_materialized_view('disk_hog')")
                         .toString(),
                     QStringLiteral("ok"));
            QCOMPARE(scalar(c.db(), "SELECT count(*) FROM disk_hog").toInt(), 200);
        });
    }
};

QTEST_GUILESS_MAIN(TestLoad)
#include "tst_load.moc"
