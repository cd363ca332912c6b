// Every view equals an independent C++ replay of the events: on hand-written edge cases (with
// hand-checked values), on generated data, and again after appending and refreshing
// CONCURRENTLY. Each case runs in both read-model modes: as materialized views, and as live
// read models (migration 011) that apply the same events in incremental steps.

#include "eventwriter.h"
#include "livereadmodels.h"
#include "replay.h"
#include "seeder.h"
#include "testcluster.h"
#include "viewverifier.h"

#include <QRegularExpression>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

using namespace mvdash;
using namespace mvdash::test;

namespace {

Decimal dec(const char *text) {
    return *Decimal::parse(QString::fromLatin1(text));
}

BetEvent bet(qint64 tenant, qint64 id, const char *betId, const char *user, const char *type,
             qint64 ts, OptDecimal stake = {}, OptDecimal odds = {}, OptText fixture = {},
             OptText result = {}, OptDecimal payout = {}) {
    return BetEvent{tenant,
                    id,
                    QString::fromLatin1(betId),
                    QString::fromLatin1(user),
                    QString::fromLatin1(type),
                    stake,
                    odds,
                    fixture,
                    result,
                    payout,
                    ts};
}
PaymentEvent payment(qint64 tenant, qint64 id, const char *paymentId, const char *user,
                     const char *type, qint64 ts, OptDecimal amount = {}, OptText currency = {},
                     OptText method = {}, OptText external = {}, OptText paymentType = {}) {
    return PaymentEvent{tenant,
                        id,
                        QString::fromLatin1(paymentId),
                        QString::fromLatin1(user),
                        QString::fromLatin1(type),
                        amount,
                        currency,
                        method,
                        external,
                        paymentType,
                        ts};
}
BalanceEvent balance(qint64 tenant, qint64 id, const char *user, const char *amount,
                     const char *reason, qint64 ts) {
    return BalanceEvent{
        tenant,       id, QString::fromLatin1(user), dec(amount), QString::fromLatin1(reason),
        std::nullopt, ts};
}

QString verifyReport(const QList<ViewVerifier::Result> &results, qint64 *differences) {
    QString text;
    *differences = 0;
    for (const auto &r : results) {
        *differences += r.differenceCount;
        for (const QString &d : r.differences)
            text += d + u'\n';
    }
    return text;
}

} // namespace

class TestViewsReplay : public QObject {
    Q_OBJECT
    TestCluster cluster_;

    static void refreshAll(const QSqlDatabase &db, const QString &expectedMethod = {}) {
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral(
            "SELECT view_name, method, outcome, error FROM refresh_aggregate_views()")));
        int views = 0;
        while (q.next()) {
            ++views;
            QVERIFY2(q.value(2).toString() == u"ok",
                     qPrintable(QString(q.value(0).toString() + QStringLiteral(": ") +
                                        q.value(3).toString())));
            if (!expectedMethod.isEmpty())
                QCOMPARE(q.value(1).toString(), expectedMethod);
        }
        QVERIFY(views >= 5);
    }

    static QStringList row(const QSqlDatabase &db, const QString &sql) {
        QSqlQuery q(db);
        if (!q.exec(sql) || !q.next())
            return {QStringLiteral("<no row>: ") + q.lastError().text()};
        QStringList cells;
        for (int i = 0; i < q.record().count(); ++i)
            cells << (q.isNull(i) ? QStringLiteral("NULL") : q.value(i).toString());
        return cells;
    }

private slots:
    void initTestCase() {
        QString error;
        QVERIFY2(cluster_.start(&error), qPrintable(error));
    }

    static void modes() {
        QTest::addColumn<bool>("live");
        QTest::newRow("matview") << false;
        QTest::newRow("live") << true;
    }
    // A new database in the mode of the test row; in live mode converted while still empty, so
    // that every event below goes through the incremental step.
    ConnectionSettings databaseFor(const QString &name, bool live) {
        const auto settings =
            cluster_.createDatabase(name + (live ? QStringLiteral("_live") : QString()));
        if (live) {
            Connection c(settings, QStringLiteral("convert"));
            convertReadModels(c.db(), ReadModelMode::Live, [](const QString &) {});
        }
        return settings;
    }

    void handWrittenEdgeCases_data() { modes(); }
    void handWrittenEdgeCases() {
        QFETCH(bool, live);
        MVDASH_TRY({
            const auto settings = databaseFor(QStringLiteral("edges"), live);
            upsertTenants(settings, {{1, "One", "one", "active", "pro"},
                                     {2, "Empty", "empty", "suspended", "free"}});
            EventWriter w(settings);
            // b1: equal timestamps decided by event_id, an event arriving out of order
            w.add(
                bet(1, 1, "b1", "u1", "placed", 1000, dec("10.00"), dec("2.0000"), QString("fx1")));
            w.add(bet(1, 2, "b1", "u1", "confirmed", 1000));
            w.add(bet(1, 4, "b1", "u1", "settled", 3000, {}, {}, {}, QString("win"), dec("20.00")));
            w.add(bet(1, 3, "b1", "u1", "confirmed", 2000));
            // b2: cancelled, but the cancel carries an earlier timestamp: placed is the latest
            w.add(
                bet(1, 5, "b2", "u1", "placed", 5000, dec("3.00"), dec("1.5000"), QString("fx2")));
            w.add(bet(1, 6, "b2", "u1", "cancelled", 4000));
            // b3: amended stake (last non-null), re-settled at the same millisecond
            w.add(bet(1, 7, "b3", "u2", "placed", 100, dec("5.00"), dec("2.0000"), QString("fx3")));
            w.add(bet(1, 8, "b3", "u2", "placed", 200, dec("7.00")));
            w.add(bet(1, 9, "b3", "u2", "settled", 300, {}, {}, {}, QString("loss"), dec("0.00")));
            w.add(bet(1, 10, "b3", "u2", "settled", 300, {}, {}, {}, QString("win"), dec("14.00")));
            // b4: voided, counts as a bet but not as wagered
            w.add(bet(1, 11, "b4", "u2", "placed", 50, dec("9.99"), dec("3.0000"), QString("fx4")));
            w.add(bet(1, 12, "b4", "u2", "voided", 60));
            // b5: the user changes: the bet counts for u3, u9 still appears as a user
            w.add(bet(1, 13, "b5", "u9", "placed", 10, dec("1.00"), dec("1.1000"), QString("fx5")));
            w.add(bet(1, 14, "b5", "u3", "confirmed", 20));
            w.add(balance(1, 1, "u1", "-10.00", "bet_stake", 1000));
            w.add(balance(1, 2, "u1", "20.00", "bet_payout", 3000));
            w.add(balance(1, 3, "u4", "5.55", "bonus", 70)); // a user with only a balance event
            // payments of u5, a user with only payments
            w.add(payment(1, 1, "p1", "u5", "created", 10, dec("100.00"), QString("EUR"),
                          QString("card"), {}, QString("deposit")));
            w.add(payment(1, 2, "p1", "u5", "pending", 20, {}, {}, {}, QString("ext-1")));
            w.add(payment(1, 3, "p1", "u5", "completed", 20)); // same ms as pending, higher id
            w.add(payment(1, 4, "p2", "u5", "created", 40, dec("30.00"), QString("EUR"),
                          QString("card"), {}, QString("withdrawal")));
            w.add(payment(1, 5, "p2", "u5", "failed", 50));
            // p3: completion timestamped before creation: created is the latest, not completed
            w.add(payment(1, 6, "p3", "u6", "created", 100, dec("50.00"), QString("USD"),
                          QString("e_wallet"), {}, QString("deposit")));
            w.add(payment(1, 7, "p3", "u6", "completed", 90, {}, {}, {}, QString("ext-3")));
            // tenant 3 has events but no tenants row
            w.add(bet(3, 1, "b1", "u1", "placed", 10, dec("2.00"), dec("2.0000"), QString("fx")));
            w.commit();

            Connection c(settings, QStringLiteral("t"));
            refreshAll(c.db(), live ? QStringLiteral("live") : QString());

            // hand-checked values
            QCOMPARE(row(c.db(), "SELECT status, stake, payout, result FROM bets_view WHERE "
                                 "tenant_id = 1 AND bet_id = 'b1'"),
                     (QStringList{"settled", "10.00", "20.00", "win"}));
            QCOMPARE(
                row(c.db(), "SELECT status FROM bets_view WHERE tenant_id = 1 AND bet_id = 'b2'"),
                QStringList{"placed"});
            QCOMPARE(row(c.db(),
                         "SELECT status, stake, odds, result, payout, last_updated_timestamp "
                         "FROM bets_view WHERE tenant_id = 1 AND bet_id = 'b3'"),
                     (QStringList{"settled", "7.00", "2.0000", "win", "14.00", "300"}));
            QCOMPARE(
                row(c.db(), "SELECT user_id FROM bets_view WHERE tenant_id = 1 AND bet_id = 'b5'"),
                QStringList{"u3"});
            QCOMPARE(row(c.db(), "SELECT status, amount, external_id, currency FROM payments_view "
                                 "WHERE tenant_id = 1 AND payment_id = 'p1'"),
                     (QStringList{"completed", "100.00", "ext-1", "EUR"}));
            QCOMPARE(row(c.db(), "SELECT status, external_id FROM payments_view WHERE tenant_id = "
                                 "1 AND payment_id = 'p3'"),
                     (QStringList{"created", "ext-3"}));
            // u2: b3 (7.00 wagered, 14.00 won) and b4 (voided: not wagered)
            QCOMPARE(row(c.db(),
                         "SELECT total_bets, total_wagered, total_winnings, current_balance "
                         "FROM user_activity_view WHERE tenant_id = 1 AND user_id = 'u2'"),
                     (QStringList{"2", "7.00", "14.00", "0"}));
            QCOMPARE(row(c.db(),
                         "SELECT total_bets, total_deposited, total_withdrawn, last_activity_at "
                         "FROM user_activity_view WHERE tenant_id = 1 AND user_id = 'u5'"),
                     (QStringList{"0", "100.00", "0", "50"}));
            QCOMPARE(row(c.db(), "SELECT total_bets, last_activity_at FROM user_activity_view "
                                 "WHERE tenant_id = 1 AND user_id = 'u9'"),
                     (QStringList{"0", "10"}));
            QCOMPARE(
                row(c.db(),
                    "SELECT total_bets, active_bets, total_stake, total_deposits, total_users, "
                    "total_balance FROM tenants_summary_view WHERE tenant_id = 1"),
                (QStringList{"5", "2", "21.00", "100.00", "7", "15.55"}));
            QCOMPARE(row(c.db(), "SELECT total_bets, active_bets, total_stake, total_users, "
                                 "total_balance FROM tenants_summary_view WHERE tenant_id = 2"),
                     (QStringList{"0", "0", "0", "0", "0"}));
            QCOMPARE(scalar(c.db(), "SELECT count(*) FROM tenants_summary_view WHERE tenant_id = 3")
                         .toInt(),
                     0);
            QCOMPARE(scalar(c.db(), "SELECT count(*) FROM bets_view WHERE tenant_id = 3").toInt(),
                     1);

            qint64 differences = 0;
            const QString report = verifyReport(ViewVerifier(c.db()).verifyAll(), &differences);
            QVERIFY2(differences == 0, qPrintable(report));
        });
    }

    // The verifier checks its own contract: a column of a read model that its verify query
    // does not read is reported (planted: a look-alike payments_view with one more column,
    // first on the verifier's path), and so is a key column it cannot find.
    void aColumnTheVerifierDoesNotReadIsReported() {
        MVDASH_TRY({
            const auto settings = cluster_.createDatabase(QStringLiteral("contract"));
            EventGenerator::Options options;
            options.events = 3000;
            options.seed = 11;
            seedDatabase(settings, options);
            Connection c(settings, QStringLiteral("t"));
            refreshAll(c.db());
            Replay replay;
            ViewVerifier verifier(c.db());
            verifier.loadEvents(replay);
            QCOMPARE(verifier.compare(replay, QStringLiteral("payments_view")).differenceCount, 0);
            const QString path = scalar(c.db(), "SELECT current_setting('search_path')").toString();
            exec(c.db(), "CREATE SCHEMA planted");
            exec(c.db(), "CREATE TABLE planted.payments_view AS SELECT *, 0 AS surprise FROM "
                         "payments_view");
            exec(c.db(), QStringLiteral("SET search_path = planted, %1").arg(path));
            const ViewVerifier::Result planted =
                verifier.compare(replay, QStringLiteral("payments_view"));
            QCOMPARE(planted.differenceCount, 1);
            QVERIFY2(planted.differences.first().contains(QStringLiteral("payments_view.surprise "
                                                                         "is not verified")),
                     qPrintable(planted.differences.join(u'\n')));
            exec(c.db(), QStringLiteral("SET search_path = %1").arg(path));
            QCOMPARE(verifier.compare(replay, QStringLiteral("payments_view")).differenceCount, 0);
        });
    }

    void generatedDataThenAppendedAndRefreshedConcurrently_data() { modes(); }
    void generatedDataThenAppendedAndRefreshedConcurrently() {
        QFETCH(bool, live);
        MVDASH_TRY({
            const auto settings = cluster_.createDatabase(live ? QStringLiteral("generated_live")
                                                               : QStringLiteral("generated"));
            EventGenerator::Options options;
            options.events = 120000;
            options.seed = 7;
            const SeedReport seeded = seedDatabase(settings, options);
            QVERIFY(seeded.events >= 120000);
            Connection c(settings, QStringLiteral("t"));
            if (live) // the first build, from events already there
                convertReadModels(c.db(), ReadModelMode::Live, [](const QString &) {});
            else
                refreshAll(c.db());
            qint64 differences = 0;
            QString report = verifyReport(ViewVerifier(c.db()).verifyAll(), &differences);
            QVERIFY2(differences == 0, qPrintable(report));

            // the dashboard's per-status counts agree with bets_view
            QCOMPARE(scalar(c.db(),
                            "SELECT count(*) FROM ((SELECT tenant_id, status, bets FROM "
                            "tenant_bet_status_view EXCEPT SELECT tenant_id, status, count(*) "
                            "FROM bets_view GROUP BY 1, 2) UNION ALL (SELECT tenant_id, status, "
                            "count(*) FROM bets_view GROUP BY 1, 2 EXCEPT SELECT tenant_id, "
                            "status, bets FROM tenant_bet_status_view)) d")
                         .toInt(),
                     0);
            // the generator produced the awkward cases it promises
            QVERIFY(scalar(c.db(), "SELECT count(*) FROM (SELECT 1 FROM bet_events GROUP BY "
                                   "tenant_id, bet_id, event_timestamp HAVING count(*) > 1) x")
                        .toInt() > 0);
            QVERIFY(scalar(c.db(),
                           "SELECT count(*) FROM bet_events a JOIN bet_events b ON a.tenant_id "
                           "= b.tenant_id AND a.bet_id = b.bet_id AND a.event_id < b.event_id "
                           "AND a.event_timestamp > b.event_timestamp")
                        .toInt() > 0);
            for (const char *status : {"placed", "confirmed", "settled", "cancelled", "voided"})
                QVERIFY2(scalar(c.db(), "SELECT count(*) FROM bets_view WHERE status = ?", {status})
                                 .toInt() > 0,
                         status);
            for (const char *status : {"created", "pending", "completed", "failed", "cancelled"})
                QVERIFY2(
                    scalar(c.db(), "SELECT count(*) FROM payments_view WHERE status = ?", {status})
                            .toInt() > 0,
                    status);
            QVERIFY(scalar(c.db(), "SELECT count(*) FROM user_activity_view WHERE total_bets = 0 "
                                   "AND total_deposited + total_withdrawn > 0")
                        .toInt() > 0);
            QVERIFY(
                scalar(c.db(), "SELECT count(*) FROM tenants_summary_view WHERE total_users = 0")
                    .toInt() > 0);
            QVERIFY(scalar(c.db(), "SELECT count(*) FROM bets_view b WHERE NOT EXISTS (SELECT 1 "
                                   "FROM tenants t WHERE t.tenant_id = b.tenant_id)")
                        .toInt() > 0);

            // append: new stories from another seed, and settlements of bets that were active
            options.events = 3000;
            options.seed = 8;
            seedDatabase(settings, options);
            {
                EventWriter w(settings);
                QSqlQuery active(c.db());
                QVERIFY(active.exec(
                    "SELECT tenant_id, bet_id, user_id, last_updated_timestamp FROM bets_view "
                    "WHERE status IN ('placed','confirmed') ORDER BY tenant_id, bet_id LIMIT 50"));
                qint64 id = 900000000;
                while (active.next())
                    w.add(bet(
                        active.value(0).toLongLong(), ++id, active.value(1).toString().toLatin1(),
                        active.value(2).toString().toLatin1(), "settled",
                        active.value(3).toLongLong(), {}, {}, {}, QString("loss"), dec("0.00")));
                w.commit();
            }
            // stale views differ from the events: the comparison can fail
            ViewVerifier(c.db()).verifyAll();
            verifyReport(ViewVerifier(c.db()).verifyAll(), &differences);
            QVERIFY(differences > 0);

            refreshAll(c.db(), live ? QStringLiteral("live") : QStringLiteral("concurrently"));
            report = verifyReport(ViewVerifier(c.db()).verifyAll(), &differences);
            QVERIFY2(differences == 0, qPrintable(report));
        });
    }
};

QTEST_GUILESS_MAIN(TestViewsReplay)
#include "tst_views_replay.moc"
