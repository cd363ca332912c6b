// The dashboard as real widgets (offscreen) on a real seeded database.

#include "eventgenerator.h"
#include "format.h"
#include "mainwindow.h"
#include "panels.h"
#include "rowtablemodel.h"
#include "seeder.h"
#include "testcluster.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QTimer>

using namespace mvdash;
using namespace mvdash::test;

class TestDashboard : public QObject {
    Q_OBJECT
    TestCluster cluster_;
    ConnectionSettings settings_;

    static bool waitLoaded(MainWindow &w) {
        return QTest::qWaitFor(
            [&] { return !w.isLoading() && w.findChild<QComboBox *>()->currentIndex() >= 0; },
            20000);
    }
    static QStringList labelTexts(QWidget *w) {
        QStringList texts;
        for (QLabel *l : w->findChildren<QLabel *>())
            texts << l->text();
        return texts;
    }
    static QPushButton *button(QWidget *w, const QString &text) {
        for (QPushButton *b : w->findChildren<QPushButton *>())
            if (b->text() == text)
                return b;
        return nullptr;
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true); // settings and logs of tests stay apart
        QString error;
        QVERIFY2(cluster_.start(&error), qPrintable(error));
        MVDASH_TRY(
            { settings_ = cluster_.createSeededDatabase(QStringLiteral("dashboard"), 30000); });
    }

    void tenantSwitchUpdatesTheSummary() {
        MainWindow w(settings_);
        w.show();
        QVERIFY(waitLoaded(w));
        auto *picker = w.findChild<QComboBox *>();
        MVDASH_TRY({
            Connection c(settings_, QStringLiteral("t"));
            for (qint64 tenant : {10001, 10005}) {
                w.selectTenant(tenant);
                const QString stake = formatMoney(*Decimal::parse(
                    scalar(c.db(),
                           "SELECT total_stake::text FROM tenants_summary_view WHERE tenant_id = ?",
                           {tenant})
                        .toString()));
                const QString name =
                    scalar(c.db(),
                           "SELECT tenant_name FROM tenants_summary_view WHERE tenant_id = ?",
                           {tenant})
                        .toString();
                QTRY_COMPARE(picker->currentText(), name);
                QVERIFY2(labelTexts(&w).contains(stake), qPrintable(stake));
                // every tenant panel follows: top players, payments
                const QString top = scalar(c.db(),
                                           "SELECT user_id FROM user_activity_view WHERE tenant_id "
                                           "= ? ORDER BY total_wagered DESC, user_id LIMIT 1",
                                           {tenant})
                                        .toString();
                QTRY_COMPARE(w.topPlayer(), top);
                const QString newest =
                    scalar(c.db(),
                           "SELECT payment_id FROM payments_view WHERE tenant_id = ? ORDER BY "
                           "last_updated_at DESC, payment_id DESC LIMIT 1",
                           {tenant})
                        .toString();
                QAbstractItemModel *payments = w.paymentsPanel()->table()->model();
                QTRY_COMPARE(payments->index(0, 0).data(KeyRole).toString(), newest);
            }
        });
    }

    void tablesCopyExactValuesAsTabSeparatedText() {
        MainWindow w(settings_);
        w.show();
        QVERIFY(waitLoaded(w));
        w.showPanel(2);
        QTableView *table = w.paymentsPanel()->table();
        QTRY_VERIFY(table->model()->rowCount() > 0);
        w.activateWindow();
        table->setFocus();
        QTRY_VERIFY(table->hasFocus());
        table->selectRow(0);
        QTest::keySequence(table, QKeySequence::Copy);
        const QString copied = QGuiApplication::clipboard()->text();
        QCOMPARE(copied.count(u'\t'), table->model()->columnCount() - 1);
        QVERIFY(
            copied.contains(table->model()->index(0, 5).data().toString())); // the amount as shown
    }

    void columnWidthsAreRemembered() {
        {
            MainWindow w(settings_);
            w.show();
            QVERIFY(waitLoaded(w));
            QTableView *table = w.paymentsPanel()->table();
            QTRY_VERIFY(table->model()->rowCount() > 0);
            table->setColumnWidth(1, 333);
        }
        MainWindow again(settings_);
        again.show();
        QVERIFY(waitLoaded(again));
        QTableView *table = again.paymentsPanel()->table();
        QTRY_VERIFY(table->model()->rowCount() > 0);
        QCOMPARE(table->columnWidth(1), 333);
    }

    void refreshAllRecordsARunWithoutFreezingTheWindow() {
        MainWindow w(settings_);
        w.show();
        QVERIFY(waitLoaded(w));
        w.showPanel(2);
        QPushButton *all = button(&w, QStringLiteral("Refresh all"));
        QVERIFY(all);
        QTRY_VERIFY_WITH_TIMEOUT(all->isEnabled(), 10000);
        qint64 runsBefore = 0;
        MVDASH_TRY({
            Connection c(settings_, QStringLiteral("t"));
            runsBefore =
                scalar(c.db(),
                       "SELECT count(DISTINCT run_id) FROM materialized_views_refresh_history")
                    .toLongLong();
            // make the refresh take a while: a slow view
            exec(c.db(), "CREATE MATERIALIZED VIEW IF NOT EXISTS slow_view AS SELECT 1 AS id, "
                         "pg_sleep(1.5) IS NULL AS slept");
        });
        // the event loop keeps turning: a 10 ms timer never waits long
        QElapsedTimer clock;
        qint64 last = 0, longest = 0;
        QTimer probe;
        clock.start();
        connect(&probe, &QTimer::timeout, [&] {
            longest = std::max(longest, clock.elapsed() - last);
            last = clock.elapsed();
        });
        probe.start(10);
        QTest::mouseClick(all, Qt::LeftButton);
        QVERIFY(!all->isEnabled()); // running: no second press
        QTRY_VERIFY_WITH_TIMEOUT(all->isEnabled(), 60000);
        probe.stop();
        QVERIFY2(longest < 250,
                 qPrintable(QStringLiteral("the GUI thread stalled %1 ms").arg(longest)));
        MVDASH_TRY({
            Connection c(settings_, QStringLiteral("t"));
            QCOMPARE(scalar(c.db(),
                            "SELECT count(DISTINCT run_id) FROM materialized_views_refresh_history")
                         .toLongLong(),
                     runsBefore + 1);
            QVERIFY(scalar(c.db(),
                           "SELECT count(*) FROM materialized_views_refresh_history WHERE run_id = "
                           "(SELECT max(run_id) FROM materialized_views_refresh_history) AND "
                           "outcome = 'ok' AND application_name = 'mvdash refresh'")
                        .toInt() >= 6);
            exec(c.db(), "DROP MATERIALIZED VIEW slow_view");
        });
    }

    void aRunningRefreshCanBeCancelled() {
        MainWindow w(settings_);
        w.show();
        QVERIFY(waitLoaded(w));
        MVDASH_TRY({
            Connection c(settings_, QStringLiteral("t"));
            exec(c.db(), "CREATE MATERIALIZED VIEW sleepy_view AS SELECT 1 AS id, pg_sleep(20) IS "
                         "NULL AS slept WITH NO DATA");
        });
        QPushButton *all = button(&w, QStringLiteral("Refresh all"));
        QPushButton *cancel = button(&w, QStringLiteral("Cancel"));
        QTRY_VERIFY_WITH_TIMEOUT(all->isEnabled(), 10000);
        QTest::mouseClick(all, Qt::LeftButton);
        // wait until the slow view is being refreshed, then cancel
        MVDASH_TRY({
            Connection c(settings_, QStringLiteral("t"));
            QTRY_VERIFY_WITH_TIMEOUT(
                scalar(c.db(), "SELECT count(*) FROM materialized_views_refresh_history WHERE "
                               "view_name = 'sleepy_view' AND outcome = 'running'")
                        .toInt() == 1,
                30000);
        });
        QVERIFY(cancel->isEnabled());
        QElapsedTimer timer;
        timer.start();
        QTest::mouseClick(cancel, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(all->isEnabled(), 10000);
        QVERIFY2(timer.elapsed() < 5000, "cancel took too long");
        MVDASH_TRY({
            Connection c(settings_, QStringLiteral("t"));
            // recorded as failed (cancelled), nothing left 'running', the view untouched
            QCOMPARE(scalar(c.db(), "SELECT outcome FROM materialized_views_refresh_history WHERE "
                                    "view_name = 'sleepy_view' ORDER BY history_id DESC LIMIT 1")
                         .toString(),
                     QStringLiteral("failed"));
            QVERIFY(scalar(c.db(), "SELECT error FROM materialized_views_refresh_history WHERE "
                                   "view_name = 'sleepy_view' ORDER BY history_id DESC LIMIT 1")
                        .toString()
                        .contains("cancel"));
            QCOMPARE(scalar(c.db(), "SELECT count(*) FROM materialized_views_refresh_history WHERE "
                                    "outcome = 'running'")
                         .toInt(),
                     0);
            QVERIFY(
                !scalar(c.db(), "SELECT relispopulated FROM pg_class WHERE relname = 'sleepy_view'")
                     .toBool());
            exec(c.db(), "DROP MATERIALIZED VIEW sleepy_view");
        });
    }

    void aRoleWithoutRefreshRightsSeesTheButtonsDisabled() {
        MVDASH_TRY({
            Connection c(settings_, QStringLiteral("t"));
            exec(c.db(),
                 "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'dash_viewer') "
                 "THEN CREATE ROLE dash_viewer LOGIN IN ROLE mvdash_reader; END IF; END $$");
        });
        ConnectionSettings viewer = settings_;
        viewer.set(QStringLiteral("user"), QStringLiteral("dash_viewer"));
        MainWindow w(viewer);
        w.show();
        QVERIFY(waitLoaded(w));
        w.showPanel(2);
        QPushButton *all = button(&w, QStringLiteral("Refresh all"));
        QTRY_VERIFY_WITH_TIMEOUT(all->toolTip().contains("may not refresh"), 10000);
        QVERIFY(!all->isEnabled());
        QVERIFY(!button(&w, QStringLiteral("Refresh selected"))->isEnabled());
    }

    // A tenant administrator (migration 008): its tenant only, the tenant panels only, no
    // error from an ops query it may not run.
    void aTenantAdministratorSeesItsTenantAndNoOpsPanels() {
        QString top;
        MVDASH_TRY({
            Connection c(settings_, QStringLiteral("t"));
            exec(c.db(),
                 "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'dash_tenant') "
                 "THEN CREATE ROLE dash_tenant LOGIN; END IF; END $$");
            runQuery(c.db(), QStringLiteral("tenant_grant"), {"dash_tenant", 10005});
            top = scalar(c.db(),
                         "SELECT user_id FROM user_activity_view WHERE tenant_id = 10005 ORDER BY "
                         "total_wagered DESC, user_id LIMIT 1")
                      .toString();
        });
        ConnectionSettings tenant = settings_;
        tenant.set(QStringLiteral("user"), QStringLiteral("dash_tenant"));
        MainWindow w(tenant);
        w.show();
        QVERIFY(waitLoaded(w));
        QTRY_COMPARE(w.panelNames(), (QStringList{"Summary", "Players", "Payments", "User"}));
        QCOMPARE(w.findChild<QComboBox *>()->count(), 1);
        QTRY_COMPARE(w.topPlayer(), top);
        QTRY_VERIFY(labelTexts(&w).join(u'\n').contains(QStringLiteral("tenant administrator")));
        QTest::qWait(300); // any refused ops query would have answered by now
        QCOMPARE(w.bannerText(), QString());
    }

    void aKilledBackendShowsTheBannerAndThePanelRecovers() {
        MainWindow w(settings_);
        w.show();
        QVERIFY(waitLoaded(w));
        MVDASH_TRY({
            Connection c(settings_, QStringLiteral("killer"));
            QVERIFY(scalar(c.db(), "SELECT bool_and(pg_terminate_backend(pid)) FROM "
                                   "pg_stat_activity WHERE application_name = 'mvdash read'")
                        .toBool());
        });
        w.reloadAll();
        // the next request reconnects at once: the banner tells both, then goes
        QTRY_VERIFY_WITH_TIMEOUT(w.bannerText().contains("reconnected"), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(w.bannerText().isEmpty(), 20000);
        QVERIFY(w.findChild<QComboBox *>()->count() > 0);
    }

    // TLS as libpq applies it: a server that takes TCP clients only over TLS; sslmode=require
    // gets in and the status bar says so, sslmode=disable is refused with the server's reason;
    // the suite's own server shows libpq's default sslmode.
    void theStatusBarShowsTlsAndSslmodeIsHonoured() {
        TestCluster tls{LocalCluster::Options{QString(), false, false, false, true}};
        QString error;
        QVERIFY2(tls.start(&error), qPrintable(error));
        ConnectionSettings secure;
        MVDASH_TRY({ secure = tls.createSeededDatabase(QStringLiteral("tls"), 2000); });
        secure.set(QStringLiteral("sslmode"), QStringLiteral("require"));
        {
            MainWindow w(secure);
            w.show();
            QVERIFY(waitLoaded(w));
            QTRY_VERIFY(
                labelTexts(&w).join(u'\n').contains(QStringLiteral("TLS (sslmode=require)")));
        }
        ConnectionSettings clear = secure;
        clear.set(QStringLiteral("sslmode"), QStringLiteral("disable"));
        {
            MainWindow w(clear);
            w.show();
            QTRY_VERIFY_WITH_TIMEOUT(w.bannerText().contains(QStringLiteral("no encryption")),
                                     20000);
            QVERIFY(labelTexts(&w).join(u'\n').contains(QStringLiteral("offline")));
        }
        MainWindow local(settings_);
        local.show();
        QVERIFY(waitLoaded(local));
        // unix socket: no TLS; a Citus coordinator (TCP) enables TLS by itself
        QTRY_VERIFY(labelTexts(&local).join(u'\n').contains(
            cluster_.isCitus() ? QStringLiteral("TLS (sslmode=prefer)")
                               : QStringLiteral("no TLS (sslmode=prefer)")));
    }

    // The server goes away for a minute (twelve failed 5 s retries) and comes back: the
    // window says it is offline, reconnects by itself, says so, and keeps the tenant the user
    // was looking at, on screen and in the settings. Last: it restarts the suite's server.
    void theServerGoneForAWhileIsShownAndTheWindowReconnects() {
        MainWindow w(settings_);
        w.show();
        QVERIFY(waitLoaded(w));
        w.selectTenant(10003);
        QTRY_COMPARE(w.currentTenant(), 10003);
        QTRY_COMPARE(QSettings().value(QStringLiteral("ui/tenant")).toLongLong(), 10003);
        QString error;
        QVERIFY2(cluster_.cluster().stop(&error), qPrintable(error));
        w.reloadAll();
        QTRY_VERIFY_WITH_TIMEOUT(labelTexts(&w).join(u'\n').contains(QStringLiteral("offline")),
                                 20000);
        QTRY_VERIFY_WITH_TIMEOUT(w.bannerText().contains(QStringLiteral("Connection lost")), 20000);
        QTest::qWait(60000); // a minute of failed 5 s retries; nothing may crash or reset
        QVERIFY(labelTexts(&w).join(u'\n').contains(QStringLiteral("offline")));
        QVERIFY2(cluster_.cluster().start(&error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(w.bannerText().contains(QStringLiteral("reconnected")), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(labelTexts(&w).join(u'\n').contains(QStringLiteral("connected:")),
                                 10000);
        QCOMPARE(w.currentTenant(), 10003);
        QCOMPARE(QSettings().value(QStringLiteral("ui/tenant")).toLongLong(), 10003);
        QVERIFY(waitLoaded(w));
    }
};

QTEST_MAIN(TestDashboard)
#include "tst_dashboard.moc"
