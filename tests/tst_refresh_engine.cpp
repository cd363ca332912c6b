// The refresh engine under concurrency and failure, its log and history, per-tenant views and
// the roles that may (or may not) use it.

#include "dberror.h"
#include "eventgenerator.h"
#include "monitoring.h"
#include "refreshrunner.h"
#include "seeder.h"
#include "sessioncanceller.h"
#include "testcluster.h"

#include <chrono>
#include <future>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace mvdash;
using namespace mvdash::test;

class TestRefreshEngine : public QObject {
    Q_OBJECT
    TestCluster cluster_;
    ConnectionSettings settings_;

    // Opens a gate when the scope ends, whatever happens: declared after a refresh's future,
    // it lets that refresh finish before the future waits for it.
    struct OpenOnExit {
        Gate &gate;
        ~OpenOnExit() { gate.open(); }
    };

    // Refresh all on two sessions, on its own connection, in the background.
    std::future<QList<RefreshOutcome>> refreshAllOnTwoSessions() {
        return std::async(std::launch::async, [this] {
            Connection own(settings_, QStringLiteral("runner"));
            RefreshRunner runner(own.db());
            runner.setSessions(2, settings_);
            return runner.run({});
        });
    }

private slots:
    void initTestCase() {
        QString error;
        QVERIFY2(cluster_.start(&error), qPrintable(error));
        MVDASH_TRY({
            settings_ = cluster_.createSeededDatabase(QStringLiteral("engine"), 20000);
            Connection c(settings_, QStringLiteral("t"));
            // a view whose refresh waits while a Gate is closed, to hold a refresh open
            createGatedView(c.db(), QStringLiteral("slow_view"), true);
        });
    }

    void planFollowsDependencies() {
        MVDASH_TRY({
            Connection c(settings_, QStringLiteral("t"));
            const auto plan = RefreshRunner(c.db()).plan();
            QStringList order;
            for (const auto &e : plan)
                order << e.view;
            QVERIFY(order.indexOf("bets_view") < order.indexOf("user_activity_view"));
            QVERIFY(order.indexOf("payments_view") < order.indexOf("user_activity_view"));
            QVERIFY(order.indexOf("user_balances_view") < order.indexOf("user_activity_view"));
            QVERIFY(order.indexOf("user_activity_view") < order.indexOf("tenants_summary_view"));
            QVERIFY(order.contains("slow_view")); // found in the catalog, not a fixed list
        });
    }

    // While a Refresh all is held open in slow_view (after bets_view and payments_view, whose
    // locks its transaction keeps), readers and writers get through and a second caller
    // skips at once: all of it happens before the first run may finish.
    void readersAndWritersAreNotBlockedAndASecondCallerSkips() {
        MVDASH_TRY({
            Connection c(settings_, QStringLiteral("t"));
            refreshAll(c.db()); // populated: the next refresh is CONCURRENTLY
            Gate gate(settings_);
            auto refresher = std::async(std::launch::async, [this] {
                Connection own(settings_, QStringLiteral("refresher"));
                return refreshAll(own.db());
            });
            const OpenOnExit openOnExit{gate}; // before the refresher is waited for
            // wait until the refresh is inside slow_view, holding its locks
            QTRY_VERIFY_WITH_TIMEOUT(Gate::waiting(c.db()).size() == 1, kPatienceMs);
            const int pid = Gate::waiting(c.db()).first();
            QCOMPARE(scalar(c.db(),
                            "SELECT count(*) FROM pg_locks l JOIN pg_class r ON r.oid = "
                            "l.relation WHERE l.pid = ? AND l.granted AND l.mode = "
                            "'ExclusiveLock' AND r.relname IN ('bets_view', 'slow_view')",
                            {pid})
                         .toInt(),
                     2);
            QVERIFY(scalar(c.db(), "SELECT count(*) FROM slow_view").toInt() == 1);
            QVERIFY(scalar(c.db(), "SELECT count(*) FROM bets_view").toInt() > 0);
            exec(c.db(), "INSERT INTO bet_events VALUES (10001, 999999999, 'bx', 'ux', 'placed', "
                         "1, 1, 'f', NULL, NULL, 1)");
            // a second caller does not queue: it returns with the views skipped
            const auto second = refreshAll(c.db());
            QCOMPARE(second.value("slow_view"), QStringLiteral("skipped"));
            // all of that while the first run was still held at the gate
            QCOMPARE(Gate::waiting(c.db()), QList<int>{pid});
            QVERIFY2(refresher.wait_for(std::chrono::seconds(0)) == std::future_status::timeout,
                     "a reader, the writer or the second caller waited on the refresh");
            gate.open();
            const auto first = refresher.get();
            QCOMPARE(first.value("slow_view"), QStringLiteral("ok"));
            QVERIFY(!gate.openedByItself());
            QVERIFY(
                scalar(c.db(),
                       "SELECT count(*) FROM materialized_views_refresh_history WHERE view_name = "
                       "'slow_view' AND outcome = 'skipped' AND error LIKE 'another refresh%'")
                    .toInt() >= 1);
            exec(c.db(), "DELETE FROM bet_events WHERE event_id = 999999999");
        });
    }

    void aBrokenViewIsRecordedAndTheOthersRefresh() {
        MVDASH_TRY({
            Connection c(settings_, QStringLiteral("t"));
            exec(c.db(), "CREATE TABLE break_switch (broken boolean)");
            exec(c.db(), "CREATE FUNCTION maybe_fail() RETURNS boolean LANGUAGE plpgsql AS $$ "
                         "BEGIN IF EXISTS (SELECT 1 FROM break_switch WHERE broken) THEN RAISE "
                         "EXCEPTION 'simulated failure'; END IF; RETURN true; END $$");
            exec(c.db(),
                 "CREATE MATERIALIZED VIEW broken_view AS SELECT 1 AS id WHERE maybe_fail()");
            exec(c.db(), "INSERT INTO break_switch VALUES (true)");
            const qint64 failuresBefore =
                scalar(c.db(), "SELECT coalesce(max(failure_count), 0) FROM "
                               "materialized_views_refresh_log WHERE view_name = 'broken_view'")
                    .toLongLong();
            QMap<QString, QString> errors;
            const auto outcomes = refreshAll(c.db(), &errors);
            QCOMPARE(outcomes.value("broken_view"), QStringLiteral("failed"));
            QVERIFY2(errors.value("broken_view").contains("simulated failure"),
                     qPrintable(errors.value("broken_view")));
            for (const char *view : {"bets_view", "payments_view", "user_balances_view",
                                     "user_activity_view", "tenants_summary_view"})
                QCOMPARE(outcomes.value(view), QStringLiteral("ok"));
            QCOMPARE(scalar(c.db(), "SELECT last_outcome FROM materialized_views_refresh_log WHERE "
                                    "view_name = 'broken_view'")
                         .toString(),
                     QStringLiteral("failed"));
            QCOMPARE(scalar(c.db(), "SELECT failure_count FROM materialized_views_refresh_log "
                                    "WHERE view_name = 'broken_view'")
                         .toLongLong(),
                     failuresBefore + 1);
            QVERIFY(scalar(c.db(), "SELECT error FROM materialized_views_refresh_history WHERE "
                                   "view_name = 'broken_view' ORDER BY history_id DESC LIMIT 1")
                        .toString()
                        .contains("simulated failure"));
            // the view without a unique index is refreshed plainly
            QCOMPARE(scalar(c.db(), "SELECT method FROM materialized_views_refresh_history WHERE "
                                    "view_name = 'broken_view' ORDER BY history_id DESC LIMIT 1")
                         .toString(),
                     QStringLiteral("plain"));
            exec(c.db(), "DROP MATERIALIZED VIEW broken_view");
        });
    }

    void logAndHistoryAreRight() {
        MVDASH_TRY({
            Connection c(settings_, QStringLiteral("t"));
            exec(c.db(), "CREATE MATERIALIZED VIEW counted_view AS SELECT 1 AS id WITH NO DATA");
            exec(c.db(), "CREATE UNIQUE INDEX counted_view_key ON counted_view (id)");
            QSqlQuery q(c.db());
            QVERIFY(
                q.exec("SELECT method, outcome FROM refresh_materialized_view('counted_view')"));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("plain")); // not populated yet
            QCOMPARE(q.value(1).toString(), QStringLiteral("ok"));
            for (int i = 0; i < 3; ++i) {
                QVERIFY(q.exec("SELECT method FROM refresh_materialized_view('counted_view')"));
                QVERIFY(q.next());
                QCOMPARE(q.value(0).toString(), QStringLiteral("concurrently"));
            }
            QCOMPARE(scalar(c.db(), "SELECT refresh_count FROM materialized_views_refresh_log "
                                    "WHERE view_name = 'counted_view'")
                         .toInt(),
                     4);
            // the average is the mean of the recorded durations (within rounding)
            QVERIFY(scalar(c.db(),
                           "SELECT abs(l.avg_refresh_time_ms - (SELECT avg(duration_ms) FROM "
                           "materialized_views_refresh_history h WHERE h.view_name = "
                           "'counted_view' AND outcome = 'ok')) < 0.05 FROM "
                           "materialized_views_refresh_log l WHERE view_name = 'counted_view'")
                        .toBool());
            QCOMPARE(
                scalar(
                    c.db(),
                    "SELECT count(*) FROM materialized_views_refresh_history WHERE view_name = "
                    "'counted_view' AND requested_by = session_user AND finished_at >= started_at")
                    .toInt(),
                4);
            QCOMPARE(scalar(c.db(), "SELECT count(*) FROM materialized_views_size_history WHERE "
                                    "view_name = 'counted_view' AND total_bytes > 0")
                         .toInt(),
                     4);
            // the guide's monitoring query works as written
            QVERIFY(q.exec("SELECT view_name, avg_refresh_time_ms, refresh_count, "
                           "last_refreshed_at FROM materialized_views_refresh_log"));
            // an unknown name is refused, and nothing can be smuggled through it
            QVERIFY(!q.exec(
                "SELECT * FROM refresh_materialized_view('bets_view; DROP TABLE bet_events')"));
            QVERIFY(q.lastError().text().contains("unknown materialized view"));
            QVERIFY(scalar(c.db(), "SELECT to_regclass('bet_events') IS NOT NULL").toBool());
            // the committing procedure records every view of a run
            QVERIFY(q.exec("CALL refresh_aggregate_views_committing()"));
            QVERIFY(scalar(c.db(),
                           "SELECT count(DISTINCT view_name) FROM "
                           "materialized_views_refresh_history WHERE run_id = (SELECT max(run_id) "
                           "FROM materialized_views_refresh_history) AND outcome = 'ok'")
                        .toInt() >= 6);
            // a run left 'running' by a dead backend is closed as failed by the next run
            exec(c.db(),
                 "INSERT INTO materialized_views_refresh_history (run_id, view_name, method, "
                 "outcome, backend_pid) VALUES (-1, 'counted_view', 'plain', 'running', 999999)");
            QVERIFY(q.exec("SELECT materialized_views_close_interrupted()"));
            QCOMPARE(
                scalar(c.db(),
                       "SELECT outcome FROM materialized_views_refresh_history WHERE run_id = -1")
                    .toString(),
                QStringLiteral("failed"));
            exec(c.db(), "DROP MATERIALIZED VIEW counted_view");
        });
    }

    void perTenantViewsRefreshWithTheRest() {
        MVDASH_TRY({
            Connection c(settings_, QStringLiteral("t"));
            QCOMPARE(scalar(c.db(), "SELECT create_tenant_view('bets_view', 10001)").toString(),
                     QStringLiteral("bets_view_tenant_10001"));
            // made from its base's rows: as fresh as the base, no refresh of its own counted
            // (before 043: no log row, "never refreshed", and every tenant's badge stale)
            QVERIFY(
                scalar(c.db(),
                       "SELECT c.last_refreshed_at = b.last_refreshed_at "
                       "AND c.last_arrival IS NOT DISTINCT FROM b.last_arrival "
                       "AND c.refresh_count = 0 AND c.last_method = 'copy' "
                       "FROM materialized_views_refresh_log c, materialized_views_refresh_log b "
                       "WHERE c.view_name = 'bets_view_tenant_10001' "
                       "AND b.view_name = 'bets_view' AND b.last_refreshed_at IS NOT NULL")
                    .toBool());
            const QList<ViewStatus> statuses = fetchViewStatus(c.db());
            const auto copy = std::find_if(statuses.cbegin(), statuses.cend(), [](const auto &v) {
                return v.view == u"bets_view_tenant_10001";
            });
            QVERIFY(copy != statuses.cend() && copy->lastRefreshedAt.isValid() &&
                    copy->copyOfTenant == 10001);
            QVERIFY(std::none_of(statuses.cbegin(), statuses.cend(), [](const auto &v) {
                return v.view == u"bets_view" && v.copyOfTenant;
            }));
            exec(c.db(), "INSERT INTO bet_events VALUES (10001, 999999998, 'b-new', 'u-new', "
                         "'placed', 5, 2, 'f', NULL, NULL, 1)");
            const auto outcomes = refreshAll(c.db());
            QCOMPARE(outcomes.value("bets_view_tenant_10001"), QStringLiteral("ok"));
            QCOMPARE(scalar(c.db(), "SELECT refresh_count FROM materialized_views_refresh_log "
                                    "WHERE view_name = 'bets_view_tenant_10001'")
                         .toInt(),
                     1);
            QCOMPARE(scalar(c.db(), "SELECT method FROM materialized_views_refresh_plan() WHERE "
                                    "view_name = 'bets_view_tenant_10001'")
                         .toString(),
                     QStringLiteral("concurrently"));
            QVERIFY(scalar(c.db(), "SELECT refresh_order FROM materialized_views_refresh_plan() "
                                   "WHERE view_name = 'bets_view_tenant_10001'")
                        .toInt() > 0);
            QCOMPARE(scalar(c.db(), "SELECT count(*) FROM bets_view_tenant_10001").toLongLong(),
                     scalar(c.db(), "SELECT count(*) FROM bets_view WHERE tenant_id = 10001")
                         .toLongLong());
            QCOMPARE(
                scalar(c.db(), "SELECT count(*) FROM bets_view_tenant_10001 WHERE bet_id = 'b-new'")
                    .toInt(),
                1);
            QSqlQuery q(c.db());
            QVERIFY(!q.exec("SELECT create_tenant_view('no_such_view', 1)"));
            QVERIFY(!q.exec("SELECT create_tenant_view('bets_view_tenant_10001', 2)"));
            QCOMPARE(scalar(c.db(), "SELECT drop_tenant_view('bets_view', 10001)").toString(),
                     QStringLiteral("bets_view_tenant_10001"));
            QVERIFY(
                scalar(c.db(), "SELECT to_regclass('bets_view_tenant_10001') IS NULL").toBool());
            exec(c.db(), "DELETE FROM bet_events WHERE event_id = 999999998");
        });
    }

    void operatorsRefreshWithoutSuperuserAndReadersCannot() {
        MVDASH_TRY({
            Connection c(settings_, QStringLiteral("t"));
            exec(c.db(), "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ops') "
                         "THEN CREATE ROLE ops LOGIN IN ROLE mvdash_operator; CREATE ROLE viewer "
                         "LOGIN IN ROLE mvdash_reader; END IF; END $$");
            ConnectionSettings opsSettings = settings_;
            opsSettings.set("user", "ops");
            Connection ops(opsSettings, QStringLiteral("ops"));
            QVERIFY(!scalar(ops.db(), "SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
                         .toBool());
            const auto outcomes = refreshAll(ops.db());
            QCOMPARE(outcomes.value("bets_view"), QStringLiteral("ok"));
            QCOMPARE(scalar(ops.db(), "SELECT requested_by FROM materialized_views_refresh_history "
                                      "ORDER BY history_id DESC LIMIT 1")
                         .toString(),
                     QStringLiteral("ops"));
            QSqlQuery call(ops.db());
            QVERIFY2(call.exec("CALL refresh_aggregate_views_committing()"),
                     qPrintable(call.lastError().text()));
            QVERIFY(scalar(ops.db(), "SELECT count(*) FROM materialized_view_sizes()").toInt() >=
                    5);

            ConnectionSettings viewerSettings = settings_;
            viewerSettings.set("user", "viewer");
            Connection viewer(viewerSettings, QStringLiteral("viewer"));
            QSqlQuery q(viewer.db());
            QVERIFY(!q.exec("SELECT * FROM refresh_aggregate_views()"));
            QVERIFY(q.lastError().text().contains("permission denied"));
            QVERIFY(!q.exec("SELECT * FROM refresh_materialized_view('bets_view')"));
            QVERIFY(!q.exec("REFRESH MATERIALIZED VIEW bets_view"));
            QVERIFY(!q.exec("SELECT count(*) FROM bet_events")); // readers see views, not events
            QVERIFY(q.exec("SELECT count(*) FROM bets_view"));
            QVERIFY(q.exec("SELECT * FROM materialized_views_status"));
            QVERIFY(q.exec("SELECT * FROM materialized_view_sizes()"));
            QVERIFY(q.exec("SELECT * FROM materialized_views_size_ratio()"));
        });
    }

    // Two sessions: every view once, each after all the views it depends on, and the
    // independent ones side by side: the two gated views of level 0 are inside their
    // refreshes at once, one on each session.
    void parallelSessionsKeepTheDependencyOrder() {
        MVDASH_TRY({
            Connection c(settings_, QStringLiteral("t"));
            createGatedView(c.db(), QStringLiteral("slow_view_2"), false);
            const auto plan = RefreshRunner(c.db()).plan();
            Gate gate(settings_);
            auto running = refreshAllOnTwoSessions();
            const OpenOnExit openOnExit{gate};
            QTRY_VERIFY_WITH_TIMEOUT(Gate::waiting(c.db()).size() == 2, kPatienceMs);
            gate.open();
            const auto outcomes = running.get();
            QVERIFY(!gate.openedByItself());
            QCOMPARE(outcomes.size(), plan.size());
            for (const RefreshOutcome &o : outcomes)
                QVERIFY2(o.outcome == RunOutcome::Ok, qPrintable(o.view + ": " + o.error));
            const QString run = QStringLiteral("(SELECT max(run_id) FROM "
                                               "materialized_views_refresh_history)");
            QCOMPARE(scalar(c.db(), "SELECT count(DISTINCT view_name) = count(*) FROM "
                                    "materialized_views_refresh_history WHERE run_id = " +
                                        run)
                         .toBool(),
                     true);
            QCOMPARE(scalar(c.db(), "SELECT count(DISTINCT backend_pid) FROM "
                                    "materialized_views_refresh_history WHERE run_id = " +
                                        run)
                         .toInt(),
                     2);
            // no view started before a view it reads had finished (its rules' dependencies,
            // read here from the catalog)
            QCOMPARE(scalar(c.db(), "SELECT count(*) FROM materialized_views_refresh_history a "
                                    "JOIN materialized_views_refresh_history b ON b.run_id = "
                                    "a.run_id JOIN pg_rewrite r ON r.ev_class = "
                                    "to_regclass('mvdash.' || quote_ident(a.view_name)) JOIN "
                                    "pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid "
                                    "= r.oid AND d.refobjid = to_regclass('mvdash.' || "
                                    "quote_ident(b.view_name)) WHERE a.run_id = " +
                                        run +
                                        " AND a.view_name <> b.view_name AND a.started_at < "
                                        "b.finished_at")
                         .toInt(),
                     0);
            // and the two gated views overlapped, on two sessions
            QVERIFY(scalar(c.db(), "SELECT count(*) FROM materialized_views_refresh_history s "
                                   "JOIN materialized_views_refresh_history o ON o.run_id = "
                                   "s.run_id AND o.view_name = 'slow_view_2' WHERE s.run_id = " +
                                       run +
                                       " AND s.view_name = 'slow_view' AND o.started_at < "
                                       "s.finished_at AND s.started_at < o.finished_at AND "
                                       "o.backend_pid <> s.backend_pid")
                        .toInt() == 1);
            exec(c.db(), QStringLiteral("DROP MATERIALIZED VIEW slow_view_2"));
        });
    }

    // Two sessions, one held in slow_view (which nothing reads): the other refreshes every
    // other view meanwhile, those that read views refreshed after slow_view started too. A
    // view waits for what it reads, not for a whole dependency level (the user_activity_view
    // of migration 020 starts as soon as bets_view is done).
    void aViewWaitsOnlyForWhatItReads() {
        MVDASH_TRY({
            Connection c(settings_, QStringLiteral("t"));
            refreshAll(c.db());
            const qsizetype views = RefreshRunner(c.db()).plan().size();
            Gate gate(settings_);
            auto running = refreshAllOnTwoSessions();
            const OpenOnExit openOnExit{gate};
            const QString run = QStringLiteral("(SELECT max(run_id) FROM "
                                               "materialized_views_refresh_history)");
            // every view but slow_view done while slow_view is still held at the gate (with
            // levels, none that reads a view of slow_view's level could have started)
            QTRY_COMPARE_WITH_TIMEOUT(
                scalar(c.db(), "SELECT count(*) FROM materialized_views_refresh_history WHERE "
                               "run_id = " +
                                   run + " AND outcome = 'ok'")
                    .toInt(),
                views - 1, kPatienceMs);
            QTRY_COMPARE_WITH_TIMEOUT(Gate::waiting(c.db()).size(), 1, kPatienceMs);
            QCOMPARE(scalar(c.db(), "SELECT outcome FROM materialized_views_refresh_history WHERE "
                                    "run_id = " +
                                        run + " AND view_name = 'slow_view'")
                         .toString(),
                     QStringLiteral("running"));
            gate.open();
            const auto outcomes = running.get();
            QCOMPARE(outcomes.size(), views);
            for (const RefreshOutcome &o : outcomes)
                QVERIFY2(o.outcome == RunOutcome::Ok, qPrintable(o.view + ": " + o.error));
            QCOMPARE(outcomes.last().view, QStringLiteral("slow_view"));
        });
    }

    // A view refreshed by name brings the parts it reads along, by the engine and by the SQL
    // function alone: user_activity_view joined with an older user_activity_except_bets would
    // leave out a user whose first bet came after the part's refresh.
    void aViewRefreshedByNameBringsItsParts() {
        MVDASH_TRY({
            Connection c(settings_, QStringLiteral("t"));
            refreshAll(c.db());
            const QString betsOf = QStringLiteral("SELECT total_bets FROM user_activity_view WHERE "
                                                  "tenant_id = 10001 AND user_id = ?");
            exec(c.db(), "INSERT INTO bet_events VALUES (10001, 999999001, 'b-by-name-1', "
                         "'u-by-name-1', 'placed', 1, 1, 'f', NULL, NULL, 1)");
            RefreshRunner runner(c.db());
            runner.setSessions(2, settings_);
            QStringList done;
            for (const RefreshOutcome &o :
                 runner.run({QStringLiteral("bets_view"), QStringLiteral("user_activity_view")})) {
                QVERIFY2(o.outcome == RunOutcome::Ok, qPrintable(o.view + ": " + o.error));
                done << o.view;
            }
            QCOMPARE(done.size(), 3);
            QVERIFY(done.indexOf(QStringLiteral("user_activity_except_bets")) >= 0);
            QVERIFY(done.indexOf(QStringLiteral("user_activity_except_bets")) <
                    done.indexOf(QStringLiteral("user_activity_view")));
            QCOMPARE(scalar(c.db(), betsOf, {QStringLiteral("u-by-name-1")}).toInt(), 1);

            exec(c.db(), "INSERT INTO bet_events VALUES (10001, 999999002, 'b-by-name-2', "
                         "'u-by-name-2', 'placed', 1, 1, 'f', NULL, NULL, 1)");
            exec(c.db(), "SELECT * FROM refresh_materialized_view('bets_view')");
            QSqlQuery q(c.db());
            QVERIFY(q.exec("SELECT view_name, outcome FROM "
                           "refresh_materialized_view('user_activity_view')"));
            QStringList rows;
            while (q.next())
                rows << q.value(0).toString() + u' ' + q.value(1).toString();
            QCOMPARE(rows, QStringList({QStringLiteral("user_activity_except_bets ok"),
                                        QStringLiteral("user_activity_view ok")}));
            QCOMPARE(scalar(c.db(), betsOf, {QStringLiteral("u-by-name-2")}).toInt(), 1);
            exec(c.db(), "DELETE FROM bet_events WHERE event_id IN (999999001, 999999002)");
            refreshAll(c.db());
        });
    }

    // A refresh runs with the guide's work_mem = '256MB' (023) whatever the session has, and
    // the session's own comes back after it: a view that records the setting it was refreshed
    // with says so.
    void aRefreshRunsWithTheGuidesWorkMem() {
        MVDASH_TRY({
            Connection c(settings_, QStringLiteral("t"));
            exec(c.db(), "DROP MATERIALIZED VIEW IF EXISTS mvdash.work_mem_probe");
            exec(c.db(), "SET work_mem = '4MB'");
            exec(c.db(), "CREATE MATERIALIZED VIEW mvdash.work_mem_probe AS "
                         "SELECT current_setting('work_mem') AS work_mem");
            QCOMPARE(scalar(c.db(), "SELECT work_mem FROM mvdash.work_mem_probe").toString(),
                     QStringLiteral("4MB"));
            QCOMPARE(scalar(c.db(), "SELECT outcome FROM "
                                    "refresh_materialized_view('work_mem_probe')")
                         .toString(),
                     QStringLiteral("ok"));
            QCOMPARE(scalar(c.db(), "SELECT work_mem FROM mvdash.work_mem_probe").toString(),
                     QStringLiteral("256MB"));
            QCOMPARE(scalar(c.db(), "SELECT current_setting('work_mem')").toString(),
                     QStringLiteral("4MB"));
            exec(c.db(), "RESET work_mem");
            exec(c.db(), "DROP MATERIALIZED VIEW mvdash.work_mem_probe");
        });
    }

    // A refresh analyzes its view when autovacuum would (migration 031): after a plain
    // refresh (a new heap), after a concurrent one that changed more rows than autovacuum's
    // scale factor (10% of the rows), and when autovacuum is off for the view; not after a
    // concurrent refresh that changed a few rows, whose statistics stay what they were (for
    // autovacuum, which counts such changes across refreshes).
    void aRefreshAnalyzesWhenAutovacuumWould() {
        MVDASH_TRY({
            Connection c(settings_, QStringLiteral("t"));
            exec(c.db(), "DROP MATERIALIZED VIEW IF EXISTS mvdash.analyze_probe");
            exec(c.db(), "DROP TABLE IF EXISTS mvdash.analyze_probe_rows");
            exec(c.db(), "CREATE TABLE mvdash.analyze_probe_rows AS "
                         "SELECT g AS id, 0 AS v FROM generate_series(1, 1000) g");
            exec(c.db(), "CREATE MATERIALIZED VIEW mvdash.analyze_probe AS "
                         "SELECT id, v FROM mvdash.analyze_probe_rows WITH NO DATA");
            exec(c.db(), "CREATE UNIQUE INDEX ON mvdash.analyze_probe (id)");
            // "<method> <analyzed or not>" for one refresh through the engine, in a session of
            // its own: PostgreSQL 15 counts a session's changes of the last second or so, not
            // yet reported, with its transaction's own (an ANALYZE more at worst)
            int sessions = 0;
            const auto refresh = [this, &c, &sessions](const QString &change) {
                if (!change.isEmpty())
                    exec(c.db(), change);
                const auto analyses = [&c] {
                    return scalar(c.db(), "SELECT pg_stat_get_analyze_count("
                                          "'mvdash.analyze_probe'::regclass)")
                        .toLongLong();
                };
                const qint64 before = analyses();
                Connection own(settings_, QStringLiteral("analyze%1").arg(++sessions));
                QSqlQuery q(own.db());
                if (!q.exec(QStringLiteral("SELECT method, outcome FROM "
                                           "refresh_materialized_view('analyze_probe')")) ||
                    !q.next() || q.value(1).toString() != u"ok")
                    return QStringLiteral("refresh failed: %1").arg(q.lastError().text());
                return QStringLiteral("%1 %2").arg(q.value(0).toString(),
                                                   analyses() > before ? QStringLiteral("analyzed")
                                                                       : QStringLiteral("kept"));
            };
            QCOMPARE(refresh({}), QStringLiteral("plain analyzed"));
            QCOMPARE(refresh({}), QStringLiteral("concurrently kept"));
            QCOMPARE(refresh(QStringLiteral("UPDATE mvdash.analyze_probe_rows SET v = 1 "
                                            "WHERE id <= 10")),
                     QStringLiteral("concurrently kept"));
            // 80 changes: within 10% of the rows
            QCOMPARE(refresh(QStringLiteral("UPDATE mvdash.analyze_probe_rows SET v = 1 "
                                            "WHERE id BETWEEN 11 AND 50")),
                     QStringLiteral("concurrently kept"));
            QCOMPARE(refresh(QStringLiteral("UPDATE mvdash.analyze_probe_rows SET v = 2 "
                                            "WHERE id <= 500")),
                     QStringLiteral("concurrently analyzed"));
            // autovacuum off for the view, in any spelling of a boolean
            QCOMPARE(refresh(QStringLiteral("ALTER MATERIALIZED VIEW mvdash.analyze_probe SET "
                                            "(autovacuum_enabled = 0)")),
                     QStringLiteral("concurrently analyzed"));
            // the rows are right whichever way (the statistics are all that is skipped)
            QCOMPARE(scalar(c.db(), "SELECT count(*) FILTER (WHERE v = 2) FROM "
                                    "mvdash.analyze_probe")
                         .toLongLong(),
                     500);
            exec(c.db(), "DROP MATERIALIZED VIEW mvdash.analyze_probe");
            exec(c.db(), "DROP TABLE mvdash.analyze_probe_rows");
        });
    }

    // One cancel stops every session of a parallel run and leaves no 'running' row.
    void cancelStopsEverySession() {
        MVDASH_TRY({
            Connection c(settings_, QStringLiteral("t"));
            // a second gated view, so that both sessions are inside a refresh when cancelled
            createGatedView(c.db(), QStringLiteral("slow_view_2"), false);
            Gate gate(settings_);
            SessionCanceller canceller;
            auto refresher = std::async(std::launch::async, [this, &canceller] {
                Connection own(settings_, QStringLiteral("refresher"));
                RefreshRunner runner(own.db(), &canceller);
                runner.setSessions(2, settings_);
                // a cancel during a REFRESH comes back as that view's failed outcome
                // ('canceled: ...', migration 010); one that lands between statements as an error
                try {
                    QStringList errors;
                    for (const RefreshOutcome &o : runner.run({}))
                        errors << o.error;
                    return errors.join(u'\n');
                } catch (const DbError &e) {
                    return e.message();
                }
            });
            const OpenOnExit openOnExit{gate};
            // each of the two sessions seen waiting inside its refresh (at one poll or another)
            QSet<int> seen;
            QTRY_VERIFY_WITH_TIMEOUT(
                [&] {
                    for (int pid : Gate::waiting(c.db()))
                        seen.insert(pid);
                    return seen.size() == 2;
                }(),
                kPatienceMs);
            canceller.cancel();
            const QString error = refresher.get();
            QVERIFY2(error.contains("cancel"), qPrintable(error));
            QVERIFY(!gate.isOpen()); // the cancel ended the run, not the gate
            gate.open();
            QTRY_COMPARE_WITH_TIMEOUT(scalar(c.db(), "SELECT count(*) FROM "
                                                     "materialized_views_refresh_history WHERE "
                                                     "outcome = 'running'")
                                          .toInt(),
                                      0, kPatienceMs);
            QCOMPARE(scalar(c.db(), "SELECT count(*) FROM materialized_views_refresh_history WHERE "
                                    "run_id = (SELECT max(run_id) FROM "
                                    "materialized_views_refresh_history) AND view_name IN "
                                    "('slow_view', 'slow_view_2') AND outcome = 'failed' AND "
                                    "error LIKE '%cancel%'")
                         .toInt(),
                     2);
            exec(c.db(), QStringLiteral("DROP MATERIALIZED VIEW slow_view_2"));
            QCOMPARE(refreshAll(c.db()).value("bets_view"), QStringLiteral("ok"));
        });
    }

    void sizesCoverEveryViewAndTheRatio() {
        MVDASH_TRY({
            Connection c(settings_, QStringLiteral("t"));
            // compared with the size functions below: measured, not an earlier refresh's sample
            // (Citus, migration 019)
            const SizesMeasuredNow measured(c.db());
            QCOMPARE(scalar(c.db(), "SELECT count(*) FROM materialized_view_sizes()").toInt(),
                     scalar(c.db(), "SELECT count(*) FROM pg_matviews WHERE schemaname = 'mvdash'")
                         .toInt());
            QVERIFY(
                scalar(
                    c.db(),
                    "SELECT bool_and(total_bytes = table_bytes + index_bytes AND total_bytes = "
                    "pg_total_relation_size(view_name::regclass)) FROM materialized_view_sizes()")
                    .toBool());
            const char *eventBytes =
                cluster_.isCitus()
                    // distributed tables: all shards, not the coordinator's local part
                    ? "SELECT event_tables_bytes = citus_total_relation_size('bet_events') + "
                      "citus_total_relation_size('balance_events') + "
                      "citus_total_relation_size('payment_events') FROM "
                      "materialized_views_size_ratio()"
                    : "SELECT event_tables_bytes = pg_total_relation_size('bet_events') + "
                      "pg_total_relation_size('balance_events') + "
                      "pg_total_relation_size('payment_events') FROM "
                      "materialized_views_size_ratio()";
            QVERIFY(scalar(c.db(), eventBytes).toBool());
            if (cluster_.isCitus()) {
                QVERIFY(scalar(c.db(), "SELECT (mvdash_relation_bytes('bet_events')).total_bytes = "
                                       "(SELECT sum(shard_size) FROM citus_shards WHERE table_name "
                                       "= 'bet_events'::regclass)")
                            .toBool());
                QVERIFY(scalar(c.db(), "SELECT (mvdash_relation_bytes('bet_events')).total_bytes > "
                                       "10 * pg_total_relation_size('bet_events')")
                            .toBool());
            }
            QVERIFY(scalar(c.db(), "SELECT ratio > 0 AND ratio = round(views_bytes::numeric / "
                                   "event_tables_bytes, 4) FROM materialized_views_size_ratio()")
                        .toBool());
        });
    }
};

QTEST_GUILESS_MAIN(TestRefreshEngine)
#include "tst_refresh_engine.moc"
