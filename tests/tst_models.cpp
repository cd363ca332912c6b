// The item models against a real database: Qt's model tester, no reset on an unchanged
// reload, stale answers dropped, lost connections reported and recovered.

#include "databaseworker.h"
#include "eventgenerator.h"
#include "refreshhealthmodel.h"
#include "seeder.h"
#include "tenantsummarymodel.h"
#include "testcluster.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace mvdash;
using namespace mvdash::test;

class TestModels : public QObject {
    Q_OBJECT
    TestCluster cluster_;
    ConnectionSettings settings_;

    template <typename Model> static bool load(Model &model) {
        QSignalSpy loaded(&model, &ReloadableModel::loaded);
        model.reload();
        return loaded.wait(20000);
    }

private slots:
    void initTestCase() {
        QString error;
        QVERIFY2(cluster_.start(&error), qPrintable(error));
        MVDASH_TRY({
            settings_ = cluster_.createDatabase(QStringLiteral("models"));
            EventGenerator::Options options;
            options.events = 20000;
            seedDatabase(settings_, options);
            Connection c(settings_, QStringLiteral("t"));
            exec(c.db(), "SELECT count(*) FROM refresh_aggregate_views()");
        });
    }

    void tenantModelPassesTheTesterAndMatchesTheView() {
        DatabaseWorker worker(settings_, QStringLiteral("test"));
        TenantSummaryModel model(&worker);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(load(model));
        MVDASH_TRY({
            Connection c(settings_, QStringLiteral("t"));
            QCOMPARE(model.rowCount(),
                     scalar(c.db(), "SELECT count(*) FROM tenants_summary_view").toInt());
            const qint64 id = 10001;
            const TenantSummary *t = model.tenant(id);
            QVERIFY(t);
            QCOMPARE(
                t->totalStake.toString(2),
                scalar(c.db(),
                       "SELECT total_stake::text FROM tenants_summary_view WHERE tenant_id = 10001")
                    .toString());
            QCOMPARE(t->totalBets,
                     scalar(c.db(),
                            "SELECT total_bets FROM tenants_summary_view WHERE tenant_id = 10001")
                         .toLongLong());
        });
    }

    void unchangedReloadDoesNotReset() {
        DatabaseWorker worker(settings_, QStringLiteral("test"));
        RefreshHealthModel model(&worker);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(load(model));
        QVERIFY(model.rowCount() >= 5);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
        QVERIFY(load(model));
        QCOMPARE(resets.count(), 0);
        QCOMPARE(changes.count(), 0);
        // one view refreshed: that row changes, nothing resets
        MVDASH_TRY({
            Connection c(settings_, QStringLiteral("t"));
            exec(c.db(), "SELECT * FROM refresh_materialized_view('payments_view')");
        });
        QVERIFY(load(model));
        QCOMPARE(resets.count(), 0);
        QCOMPARE(changes.count(), 1);
        const QModelIndex changed = changes.first().at(0).value<QModelIndex>();
        QCOMPARE(model.index(changed.row(), RefreshHealthModel::View).data().toString(),
                 QStringLiteral("payments_view"));
    }

    void anOlderAnswerNeverReplacesANewerOne() {
        DatabaseWorker worker(settings_, QStringLiteral("test"));
        TenantSummaryModel model(&worker);
        QSignalSpy loaded(&model, &ReloadableModel::loaded);
        // three requests in a row: only the last one's answer is applied
        model.reload();
        model.reload();
        model.reload();
        QVERIFY(loaded.wait(20000));
        QTest::qWait(300);
        QCOMPARE(loaded.count(), 1);
        QVERIFY(!model.isLoading());
    }

    void killedBackendIsReportedAndTheNextLoadRecovers() {
        DatabaseWorker worker(settings_, QStringLiteral("victim"));
        TenantSummaryModel model(&worker);
        QVERIFY(load(model));
        QSignalSpy failed(&model, &ReloadableModel::loadFailed);
        QSignalSpy connection(&worker, &DatabaseWorker::connectionChanged);
        MVDASH_TRY({
            Connection c(settings_, QStringLiteral("killer"));
            QVERIFY(scalar(c.db(), "SELECT bool_and(pg_terminate_backend(pid)) FROM "
                                   "pg_stat_activity WHERE application_name = 'mvdash victim'")
                        .toBool());
        });
        model.reload();
        QVERIFY(failed.wait(20000));
        QVERIFY(failed.first().at(1).toBool()); // reported as a lost connection
        QVERIFY(!model.lastError().isEmpty());
        // the next request reconnects by itself
        QVERIFY(load(model));
        QVERIFY(model.rowCount() > 0);
        QVERIFY(connection.count() >= 2);
        QCOMPARE(connection.last().at(0).toBool(), true);
    }
};

QTEST_GUILESS_MAIN(TestModels)
#include "tst_models.moc"
