// The item models without a server (label "unit"): a FakeRunner stands in for the worker and
// the test decides what each job answered and in which order. What is checked here is the
// models' own logic: only the latest answer is applied, a failure is told (a cancel is not),
// an answer for a destroyed caller is dropped, pages are appended, dropped and fetched again,
// and every model passes QAbstractItemModelTester with data in it.
#include "database.h"
#include "dberror.h"
#include "doctormodel.h"
#include "fakerunner.h"
#include "format.h"
#include "paymentsmodel.h"
#include "playersmodel.h"
#include "roles.h"
#include "states.h"
#include "tenantsummarymodel.h"
#include "userlookup.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlField>
#include <QSqlRecord>
#include <QTest>
#include <QTimeZone>

using namespace mvdash;

namespace {
// A row of tenants_summary_all as the worker reads it: values in the model's column order.
QVariantList tenant(qint64 id, const QString &name, qint64 bets, const char *stake) {
    QVariantList row(TenantSummaryModel::ColumnCount);
    row[TenantSummaryModel::Name] = name;
    row[TenantSummaryModel::Slug] = name.toLower();
    row[TenantSummaryModel::Status] = QStringLiteral("active");
    row[TenantSummaryModel::Plan] = QStringLiteral("pro");
    row[TenantSummaryModel::Bets] = bets;
    row[TenantSummaryModel::ActiveBets] = qint64(0);
    row[TenantSummaryModel::Stake] =
        QVariant::fromValue(Decimal::parse(QString::fromLatin1(stake)).value());
    row[TenantSummaryModel::DataAsOf] = QDateTime(QDate(2026, 11, 28), QTime(12, 0));
    row[TenantSummaryModel::TenantId] = id;
    return row;
}

QVariant tenants(const QList<QVariantList> &rows) {
    return QVariant::fromValue(rows);
}

PaymentRow payment(int n) {
    PaymentRow r(PaymentsModel::ColumnCount);
    r[PaymentsModel::Payment] = QStringLiteral("p%1").arg(n, 6, 10, QLatin1Char('0'));
    r[PaymentsModel::User] = QStringLiteral("u%1").arg(n % 7);
    r[PaymentsModel::Amount] =
        QVariant::fromValue(Decimal::parse(QStringLiteral("%1.25").arg(n)).value());
    r[PaymentsModel::Currency] = QStringLiteral("EUR");
    r[PaymentsModel::Type] = QStringLiteral("deposit");
    r[PaymentsModel::Status] = n % 5 == 0 ? QStringLiteral("failed") : QStringLiteral("completed");
    r[PaymentsModel::UpdatedMs] = qint64(1'800'000'000'000) - n * 1000;
    r[PaymentsModel::Updated] =
        QDateTime::fromMSecsSinceEpoch(r[PaymentsModel::UpdatedMs].toLongLong());
    return r;
}

// Payments first..first+count-1 as the answer to a page request.
QVariant page(int first, int count, bool append) {
    PaymentsPage p;
    p.append = append;
    p.firstRow = append ? first : 0;
    for (int i = first; i < first + count; ++i)
        p.rows << payment(i);
    return QVariant::fromValue(p);
}
// Tenant 1's payments in pages of 10, two pages kept in memory: the first page loaded.
PaymentFilter loadFirstPageKeepingTwo(FakeRunner &runner, PaymentsModel &model) {
    model.setPageSize(10);
    model.setCachedPageLimit(2);
    PaymentFilter filter;
    filter.tenantId = 1;
    model.setFilter(filter);
    runner.answerLast(page(0, 10, false));
    return filter;
}

// ... and two more: page 0 is dropped.
PaymentFilter loadThreePagesKeepingTwo(FakeRunner &runner, PaymentsModel &model) {
    const PaymentFilter filter = loadFirstPageKeepingTwo(runner, model);
    for (int p = 1; p < 3; ++p) {
        model.fetchMore({});
        runner.answerLast(page(p * 10, 10, true));
    }
    return filter;
}
} // namespace

class TestItemModels : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QStringLiteral("en_US"))); }

    // Each kind of column is shown, sorted, aligned and exported in one way.
    void columnKindsShowSortAndExport() {
        const ColumnList columns{
            {"t", "Text", ColumnKind::Text},     {"m", "Money", ColumnKind::Money},
            {"n", "Number", ColumnKind::Number}, {"c", "Count", ColumnKind::Count},
            {"at", "Time", ColumnKind::Time},    {"ms", "Millis", ColumnKind::Millis},
            {"", "#", ColumnKind::RowNumber}};
        const QDateTime at(QDate(2026, 1, 2), QTime(3, 4, 5, 678), Qt::UTC);
        const QVariantList row{
            QStringLiteral("=cmd"),
            QVariant::fromValue(Decimal::parse(QStringLiteral("-1234567.5")).value()),
            QStringLiteral("1.8500"),
            qint64(1234567),
            at,
            at.toMSecsSinceEpoch(),
            QVariant()};
        QCOMPARE(columns.display(0, row[0]).toString(), QStringLiteral("=cmd"));
        QCOMPARE(columns.display(1, row[1]).toString(), QStringLiteral("-1,234,567.50"));
        QCOMPARE(columns.display(2, row[2]).toString(), QStringLiteral("1.8500"));
        QCOMPARE(columns.display(3, row[3]).toString(), QStringLiteral("1,234,567"));
        QCOMPARE(columns.display(4, row[4]).toString(), formatTime(at));
        QCOMPARE(columns.display(5, row[5]).toString(), formatTime(at));
        QCOMPARE(columns.display(6, row[6], 41).toInt(), 42);
        QCOMPARE(columns.display(1, QVariant()).toString(), QString()); // null is not zero
        QCOMPARE(columns.exported(1, row[1]), QStringLiteral("-1234567.50"));
        QCOMPARE(columns.exported(3, row[3]), QStringLiteral("1234567"));
        QCOMPARE(columns.exported(4, row[4]), QStringLiteral("2026-01-02T03:04:05.678Z"));
        QCOMPARE(columns.exported(5, row[5]), QString::number(at.toMSecsSinceEpoch()));
        QCOMPARE(columns.sortKey(1, row[1]).toDouble(), -1234567.5);
        QCOMPARE(columns.sortKey(4, row[4]).toLongLong(), at.toMSecsSinceEpoch());
        QVERIFY(!columns.alignment(0).isValid());
        for (int c = 1; c < columns.count(); ++c)
            if (c != 4)
                QVERIFY2(columns.isNumeric(c), columns[c].title);
        QCOMPARE(columns.aliases().first(), QStringLiteral("t"));
    }

    // A result without one of a list's columns is an error that names it, not a shifted row.
    void aMissingColumnIsNamed() {
        QSqlRecord record;
        record.append(QSqlField(QStringLiteral("payment_id"), QMetaType(QMetaType::QString)));
        try {
            PaymentsModel::columns().positionsIn(record, QStringLiteral("payments"));
            QFAIL("no error");
        } catch (const DbError &e) {
            QVERIFY2(e.message().contains(QStringLiteral("user_id")), qPrintable(e.message()));
            QVERIFY(e.message().startsWith(QStringLiteral("payments")));
        }
    }

    // Every column list names only aliases its catalog query has, once each, and has a title
    // per column: a column added to a list without its SQL (or the reverse rename) fails here,
    // without a server.
    void everyColumnListMatchesItsQueries_data() {
        QTest::addColumn<QStringList>("aliases");
        QTest::addColumn<QStringList>("queries");
        FakeRunner runner;
        QTest::newRow("payments") << PaymentsModel::columns().aliases()
                                  << QStringList{QStringLiteral("payments_page")};
        QTest::newRow("tenants") << TenantSummaryModel(&runner).columns().aliases()
                                 << QStringList{QStringLiteral("tenants_summary_all")};
        QStringList players = TopPlayersModel(&runner).columns().aliases();
        players.removeAll(QString()); // the rank is not read
        QTest::newRow("players") << players
                                 << QStringList{QStringLiteral("top_players_by_wagered"),
                                                QStringLiteral("top_players_by_winnings"),
                                                QStringLiteral("top_players_by_bets"),
                                                QStringLiteral("top_players_by_balance"),
                                                QStringLiteral("top_players_by_last_activity")};
        QTest::newRow("user figures (live)")
            << UserLookup::figureColumns().aliases() << QStringList{QStringLiteral("user_exact")};
    }
    void everyColumnListMatchesItsQueries() {
        QFETCH(QStringList, aliases);
        QFETCH(QStringList, queries);
        QCOMPARE(QSet<QString>(aliases.cbegin(), aliases.cend()).size(), aliases.size());
        for (const QString &query : queries) {
            const QString sql = catalogQuery(query);
            QVERIFY2(!sql.isEmpty(), qPrintable(query));
            for (const QString &alias : aliases) {
                const QRegularExpression word(QStringLiteral("\\b%1\\b").arg(alias));
                QVERIFY2(word.match(sql).hasMatch(), qPrintable(query + u' ' + alias));
            }
        }
    }

    // The catalog's placeholders are named (:tenant_id, not ?): a query says what it binds.
    // Values bound in order still reach them in order of appearance (Qt's emulation for QPSQL).
    void everyCatalogQueryNamesItsPlaceholders() {
        const QStringList files = QDir(QStringLiteral(":/sql/queries")).entryList({"*.sql"});
        QVERIFY(files.size() > 50);
        static const QRegularExpression comments(QStringLiteral("--[^\\n]*"));
        static const QRegularExpression literals(QStringLiteral("'[^']*'"));
        for (const QString &file : files) {
            QString sql = catalogQuery(file.chopped(4));
            sql.remove(comments).remove(literals);
            QVERIFY2(!sql.contains(u'?'), qPrintable(file + QStringLiteral(": a ? placeholder")));
        }
    }

    void onlyTheLatestAnswerIsApplied() {
        FakeRunner runner;
        TenantSummaryModel model(&runner);
        QAbstractItemModelTester tester(&model);
        QSignalSpy loaded(&model, &ReloadableModel::loaded);
        QSignalSpy loading(&model, &ReloadableModel::loadingChanged);
        model.reload();
        model.reload();
        QCOMPARE(runner.pendingCount(), 2);
        QVERIFY(model.isLoading());
        QCOMPARE(loading.count(), 1); // told once, not per request
        // the newer request answers first; the older answer, arriving late, is dropped
        runner.answer(1, tenants({tenant(1, QStringLiteral("Newer"), 5, "10")}));
        QCOMPARE(loaded.count(), 1);
        QVERIFY(!model.isLoading());
        runner.answer(0, tenants({tenant(2, QStringLiteral("Older"), 9, "1")}));
        QCOMPARE(loaded.count(), 1);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, TenantSummaryModel::Name).data().toString(),
                 QStringLiteral("Newer"));
        QCOMPARE(model.index(0, 0).data(KeyRole).toLongLong(), 1);
        QCOMPARE(model.rowOf(1), 0);
    }

    void cellsAreFormattedAndSortedByValue() {
        FakeRunner runner;
        TenantSummaryModel model(&runner);
        QAbstractItemModelTester tester(&model);
        model.reload();
        runner.answerLast(tenants({tenant(1, QStringLiteral("Alpha"), 1234567, "1234.5"),
                                   tenant(2, QStringLiteral("Beta"), 2, "99999999999999999.99")}));
        QCOMPARE(model.columnCount(), int(TenantSummaryModel::ColumnCount));
        QCOMPARE(
            model.headerData(TenantSummaryModel::Stake, Qt::Horizontal, Qt::DisplayRole).toString(),
            QStringLiteral("Total stake"));
        QCOMPARE(model.index(0, TenantSummaryModel::Bets).data().toString(),
                 QStringLiteral("1,234,567"));
        QCOMPARE(model.index(0, TenantSummaryModel::Stake).data().toString(),
                 QStringLiteral("1,234.50"));
        // exact beyond a double's digits when shown; ordered by value
        QCOMPARE(model.index(1, TenantSummaryModel::Stake).data().toString(),
                 QStringLiteral("99,999,999,999,999,999.99"));
        QVERIFY(model.index(0, TenantSummaryModel::Bets).data(SortRole).toLongLong() >
                model.index(1, TenantSummaryModel::Bets).data(SortRole).toLongLong());
        QCOMPARE(model.rowOf(2), 1);
        QCOMPARE(model.valueOf(2, TenantSummaryModel::Name).toString(), QStringLiteral("Beta"));
        QVERIFY(!model.valueOf(3, TenantSummaryModel::Name).isValid());
        // a null figure is shown empty, not as zero
        QCOMPARE(model.index(0, TenantSummaryModel::Deposits).data().toString(), QString());
    }

    void unchangedDataKeepsTheRowsAndAChangedFigureChangesOneRow() {
        FakeRunner runner;
        TenantSummaryModel model(&runner);
        model.reload();
        runner.answerLast(tenants({tenant(1, QStringLiteral("Alpha"), 1, "1"),
                                   tenant(2, QStringLiteral("Beta"), 1, "1")}));
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
        model.reload();
        runner.answerLast(tenants({tenant(1, QStringLiteral("Alpha"), 1, "1"),
                                   tenant(2, QStringLiteral("Beta"), 1, "1")}));
        QCOMPARE(resets.count(), 0);
        QCOMPARE(changes.count(), 0);
        model.reload();
        runner.answerLast(tenants({tenant(1, QStringLiteral("Alpha"), 1, "1"),
                                   tenant(2, QStringLiteral("Beta"), 1, "2.5")}));
        QCOMPARE(resets.count(), 0);
        QCOMPARE(changes.count(), 1);
        QCOMPARE(changes.first().at(0).value<QModelIndex>().row(), 1);
        model.reload(); // another set of tenants: a reset
        runner.answerLast(tenants({tenant(3, QStringLiteral("Gamma"), 1, "1")}));
        QCOMPARE(resets.count(), 1);
    }

    void aFailureIsToldACancelIsNot_data() {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("told");
        QTest::addColumn<bool>("lost");
        QTest::newRow("error") << int(JobFailure::Kind::Error) << 1 << false;
        QTest::newRow("connection lost") << int(JobFailure::Kind::ConnectionLost) << 1 << true;
        QTest::newRow("cancelled") << int(JobFailure::Kind::Cancelled) << 0 << false;
    }
    void aFailureIsToldACancelIsNot() {
        QFETCH(int, kind);
        QFETCH(int, told);
        QFETCH(bool, lost);
        FakeRunner runner;
        TopPlayersModel model(&runner);
        QSignalSpy failed(&model, &ReloadableModel::loadFailed);
        QSignalSpy loading(&model, &ReloadableModel::loadingChanged);
        model.setQuery(7, TopPlayersModel::OrderBy::Wagered, 10);
        runner.fail(0, JobFailure::Kind(kind), QStringLiteral("boom"));
        QCOMPARE(failed.count(), told);
        if (told) {
            QCOMPARE(failed.first().at(0).toString(), QStringLiteral("boom"));
            QCOMPARE(failed.first().at(1).toBool(), lost);
            QCOMPARE(model.lastError(), QStringLiteral("boom"));
        }
        QVERIFY(!model.isLoading());
        QCOMPARE(loading.count(), 2); // on, then off
    }

    void aStaleFailureIsDropped() {
        FakeRunner runner;
        TopPlayersModel model(&runner);
        QSignalSpy failed(&model, &ReloadableModel::loadFailed);
        model.setQuery(7, TopPlayersModel::OrderBy::Wagered, 10);
        model.setQuery(8, TopPlayersModel::OrderBy::Bets, 10); // another tenant meanwhile
        runner.fail(0, JobFailure::Kind::Error, QStringLiteral("old"));
        QCOMPARE(failed.count(), 0);
        QVERIFY(model.isLoading());
        const QVariantList player{QVariant(),
                                  QStringLiteral("u1"),
                                  qint64(3),
                                  QVariant::fromValue(Decimal::parse(QStringLiteral("10")).value()),
                                  QVariant::fromValue(Decimal()),
                                  QVariant::fromValue(Decimal()),
                                  qint64(1'800'000'000'000)};
        runner.answer(0, QVariant::fromValue(QList<QVariantList>{player}));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, TopPlayersModel::Rank).data().toInt(), 1);
        QCOMPARE(model.index(0, TopPlayersModel::Wagered).data().toString(),
                 QStringLiteral("10.00"));
    }

    // A failed request for another tenant drops the rows shown (they are the old tenant's);
    // a failed reload of the same tenant keeps them (the banner says they are not updated).
    void aFailedSwitchDropsTheOldTenantsRowsAFailedReloadKeepsThem() {
        FakeRunner runner;
        TopPlayersModel model(&runner);
        model.setQuery(7, TopPlayersModel::OrderBy::Wagered, 10);
        runner.answerLast(QVariant::fromValue(
            QList<QVariantList>{{QVariant(), QStringLiteral("u1"), qint64(3),
                                 QVariant::fromValue(Decimal::parse(QStringLiteral("10")).value()),
                                 QVariant::fromValue(Decimal()), QVariant::fromValue(Decimal()),
                                 qint64(1'800'000'000'000)}}));
        QCOMPARE(model.rowCount(), 1);
        model.reload();
        runner.fail(0, JobFailure::Kind::Error, QStringLiteral("statement timeout"));
        QCOMPARE(model.rowCount(), 1);
        model.setQuery(8, TopPlayersModel::OrderBy::Wagered, 10);
        runner.fail(0, JobFailure::Kind::ConnectionLost, QStringLiteral("server closed"));
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.lastError(), QStringLiteral("server closed"));
        model.reload(); // the same (failed) tenant again: still nothing, no second reset
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        runner.fail(0, JobFailure::Kind::Error, QStringLiteral("again"));
        QCOMPARE(reset.count(), 0);
    }

    void aFailedFilterChangeEmptiesThePaymentsInsteadOfPagingTheOldRows() {
        FakeRunner runner;
        PaymentsModel model(&runner);
        model.setPageSize(10);
        PaymentFilter filter;
        filter.tenantId = 1;
        model.setFilter(filter);
        runner.answerLast(page(0, 10, false));
        QVERIFY(model.canFetchMore({}));
        filter.tenantId = 2;
        model.setFilter(filter);
        QVERIFY(!model.canFetchMore({})); // tenant 1's rows are no cursor for tenant 2's
        runner.fail(0, JobFailure::Kind::ConnectionLost, QStringLiteral("server closed"));
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.canFetchMore({}));
        QCOMPARE(model.lastError(), QStringLiteral("server closed"));
        model.reload(); // asked again (the window does, while the last load failed)
        runner.answerLast(page(500, 3, false));
        QCOMPARE(model.rowCount(), 3);
        QVERIFY(model.lastError().isEmpty());
    }

    // A dropped page scrolled into view while the next filter's first page is on its way is
    // fetched for the rows shown, and dropped when the new rows replace them: never merged
    // into the new rows (which may be fewer than the page's place).
    void aPageAskedForWhileANewFilterLoadsIsDroppedWithTheOldRows() {
        FakeRunner runner;
        PaymentsModel model(&runner);
        PaymentFilter filter = loadThreePagesKeepingTwo(runner, model);
        filter.tenantId = 2;
        model.setFilter(filter);
        QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("loading…")); // refetch
        QCOMPARE(runner.pendingCount(), 2);
        runner.answer(0, page(200, 4, false)); // tenant 2's first page
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        runner.answer(0, page(0, 10, false)); // tenant 1's page 0, late
        QCOMPARE(changed.count(), 0);
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.index(0, PaymentsModel::Payment).data().toString(),
                 QStringLiteral("p000200"));
    }

    void anAnswerForADestroyedCallerIsDropped() {
        FakeRunner runner;
        auto *model = new TenantSummaryModel(&runner);
        model->reload();
        delete model;
        runner.answerLast(tenants({tenant(1, QStringLiteral("Gone"), 1, "1")})); // no crash
        QCOMPARE(runner.pendingCount(), 0);
    }

    void paymentsArePagedDroppedAndFetchedAgain() {
        FakeRunner runner;
        PaymentsModel model(&runner); // no model tester here: it would fetch more itself
        loadFirstPageKeepingTwo(runner, model);
        QCOMPARE(model.rowCount(), 10);
        QVERIFY(model.canFetchMore({}));
        for (int p = 1; p < 4; ++p) {
            model.fetchMore({});
            QVERIFY(!model.canFetchMore({})); // one page at a time
            runner.answerLast(page(p * 10, 10, true));
        }
        QCOMPARE(model.rowCount(), 40);
        QCOMPARE(model.cachedPages(), 2); // the two most recently shown
        // a short page is the last one
        model.fetchMore({});
        runner.answerLast(page(40, 3, true));
        QVERIFY(model.isComplete());
        QVERIFY(!model.canFetchMore({}));
        QCOMPARE(model.rowCount(), 43);

        // page 0 was dropped: showing it asks for it again, once, and shows it when it comes
        QCOMPARE(model.index(0, PaymentsModel::Payment).data().toString(),
                 QStringLiteral("loading…"));
        QCOMPARE(runner.pendingCount(), 1);
        model.index(1, PaymentsModel::Payment).data();
        QCOMPARE(runner.pendingCount(), 1);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        runner.answerLast(page(0, 10, false));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(model.index(0, PaymentsModel::Payment).data().toString(),
                 QStringLiteral("p000000"));
        QCOMPARE(model.index(0, PaymentsModel::Amount).data().toString(), QStringLiteral("0.25"));
        QCOMPARE(model.index(5, PaymentsModel::Status).data(StateRole).value<CellState>(),
                 CellState::Failed);
    }

    void aPageFetchedAgainFillsTheOldRowsUntilTheNewFilterReplacesThem() {
        FakeRunner runner;
        PaymentsModel model(&runner);
        PaymentFilter filter = loadThreePagesKeepingTwo(runner, model);
        model.index(0, 0).data(); // page 0 dropped: fetched again
        QCOMPARE(runner.pendingCount(), 1);
        filter.status = QStringLiteral("failed");
        model.setFilter(filter); // meanwhile the user changes the filter
        QCOMPARE(runner.pendingCount(), 2);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        // the old rows are on screen until the new filter's answer: their page fills them
        runner.answer(0, page(0, 10, false));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(model.index(0, PaymentsModel::Payment).data().toString(),
                 QStringLiteral("p000000"));
        runner.answer(0, page(200, 4, false));
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.index(0, PaymentsModel::Payment).data().toString(),
                 QStringLiteral("p000200"));
    }

    void paymentsPassTheModelTesterWhileFetchingMore() {
        FakeRunner runner;
        PaymentsModel model(&runner);
        model.setPageSize(10);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        PaymentFilter filter;
        filter.tenantId = 1;
        model.setFilter(filter);
        runner.answerLast(page(0, 10, false));
        while (runner.pendingCount() > 0) // the tester fetches more, as a view would
            runner.answerLast(page(model.rowCount(), model.rowCount() < 30 ? 10 : 5, true));
        QCOMPARE(model.rowCount(), 35);
        QVERIFY(model.isComplete());
    }

    // The doctor's checks: the worst first (in their order otherwise), coloured by state, the
    // advice as the tool tip; a safe fix that is a refresh is handed on, not run here.
    void doctorChecksAreShownWorstFirst() {
        FakeRunner runner;
        DoctorModel model(&runner);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.reload();
        const auto check = [](const char *id, const char *subject, CheckState state) {
            DoctorCheck c;
            c.id = QString::fromLatin1(id);
            c.subject = QString::fromLatin1(subject);
            c.state = state;
            c.found = QStringLiteral("found");
            c.why = state == CheckState::Ok ? QString() : QStringLiteral("why");
            c.fix = state == CheckState::Ok ? QString() : QStringLiteral("fix");
            c.safeFix = state == CheckState::Ok ? SafeFix::None : SafeFix::RefreshView;
            return c;
        };
        runner.answerLast(QVariant::fromValue(QList<DoctorCheck>{
            check("a", "v1", CheckState::Ok), check("b", "v2", CheckState::Warn),
            check("c", "v3", CheckState::Fail), check("d", "v4", CheckState::Warn)}));
        QCOMPARE(model.rowCount(), 4);
        QStringList order;
        for (int r = 0; r < model.rowCount(); ++r)
            order << model.index(r, DoctorModel::Check).data().toString();
        QCOMPARE(order, (QStringList{"c", "b", "d", "a"}));
        QCOMPARE(model.worst(), CheckState::Fail);
        QCOMPARE(model.index(0, DoctorModel::State).data(StateRole).value<CellState>(),
                 CellState::Failed);
        QVERIFY(model.index(0, DoctorModel::Found)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("why")));
        QSignalSpy refresh(&model, &DoctorModel::refreshRequested);
        QVERIFY(model.applyFix(0));
        QCOMPARE(refresh.count(), 1);
        QCOMPARE(refresh.first().at(0).toStringList(), QStringList{QStringLiteral("v3")});
        QVERIFY(!model.applyFix(3)); // OK: nothing to fix
        QCOMPARE(runner.pendingCount(), 0);
    }

    void onlyTheLatestCompletionIsOffered() {
        FakeRunner runner;
        UserLookup lookup(&runner);
        QSignalSpy completions(&lookup, &UserLookup::completions);
        lookup.complete(1, QStringLiteral("u"));
        lookup.complete(1, QStringLiteral("u1"));
        runner.answer(1, QStringList{QStringLiteral("u1"), QStringLiteral("u10")});
        runner.answer(0, QStringList{QStringLiteral("u1"), QStringLiteral("u2")});
        QCOMPARE(completions.count(), 1);
        QCOMPARE(completions.first().at(0).toStringList(),
                 (QStringList{QStringLiteral("u1"), QStringLiteral("u10")}));
    }

    // Support must never read one user's figures under another's name: a failed lookup of
    // another user shows nothing of the first; a failed look again at the same user keeps
    // the last answer (the panel says it is not updated).
    void aFailedLookupShowsNothingOfTheUserBefore() {
        FakeRunner runner;
        UserLookup lookup(&runner);
        UserDetails d;
        d.found = true;
        d.userId = QStringLiteral("u1");
        d.activeBets = {QVariantList(UserLookup::figureColumns().count())};
        lookup.lookUp(1, QStringLiteral("u1"));
        runner.answerLast(QVariant::fromValue(d));
        QCOMPARE(lookup.activeBets()->rowCount(), 1);
        lookup.reload();
        runner.fail(0, JobFailure::Kind::Error, QStringLiteral("timeout"));
        QVERIFY(lookup.details().found);
        QCOMPARE(lookup.details().userId, QStringLiteral("u1"));
        lookup.lookUp(2, QStringLiteral("u1")); // the same id in another tenant
        QSignalSpy failed(&lookup, &UserLookup::loadFailed);
        runner.fail(0, JobFailure::Kind::ConnectionLost, QStringLiteral("server closed"));
        QCOMPARE(failed.count(), 1);
        QVERIFY(!lookup.details().found);
        QCOMPARE(lookup.details().userId, QStringLiteral("u1"));
        QCOMPARE(lookup.activeBets()->rowCount(), 0);
    }

    void completionsAskedForBeforeATenantChangeAreNotOffered() {
        FakeRunner runner;
        UserLookup lookup(&runner);
        QSignalSpy completions(&lookup, &UserLookup::completions);
        lookup.complete(1, QStringLiteral("u"));
        lookup.forgetCompletions();
        runner.answer(0, QStringList{QStringLiteral("u1")});
        QCOMPARE(completions.count(), 0);
    }

    void aLookupAndACompletionDoNotCancelEachOther() {
        FakeRunner runner;
        UserLookup lookup(&runner);
        QSignalSpy loaded(&lookup, &UserLookup::loaded);
        QSignalSpy completions(&lookup, &UserLookup::completions);
        lookup.lookUp(1, QStringLiteral("  u1 "));
        lookup.complete(1, QStringLiteral("u"));
        QVERIFY(lookup.isLoading());
        UserDetails d;
        d.found = true;
        d.userId = QStringLiteral("u1");
        runner.answer(0, QVariant::fromValue(d));
        runner.answer(0, QStringList{QStringLiteral("u1")});
        QCOMPARE(loaded.count(), 1);
        QCOMPARE(completions.count(), 1);
        QVERIFY(lookup.details().found);
        QCOMPARE(lookup.details().userId, QStringLiteral("u1"));
        QVERIFY(!lookup.isLoading());
    }
};

QTEST_GUILESS_MAIN(TestItemModels)
#include "tst_item_models.moc"
