// The item models against a real database: Qt's model tester, no reset on an unchanged
// reload, stale answers dropped, lost connections reported and recovered.

#include "betstatusmodel.h"
#include "connectionprofiles.h"
#include "databaseworker.h"
#include "eventgenerator.h"
#include "livereadmodels.h"
#include "paymentsmodel.h"
#include "playersmodel.h"
#include "refreshhealthmodel.h"
#include "seeder.h"
#include "settingsfile.h"
#include "tenantsummarymodel.h"
#include "testcluster.h"
#include "timeseriesmodel.h"
#include "userlookup.h"

#include <algorithm>
#include <atomic>
#include <QAbstractItemModelTester>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace mvdash;
using namespace mvdash::test;

class TestModels : public QObject {
    Q_OBJECT
    TestCluster cluster_;
    ConnectionSettings settings_;

    // RFC 4180: fields separated by commas, records by line feeds; a quoted field may hold
    // commas, doubled quotes and line breaks.
    static QList<QStringList> parseCsv(const QString &text) {
        QList<QStringList> rows;
        QStringList row;
        QString field;
        bool quoted = false;
        for (qsizetype i = 0; i < text.size(); ++i) {
            const QChar ch = text[i];
            if (quoted) {
                if (ch != u'"')
                    field += ch;
                else if (i + 1 < text.size() && text[i + 1] == u'"')
                    field += text[++i];
                else
                    quoted = false;
            } else if (ch == u'"') {
                quoted = true;
            } else if (ch == u',' || ch == u'\n') {
                row << field;
                field.clear();
                if (ch == u'\n') {
                    rows << row;
                    row.clear();
                }
            } else {
                field += ch;
            }
        }
        if (!row.isEmpty() || !field.isEmpty())
            rows << (row << field);
        return rows;
    }

    template <typename Model> static bool load(Model &model) {
        QSignalSpy loaded(&model, &ReloadableModel::loaded);
        model.reload();
        return loaded.wait(kPatienceMs);
    }

private slots:
    void initTestCase() {
        QString error;
        QVERIFY2(cluster_.start(&error), qPrintable(error));
        MVDASH_TRY({ settings_ = cluster_.createSeededDatabase(QStringLiteral("models"), 20000); });
    }

    void profilesRoundTripAndNeverHoldAPassword() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("mvdash-test"));
        // apart from the other engine's run of this suite, which CTest may run at once
        QCoreApplication::setApplicationName(TestCluster::citusRequested()
                                                 ? QStringLiteral("tst_models-citus")
                                                 : QStringLiteral("tst_models-postgres"));
        ConnectionProfile p{QStringLiteral("prod-eu"),
                            QStringLiteral("db1"),
                            QStringLiteral("5433"),
                            QStringLiteral("bets"),
                            QStringLiteral("ops"),
                            QStringLiteral("verify-full"),
                            QString()};
        ConnectionProfiles::save(p);
        const auto loaded = ConnectionProfiles::load();
        QVERIFY(loaded.contains(p));
        QCOMPARE(p.settings().value("sslmode"), QStringLiteral("verify-full"));
        QVERIFY(!p.settings().connectOptions().contains("password"));
        QFile file(QSettings().fileName());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().toLower().contains("password"));
        ConnectionProfiles::remove(p.name);
        QVERIFY(!ConnectionProfiles::load().contains(p));
        // a DSN with a password is refused before anything could store it
        QString error;
        QVERIFY(!ConnectionSettings::fromDsn(QStringLiteral("host=db1 password=secret"), &error));
        QVERIFY(!error.contains("secret"));
    }

    // A settings file that cannot be parsed is kept aside byte for byte, and the app starts
    // from defaults and can save again (QSettings would otherwise refuse every write).
    void aCorruptSettingsFileIsSetAsideNotLost() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("mvdash-test"));
        // apart from the other engine's run of this suite, which CTest may run at once
        QCoreApplication::setApplicationName(TestCluster::citusRequested()
                                                 ? QStringLiteral("tst_models-citus")
                                                 : QStringLiteral("tst_models-postgres"));
        const QString path = QSettings().fileName();
        QDir().mkpath(QFileInfo(path).path());
        const QByteArray garbage("\x01\x02not an ini file\n[broken\n\xff\xfe=\n<<<<<<< HEAD\n");
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write(garbage);
        }
        // first reader after the damage, as at the app's start (QSettings caches a parsed file)
        const QString message = setAsideCorruptSettings().message();
        QVERIFY2(message.contains("could not be read"), qPrintable(message));
        const QStringList kept =
            QFileInfo(path).dir().entryList({QFileInfo(path).fileName() + ".corrupt-*"});
        QCOMPARE(kept.size(), 1);
        QFile keptFile(QFileInfo(path).dir().filePath(kept.first()));
        QVERIFY(keptFile.open(QIODevice::ReadOnly));
        QCOMPARE(keptFile.readAll(), garbage);
        QVERIFY(!QFile::exists(path));
        {
            QSettings settings;
            QCOMPARE(settings.status(), QSettings::NoError);
            settings.setValue(QStringLiteral("ui/tenant"), 10001);
        }
        QCOMPARE(QSettings().value(QStringLiteral("ui/tenant")).toInt(), 10001);
        QCOMPARE(setAsideCorruptSettings().message(), QString()); // a good file is left alone
        keptFile.remove();
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
            // every column of the list, by its alias, holds the view's value exactly
            const int row = model.rowOf(10001);
            QVERIFY(row >= 0);
            const ColumnList &columns = model.columns();
            QSqlQuery q(c.db());
            q.setNumericalPrecisionPolicy(QSql::HighPrecision); // numeric as exact text
            QVERIFY(q.exec(QStringLiteral("SELECT * FROM tenants_summary_view WHERE tenant_id = "
                                          "10001")));
            QVERIFY(q.next());
            for (int column = 0; column < columns.count(); ++column) {
                const QString alias = QString::fromLatin1(columns[column].alias);
                const QVariant expected = q.value(alias);
                QVERIFY2(q.record().indexOf(alias) >= 0, qPrintable(alias));
                const QString exported = columns.exported(column, model.value(row, column));
                if (columns[column].kind == ColumnKind::Time)
                    QCOMPARE(model.value(row, column).toDateTime(), expected.toDateTime());
                else if (columns[column].kind == ColumnKind::Money)
                    QCOMPARE(exported, Decimal::parse(expected.toString())->toString(2));
                else
                    QCOMPARE(exported, expected.toString());
            }
        });
    }

    // Every item model of the dashboard under QAbstractItemModelTester while it loads, loads
    // again (unchanged) and, for the per-tenant ones, switches tenant (a reset).
    void everyModelPassesTheItemModelTester() {
        DatabaseWorker worker(settings_, QStringLiteral("test"));
        const auto check = [](ReloadableModel &model, const std::function<void()> &again) {
            QAbstractItemModelTester tester(&model,
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
            QVERIFY2(load(model), qPrintable(model.metaObject()->className()));
            QVERIFY2(model.rowCount() > 0, qPrintable(model.metaObject()->className()));
            QVERIFY(load(model));
            if (again) {
                QSignalSpy loaded(&model, &ReloadableModel::loaded);
                again();
                QVERIFY(loaded.wait(kPatienceMs));
            }
        };
        BetStatusModel statuses(&worker);
        statuses.setTenant(10001);
        check(statuses, [&] { statuses.setTenant(10002); });
        TopPlayersModel players(&worker);
        players.setQuery(10001, TopPlayersModel::OrderBy::Balance, 25);
        check(players, [&] { players.setQuery(10002, TopPlayersModel::OrderBy::Bets, 5); });
        ViewSizeModel sizes(&worker);
        check(sizes, {});
        MVDASH_TRY({
            Connection c(settings_, QStringLiteral("t"));
            exec(c.db(), "SELECT count(*) FROM refresh_aggregate_views()");
        });
        TimeSeriesModel durations(&worker, QStringLiteral("refresh_duration_history"));
        check(durations, {});
        TimeSeriesModel trend(&worker, QStringLiteral("size_trend"));
        check(trend, {});
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

    // After a switch to live mode the log's averages start again at 0 runs: the panel shows no
    // average until a step has applied events, then the step's.
    void noAverageBeforeTheFirstRunOfAMode() {
        ConnectionSettings live;
        MVDASH_TRY({
            live = cluster_.createSeededDatabase(QStringLiteral("models_live"), 2000);
            Connection c(live, QStringLiteral("t"));
            convertReadModels(c.db(), ReadModelMode::Live, [](const QString &) {});
        });
        DatabaseWorker worker(live, QStringLiteral("test"));
        RefreshHealthModel model(&worker);
        const auto averageOf = [&model](const QString &view) {
            for (int row = 0; row < model.rowCount(); ++row)
                if (model.index(row, RefreshHealthModel::View).data().toString() == view)
                    return std::pair{model.index(row, RefreshHealthModel::AvgMs).data().toString(),
                                     model.index(row, RefreshHealthModel::Count).data().toInt()};
            return std::pair{QStringLiteral("(no row)"), -1};
        };
        QVERIFY(load(model));
        QCOMPARE(averageOf(QStringLiteral("bets_view")), std::pair(QStringLiteral("—"), 0));
        MVDASH_TRY({
            EventGenerator::Options more;
            more.events = 300;
            more.seed = 5;
            seedDatabase(live, more);
            Connection c(live, QStringLiteral("t"));
            runStep(c.db(), kPatienceMs, false);
        });
        QVERIFY(load(model));
        const auto [average, runs] = averageOf(QStringLiteral("bets_view"));
        QCOMPARE(runs, 1);
        QVERIFY2(average != QStringLiteral("—") && !average.isEmpty(), qPrintable(average));
    }

    void anOlderAnswerNeverReplacesANewerOne() {
        DatabaseWorker worker(settings_, QStringLiteral("test"));
        TenantSummaryModel model(&worker);
        QSignalSpy loaded(&model, &ReloadableModel::loaded);
        // three requests in a row: only the last one's answer is applied
        model.reload();
        model.reload();
        model.reload();
        QVERIFY(loaded.wait(kPatienceMs));
        // a job queued after them on the same worker answers after them: once it has, every
        // answer to the three requests has been delivered (in order, to this thread)
        bool sentinelBack = false;
        worker.submit(
            &model, [](const QSqlDatabase &) { return QVariant(); },
            [&](const QVariant &) { sentinelBack = true; });
        QTRY_VERIFY_WITH_TIMEOUT(sentinelBack, kPatienceMs);
        QCOMPARE(loaded.count(), 1);
        QVERIFY(!model.isLoading());
    }

    // Every page through fetchMore, under filters, gives exactly the rows of the same query
    // in SQL (order included); the CSV export gives them too, exactly.
    void paymentsPagingAndExportMatchSql_data() {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("where");
        QTest::newRow("all") << ""
                             << ""
                             << "true";
        QTest::newRow("completed deposits") << "deposit"
                                            << "completed"
                                            << "payment_type = 'deposit' AND status = 'completed'";
        QTest::newRow("failed") << ""
                                << "failed"
                                << "status = 'failed'";
    }
    void paymentsPagingAndExportMatchSql() {
        QFETCH(QString, type);
        QFETCH(QString, status);
        QFETCH(QString, where);
        DatabaseWorker worker(settings_, QStringLiteral("test"));
        PaymentsModel model(&worker);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPageSize(50); // many pages of the test data
        PaymentFilter filter;
        filter.tenantId = 10001;
        filter.type = type;
        filter.status = status;
        QSignalSpy loaded(&model, &ReloadableModel::loaded);
        model.setFilter(filter);
        QVERIFY(loaded.wait(kPatienceMs));
        int pages = 1;
        // the model tester fetches too, so a page may already be on its way
        while (model.isLoading() || model.canFetchMore({})) {
            if (!model.isLoading())
                model.fetchMore({});
            QVERIFY(loaded.wait(kPatienceMs));
            ++pages;
        }
        QStringList expected;
        MVDASH_TRY({
            Connection c(settings_, QStringLiteral("t"));
            QSqlQuery q(c.db());
            QVERIFY(
                q.exec(QStringLiteral("SELECT payment_id FROM payments_view WHERE tenant_id = "
                                      "10001 AND %1 ORDER BY last_updated_at DESC, payment_id DESC")
                           .arg(where)));
            while (q.next())
                expected << q.value(0).toString();
        });
        QStringList actual;
        for (int i = 0; i < model.rowCount(); ++i)
            actual << (model.row(i) ? model.row(i)->at(PaymentsModel::Payment).toString()
                                    : QString());
        QCOMPARE(actual.size(), expected.size());
        QCOMPARE(actual, expected);
        QVERIFY(model.isComplete());
        if (expected.size() > 50)
            QVERIFY(pages > 1);

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("payments.csv"));
        PaymentsExport exporter(&worker);
        QSignalSpy done(&exporter, &PaymentsExport::finished);
        exporter.start(filter, path);
        QVERIFY(done.wait(kPatienceMs));
        QCOMPARE(done.first().at(0).toLongLong(), qint64(expected.size()));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.takeFirst().section(u',', 0, 0), QStringLiteral("payment_id"));
        QStringList exportedIds;
        for (const QString &line : lines)
            exportedIds << line.section(u',', 0, 0);
        QCOMPARE(exportedIds, expected);
        // exact amounts: the sum of the file equals the sum in SQL
        Decimal fileSum;
        for (const QString &line : lines)
            if (!line.section(u',', 2, 2).isEmpty())
                fileSum += *Decimal::parse(line.section(u',', 2, 2));
        MVDASH_TRY({
            Connection c(settings_, QStringLiteral("t"));
            QCOMPARE(fileSum.toString(2),
                     scalar(c.db(),
                            QStringLiteral("SELECT coalesce(sum(amount), 0)::numeric(18,2)::text "
                                           "FROM payments_view WHERE tenant_id = 10001 AND %1")
                                .arg(where))
                         .toString());
        });
    }

    // A cell a spreadsheet would run as a formula (OWASP "CSV injection": =, +, -, @, tab or
    // CR first) is exported as '... in quotes; numbers, negative ones too, stay numbers; every
    // field reads back exactly (RFC 4180).
    void exportedCellsNeverRunAsFormulas() {
        const qint64 tenant = 990001; // a tenant of its own: the other tests never see it
        // payment_id, user_id, event_type (status), amount, currency, method, external_id, type
        const QList<QVariantList> planted{
            {"inj-1", "@SUM(1)", "completed", "-12.50", "-2+3", "+1", "=cmd|' /C calc'!A0",
             "deposit"},
            {"inj-2", "u-plain", "failed", "7.00", "EUR", "card", "\t=1+1", "withdrawal"},
            {"inj-3", "\r@x", "=HYPERLINK(\"http://evil\")",
             QVariant(QMetaType(QMetaType::QString)), "EUR", "card", "x,\"y\"", "deposit"}};
        MVDASH_TRY({
            Connection c(settings_, QStringLiteral("t"));
            qint64 eventId = 0;
            for (const QVariantList &p : planted) {
                ++eventId;
                scalar(c.db(),
                       "INSERT INTO payment_events (tenant_id, event_id, payment_id, user_id, "
                       "event_type, amount, currency, payment_method, external_id, payment_type, "
                       "event_timestamp) VALUES (?, ?, ?, ?, ?, ?::numeric, ?, ?, ?, ?, ?)",
                       {tenant, eventId, p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7],
                        1700000000000 + eventId});
            }
            exec(c.db(), "SELECT * FROM refresh_materialized_view('payments_view')");
        });
        DatabaseWorker worker(settings_, QStringLiteral("test"));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("payments.csv"));
        PaymentsExport exporter(&worker);
        QSignalSpy done(&exporter, &PaymentsExport::finished);
        PaymentFilter filter;
        filter.tenantId = tenant;
        exporter.start(filter, path);
        QVERIFY(done.wait(kPatienceMs));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        const QList<QStringList> rows = parseCsv(text);
        QCOMPARE(rows.size(), 4); // the header and the three payments, newest first
        for (const QStringList &row : rows)
            QCOMPARE(row.size(), 10);
        const QStringList &p3 = rows[1], &p2 = rows[2], &p1 = rows[3];
        QCOMPARE(p1.mid(0, 8), (QStringList{"inj-1", "'@SUM(1)", "-12.50", "'-2+3", "'+1",
                                            "'=cmd|' /C calc'!A0", "deposit", "completed"}));
        QCOMPARE(p2.mid(0, 8), (QStringList{"inj-2", "u-plain", "7.00", "EUR", "card", "'\t=1+1",
                                            "withdrawal", "failed"}));
        QCOMPARE(p3.mid(0, 8), (QStringList{"inj-3", "'\r@x", "", "EUR", "card", "x,\"y\"",
                                            "deposit", "'=HYPERLINK(\"http://evil\")"}));
        QCOMPARE(p1[9], QStringLiteral("1700000000001"));
        // as written: the negative amount is a bare number, the neutralised cells are quoted
        QVERIFY2(text.contains(QStringLiteral("\"'@SUM(1)\",-12.50,\"'-2+3\",\"'+1\","
                                              "\"'=cmd|' /C calc'!A0\",deposit,completed,")),
                 qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("\"'=HYPERLINK(\"\"http://evil\"\")\"")),
                 qPrintable(text));
        // and in general: no text cell starts a formula, every numeric cell is a plain number
        static const QRegularExpression number(QStringLiteral("^-?[0-9]+(\\.[0-9]+)?$"));
        for (const QStringList &row : rows.mid(1))
            for (qsizetype i = 0; i < row.size(); ++i) {
                const bool numeric = i == 2 || i == 9;
                if (numeric)
                    QVERIFY2(row[i].isEmpty() || number.match(row[i]).hasMatch(),
                             qPrintable(row[i]));
                else
                    QVERIFY2(row[i].isEmpty() || !QStringView(u"=+-@\t\r").contains(row[i][0]),
                             qPrintable(row[i]));
            }
        MVDASH_TRY({
            Connection c(settings_, QStringLiteral("t"));
            exec(c.db(), "DELETE FROM payment_events WHERE tenant_id = 990001");
            exec(c.db(), "SELECT * FROM refresh_materialized_view('payments_view')");
        });
    }

    // Browsing keeps only the recent pages in memory; a dropped page comes back, the same rows.
    void paymentsPagesScrolledAwayAreDroppedAndFetchedAgain() {
        DatabaseWorker worker(settings_, QStringLiteral("test"));
        PaymentsModel model(&worker);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setCachedPageLimit(3); // the tester keeps reading the first and the last page
        model.setPageSize(40);
        PaymentFilter filter;
        filter.tenantId = 10001;
        QSignalSpy loaded(&model, &ReloadableModel::loaded);
        model.setFilter(filter);
        QVERIFY(loaded.wait(kPatienceMs));
        const int probe = 50; // on the second page, which the tester does not keep reading
        QString probeId;
        while (model.isLoading() || model.canFetchMore({})) {
            if (!model.isLoading())
                model.fetchMore({});
            QVERIFY(loaded.wait(kPatienceMs));
            if (probeId.isEmpty() && model.row(probe))
                probeId = model.row(probe)->at(PaymentsModel::Payment).toString();
        }
        QVERIFY2(model.rowCount() > 4 * 40, qPrintable(QString::number(model.rowCount())));
        QVERIFY(!probeId.isEmpty());
        QVERIFY(model.cachedPages() <= 3);
        // the probe's page was dropped: the view shows a placeholder and asks for it again
        QCOMPARE(model.row(probe), nullptr);
        QCOMPARE(model.index(probe, PaymentsModel::Payment).data().toString(), tr("loading…"));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QTRY_VERIFY_WITH_TIMEOUT(model.row(probe), kPatienceMs);
        QVERIFY(!changed.isEmpty());
        QCOMPARE(model.row(probe)->at(PaymentsModel::Payment).toString(), probeId);
        QCOMPARE(model.index(probe, PaymentsModel::Payment).data().toString(), probeId);
        QVERIFY(model.cachedPages() <= 3);
    }
    void topPlayersFollowTheGuideQuery() {
        DatabaseWorker worker(settings_, QStringLiteral("test"));
        TopPlayersModel model(&worker);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loaded(&model, &ReloadableModel::loaded);
        model.setQuery(10001, TopPlayersModel::OrderBy::Wagered, 10);
        QVERIFY(loaded.wait(kPatienceMs));
        QStringList expected;
        MVDASH_TRY({
            Connection c(settings_, QStringLiteral("t"));
            QSqlQuery q = runQuery(c.db(), QStringLiteral("guide_top_players"), {10001});
            while (q.next())
                expected << q.value(0).toString() + u' ' + q.value(2).toString();
        });
        QStringList actual;
        for (int row = 0; row < model.rowCount(); ++row)
            actual << model.value(row, TopPlayersModel::User).toString() + u' ' +
                          model.value(row, TopPlayersModel::Wagered).value<Decimal>().toString(2);
        QCOMPARE(actual, expected);
    }

    // A busy user's active bets: the newest `limit`, and the list says it goes on.
    void activeBetsAreBoundedToTheNewest() {
        DatabaseWorker worker(settings_, QStringLiteral("test"));
        UserLookup lookup(&worker);
        lookup.setActiveBetsLimit(3);
        QSignalSpy loaded(&lookup, &UserLookup::loaded);
        lookup.lookUp(10001, QStringLiteral("u000000"));
        QVERIFY(loaded.wait(kPatienceMs));
        const UserDetails &d = lookup.details();
        QCOMPARE(d.activeBets.size(), 3);
        QVERIFY(d.moreActiveBets);
        QStringList shown;
        QList<QDateTime> updated; // the list's last column: when each bet last changed
        for (const QVariantList &row : d.activeBets) {
            shown << row.value(0).toString();
            updated << row.constLast().toDateTime();
        }
        QVERIFY(std::is_sorted(updated.crbegin(), updated.crend()));
        MVDASH_TRY({
            Connection c(settings_, QStringLiteral("t"));
            const QString active = QStringLiteral(
                "FROM bets_view WHERE tenant_id = 10001 AND user_id = 'u000000' AND status IN "
                "('placed', 'confirmed')");
            QVERIFY(scalar(c.db(), "SELECT count(*) > 3 " + active).toBool());
            // and how many there are in all
            QCOMPARE(d.activeBetsTotal, scalar(c.db(), "SELECT count(*) " + active).toLongLong());
            QCOMPARE(scalar(c.db(), "SELECT count(*) " + active + " AND bet_id = ANY(?::text[])",
                            {QVariant(u'{' + shown.join(u',') + u'}')})
                         .toInt(),
                     3);
            // nothing left out is newer than the oldest shown
            QCOMPARE(scalar(c.db(),
                            "SELECT count(*) " + active +
                                " AND NOT bet_id = ANY(?::text[]) AND last_updated_at > (SELECT "
                                "min(last_updated_at) " +
                                active + " AND bet_id = ANY(?::text[]))",
                            {QVariant(u'{' + shown.join(u',') + u'}'),
                             QVariant(u'{' + shown.join(u',') + u'}')})
                         .toInt(),
                     0);
            for (qsizetype i = 0; i < shown.size(); ++i)
                QCOMPARE(scalar(c.db(),
                                "SELECT last_updated_at FROM bets_view WHERE tenant_id = 10001 "
                                "AND bet_id = ?",
                                {shown[i]})
                             .toDateTime(),
                         updated[i]);
        });
    }

    // Support: a found user, an unknown one, and ids that try to be SQL or are just odd.
    void userLookupHandlesKnownUnknownAndHostileIds_data() {
        QTest::addColumn<QString>("userId");
        QTest::addColumn<bool>("found");
        QTest::newRow("whale") << "u000000" << true;
        QTest::newRow("unknown") << "nobody" << false;
        QTest::newRow("quote") << "u0' OR '1'='1" << false;
        QTest::newRow("sql") << "x'; DROP TABLE bet_events; --" << false;
        QTest::newRow("unicode") << "игрок-😀" << false;
        QTest::newRow("long") << QString(5000, u'x') << false;
    }
    void userLookupHandlesKnownUnknownAndHostileIds() {
        QFETCH(QString, userId);
        QFETCH(bool, found);
        DatabaseWorker worker(settings_, QStringLiteral("test"));
        UserLookup lookup(&worker);
        QSignalSpy loaded(&lookup, &UserLookup::loaded);
        lookup.lookUp(10001, userId);
        QVERIFY(loaded.wait(kPatienceMs));
        QCOMPARE(lookup.details().found, found);
        if (found) {
            MVDASH_TRY({
                Connection c(settings_, QStringLiteral("t"));
                const int active =
                    scalar(c.db(),
                           "SELECT count(*) FROM bets_view WHERE tenant_id = 10001 AND "
                           "user_id = ? AND status IN ('placed', 'confirmed')",
                           {userId})
                        .toInt();
                QCOMPARE(lookup.details().activeBets.size(),
                         std::min(active, lookup.activeBetsLimit()));
                QCOMPARE(lookup.details().moreActiveBets, active > lookup.activeBetsLimit());
                QVERIFY(lookup.details().viewsRefreshedAt.isValid());
                QCOMPARE(lookup.details().newerEvents, 0);
            });
            // writes one event of the user and looks the user up again: how many events the
            // panel says are not in the figures yet
            const auto newerAfter = [&](const QString &insert) {
                {
                    Connection c(settings_, QStringLiteral("t"));
                    exec(c.db(), insert.arg(userId));
                }
                lookup.lookUp(10001, userId);
                return loaded.wait(kPatienceMs) ? lookup.details().newerEvents : -1;
            };
            MVDASH_TRY({
                // an event written after the refresh is counted
                QCOMPARE(newerAfter(QStringLiteral(
                             "INSERT INTO balance_events VALUES (10001, 999999999, '%1', 1.00, "
                             "'bonus', NULL, (extract(epoch FROM now()) * 1000)::bigint + 60000)")),
                         1);
                // one arriving late, with a timestamp long before the refresh, too (the spec's
                // events arrive out of order; counted by arrival since 031, missed before)
                QCOMPARE(newerAfter(QStringLiteral(
                             "INSERT INTO bet_events (tenant_id, event_id, bet_id, user_id, "
                             "event_type, stake, odds, fixture_id, event_timestamp) VALUES "
                             "(10001, 999999998, 'late-bet', '%1', 'placed', 1.00, 2.00, 'fx1', "
                             "1577836800000)")),
                         2);
            });
            MVDASH_TRY({
                Connection c(settings_, QStringLiteral("t"));
                exec(c.db(), "DELETE FROM balance_events WHERE event_id = 999999999");
                exec(c.db(), "DELETE FROM bet_events WHERE event_id = 999999998");
            });
        } else // no event of the id at all, refreshed or not: the panel says to check the id
            QCOMPARE(lookup.details().newerEvents, 0);
        MVDASH_TRY({
            Connection c(settings_, QStringLiteral("t"));
            QVERIFY(scalar(c.db(), "SELECT to_regclass('bet_events') IS NOT NULL").toBool());
        });
        // completion treats LIKE wildcards as plain characters
        QSignalSpy completions(&lookup, &UserLookup::completions);
        lookup.complete(10001, userId.left(3));
        QVERIFY(completions.wait(kPatienceMs));
        for (const QString &id : completions.first().at(0).toStringList())
            QVERIFY(id.startsWith(userId.left(3)));
    }

    // A user whose first events arrived after the refresh is not in the views yet: the lookup
    // counts those events, so that support tells a new user from a mistyped id.
    void aUserNewSinceTheRefreshIsToldFromAMistypedId() {
        const QString userId = QStringLiteral("brand-new-user");
        MVDASH_TRY({
            Connection c(settings_, QStringLiteral("t"));
            exec(c.db(),
                 "INSERT INTO payment_events (tenant_id, event_id, payment_id, user_id, "
                 "event_type, amount, currency, payment_method, payment_type, event_timestamp) "
                 "VALUES (10001, 999999997, 'pay-new-user', 'brand-new-user', 'created', 10.00, "
                 "'EUR', 'card', "
                 "'deposit', (extract(epoch FROM now()) * 1000)::bigint)");
        });
        DatabaseWorker worker(settings_, QStringLiteral("test"));
        UserLookup lookup(&worker);
        QSignalSpy loaded(&lookup, &UserLookup::loaded);
        lookup.lookUp(10001, userId);
        QVERIFY(loaded.wait(kPatienceMs));
        const bool found = lookup.details().found;
        const qint64 newer = lookup.details().newerEvents;
        MVDASH_TRY({
            Connection c(settings_, QStringLiteral("t"));
            exec(c.db(), "DELETE FROM payment_events WHERE event_id = 999999997");
        });
        QVERIFY(!found);
        QCOMPARE(newer, 1);
        QVERIFY(lookup.details().viewsRefreshedAt.isValid());
    }

    void anUnwritableExportPathFailsCleanly() {
        DatabaseWorker worker(settings_, QStringLiteral("test"));
        PaymentsExport exporter(&worker);
        QSignalSpy failed(&exporter, &PaymentsExport::failed);
        PaymentFilter filter;
        filter.tenantId = 10001;
        exporter.start(filter, QStringLiteral("/nonexistent-dir/payments.csv"));
        QVERIFY(failed.wait(kPatienceMs));
        QVERIFY2(failed.first().at(0).toString().contains("cannot write"),
                 qPrintable(failed.first().at(0).toString()));
        QVERIFY(!QFile::exists(QStringLiteral("/nonexistent-dir/payments.csv")));
    }

    // A read model not populated, or missing: the message says what to do; the other models
    // keep working.
    void unpopulatedOrMissingViewsAreExplained() {
        DatabaseWorker worker(settings_, QStringLiteral("test"));
        TopPlayersModel players(&worker);
        TenantSummaryModel tenants(&worker);
        MVDASH_TRY({
            Connection c(settings_, QStringLiteral("t"));
            exec(c.db(), "REFRESH MATERIALIZED VIEW user_activity_view WITH NO DATA");
        });
        QSignalSpy failed(&players, &ReloadableModel::loadFailed);
        players.setQuery(10001, TopPlayersModel::OrderBy::Wagered, 10);
        QVERIFY(failed.wait(kPatienceMs));
        const QString message = failed.first().at(0).toString();
        QVERIFY2(message.contains("user_activity_view is not populated yet") &&
                     message.contains("Refresh"),
                 qPrintable(message));
        QVERIFY(load(tenants)); // another view still answers
        MVDASH_TRY({
            Connection c(settings_, QStringLiteral("t"));
            exec(c.db(), "REFRESH MATERIALIZED VIEW user_activity_view");
            exec(
                c.db(),
                "ALTER MATERIALIZED VIEW tenants_summary_view RENAME TO tenants_summary_view_away");
        });
        QSignalSpy tenantsFailed(&tenants, &ReloadableModel::loadFailed);
        tenants.reload();
        QVERIFY(tenantsFailed.wait(kPatienceMs));
        QVERIFY2(
            tenantsFailed.first().at(0).toString().contains("tenants_summary_view does not exist"),
            qPrintable(tenantsFailed.first().at(0).toString()));
        MVDASH_TRY({
            Connection c(settings_, QStringLiteral("t"));
            exec(
                c.db(),
                "ALTER MATERIALIZED VIEW tenants_summary_view_away RENAME TO tenants_summary_view");
        });
        QVERIFY(load(players));
        QVERIFY(players.rowCount() > 0);
    }

    // Offline, a queue of jobs (a reload of every model) is answered by one connection
    // attempt, not one each: ten models must not wait ten connect timeouts.
    void offlineOneAttemptAnswersTheJobsQueuedBehindIt() {
        QTemporaryDir nowhere; // a socket directory with no server in it
        ConnectionSettings offline = settings_;
        offline.set(QStringLiteral("host"), nowhere.path());
        offline.set(QStringLiteral("port"), QStringLiteral("5432"));
        DatabaseWorker worker(offline, QStringLiteral("offline"));
        QSignalSpy connection(&worker, &DatabaseWorker::connectionChanged);
        QObject context;
        QList<JobFailure> failures;
        for (int i = 0; i < 5; ++i)
            worker.submit(
                &context, [](const QSqlDatabase &) { return QVariant(1); },
                [](const QVariant &) { QFAIL("no server: no answer"); },
                [&failures](const JobFailure &f) { failures << f; });
        QTRY_COMPARE_WITH_TIMEOUT(failures.size(), 5, kPatienceMs);
        for (const JobFailure &f : failures)
            QVERIFY(f.connectionLost());
        QCOMPARE(connection.count(), 1);
        QCOMPARE(connection.first().at(0).toBool(), false);
        QCOMPARE(connection.first().at(2).toInt(), 0); // not refused: may come back
    }

    // A login the server refuses (here: no such role) is said to be refused, which a retry
    // alone does not mend, and the server is not asked again for every job.
    void aRefusedLoginIsToldAsSuch() {
        ConnectionSettings stranger = settings_;
        stranger.set(QStringLiteral("user"), QStringLiteral("mvdash_no_such_role"));
        DatabaseWorker worker(stranger, QStringLiteral("stranger"));
        QSignalSpy connection(&worker, &DatabaseWorker::connectionChanged);
        QObject context;
        int failed = 0;
        for (int i = 0; i < 3; ++i)
            worker.submit(
                &context, [](const QSqlDatabase &) { return QVariant(1); }, [](const QVariant &) {},
                [&failed](const JobFailure &) { ++failed; });
        QTRY_COMPARE_WITH_TIMEOUT(failed, 3, kPatienceMs);
        QCOMPARE(connection.count(), 1);
        QVERIFY2(connection.first().at(1).toString().contains("does not exist"),
                 qPrintable(connection.first().at(1).toString()));
        QCOMPARE(connection.first().at(2).toInt(), 60); // asked again once a minute
    }

    // Closing the window waits for the job in progress only: the queue behind it is dropped
    // unrun (a backlog of reloads must not hold a File > Connect… or a quit).
    void closingAWorkerDropsTheJobsNotStarted() {
        std::atomic_int ran{0};
        {
            DatabaseWorker worker(settings_, QStringLiteral("closing"));
            QObject context;
            worker.submit(
                &context,
                [](const QSqlDatabase &db) {
                    QSqlQuery q(db);
                    q.exec(QStringLiteral("SELECT pg_sleep(0.3)"));
                    return QVariant();
                },
                [](const QVariant &) {});
            for (int i = 0; i < 20; ++i)
                worker.submit(
                    &context,
                    [&ran](const QSqlDatabase &) {
                        ++ran;
                        return QVariant();
                    },
                    [](const QVariant &) {});
        }
        QCOMPARE(ran.load(), 0);
    }

    // mvdash's statement limit for a session, set to 0, goes back to what the role (or the
    // database, or the server) set, never to no limit at all.
    void theStatementLimitFallsBackToTheRolesOwn() {
        MVDASH_TRY({
            Connection owner(settings_, QStringLiteral("owner"));
            QSqlQuery q(owner.db());
            QVERIFY(q.exec(QStringLiteral("DROP ROLE IF EXISTS models_limited")));
            QVERIFY(q.exec(QStringLiteral("CREATE ROLE models_limited LOGIN")));
            QVERIFY(q.exec(QStringLiteral("ALTER ROLE models_limited SET statement_timeout = "
                                          "'7s'")));
            ConnectionSettings limited = settings_;
            limited.set(QStringLiteral("user"), QStringLiteral("models_limited"));
            {
                Connection c(limited, QStringLiteral("limited"));
                const auto shown = [&c] {
                    QSqlQuery show(c.db());
                    return show.exec(QStringLiteral("SHOW statement_timeout")) && show.next()
                               ? show.value(0).toString()
                               : QStringLiteral("(failed)");
                };
                QCOMPARE(shown(), QStringLiteral("7s"));
                applySessionStatementTimeout(c.db(), 500);
                QCOMPARE(shown(), QStringLiteral("500ms"));
                applySessionStatementTimeout(c.db(), 0);
                QCOMPARE(shown(), QStringLiteral("7s"));
            }
            QVERIFY(q.exec(QStringLiteral("DROP ROLE models_limited")));
        });
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
        QVERIFY(failed.wait(kPatienceMs));
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
