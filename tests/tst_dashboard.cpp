// The dashboard as real widgets (offscreen) on a real seeded database.

#include "betstatusmodel.h"
#include "connectiondialog.h"
#include "dashboardmodels.h"
#include "database.h"
#include "doctormodel.h"
#include "eventgenerator.h"
#include "eventwriter.h"
#include "fakerunner.h"
#include "format.h"
#include "livereadmodels.h"
#include "mainwindow.h"
#include "migrationrunner.h"
#include "panels/paymentspanel.h"
#include "panels/userpanel.h"
#include "paymentsmodel.h"
#include "playersmodel.h"
#include "refreshhealthmodel.h"
#include "roles.h"
#include "seeder.h"
#include "tenantcopiesmodel.h"
#include "tenantfreshnessmodel.h"
#include "testcluster.h"
#include "timeseriesmodel.h"
#include "translations.h"
#include "widgets/charts.h"
#include "widgets/tableview.h"

#include <optional>
#include <QAbstractButton>
#include <QActionGroup>
#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QClipboard>
#include <QComboBox>
#include <QCompleter>
#include <QDateEdit>
#include <QDateTimeAxis>
#include <QFile>
#include <QLabel>
#include <QLegendMarker>
#include <QLineEdit>
#include <QLineSeries>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTabWidget>
#include <QTest>
#include <QTimer>

using namespace mvdash;
using namespace mvdash::test;

// A bet of 5.00 at 2.0 placed now: a new event for the live-mode tests.
BetEvent placedNow(qint64 tenant, qint64 eventId, const QString &bet, const QString &user) {
    return BetEvent{tenant,
                    eventId,
                    bet,
                    user,
                    QStringLiteral("placed"),
                    *Decimal::parse(QStringLiteral("5.00")),
                    *Decimal::parse(QStringLiteral("2.0000")),
                    QStringLiteral("fx"),
                    {},
                    {},
                    QDateTime::currentMSecsSinceEpoch()};
}

class TestDashboard : public QObject {
    Q_OBJECT
    TestCluster cluster_;
    ConnectionSettings settings_;

    static bool waitLoaded(MainWindow &w) {
        return QTest::qWaitFor(
            [&] { return !w.isLoading() && w.findChild<QComboBox *>()->currentIndex() >= 0; },
            kPatienceMs);
    }
    static QStringList labelTexts(QWidget *w) {
        QStringList texts;
        for (QLabel *l : w->findChildren<QLabel *>())
            texts << l->text();
        return texts;
    }
    // The "data as of" badge's text (rich text: the state in a coloured span), or empty.
    static QString badgeText(MainWindow &w) {
        for (const QString &text : labelTexts(&w))
            if (text.startsWith(QStringLiteral("Data as of")))
                return text;
        return QString();
    }
    // Whether a label of the window (the status bar's among them) starts with `start`.
    static bool statusBarSays(MainWindow &w, const QString &start) {
        const QStringList labels = labelTexts(&w);
        return std::any_of(labels.cbegin(), labels.cend(),
                           [&start](const QString &t) { return t.startsWith(start); });
    }
    static QStringList chartTitles(QWidget *w) {
        QStringList titles;
        for (QChartView *v : w->findChildren<QChartView *>())
            titles << v->chart()->title();
        return titles;
    }
    static QMenu *menu(MainWindow &w, int index) {
        return w.menuBar()->actions().at(index)->menu();
    }
    // The Diagnostics panel, shown once the window offers it: its table of checks, or null.
    static QTableView *showDiagnostics(MainWindow &w) {
        if (!QTest::qWaitFor([&w] { return w.panels().contains(Panel::Diagnostics); }, kPatienceMs))
            return nullptr;
        w.showPanel(Panel::Diagnostics);
        return w.currentPanel()->findChild<QTableView *>();
    }

    // The row of a check in the Diagnostics table as shown, or -1.
    static int rowOfCheck(const QTableView *table, const QString &id, const QString &subject) {
        const QAbstractItemModel *m = table->model();
        for (int r = 0; r < m->rowCount(); ++r)
            if (m->index(r, 1).data().toString() == id &&
                m->index(r, 2).data().toString() == subject)
                return r;
        return -1;
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
        // the window as a user reads it: English with its plural forms ("3 events")
        QVERIFY(installTranslations(*qApp, QStringLiteral("en")).isEmpty());
        // ... and apart from the other engine's run of this suite, which CTest may run at the
        // same time (one shared settings file let its tenant choice land in this one's)
        QCoreApplication::setApplicationName(QCoreApplication::applicationName() +
                                             (TestCluster::citusRequested()
                                                  ? QStringLiteral("-citus")
                                                  : QStringLiteral("-postgres")));
        // a refresh held at a Gate is a lock wait: let the gate, not lock_timeout, end it
        QSettings().setValue(QStringLiteral("refresh/lockTimeoutMs"), 2 * kPatienceMs);
        QString error;
        QVERIFY2(cluster_.start(&error), qPrintable(error));
        MVDASH_TRY(
            { settings_ = cluster_.createSeededDatabase(QStringLiteral("dashboard"), 30000); });
    }

    void tenantSwitchUpdatesTheSummary() {
        DashboardModels wModels(settings_);
        MainWindow w(&wModels);
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
                QTRY_COMPARE_WITH_TIMEOUT(picker->currentText(), name, kPatienceMs);
                QTRY_VERIFY2_WITH_TIMEOUT(labelTexts(&w).contains(stake), qPrintable(stake),
                                          kPatienceMs);
                // the deposits' tile adds every currency: it says so where it is read
                const QString deposited = formatMoney(*Decimal::parse(
                    scalar(c.db(),
                           "SELECT total_deposits::text FROM tenants_summary_view WHERE "
                           "tenant_id = ?",
                           {tenant})
                        .toString()));
                bool toldMixed = false;
                for (QLabel *l : w.findChildren<QLabel *>())
                    if (l->text() == deposited && l->isVisible())
                        toldMixed = l->toolTip().contains("does not convert currencies");
                QVERIFY2(toldMixed, qPrintable(deposited));
                // every tenant panel follows: top players, payments
                const QString top = scalar(c.db(),
                                           "SELECT user_id FROM user_activity_view WHERE tenant_id "
                                           "= ? ORDER BY total_wagered DESC, user_id LIMIT 1",
                                           {tenant})
                                        .toString();
                QTRY_COMPARE_WITH_TIMEOUT(w.topPlayer(), top, kPatienceMs);
                const QString newest =
                    scalar(c.db(),
                           "SELECT payment_id FROM payments_view WHERE tenant_id = ? ORDER BY "
                           "last_updated_at DESC, payment_id DESC LIMIT 1",
                           {tenant})
                        .toString();
                QAbstractItemModel *payments = w.paymentsPanel()->table()->model();
                QTRY_COMPARE_WITH_TIMEOUT(payments->index(0, 0).data(KeyRole).toString(), newest,
                                          kPatienceMs);
            }
        });
    }

    // Payments' days: moving one bound past the other takes the other along (a range the wrong
    // way round would list nothing and not say why); an open bound stays open.
    void thePaymentDaysStayInOrder() {
        DashboardModels wModels(settings_);
        MainWindow w(&wModels);
        w.show();
        QVERIFY(waitLoaded(w));
        w.showPanel(Panel::Payments);
        QDateEdit *from = w.paymentsPanel()->fromFilter(), *to = w.paymentsPanel()->toFilter();
        const QDate open = to->minimumDate();
        from->setDate(QDate(2026, 11, 20));
        QCOMPARE(to->date(), open); // "any": no bound to keep in order
        to->setDate(QDate(2026, 11, 1));
        QCOMPARE(from->date(), QDate(2026, 11, 1));
        from->setDate(QDate(2026, 11, 25));
        QCOMPARE(to->date(), QDate(2026, 11, 25));
        to->setDate(QDate(2026, 11, 30));
        QCOMPARE(from->date(), QDate(2026, 11, 25)); // in order: left as chosen
        // both open again: every payment
        QTRY_VERIFY_WITH_TIMEOUT(!w.isLoading(), kPatienceMs);
        from->setDate(open);
        to->setDate(open);
        QTRY_VERIFY_WITH_TIMEOUT(w.paymentsPanel()->table()->model()->rowCount() > 0, kPatienceMs);
    }

    // Payments' user filter is an exact id: it completes by prefix from the tenant's users, as
    // the User panel's search does, and a chosen id filters at once.
    void thePaymentsUserFilterCompletesIds() {
        DashboardModels wModels(settings_);
        MainWindow w(&wModels);
        w.show();
        QVERIFY(waitLoaded(w));
        w.showPanel(Panel::Payments);
        QLineEdit *user = w.paymentsPanel()->userFilter();
        QVERIFY(user->completer());
        user->setFocus();
        QTest::keyClicks(user, QStringLiteral("u00"));
        QAbstractItemModel *ids = user->completer()->model();
        QTRY_VERIFY_WITH_TIMEOUT(ids->rowCount() > 0, kPatienceMs);
        for (int row = 0; row < ids->rowCount(); ++row)
            QVERIFY2(ids->index(row, 0).data().toString().startsWith("u00"),
                     qPrintable(ids->index(row, 0).data().toString()));
        const QString chosen = ids->index(0, 0).data().toString();
        user->setText(chosen); // what choosing it in the popup does, then its signal
        emit user->completer()->activated(chosen);
        QAbstractItemModel *payments = w.paymentsPanel()->table()->model();
        const auto onlyTheirs = [&] {
            if (payments->rowCount() == 0)
                return false;
            for (int row = 0; row < payments->rowCount(); ++row)
                if (payments->index(row, PaymentsModel::User).data().toString() != chosen)
                    return false;
            return true;
        };
        QTRY_VERIFY_WITH_TIMEOUT(onlyTheirs(), kPatienceMs);
    }

    void tablesCopyExactValuesAsTabSeparatedText() {
        DashboardModels wModels(settings_);
        MainWindow w(&wModels);
        w.show();
        QVERIFY(waitLoaded(w));
        w.showPanel(Panel::Payments);
        QTableView *table = w.paymentsPanel()->table();
        QTRY_VERIFY_WITH_TIMEOUT(table->model()->rowCount() > 0, kPatienceMs);
        w.activateWindow();
        table->setFocus();
        QTRY_VERIFY_WITH_TIMEOUT(table->hasFocus(), kPatienceMs);
        table->selectRow(0);
        QTest::keySequence(table, QKeySequence::Copy);
        const QString copied = QGuiApplication::clipboard()->text();
        QCOMPARE(copied.count(u'\t'), table->model()->columnCount() - 1);
        QVERIFY(
            copied.contains(table->model()->index(0, 5).data().toString())); // the amount as shown
    }

    void columnWidthsAreRemembered() {
        {
            DashboardModels wModels(settings_);
            MainWindow w(&wModels);
            w.show();
            QVERIFY(waitLoaded(w));
            QTableView *table = w.paymentsPanel()->table();
            QTRY_VERIFY_WITH_TIMEOUT(table->model()->rowCount() > 0, kPatienceMs);
            table->setColumnWidth(1, 333);
        }
        DashboardModels againModels(settings_);
        MainWindow again(&againModels);
        again.show();
        QVERIFY(waitLoaded(again));
        QTableView *table = again.paymentsPanel()->table();
        QTRY_VERIFY_WITH_TIMEOUT(table->model()->rowCount() > 0, kPatienceMs);
        QCOMPARE(table->columnWidth(1), 333);
    }

    // A value that gains digits (a balance, a newer time on top) widens its column; a
    // narrower one later does not shrink it; one long text takes at most about half the view.
    void aColumnGrowsWhenItsValuesNoLongerFit() {
        QSettings().remove(QStringLiteral("ui/columns/test-grow")); // an earlier run's widths
        QWidget host;
        host.resize(900, 300);
        QTableView *table = makeTableView(&host, QStringLiteral("test-grow"));
        table->resize(900, 300);
        QStandardItemModel model(2, 3);
        for (int r = 0; r < 2; ++r)
            for (int c = 0; c < 3; ++c)
                model.setData(model.index(r, c), QStringLiteral("7"));
        table->setModel(&model);
        host.show();
        fitColumnsOnce(table);
        const int narrow = table->columnWidth(1);
        const QString wide = QStringLiteral("1,234,567,890.00");
        model.setData(model.index(0, 1), wide);
        QTRY_VERIFY_WITH_TIMEOUT(
            table->columnWidth(1) > table->fontMetrics().horizontalAdvance(wide), kPatienceMs);
        const int grown = table->columnWidth(1);
        QVERIFY(grown > narrow);
        model.setData(model.index(0, 1), QStringLiteral("1"));
        QCoreApplication::processEvents();
        QCoreApplication::processEvents();
        QCOMPARE(table->columnWidth(1), grown);
        model.setData(model.index(1, 0), QString(400, u'x')); // a diagnosis, an error text
        QTRY_VERIFY_WITH_TIMEOUT(table->columnWidth(0) > narrow, kPatienceMs);
        QVERIFY2(table->columnWidth(0) <= 900 / 2,
                 qPrintable(QString::number(table->columnWidth(0))));
    }

    // A table on a panel not shown yet (every panel but the first, at start) is fitted when
    // it is shown, to the view it then has: not to the size of a widget never laid out.
    void aHiddenTableIsFittedWhenShown() {
        QSettings().remove(QStringLiteral("ui/columns/test-hidden"));
        QWidget host;
        host.resize(1000, 300);
        QTableView *table = makeTableView(&host, QStringLiteral("test-hidden"));
        table->resize(1000, 300);
        QStandardItemModel model(1, 3);
        const QString id = QStringLiteral("ext-0123456789-abcdefghij-klmnopqrst");
        model.setData(model.index(0, 0), id);
        table->setModel(&model);
        fitColumnsOnce(table); // the rows came while the panel was hidden
        host.show();
        QTRY_VERIFY_WITH_TIMEOUT(table->columnWidth(0) > table->fontMetrics().horizontalAdvance(id),
                                 kPatienceMs);
    }

    // File > Connect…: a password typed there goes to this connection only; it is not in the
    // profile saved from the dialog, nor in the settings file, and choosing another profile
    // clears it.
    void aTypedPasswordIsForThisConnectionOnly() {
        ConnectionDialog dialog;
        QLineEdit *password = nullptr;
        for (QLineEdit *edit : dialog.findChildren<QLineEdit *>())
            if (edit->echoMode() == QLineEdit::Password)
                password = edit;
        QVERIFY(password);
        QTest::keyClicks(password, QStringLiteral("typed-secret"));
        QCOMPARE(dialog.settings().password(), QStringLiteral("typed-secret"));
        QVERIFY(!dialog.settings().connectOptions().contains("typed-secret"));
        ConnectionProfile saved = dialog.profile();
        saved.name = QStringLiteral("with-a-typed-password");
        ConnectionProfiles::save(saved);
        QSettings().sync();
        QFile file(QSettings().fileName());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray written = file.readAll();
        QVERIFY(written.contains("with-a-typed-password")); // (the check looks at the right file)
        QVERIFY(!written.contains("typed-secret"));
        ConnectionDialog again;
        auto *profiles = again.findChild<QComboBox *>();
        QLineEdit *typedAgain = nullptr;
        for (QLineEdit *edit : again.findChildren<QLineEdit *>())
            if (edit->echoMode() == QLineEdit::Password)
                typedAgain = edit;
        QTest::keyClicks(typedAgain, QStringLiteral("for-the-first"));
        profiles->setCurrentIndex(profiles->findText(QStringLiteral("with-a-typed-password")));
        QCOMPARE(again.settings().password(), QString());
        ConnectionProfiles::remove(saved.name);
    }

    // A window whose first connection fails says it is not connected yet: nothing was lost.
    void aFirstConnectionThatFailsIsNotCalledLost() {
        ConnectionSettings nowhere = settings_;
        nowhere.set(QStringLiteral("host"), QStringLiteral("/nonexistent-socket-directory"));
        DashboardModels wModels(nowhere);
        MainWindow w(&wModels);
        w.show();
        QTRY_VERIFY2_WITH_TIMEOUT(w.bannerText().contains("Not connected yet"),
                                  qPrintable(w.bannerText()), kPatienceMs);
        QVERIFY2(!w.bannerText().contains("lost"), qPrintable(w.bannerText()));
        QVERIFY(!w.isConnected());
    }

    // A time axis names each tick differently, whatever the span: a few seconds of live
    // steps, minutes, days of refreshes (5 ticks over 3 s read "01:02:27, 01:02:27").
    void aTimeAxisNeverRepeatsALabel_data() {
        QTest::addColumn<qint64>("spanMs");
        QTest::newRow("one point") << qint64(0);
        QTest::newRow("3 s") << qint64(3'000);
        QTest::newRow("40 s") << qint64(40'000);
        QTest::newRow("10 min") << qint64(600'000);
        QTest::newRow("26 h") << qint64(26 * 3'600'000);
        QTest::newRow("3 days and a minute") << qint64(3 * 86'400'000 + 60'000);
    }
    void aTimeAxisNeverRepeatsALabel() {
        QFETCH(qint64, spanMs);
        FakeRunner runner;
        TimeSeriesModel series(&runner, QStringLiteral("refresh_duration_history"));
        series.reload();
        const QDateTime first = QDateTime::currentDateTime();
        runner.answerLast(QVariant::fromValue(
            QList<TimePoint>{{QStringLiteral("bets_view"), first, 10},
                             {QStringLiteral("bets_view"), first.addMSecs(spanMs), 20}}));
        QChartView view(new QChart);
        drawTimeSeries(view.chart(), &series, QStringLiteral("ms"));
        const QList<QAbstractAxis *> axes = view.chart()->axes(Qt::Horizontal);
        QCOMPARE(axes.size(), 1);
        const auto *time = qobject_cast<QDateTimeAxis *>(axes.first());
        QVERIFY(time);
        // where QDateTimeAxis puts its ticks: evenly from the range's start to its end
        const qint64 from = time->min().toMSecsSinceEpoch(), to = time->max().toMSecsSinceEpoch();
        QStringList labels;
        for (int i = 0; i < time->tickCount(); ++i)
            labels << QDateTime::fromMSecsSinceEpoch(from +
                                                     (to - from) * i / (time->tickCount() - 1))
                          .toString(time->format());
        QVERIFY2(labels.size() >= 2 && labels.size() <= 5, qPrintable(labels.join(u", ")));
        QStringList distinct = labels;
        distinct.removeDuplicates();
        QVERIFY2(distinct == labels, qPrintable(labels.join(u", ")));
    }

    // A pause (the CronJob or the follower stopped) is a gap in the line, not a straight line
    // across it; a series keeps one legend entry whatever its gaps, and steady points, even
    // of uneven spacing, stay one line.
    void aPauseIsAGapInTheLine() {
        FakeRunner runner;
        TimeSeriesModel series(&runner, QStringLiteral("refresh_duration_history"));
        series.reload();
        const QDateTime t0 = QDateTime::currentDateTime().addSecs(-3600);
        QList<TimePoint> points;
        for (int s : {0, 2, 3, 5, 6, 8, 1200, 1202, 1203}) // 20 minutes without a step
            points << TimePoint{QStringLiteral("live step"), t0.addSecs(s), 10.0 + s % 7};
        for (int s : {0, 300, 600, 900, 1200, 1500}) // every 5 minutes
            points << TimePoint{QStringLiteral("bets_view"), t0.addSecs(s), 40};
        runner.answerLast(QVariant::fromValue(points));
        QChartView view(new QChart);
        drawTimeSeries(view.chart(), &series, QStringLiteral("ms"));
        view.show(); // (a legend marker of a view not shown is not visible either)
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QMap<QString, QList<int>> lines; // series name: points per line
        for (QAbstractSeries *s : view.chart()->series())
            lines[s->name()] << int(qobject_cast<QLineSeries *>(s)->count());
        QCOMPARE(lines.value(QStringLiteral("live step")), (QList<int>{6, 3}));
        QCOMPARE(lines.value(QStringLiteral("bets_view")), (QList<int>{6}));
        QStringList legend;
        for (QLegendMarker *marker : view.chart()->legend()->markers())
            if (marker->isVisible())
                legend << marker->label();
        QCOMPARE(legend, (QStringList{QStringLiteral("bets_view"), QStringLiteral("live step")}));
    }

    // Refresh all runs on connections of its own: while it is held at a gate, the window keeps
    // working (its event loop turns, it shows which view is being refreshed) and the button
    // stays disabled; the run is recorded once it ends.
    void refreshAllRecordsARunWithoutFreezingTheWindow() {
        DashboardModels wModels(settings_);
        MainWindow w(&wModels);
        w.show();
        QVERIFY(waitLoaded(w));
        w.showPanel(Panel::Refresh);
        QPushButton *all = button(&w, QStringLiteral("Refresh all"));
        QVERIFY(all);
        QVERIFY(all->isVisible()); // on screen: the panel shown is the one with the button
        QTRY_VERIFY_WITH_TIMEOUT(all->isEnabled(), kPatienceMs);
        qint64 runsBefore = 0;
        MVDASH_TRY({
            Connection c(settings_, QStringLiteral("t"));
            runsBefore =
                scalar(c.db(),
                       "SELECT count(DISTINCT run_id) FROM materialized_views_refresh_history")
                    .toLongLong();
            createGatedView(c.db(), QStringLiteral("slow_view"), true); // CONCURRENTLY: reads pass
        });
        std::optional<Gate> gate;
        MVDASH_TRY(gate.emplace(settings_));
        int ticks = 0; // of a 10 ms timer: the event loop turns
        QTimer probe;
        connect(&probe, &QTimer::timeout, [&] { ++ticks; });
        probe.start(10);
        QTest::mouseClick(all, Qt::LeftButton);
        QVERIFY(!all->isEnabled()); // running: no second press
        bool held = false, workedWhileHeld = false;
        MVDASH_TRY({
            Connection c(settings_, QStringLiteral("t"));
            held = QTest::qWaitFor([&] { return Gate::waiting(c.db()).size() == 1; }, kPatienceMs);
            const int before = ticks;
            workedWhileHeld =
                held &&
                QTest::qWaitFor(
                    [&] {
                        return ticks >= before + 10 &&
                               labelTexts(&w).contains(QStringLiteral("Refreshing slow_view…"));
                    },
                    kPatienceMs) &&
                Gate::waiting(c.db()).size() == 1 && !all->isEnabled();
        });
        gate->open();
        QTRY_VERIFY_WITH_TIMEOUT(all->isEnabled(), kPatienceMs);
        probe.stop();
        QVERIFY2(held, "the refresh never reached slow_view");
        QVERIFY2(workedWhileHeld && !gate->openedByItself(),
                 "the window did not keep working while the refresh ran");
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
                        .toInt() >= 7);
            exec(c.db(), "DROP MATERIALIZED VIEW slow_view");
        });
    }

    // Cancel, pressed while a view is being refreshed (held at a gate), ends the run: the
    // view is recorded as failed (cancelled), nothing stays 'running', the view is untouched.
    void aRunningRefreshCanBeCancelled() {
        DashboardModels wModels(settings_);
        MainWindow w(&wModels);
        w.show();
        QVERIFY(waitLoaded(w));
        MVDASH_TRY({
            Connection c(settings_, QStringLiteral("t"));
            createGatedView(c.db(), QStringLiteral("sleepy_view"), false);
            exec(c.db(), "REFRESH MATERIALIZED VIEW sleepy_view WITH NO DATA");
        });
        std::optional<Gate> gate;
        MVDASH_TRY(gate.emplace(settings_));
        QPushButton *all = button(&w, QStringLiteral("Refresh all"));
        QPushButton *cancel = button(&w, QStringLiteral("Cancel"));
        QTRY_VERIFY_WITH_TIMEOUT(all->isEnabled(), kPatienceMs);
        QTest::mouseClick(all, Qt::LeftButton);
        // Cancel once the view's refresh is under way (inside its statement, not between its
        // 'running' mark and the statement, where a cancel request finds nothing to cancel)
        // and every other view of the run is done: sleepy_view, never refreshed, is the last
        // one started, and the other session, which starts each view as soon as what it reads
        // is done, has nothing left. (A moment with no other view 'running' is not enough: the
        // other session may be between two views. A cancel that lands in the middle of a
        // CONCURRENTLY refresh on Citus can end the backend and leave its 'running' row
        // behind: an engine issue, not this test's.)
        MVDASH_TRY({
            Connection c(settings_, QStringLiteral("t"));
            const QString othersDone = QStringLiteral(
                "SELECT count(*) = (SELECT count(*) - 1 FROM materialized_views_refresh_plan()) "
                "FROM materialized_views_refresh_history WHERE run_id = (SELECT max(run_id) FROM "
                "materialized_views_refresh_history) AND outcome = 'ok'");
            QTRY_VERIFY_WITH_TIMEOUT(Gate::waiting(c.db()).size() == 1 &&
                                         scalar(c.db(), othersDone).toBool(),
                                     kPatienceMs);
        });
        QVERIFY(cancel->isEnabled());
        QTest::mouseClick(cancel, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(all->isEnabled(), kPatienceMs);
        QVERIFY2(!gate->isOpen(), "the run ended only when the gate opened: cancel did not work");
        gate->open();
        MVDASH_TRY({
            Connection c(settings_, QStringLiteral("t"));
            // nothing left 'running' (waited for: the check is that it ends, not how soon)
            QTRY_COMPARE_WITH_TIMEOUT(scalar(c.db(), "SELECT count(*) FROM "
                                                     "materialized_views_refresh_history WHERE "
                                                     "outcome = 'running'")
                                          .toInt(),
                                      0, kPatienceMs);
            // recorded as failed (cancelled), the view untouched
            QCOMPARE(scalar(c.db(), "SELECT outcome FROM materialized_views_refresh_history WHERE "
                                    "view_name = 'sleepy_view' ORDER BY history_id DESC LIMIT 1")
                         .toString(),
                     QStringLiteral("failed"));
            QVERIFY(scalar(c.db(), "SELECT error FROM materialized_views_refresh_history WHERE "
                                   "view_name = 'sleepy_view' ORDER BY history_id DESC LIMIT 1")
                        .toString()
                        .contains("cancel"));
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
        DashboardModels wModels(viewer);
        MainWindow w(&wModels);
        w.show();
        QVERIFY(waitLoaded(w));
        w.showPanel(Panel::Refresh);
        QPushButton *all = button(&w, QStringLiteral("Refresh all"));
        QVERIFY(all->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(all->toolTip().contains("may not refresh"), kPatienceMs);
        QVERIFY(!all->isEnabled());
        QVERIFY(!button(&w, QStringLiteral("Refresh selected"))->isEnabled());
    }

    // A role with no grant at all (a new colleague's login, before anyone granted it): the
    // banner says which roles it needs, not "is it migrated?" (every view is hidden from it,
    // the database is fine); each failed load is still in the message log.
    void aRoleWithoutGrantsIsToldWhatItNeeds() {
        MVDASH_TRY({
            Connection c(settings_, QStringLiteral("t"));
            exec(c.db(), "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = "
                         "'dash_nobody') THEN CREATE ROLE dash_nobody LOGIN; END IF; END $$");
        });
        ConnectionSettings nobody = settings_;
        nobody.set(QStringLiteral("user"), QStringLiteral("dash_nobody"));
        DashboardModels wModels(nobody);
        MainWindow w(&wModels);
        w.show();
        QTRY_VERIFY2_WITH_TIMEOUT(w.bannerText().contains("Role dash_nobody may read none"),
                                  qPrintable(w.bannerText()), kPatienceMs);
        QTRY_VERIFY_WITH_TIMEOUT(!w.isLoading(), kPatienceMs);
        w.reloadAll(); // the next round of failures does not bury it
        QTRY_VERIFY_WITH_TIMEOUT(!w.isLoading(), kPatienceMs);
        QVERIFY2(w.bannerText().contains("mvdash_reader") &&
                     !w.bannerText().contains("is it migrated"),
                 qPrintable(w.bannerText()));
        QVERIFY(w.findChild<QPlainTextEdit *>()->toPlainText().contains("Loading tenants failed"));
        // connected, but not in green: the status bar says what the banner explains
        QVERIFY2(statusBarSays(w, "● connected, no access to mvdash: "),
                 qPrintable(labelTexts(&w).join(" | ")));
    }

    // The wrong database (dbname=postgres), or one not migrated yet: one banner that says so
    // and what to do, not the first view's "function ... does not exist" nor talk of the
    // role's privileges; the status bar says connected, but not in green. Once migrated (the
    // window open all along), the next reload shows the data and the banner goes.
    void aDatabaseWithoutMvdashIsToldAsSuchAndPickedUpOnceMigrated() {
        ConnectionSettings empty;
        MVDASH_TRY(empty = cluster_.createDatabase(QStringLiteral("dash_empty"), false));
        DashboardModels wModels(empty);
        MainWindow w(&wModels);
        w.show();
        QTRY_VERIFY2_WITH_TIMEOUT(w.bannerText().contains("Database dash_empty has no mvdash "
                                                          "schema"),
                                  qPrintable(w.bannerText()), kPatienceMs);
        QTRY_VERIFY_WITH_TIMEOUT(!w.isLoading(), kPatienceMs);
        QVERIFY(w.isConnected() && !w.hasSchema());
        w.reloadAll(); // the next round of failures does not bury it
        QTRY_VERIFY_WITH_TIMEOUT(!w.isLoading(), kPatienceMs);
        QVERIFY2(w.bannerText().contains("mvdash-admin migrate"), qPrintable(w.bannerText()));
        QVERIFY(w.findChild<QPlainTextEdit *>()->toPlainText().contains("Loading tenants failed"));
        QVERIFY(statusBarSays(w, "● connected, no mvdash schema: "));
        w.showPanel(Panel::Refresh);
        QPushButton *all = button(&w, QStringLiteral("Refresh all"));
        QVERIFY(!all->isEnabled());
        QVERIFY2(!all->toolTip().contains("mvdash_operator") &&
                     all->toolTip().contains("no mvdash schema"),
                 qPrintable(all->toolTip()));

        MVDASH_TRY({
            Connection c(empty, QStringLiteral("t"));
            MigrationRunner(c.db()).migrate();
        });
        // reloaded as the timer would: the schema is seen, then the tenants load
        w.reloadAll(); // as the timer would
        QTRY_VERIFY_WITH_TIMEOUT(w.hasSchema() && !w.isLoading(), kPatienceMs);
        w.reloadAll(); // the ops panels' sources, now that the role is known to read them
        QVERIFY2(
            QTest::qWaitFor([&] { return !w.isLoading() && w.bannerText().isEmpty(); },
                            kPatienceMs),
            qPrintable(QStringLiteral("schema %1, loading %2, banner: %3\nlog: %4")
                           .arg(w.hasSchema())
                           .arg(w.isLoading())
                           .arg(w.bannerText(), w.findChild<QPlainTextEdit *>()->toPlainText())));
        QVERIFY(statusBarSays(w, "● connected: "));
        QVERIFY(!button(&w, QStringLiteral("Refresh all"))->toolTip().contains("no mvdash"));
    }

    // Matview mode: the Refresh panel's Behind (events) counts the arrivals since each view's
    // refresh, about the events it lacks ("≈ 3"); it was hidden, and the badge said fresh
    // while thousands waited for the next refresh. Behind (s) stays live mode's.
    void matviewModeSaysHowManyEventsArrivedSinceTheRefresh() {
        ConnectionSettings settings;
        qint64 tenant = 0;
        MVDASH_TRY({
            settings = cluster_.createSeededDatabase(QStringLiteral("dash_arrivals"), 2000);
            Connection c(settings, QStringLiteral("t"));
            tenant = scalar(c.db(), "SELECT min(tenant_id) FROM tenants").toLongLong();
        });
        DashboardModels wModels(settings);
        MainWindow w(&wModels);
        w.show();
        QVERIFY(waitLoaded(w));
        w.showPanel(Panel::Refresh);
        const auto behindOf = [&wModels](const QString &view) {
            const RefreshHealthModel *m = wModels.health();
            for (int r = 0; r < m->rowCount(); ++r)
                if (m->index(r, RefreshHealthModel::View).data().toString() == view)
                    return m->index(r, RefreshHealthModel::Behind).data().toString();
            return QString();
        };
        QTRY_COMPARE_WITH_TIMEOUT(behindOf(QStringLiteral("bets_view")), u"≈ 0"_qs, kPatienceMs);
        auto *table = w.currentPanel()->findChild<QTableView *>();
        QVERIFY(!table->isColumnHidden(RefreshHealthModel::Behind));
        QVERIFY(table->isColumnHidden(RefreshHealthModel::BehindSeconds));
        MVDASH_TRY({
            EventWriter writer(settings);
            for (int i = 0; i < 3; ++i)
                writer.add(placedNow(tenant, 990000101 + i, QStringLiteral("arr-b%1").arg(i),
                                     QStringLiteral("arr-user")));
            writer.commit();
        });
        w.reloadAll();
        QTRY_COMPARE_WITH_TIMEOUT(behindOf(QStringLiteral("bets_view")), u"≈ 3"_qs, kPatienceMs);
        MVDASH_TRY({
            Connection c(settings, QStringLiteral("t"));
            refreshAll(c.db());
        });
        w.reloadAll();
        QTRY_COMPARE_WITH_TIMEOUT(behindOf(QStringLiteral("bets_view")), u"≈ 0"_qs, kPatienceMs);
    }

    // A per-tenant copy is judged for its own tenant only: a copy of one tenant's payments
    // left behind (its refresh failing, say) turns that tenant's badge stale, not every
    // tenant's; a copy just made is as fresh as its base (043), not "never refreshed".
    void anotherTenantsCopyDoesNotColourThisTenantsBadge() {
        qint64 mine = 0, theirs = 0;
        ConnectionSettings settings;
        MVDASH_TRY({
            settings = cluster_.createSeededDatabase(QStringLiteral("dash_copies"), 3000);
            Connection c(settings, QStringLiteral("t"));
            mine = scalar(c.db(), "SELECT min(tenant_id) FROM tenants").toLongLong();
            theirs = scalar(c.db(), "SELECT max(tenant_id) FROM tenants").toLongLong();
            scalar(c.db(), "SELECT mvdash.create_tenant_view('payments_view'::text, ?)", {theirs});
        });
        DashboardModels wModels(settings);
        MainWindow w(&wModels);
        w.show();
        QVERIFY(waitLoaded(w));
        w.selectTenant(theirs);
        QTRY_VERIFY2_WITH_TIMEOUT(badgeText(w).contains(QStringLiteral("● fresh")),
                                  qPrintable(badgeText(w)), kPatienceMs);
        MVDASH_TRY({
            Connection c(settings, QStringLiteral("t"));
            scalar(c.db(),
                   "UPDATE mvdash.materialized_views_refresh_log SET last_refreshed_at = "
                   "last_refreshed_at - interval '1 day' WHERE view_name = ? RETURNING 1",
                   {QStringLiteral("payments_view_tenant_%1").arg(theirs)});
        });
        w.reloadAll();
        QTRY_VERIFY2_WITH_TIMEOUT(badgeText(w).contains(QStringLiteral("● stale")),
                                  qPrintable(badgeText(w)), kPatienceMs);
        w.selectTenant(mine);
        QTRY_VERIFY2_WITH_TIMEOUT(badgeText(w).contains(QStringLiteral("● fresh")),
                                  qPrintable(badgeText(w)), kPatienceMs);
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
        DashboardModels wModels(tenant);
        MainWindow w(&wModels);
        w.show();
        QVERIFY(waitLoaded(w));
        QTRY_COMPARE_WITH_TIMEOUT(
            w.panels(),
            (QList<Panel>{Panel::Summary, Panel::Players, Panel::Payments, Panel::User}),
            kPatienceMs);
        QCOMPARE(w.findChild<QComboBox *>()->count(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(w.topPlayer(), top, kPatienceMs);
        QTRY_VERIFY_WITH_TIMEOUT(
            labelTexts(&w).join(u'\n').contains(QStringLiteral("tenant administrator")),
            kPatienceMs);
        // every request made so far has been answered: a refused ops query would show
        QTRY_VERIFY_WITH_TIMEOUT(!w.isLoading(), kPatienceMs);
        QCOMPARE(w.bannerText(), QString());
        // nor does the View menu offer the ops panels
        QStringList offered;
        for (QAction *a : menu(w, 1)->actions())
            if (a->isCheckable() && a->isVisible() && !a->shortcut().isEmpty())
                offered << a->text(); // the panels: the languages have no shortcut
        QCOMPARE(offered.size(), 4);
        QVERIFY(!offered.contains(w.panelName(Panel::Refresh)));
    }

    // The menu bar: File, View, Help; every panel is in View with Ctrl+1…, choosing one shows
    // it (and the navigation follows), Reload and Find have their standard keys, and the
    // keyboard shortcuts list is made of the menus' own actions.
    void theMenuBarReachesEveryPanelWithItsShortcut() {
        DashboardModels wModels(settings_);
        MainWindow w(&wModels);
        w.show();
        QVERIFY(waitLoaded(w));
        QCOMPARE(w.menuBar()->actions().size(), 3);
        QMenu *view = menu(w, 1);
        QList<QAction *> panelActions;
        for (QAction *a : view->actions())
            if (a->isCheckable() && !a->shortcut().isEmpty())
                panelActions << a;
        const QList<Panel> panels = w.panels();
        QCOMPARE(panelActions.size(), panels.size());
        for (int i = 0; i < panels.size(); ++i) {
            QCOMPARE(panelActions[i]->text(), w.panelName(panels[i]));
            QCOMPARE(panelActions[i]->shortcut(), QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        }
        panelActions[int(panels.indexOf(Panel::Sizes))]->trigger();
        QCOMPARE(w.currentPanel()->metaObject()->className(), "mvdash::SizesPanel");
        w.showPanel(Panel::Players); // and the other way: the menu follows the navigation
        QVERIFY(panelActions[int(panels.indexOf(Panel::Players))]->isChecked());
        QStringList keys;
        for (QAction *a : view->actions())
            keys << a->shortcut().toString();
        QVERIFY(keys.contains(QStringLiteral("F5")));
        QVERIFY(keys.contains(QStringLiteral("Ctrl+F")));
        QCOMPARE(menu(w, 0)->actions().last()->shortcut().toString(), QStringLiteral("Ctrl+Q"));
        // no key has two owners (an ambiguous key fires neither), the panels' buttons included
        QStringList owned;
        for (QAction *a : w.findChildren<QAction *>())
            if (!a->shortcut().isEmpty())
                owned << a->shortcut().toString();
        for (QAbstractButton *b : w.findChildren<QAbstractButton *>())
            if (!b->shortcut().isEmpty())
                owned << b->shortcut().toString();
        QStringList unique = owned;
        unique.removeDuplicates();
        QCOMPARE(owned.size(), unique.size());
    }

    // A failure of the checks can be a paragraph (a stopped server's): it wraps in the panel
    // instead of widening the window past the screen.
    void aLongDiagnosticsFailureWraps() {
        DashboardModels wModels(settings_);
        MainWindow w(&wModels);
        w.resize(1360, 860);
        w.show();
        QVERIFY(waitLoaded(w));
        QTRY_VERIFY_WITH_TIMEOUT(w.panels().contains(Panel::Diagnostics), kPatienceMs);
        w.showPanel(Panel::Diagnostics);
        QTRY_VERIFY_WITH_TIMEOUT(!wModels.doctor()->isLoading(), kPatienceMs);
        QStringList words;
        for (int i = 0; i < 40; ++i)
            words << QStringLiteral("connection to server on socket failed: No such file");
        emit wModels.doctor()->loadFailed(words.join(u' '), false);
        QTRY_VERIFY(labelTexts(&w).join(u'|').contains(QStringLiteral("Not updated: connection")));
        // no label showing it asks for more width than the window has (the layouts would give
        // it that, and the window would grow past the screen)
        for (const QLabel *l : w.findChildren<QLabel *>())
            if (l->isVisible() && l->text().contains(QStringLiteral("Not updated")))
                QVERIFY2(l->minimumSizeHint().width() <= 1360,
                         qPrintable(QString::number(l->minimumSizeHint().width())));
        QCOMPARE(w.width(), 1360);
    }

    // The Diagnostics panel: a dropped unique index and an unpopulated view show as WARN and
    // FAIL, and each one's button runs its fix (the install's CREATE UNIQUE INDEX; a refresh
    // through the refresh controller), after which the checks run again and say OK.
    void theDiagnosticsPanelShowsFaultsAndRunsTheirFixes() {
        QString index;
        MVDASH_TRY({
            Connection c(settings_, QStringLiteral("t"));
            index = scalar(c.db(), "SELECT indexrelid::regclass::text FROM pg_index WHERE "
                                   "indrelid = 'mvdash.tenant_bet_status_view'::regclass AND "
                                   "indisunique")
                        .toString();
            exec(c.db(), QStringLiteral("DROP INDEX %1").arg(index));
            exec(c.db(), "REFRESH MATERIALIZED VIEW mvdash.payments_view WITH NO DATA");
        });
        DashboardModels wModels(settings_);
        MainWindow w(&wModels);
        w.show();
        QVERIFY(waitLoaded(w));
        QTableView *table = showDiagnostics(w);
        QVERIFY(table);
        QWidget *panel = w.currentPanel();
        // (the State column says OK/WARN/FAIL)
        const auto rowOf = [table](const QString &id, const QString &subject) {
            return rowOfCheck(table, id, subject);
        };
        const auto stateOf = [&](const QString &id, const QString &subject) {
            const int r = rowOf(id, subject);
            return r < 0 ? QString() : table->model()->index(r, 0).data().toString();
        };
        QPushButton *run = button(panel, QStringLiteral("Run the checks"));
        QVERIFY(run);
        QTest::mouseClick(run, Qt::LeftButton);
        const QString uniqueId = QStringLiteral("read_model.unique_index");
        const QString populatedId = QStringLiteral("read_model.populated");
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(uniqueId, QStringLiteral("tenant_bet_status_view")),
                                  QStringLiteral("WARN"), kPatienceMs);
        QCOMPARE(stateOf(populatedId, QStringLiteral("payments_view")), QStringLiteral("FAIL"));
        // the worst first
        QCOMPARE(table->model()->index(0, 0).data().toString(), QStringLiteral("FAIL"));

        table->selectRow(rowOf(uniqueId, QStringLiteral("tenant_bet_status_view")));
        QPushButton *create = button(panel, QStringLiteral("Create the index"));
        QVERIFY(create);
        QVERIFY(create->isEnabled());
        QTest::mouseClick(create, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(uniqueId, QStringLiteral("tenant_bet_status_view")),
                                  QStringLiteral("OK"), kPatienceMs);

        table->selectRow(rowOf(populatedId, QStringLiteral("payments_view")));
        QPushButton *refresh = button(panel, QStringLiteral("Refresh now"));
        QVERIFY(refresh);
        QVERIFY(refresh->isEnabled());
        QTest::mouseClick(refresh, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(populatedId, QStringLiteral("payments_view")),
                                  QStringLiteral("OK"), kPatienceMs);
        MVDASH_TRY({
            Connection c(settings_, QStringLiteral("t"));
            QVERIFY(scalar(c.db(), "SELECT count(*) FROM pg_index WHERE indrelid = "
                                   "'mvdash.tenant_bet_status_view'::regclass AND indisunique")
                        .toInt() == 1);
            QVERIFY(scalar(c.db(), "SELECT relispopulated FROM pg_class WHERE oid = "
                                   "'mvdash.payments_view'::regclass")
                        .toBool());
        });

        // a per-tenant copy for the tenant shown, made and dropped from the panel
        const qint64 tenant = w.currentTenant();
        const QString copy = QStringLiteral("payments_view_tenant_%1").arg(tenant);
        QTableView *copies = nullptr;
        for (QTableView *t : panel->findChildren<QTableView *>())
            if (t != table)
                copies = t;
        QVERIFY(copies);
        const auto copyRow = [copies, copy] {
            for (int r = 0; r < copies->model()->rowCount(); ++r)
                if (copies->model()->index(r, 0).data().toString() == copy)
                    return r;
            return -1;
        };
        QComboBox *of = nullptr;
        for (QComboBox *box : panel->findChildren<QComboBox *>())
            if (box->findText(QStringLiteral("payments_view")) >= 0)
                of = box;
        QVERIFY(of);
        of->setCurrentText(QStringLiteral("payments_view"));
        QTest::mouseClick(button(panel, QStringLiteral("Create the copy")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(copyRow() >= 0, kPatienceMs);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(QStringLiteral("tenant_copy.current"), copy),
                                  QStringLiteral("OK"), kPatienceMs);
        copies->selectRow(copyRow());
        QPushButton *drop = button(panel, QStringLiteral("Drop the selected copy"));
        QVERIFY(drop && drop->isEnabled());
        QTest::mouseClick(drop, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(copyRow(), -1, kPatienceMs);
        MVDASH_TRY({
            Connection c(settings_, QStringLiteral("t"));
            QVERIFY(
                scalar(c.db(), "SELECT to_regclass(?) IS NULL", {QStringLiteral("mvdash.") + copy})
                    .toBool());
        });
    }

    // A transaction holding a lock that bets_view's refresh waits for (a role without any
    // privilege: a failed nextval() of the view's oid) shows on the Diagnostics panel with
    // "End the session": answered No, nothing happens; Yes ends that session, and the checks
    // run again without it.
    void aSessionHoldingARefreshBackIsEndedFromTheDiagnosticsPanel() {
        QSettings().setValue(QStringLiteral("thresholds/holdingSeconds"), 0);
        auto restore =
            qScopeGuard([] { QSettings().remove(QStringLiteral("thresholds/holdingSeconds")); });
        ConnectionSettings asHolder = settings_;
        asHolder.set(QStringLiteral("user"), QStringLiteral("dash_holder"));
        std::optional<Connection> holder;
        MVDASH_TRY({
            Connection c(settings_, QStringLiteral("t"));
            exec(c.db(), "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = "
                         "'dash_holder') THEN CREATE ROLE dash_holder LOGIN; END IF; END $$");
            const QVariant oid = scalar(c.db(), "SELECT 'mvdash.bets_view'::regclass::oid");
            holder.emplace(asHolder, QStringLiteral("holder"));
            exec(holder->db(), "BEGIN");
            exec(holder->db(), "SAVEPOINT s");
            try {
                runSql(holder->db(), "SELECT nextval(?::oid)", {oid});
            } catch (const DbError &) {
                exec(holder->db(), "ROLLBACK TO SAVEPOINT s");
            }
        });
        const QString subject = QStringLiteral("pid %1").arg(holder->backendPid());
        DashboardModels wModels(settings_);
        MainWindow w(&wModels);
        w.show();
        QVERIFY(waitLoaded(w));
        QTableView *table = showDiagnostics(w);
        QVERIFY(table);
        QWidget *panel = w.currentPanel();
        const auto rowOf = [table](const QString &subject) {
            return rowOfCheck(table, QStringLiteral("sessions.holding"), subject);
        };
        QTest::mouseClick(button(panel, QStringLiteral("Run the checks")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(subject) >= 0, kPatienceMs);
        QCOMPARE(table->model()->index(rowOf(subject), 0).data().toString(),
                 QStringLiteral("WARN"));
        table->selectRow(rowOf(subject));
        QPushButton *end = button(panel, QStringLiteral("End the session"));
        QVERIFY(end && end->isEnabled());
        // the question is modal: answered from inside its own event loop (without a question
        // the click returns before the answer is looked for, and `asked` stays false)
        bool asked = false;
        const auto answer = [&asked](QMessageBox::StandardButton choice) {
            asked = false;
            QTimer::singleShot(0, [&asked, choice] {
                if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
                    asked = true;
                    box->button(choice)->click();
                }
            });
        };
        answer(QMessageBox::No);
        QTest::mouseClick(end, Qt::LeftButton);
        QVERIFY(asked);
        QVERIFY(end->isEnabled());
        QCOMPARE(scalar(holder->db(), "SELECT 1").toInt(), 1);
        answer(QMessageBox::Yes);
        QTest::mouseClick(end, Qt::LeftButton);
        QVERIFY(asked);
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(subject) < 0 && rowOf(QString()) >= 0, kPatienceMs);
        QVERIFY(!QSqlQuery(holder->db()).exec(QStringLiteral("SELECT 1")));
    }

    void aKilledBackendShowsTheBannerAndThePanelRecovers() {
        DashboardModels wModels(settings_);
        MainWindow w(&wModels);
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
        QTRY_VERIFY_WITH_TIMEOUT(w.bannerText().contains("reconnected"), kPatienceMs);
        QTRY_VERIFY_WITH_TIMEOUT(w.bannerText().isEmpty(), kPatienceMs);
        QVERIFY(w.findChild<QComboBox *>()->count() > 0);
    }

    // One source failing (its view renamed away) keeps the banner up while the others load
    // again and again; it goes when that source loads again.
    void aFailingSourceKeepsTheBannerUpUntilItLoads() {
        DashboardModels wModels(settings_);
        MainWindow w(&wModels);
        w.show();
        QVERIFY(waitLoaded(w));
        const auto rename = [this](const char *from, const char *to) {
            MVDASH_TRY({
                Connection c(settings_, QStringLiteral("t"));
                exec(c.db(), QStringLiteral("ALTER TABLE %1 RENAME TO %2").arg(from, to));
            });
        };
        rename("tenant_bet_status_view", "tenant_bet_status_view_away");
        w.reloadAll();
        QTRY_VERIFY_WITH_TIMEOUT(w.bannerText().contains("bets by status"), kPatienceMs);
        for (int i = 0; i < 3; ++i) { // every other source loads: the failure is still true
            w.reloadAll();
            QVERIFY(waitLoaded(w));
            QVERIFY2(w.bannerText().contains("bets by status"), qPrintable(w.bannerText()));
        }
        rename("tenant_bet_status_view_away", "tenant_bet_status_view");
        w.reloadAll();
        QTRY_VERIFY_WITH_TIMEOUT(w.bannerText().isEmpty(), kPatienceMs);
    }

    // Live read models, as support and ops see them: the badge says how many committed events
    // the read models lack, for how long, and how long the last step took; a user with events
    // not applied yet is exact and says so; an unknown user is said to have no committed
    // event; after a step the badge says nothing is behind.
    void liveModeShowsTheLagAndTheExactLookup() {
        MVDASH_TRY({
            const auto settings = cluster_.createSeededDatabase(QStringLiteral("dashlive"), 4000);
            Connection c(settings, QStringLiteral("t"));
            convertReadModels(c.db(), ReadModelMode::Live, [](const QString &) {});
            const qint64 tenant =
                scalar(c.db(), "SELECT min(tenant_id) FROM tenants_summary_view WHERE "
                               "total_users > 0")
                    .toLongLong();
            {
                EventWriter writer(settings);
                for (int i = 0; i < 3; ++i)
                    writer.add(placedNow(tenant, 990000001 + i, QStringLiteral("live-b%1").arg(i),
                                         QStringLiteral("live-user")));
                writer.commit();
            }
            // live read models are late once committed events wait a second, stale after two
            // (the defaults: 10 s, 1 min): the badge follows the lag, not the data's age
            QSettings().setValue(QStringLiteral("thresholds/liveLateSeconds"), 1);
            QSettings().setValue(QStringLiteral("thresholds/liveStaleSeconds"), 2);
            DashboardModels wModels(settings);
            QSettings().remove(QStringLiteral("thresholds"));
            MainWindow w(&wModels);
            w.show();
            QVERIFY(waitLoaded(w));
            w.selectTenant(tenant);
            const auto badge = [&w] { return badgeText(w); };
            QTRY_VERIFY2_WITH_TIMEOUT(badge().contains(QStringLiteral("live, 3 events behind (")) &&
                                          badge().contains(QStringLiteral(" s), last step ")) &&
                                          badge().contains(QStringLiteral(" ms")),
                                      qPrintable(badge()), kPatienceMs);
            QTest::qWait(2500); // (the events wait longer than the stale limit)
            w.reloadAll();
            QTRY_VERIFY_WITH_TIMEOUT(!wModels.health()->isLoading(), kPatienceMs);
            // the reload's rows: the count is the same, the wait has grown past the limit
            for (const ViewStatus &s : wModels.health()->rows())
                QVERIFY2(wModels.health()->freshness(s) == Freshness::Stale,
                         qPrintable(s.view + u' ' + s.lagSeconds));
            QTRY_VERIFY2_WITH_TIMEOUT(badge().contains(QStringLiteral("● stale")),
                                      qPrintable(badge()), kPatienceMs);
            w.showPanel(Panel::User);
            w.userPanel()->lookUp(QStringLiteral("live-user"));
            QTRY_VERIFY2_WITH_TIMEOUT(
                w.userPanel()->headerText().contains(QStringLiteral(
                    "Figures exact to the last committed event: they include 3 events")),
                qPrintable(w.userPanel()->headerText()), kPatienceMs);
            w.userPanel()->lookUp(QStringLiteral("nobody-at-all"));
            QTRY_VERIFY2_WITH_TIMEOUT(
                w.userPanel()->headerText().contains(QStringLiteral("No committed event")),
                qPrintable(w.userPanel()->headerText()), kPatienceMs);
            // the last user's count does not stay on the tab over an empty list
            QCOMPARE(w.userPanel()->findChild<QTabWidget *>()->tabText(0),
                     QStringLiteral("Active bets"));
            QVERIFY(!runStep(c.db(), kPatienceMs, true).isEmpty());
            w.reloadAll();
            QTRY_VERIFY2_WITH_TIMEOUT(badge().contains(QStringLiteral("live, no event behind, "
                                                                      "last step ")),
                                      qPrintable(badge()), kPatienceMs);
            QVERIFY2(badge().contains(QStringLiteral("● fresh")), qPrintable(badge()));
            // the health rows cannot be read again (held behind a lock): what they said
            // longer ago than the stale limit says nothing of now
            Connection holder(settings, QStringLiteral("holder"));
            exec(holder.db(), QStringLiteral("BEGIN"));
            exec(holder.db(), QStringLiteral("LOCK TABLE mvdash.live_progress"));
            auto release =
                qScopeGuard([&holder] { QSqlQuery(holder.db()).exec(QStringLiteral("ROLLBACK")); });
            w.reloadAll();
            QTRY_VERIFY2_WITH_TIMEOUT(badge().contains(QStringLiteral("● stale")),
                                      qPrintable(badge()), kPatienceMs);
            release.dismiss();
            exec(holder.db(), QStringLiteral("ROLLBACK"));
            QTRY_VERIFY_WITH_TIMEOUT(!wModels.health()->isLoading(), kPatienceMs);
            w.reloadAll();
            QTRY_VERIFY2_WITH_TIMEOUT(badge().contains(QStringLiteral("● fresh")),
                                      qPrintable(badge()), kPatienceMs);
            // the Refresh chart says what its history is: steps here, refreshes once the
            // read models are converted back while the window is open
            const QString steps =
                QStringLiteral("Live step duration (ms): each step brings every read model up");
            const QString refreshes = QStringLiteral("Refresh duration per view (ms)");
            QVERIFY2(chartTitles(&w).contains(steps), qPrintable(chartTitles(&w).join(u'|')));
            QVERIFY(!chartTitles(&w).contains(refreshes));
            convertReadModels(c.db(), ReadModelMode::Matview, [](const QString &) {});
            w.reloadAll();
            QTRY_VERIFY2_WITH_TIMEOUT(chartTitles(&w).contains(refreshes),
                                      qPrintable(chartTitles(&w).join(u'|')), kPatienceMs);
            QVERIFY(!chartTitles(&w).contains(steps));
        });
    }

    // A tenant administrator in live mode (035): the badge says the read models are live and
    // how many of its own tenant's events they lack, not the platform's (which the ops badge
    // counts) and not the platform's step; the support lookup is the exact one.
    void aTenantAdministratorSeesItsOwnLagInLiveMode() {
        ConnectionSettings tenant;
        MVDASH_TRY({
            tenant = cluster_.createSeededDatabase(QStringLiteral("dashlivetenant"), 2000);
            Connection c(tenant, QStringLiteral("t"));
            exec(c.db(),
                 "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'dash_tenant') "
                 "THEN CREATE ROLE dash_tenant LOGIN; END IF; END $$");
            runQuery(c.db(), QStringLiteral("tenant_grant"), {"dash_tenant", 10005});
            convertReadModels(c.db(), ReadModelMode::Live, [](const QString &) {});
            EventWriter writer(tenant);
            for (int i = 0; i < 5; ++i) // three of its tenant, two of another
                writer.add(placedNow(i < 3 ? 10005 : 10001, 990000001 + i,
                                     QStringLiteral("lag-b%1").arg(i), QStringLiteral("lag-user")));
            writer.commit();
        });
        const ConnectionSettings owner = tenant;
        tenant.set(QStringLiteral("user"), QStringLiteral("dash_tenant"));
        DashboardModels wModels(tenant);
        MainWindow w(&wModels);
        w.show();
        QVERIFY(waitLoaded(w));
        const auto badge = [&w] { return badgeText(w); };
        QTRY_VERIFY2_WITH_TIMEOUT(badge().contains(QStringLiteral(" · live, 3 events behind (")),
                                  qPrintable(badge()), kPatienceMs);
        QVERIFY2(!badge().contains(QStringLiteral("last step")), qPrintable(badge()));
        w.showPanel(Panel::User);
        w.userPanel()->lookUp(QStringLiteral("lag-user"));
        QTRY_VERIFY2_WITH_TIMEOUT(
            w.userPanel()->headerText().contains(
                QStringLiteral("Figures exact to the last committed event: they include 3 events")),
            qPrintable(w.userPanel()->headerText()), kPatienceMs);
        MVDASH_TRY({
            Connection c(owner, QStringLiteral("t"));
            QVERIFY(!runStep(c.db(), kPatienceMs, true).isEmpty());
        });
        w.reloadAll();
        QTRY_VERIFY2_WITH_TIMEOUT(badge().contains(QStringLiteral(" · live, no event behind")),
                                  qPrintable(badge()), kPatienceMs);
        QCOMPARE(w.bannerText(), QString());

        // steps that come every five minutes (the CronJob alone in live mode): an event of its
        // tenant that waited past the fixed limits is within the steps' interval, as ops' and
        // the doctor's (041: the tenant's badge stayed stale between two CronJob runs)
        const QLabel *badgeLabel = nullptr;
        for (const QLabel *l : w.findChildren<QLabel *>())
            if (l->text().startsWith(QStringLiteral("Data as of")))
                badgeLabel = l;
        QVERIFY(badgeLabel);
        const RefreshHealthModel::Thresholds usual = wModels.health()->thresholds();
        RefreshHealthModel::Thresholds strict = usual;
        strict.live.lateSeconds = 1;
        strict.live.staleSeconds = 2;
        wModels.health()->setThresholds(strict);
        MVDASH_TRY({
            EventWriter writer(owner);
            writer.add(
                placedNow(10005, 990000011, QStringLiteral("lag-b10"), QStringLiteral("lag-user")));
            writer.commit();
        });
        const auto reloadedBadge = [&] {
            if (!wModels.tenantFreshness()->isLoading())
                w.reloadAll();
            return badge();
        };
        QTRY_VERIFY2_WITH_TIMEOUT(reloadedBadge().contains(QStringLiteral("1 event behind")) &&
                                      badge().endsWith(QStringLiteral("● stale</span>")),
                                  qPrintable(badge()), kPatienceMs);
        QVERIFY2(!badgeLabel->toolTip().contains(QStringLiteral("about every")),
                 qPrintable(badgeLabel->toolTip()));
        MVDASH_TRY({
            Connection c(owner, QStringLiteral("t"));
            exec(c.db(), "INSERT INTO mvdash.materialized_views_refresh_history (run_id, "
                         "view_name, method, outcome, started_at, finished_at, duration_ms) "
                         "SELECT -k, 'bets_view', 'live', 'ok', t, t, 1 FROM generate_series(1, "
                         "4) k, LATERAL (SELECT now() - k * interval '5 minutes' AS t) s");
        });
        QTRY_VERIFY2_WITH_TIMEOUT(reloadedBadge().contains(QStringLiteral("1 event behind")) &&
                                      badge().endsWith(QStringLiteral("● fresh</span>")),
                                  qPrintable(badge()), kPatienceMs);
        QVERIFY2(badgeLabel->toolTip().contains(
                     QStringLiteral("brought up about every 5 min: late past 7 min of waiting, "
                                    "stale past 15 min")),
                 qPrintable(badgeLabel->toolTip()));
        MVDASH_TRY({
            Connection c(owner, QStringLiteral("t"));
            exec(c.db(), "DELETE FROM mvdash.materialized_views_refresh_history WHERE run_id < 0");
            QVERIFY(!runStep(c.db(), kPatienceMs, true).isEmpty());
        });
        wModels.health()->setThresholds(usual);
        w.reloadAll();
        QTRY_VERIFY2_WITH_TIMEOUT(badge().contains(QStringLiteral(" · live, no event behind")),
                                  qPrintable(badge()), kPatienceMs);

        // a database before migration 035 cannot tell: the badge says nothing of a lag and
        // its tooltip says why, with no error at each reload
        const auto hideTheFunction = [&owner](const char *from, const char *to) {
            Connection c(owner, QStringLiteral("t"));
            exec(c.db(), QStringLiteral("ALTER FUNCTION tenant_scope.%1() RENAME TO %2")
                             .arg(QLatin1String(from), QLatin1String(to)));
        };
        MVDASH_TRY(hideTheFunction("read_model_freshness", "read_model_freshness_hidden"));
        w.reloadAll();
        QTRY_VERIFY2_WITH_TIMEOUT(badgeLabel->toolTip().contains(QStringLiteral("migration 035")),
                                  qPrintable(badgeLabel->toolTip()), kPatienceMs);
        QVERIFY2(!badge().contains(QStringLiteral(" · live")), qPrintable(badge()));
        w.reloadAll();
        QTRY_VERIFY_WITH_TIMEOUT(!wModels.tenantFreshness()->isLoading(), kPatienceMs);
        QCOMPARE(w.bannerText(), QString());
        MVDASH_TRY(hideTheFunction("read_model_freshness_hidden", "read_model_freshness"));
        w.reloadAll();
        QTRY_VERIFY2_WITH_TIMEOUT(badge().contains(QStringLiteral(" · live, no event behind")),
                                  qPrintable(badge()), kPatienceMs);
        QVERIFY2(!badgeLabel->toolTip().contains(QStringLiteral("migration 035")),
                 qPrintable(badgeLabel->toolTip()));
    }

    // A view held locked (the guide's REFRESH without CONCURRENTLY, in a transaction left
    // open) stops only its own panel: the read gives up after reader/lockTimeoutMs, the banner
    // names the session holding the lock, the chart keeps what it showed, the session goes on
    // serving the other panels, and the banner goes once the lock is let go.
    void aLockedViewNamesItsHolderAndStopsOnlyItsPanel() {
        QSettings().setValue(QStringLiteral("reader/lockTimeoutMs"), 300);
        DashboardModels wModels(settings_);
        QSettings().remove(QStringLiteral("reader/lockTimeoutMs"));
        MainWindow w(&wModels);
        w.show();
        QVERIFY(waitLoaded(w));
        const int statuses = wModels.betStatuses()->rowCount();
        QVERIFY(statuses > 0);
        MVDASH_TRY({
            Connection holder(settings_, QStringLiteral("holder"));
            exec(holder.db(), QStringLiteral("BEGIN"));
            exec(holder.db(), QStringLiteral("REFRESH MATERIALIZED VIEW tenant_bet_status_view"));
            w.reloadAll();
            const QString session = QStringLiteral("session %1").arg(holder.backendPid());
            QTRY_VERIFY2_WITH_TIMEOUT(w.bannerText().contains(session), qPrintable(w.bannerText()),
                                      kPatienceMs);
            QVERIFY2(w.bannerText().contains(QStringLiteral("bets by status")) &&
                         w.bannerText().contains(QStringLiteral("mvdash holder")) &&
                         w.bannerText().contains(QStringLiteral("tenant_bet_status_view")),
                     qPrintable(w.bannerText()));
            QCOMPARE(wModels.betStatuses()->rowCount(), statuses);
            const QDateTime afterTheWait = QDateTime::currentDateTime();
            wModels.players()->reload();
            QTRY_VERIFY_WITH_TIMEOUT(wModels.players()->lastLoaded() >= afterTheWait, kPatienceMs);
            exec(holder.db(), QStringLiteral("ROLLBACK"));
        });
        w.reloadAll();
        QTRY_VERIFY_WITH_TIMEOUT(w.bannerText().isEmpty(), kPatienceMs);
        QCOMPARE(wModels.betStatuses()->rowCount(), statuses);
    }

    // A read that runs on without end, whatever it waits on (here a lock, with the lock limit
    // off), is stopped by the server at reader/statementTimeoutMs: the banner says so, the
    // panel keeps what it showed and the others go on. An operator's change from the
    // Diagnostics panel (a tenant's copy) is not held to that limit: it waits as long as it
    // must.
    void aReadThatRunsOnIsStoppedAtTheLimitAndTheOthersGoOn() {
        QSettings().setValue(QStringLiteral("reader/lockTimeoutMs"), 0);
        QSettings().setValue(QStringLiteral("reader/statementTimeoutMs"), 500);
        DashboardModels wModels(settings_);
        QSettings().remove(QStringLiteral("reader/lockTimeoutMs"));
        QSettings().remove(QStringLiteral("reader/statementTimeoutMs"));
        MainWindow w(&wModels);
        w.show();
        QVERIFY(waitLoaded(w));
        const int statuses = wModels.betStatuses()->rowCount();
        QVERIFY(statuses > 0);
        const qint64 tenant = w.currentTenant();
        const QString copy = QStringLiteral("payments_view_tenant_%1").arg(tenant);
        QSignalSpy changes(wModels.tenantCopies(), &ReloadableModel::changeFinished);
        MVDASH_TRY({
            Connection holder(settings_, QStringLiteral("holder"));
            exec(holder.db(), QStringLiteral("BEGIN"));
            exec(holder.db(), QStringLiteral("REFRESH MATERIALIZED VIEW tenant_bet_status_view"));
            w.reloadAll();
            QTRY_VERIFY2_WITH_TIMEOUT(
                w.bannerText().contains(QStringLiteral("stopped after 0.5 s, the limit for one "
                                                       "read (setting reader/statementTimeoutMs)")),
                qPrintable(w.bannerText()), kPatienceMs);
            QCOMPARE(wModels.betStatuses()->rowCount(), statuses);
            const QDateTime afterTheLimit = QDateTime::currentDateTime();
            wModels.players()->reload();
            QTRY_VERIFY_WITH_TIMEOUT(wModels.players()->lastLoaded() >= afterTheLimit, kPatienceMs);
            exec(holder.db(), QStringLiteral("ROLLBACK"));
            // the copy waits past the limit for a lock on what it reads, and is made once the
            // holder lets go
            exec(holder.db(), QStringLiteral("BEGIN"));
            exec(holder.db(),
                 QStringLiteral("LOCK TABLE mvdash.read_model_parts IN ACCESS EXCLUSIVE MODE"));
            wModels.tenantCopies()->create(QStringLiteral("payments_view"), tenant);
            Connection watcher(settings_, QStringLiteral("watcher"));
            // (ended by then: held to the limit, the change failed)
            QTRY_VERIFY_WITH_TIMEOUT(
                !changes.isEmpty() ||
                    scalar(watcher.db(),
                           "SELECT count(*) FROM pg_stat_activity WHERE application_name = "
                           "'mvdash diagnose' AND wait_event_type = 'Lock' AND clock_timestamp() - "
                           "query_start > interval '1.5 s'")
                            .toInt() == 1,
                kPatienceMs);
            QVERIFY2(changes.isEmpty(), qPrintable(changes.value(0).value(0).toString()));
            exec(holder.db(), QStringLiteral("ROLLBACK"));
        });
        QTRY_COMPARE_WITH_TIMEOUT(changes.size(), 1, kPatienceMs);
        QVERIFY2(!changes.first().at(1).toBool(), qPrintable(changes.first().at(0).toString()));
        w.reloadAll();
        QTRY_VERIFY_WITH_TIMEOUT(w.bannerText().isEmpty(), kPatienceMs);
        MVDASH_TRY({
            Connection c(settings_, QStringLiteral("t"));
            QVERIFY(scalar(c.db(), "SELECT to_regclass(?) IS NOT NULL",
                           {QStringLiteral("mvdash.") + copy})
                        .toBool());
            runQuery(c.db(), QStringLiteral("tenant_view_drop"),
                     {QStringLiteral("payments_view"), tenant});
        });
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
            DashboardModels wModels(secure);
            MainWindow w(&wModels);
            w.show();
            QVERIFY(waitLoaded(w));
            QTRY_VERIFY_WITH_TIMEOUT(
                labelTexts(&w).join(u'\n').contains(QStringLiteral("TLS (sslmode=require)")),
                kPatienceMs);
        }
        ConnectionSettings clear = secure;
        clear.set(QStringLiteral("sslmode"), QStringLiteral("disable"));
        {
            DashboardModels wModels(clear);
            MainWindow w(&wModels);
            w.show();
            QTRY_VERIFY_WITH_TIMEOUT(w.bannerText().contains(QStringLiteral("no encryption")),
                                     kPatienceMs);
            QVERIFY(labelTexts(&w).join(u'\n').contains(QStringLiteral("offline")));
        }
        DashboardModels localModels(settings_);
        MainWindow local(&localModels);
        local.show();
        QVERIFY(waitLoaded(local));
        // unix socket: no TLS; a Citus coordinator (TCP) enables TLS by itself
        QTRY_VERIFY_WITH_TIMEOUT(labelTexts(&local).join(u'\n').contains(
                                     cluster_.isCitus()
                                         ? QStringLiteral("TLS (sslmode=prefer)")
                                         : QStringLiteral("no TLS (sslmode=prefer)")),
                                 kPatienceMs);
    }

    // The server goes away for a minute (twelve failed 5 s retries) and comes back: the
    // window says it is offline, reconnects by itself, says so, and keeps the tenant the user
    // was looking at, on screen and in the settings. Last: it restarts the suite's server.
    void theServerGoneForAWhileIsShownAndTheWindowReconnects() {
        DashboardModels wModels(settings_);
        MainWindow w(&wModels);
        w.show();
        QVERIFY(waitLoaded(w));
        w.selectTenant(10003);
        QTRY_COMPARE_WITH_TIMEOUT(w.currentTenant(), 10003, kPatienceMs);
        QTRY_COMPARE_WITH_TIMEOUT(QSettings().value(QStringLiteral("ui/tenant")).toLongLong(),
                                  10003, kPatienceMs);
        QString error;
        QVERIFY2(cluster_.cluster().stop(&error), qPrintable(error));
        w.reloadAll();
        QTRY_VERIFY_WITH_TIMEOUT(labelTexts(&w).join(u'\n').contains(QStringLiteral("offline")),
                                 kPatienceMs);
        QTRY_VERIFY_WITH_TIMEOUT(w.bannerText().contains(QStringLiteral("Connection lost")),
                                 kPatienceMs);
        QTest::qWait(60000); // a minute of failed 5 s retries; nothing may crash or reset
        QVERIFY(labelTexts(&w).join(u'\n').contains(QStringLiteral("offline")));
        QVERIFY2(cluster_.cluster().start(&error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(w.bannerText().contains(QStringLiteral("reconnected")),
                                 kPatienceMs);
        QTRY_VERIFY_WITH_TIMEOUT(labelTexts(&w).join(u'\n').contains(QStringLiteral("connected:")),
                                 kPatienceMs);
        QCOMPARE(w.currentTenant(), 10003);
        QCOMPARE(QSettings().value(QStringLiteral("ui/tenant")).toLongLong(), 10003);
        QVERIFY(waitLoaded(w));
    }
};

QTEST_MAIN(TestDashboard)
#include "tst_dashboard.moc"
