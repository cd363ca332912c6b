// Live read models (migration 011, issue #13): after any interleaving of ingest and steps the
// six read models equal an independent replay of the events; a writer that commits late is
// not lost; two followers never apply an event twice; a step killed midway applies nothing;
// switching modes loses no event and gives readers no error; a step runs on the workers on
// Citus. Every check runs on plain PostgreSQL and on Citus (tst_live_citus).

#include "doctor.h"
#include "eventwriter.h"
#include "follower.h"
#include "livereadmodels.h"
#include "migrationrunner.h"
#include "monitoring.h"
#include "seeder.h"
#include "statementpool.h"
#include "testcluster.h"
#include "traffic.h"
#include "viewverifier.h"

#include <atomic>
#include <mutex>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>
#include <thread>

using namespace mvdash;
using namespace mvdash::test;

namespace {

Decimal dec(const char *text) {
    return *Decimal::parse(QString::fromLatin1(text));
}

// Differences between the read models and the replay of every committed event, listed.
QString differences(const QSqlDatabase &db) {
    QString report;
    for (const auto &r : ViewVerifier(db).verifyAll()) {
        if (r.differenceCount)
            report += QStringLiteral("%1: %2 difference(s): %3\n")
                          .arg(r.view)
                          .arg(r.differenceCount)
                          .arg(r.differences.mid(0, 5).join(QStringLiteral("; ")));
    }
    // bets by status (the summary's chart) against bets_view itself
    const qint64 statusDiffs =
        scalar(db, QStringLiteral(
                       "SELECT count(*) FROM ((SELECT tenant_id, status, bets FROM "
                       "tenant_bet_status_view EXCEPT SELECT tenant_id, status, count(*) FROM "
                       "bets_view GROUP BY 1, 2) UNION ALL (SELECT tenant_id, status, count(*) "
                       "FROM bets_view GROUP BY 1, 2 EXCEPT SELECT tenant_id, status, bets FROM "
                       "tenant_bet_status_view)) d"))
            .toLongLong();
    if (statusDiffs)
        report += QStringLiteral("tenant_bet_status_view: %1 difference(s)\n").arg(statusDiffs);
    return report;
}

// Rows of the per-tenant copy of bets_view, and the tenant's rows in `source` (which the copy
// must match).
std::pair<qint64, qint64> tenantCopyRows(const QSqlDatabase &db, qint64 tenant,
                                         const QString &source = QStringLiteral("bets_view")) {
    return {scalar(db, QStringLiteral("SELECT count(*) FROM bets_view_tenant_%1").arg(tenant))
                .toLongLong(),
            scalar(db, QStringLiteral("SELECT count(*) FROM %1 WHERE tenant_id = ?").arg(source),
                   {tenant})
                .toLongLong()};
}

// Where a tenant-scoped relation's columns differ from its read model's (migration 014), one
// line each; empty when none does.
QString columnDrift(const QSqlDatabase &db) {
    return scalar(db, QStringLiteral("SELECT string_agg(format('%s %s %s', relation, column_name, "
                                     "problem), '; ') FROM mvdash.tenant_scoped_column_drift()"))
        .toString();
}

QList<StepOutcome> step(const QSqlDatabase &db, int waitMs = kPatienceMs) {
    return runStep(db, waitMs, true);
}

bool allOk(const QList<StepOutcome> &outcomes) {
    return outcomes.size() == 6 &&
           std::all_of(outcomes.cbegin(), outcomes.cend(),
                       [](const StepOutcome &o) { return o.outcome == RunOutcome::Ok; });
}

QString describe(const QList<StepOutcome> &outcomes) {
    QStringList lines;
    for (const StepOutcome &o : outcomes)
        lines << QStringLiteral("%1 %2 %3").arg(o.view, runOutcomeWord(o.outcome), o.error);
    return lines.join(u'\n');
}

qint64 appliedArrival(const QSqlDatabase &db) {
    return scalar(db,
                  QStringLiteral("SELECT coalesce(applied_arrival, -1) FROM mvdash.live_progress"))
        .toLongLong();
}

// A bet event written by a session of its own, left open until commit() or rollback().
class OpenWriter {
public:
    OpenWriter(const ConnectionSettings &settings, qint64 tenant, const QString &bet,
               qint64 eventId, qint64 timestamp)
        : connection_(settings, QStringLiteral("open-writer")) {
        exec(connection_.db(), QStringLiteral("BEGIN"));
        QSqlQuery q(connection_.db());
        q.prepare(QStringLiteral(
            "INSERT INTO public.bet_events (tenant_id, event_id, bet_id, user_id, event_type, "
            "stake, odds, fixture_id, event_timestamp) VALUES (?, ?, ?, 'late-user', 'placed', "
            "5.00, 2.0000, 'fx', ?) RETURNING arrival_id"));
        q.addBindValue(tenant);
        q.addBindValue(eventId);
        q.addBindValue(bet);
        q.addBindValue(timestamp);
        if (!q.exec() || !q.next())
            throw DbError::fromSqlError(QStringLiteral("open writer"), q.lastError());
        arrival_ = q.value(0).toLongLong();
        pid_ = scalar(connection_.db(), QStringLiteral("SELECT pg_backend_pid()")).toInt();
    }
    qint64 arrival() const { return arrival_; }
    int pid() const { return pid_; }
    void commit() { exec(connection_.db(), QStringLiteral("COMMIT")); }
    void rollback() { exec(connection_.db(), QStringLiteral("ROLLBACK")); }

private:
    Connection connection_;
    qint64 arrival_ = 0;
    int pid_ = 0;
};

void writeBet(const ConnectionSettings &settings, qint64 tenant, const QString &bet, qint64 eventId,
              qint64 timestamp) {
    EventWriter w(settings);
    w.add(BetEvent{tenant,
                   eventId,
                   bet,
                   QStringLiteral("u-b"),
                   QStringLiteral("placed"),
                   dec("1.00"),
                   dec("1.5000"),
                   QStringLiteral("fx"),
                   {},
                   {},
                   timestamp});
    w.commit();
}

// A step on a thread of its own (it may wait for writers): its outcome, or its error.
class StepThread {
public:
    StepThread(const ConnectionSettings &settings, int waitMs)
        : thread_([this, settings, waitMs] {
            try {
                Connection c(settings, QStringLiteral("step-thread"));
                pid_ = scalar(c.db(), QStringLiteral("SELECT pg_backend_pid()")).toInt();
                outcomes_ = runStep(c.db(), waitMs, true);
            } catch (const DbError &e) {
                error_ = e.message();
            }
            done_ = true;
        }) {}
    ~StepThread() { thread_.join(); }
    bool done() const { return done_; }
    int pid() const { return pid_; }
    const QList<StepOutcome> &outcomes() const { return outcomes_; }
    const QString &error() const { return error_; }

private:
    std::atomic_bool done_{false};
    std::atomic_int pid_{0};
    QList<StepOutcome> outcomes_;
    QString error_;
    std::thread thread_;
};

// The state table a step writes last: a lock on it holds a step after it has written the
// other read models' state.
QString lastStateTableAStepWrites(const QSqlDatabase &db) {
    return scalar(db, QStringLiteral(R"(
        SELECT x.m[1] FROM (
            SELECT s.ord, regexp_match(s.statement,
                '(?:INSERT INTO|UPDATE|DELETE FROM|MERGE INTO)\s+mvdash\.(\w+)') AS m
            FROM mvdash.live_step_statements() s) x
        JOIN mvdash.read_model_definitions d ON d.state_table = x.m[1]
        ORDER BY x.ord DESC LIMIT 1)"))
        .toString();
}

// Whether a backend is in the step's wait for writers (it says so in its application_name).
bool waitingForWriters(const QSqlDatabase &db, int pid) {
    return pid != 0 &&
           scalar(db,
                  QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE pid = ? AND "
                                 "application_name LIKE '%live step waiting for writers%'"),
                  {pid})
                   .toInt() == 1;
}

// What a backend is doing, for the message of a wait that ended without its condition.
QString activity(const QSqlDatabase &db, int pid) {
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT format('pid %s (%s): %s, waiting on %s %s, query %s', pid, "
                             "application_name, state, wait_event_type, wait_event, "
                             "left(query, 200)) FROM "
                             "pg_stat_activity WHERE datname = current_database() ORDER BY pid"));
    QStringList lines{QStringLiteral("step backend %1").arg(pid)};
    if (q.exec()) {
        while (q.next())
            lines << q.value(0).toString();
    }
    return lines.join(u'\n');
}

} // namespace

class TestLive : public QObject {
    Q_OBJECT
    TestCluster cluster_;

    // A database with `events` generated events, converted to live mode.
    // The settings of `settings` logging in as `role`, a login of mvdash_operator (made once per
    // cluster).
    static ConnectionSettings operatorLogin(const QSqlDatabase &db, ConnectionSettings settings,
                                            const QString &role) {
        exec(db, QStringLiteral("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname "
                                "= '%1') THEN CREATE ROLE %1 LOGIN IN ROLE mvdash_operator; END "
                                "IF; END $$")
                     .arg(role));
        settings.set(QStringLiteral("user"), role);
        return settings;
    }

    ConnectionSettings liveDatabase(const QString &name, qint64 events, quint64 seed = 11) {
        const auto settings = cluster_.createDatabase(name);
        EventGenerator::Options options;
        options.events = events;
        options.seed = seed;
        seedDatabase(settings, options);
        Connection c(settings, QStringLiteral("t"));
        convertReadModels(c.db(), ReadModelMode::Live, [](const QString &) {});
        return settings;
    }

    // Citus: moves the shard group that holds `tenant`'s events (with the live state's shards,
    // co-located with it) to the other worker, as citus_rebalance_start would. Returns the
    // shard's id and the port of the worker it was moved to.
    static std::pair<qint64, int> moveShardGroupOf(const QSqlDatabase &db, qint64 tenant) {
        QSqlQuery shard(db);
        shard.prepare(
            QStringLiteral("SELECT s.shardid, n.nodename, n.nodeport, "
                           "       (SELECT o.nodeport FROM pg_dist_node o WHERE o.groupid > 0 "
                           "        AND o.nodeport <> n.nodeport ORDER BY o.nodeport LIMIT 1) "
                           "FROM (SELECT get_shard_id_for_distribution_column('public.bet_events', "
                           "             ?::bigint) AS shardid) s "
                           "JOIN pg_dist_placement p USING (shardid) "
                           "JOIN pg_dist_node n ON n.groupid = p.groupid"));
        shard.addBindValue(tenant);
        if (!shard.exec())
            throw DbError::fromSqlError(QStringLiteral("the shard to move"), shard.lastError());
        if (!shard.next() || shard.isNull(3))
            throw DbError(QStringLiteral("no placement of tenant %1's shard, or no other worker "
                                         "to move it to")
                              .arg(tenant));
        const qint64 shardId = shard.value(0).toLongLong();
        const QString host = shard.value(1).toString();
        const int to = shard.value(3).toInt();
        const QVariantList move{shardId, host, shard.value(2), host, to};
        shard.finish();
        scalar(db, QStringLiteral("SELECT citus_move_shard_placement(?, ?, ?, ?, ?)"), move);
        return {shardId, to};
    }

    static int shardPort(const QSqlDatabase &db, qint64 shardId) {
        return scalar(db,
                      QStringLiteral("SELECT n.nodeport FROM pg_dist_placement p JOIN "
                                     "pg_dist_node n ON n.groupid = p.groupid WHERE p.shardid = ?"),
                      {shardId})
            .toInt();
    }

    // Committed events not yet in a read model (read_model_freshness(), 016).
    // The tenant with the lowest id: the one a test writes its own events for.
    static qint64 firstTenant(const QSqlDatabase &db) {
        return scalar(db, QStringLiteral("SELECT min(tenant_id) FROM public.tenants")).toLongLong();
    }

    static qint64 lagEvents(const QSqlDatabase &db,
                            const QString &view = QStringLiteral("bets_view")) {
        return scalar(db,
                      QStringLiteral("SELECT lag_events FROM read_model_freshness() WHERE "
                                     "view_name = ?"),
                      {view})
            .toLongLong();
    }

    // The server's clock as text: a QDateTime rounds to the millisecond, and a sample taken
    // right after may compare as earlier (kept in the server's own form).
    static QString serverNow(const QSqlDatabase &db) {
        return scalar(db, QStringLiteral("SELECT clock_timestamp()::text")).toString();
    }

    static void seedMore(const ConnectionSettings &settings, qint64 events, quint64 seed) {
        EventGenerator::Options options;
        options.events = events;
        options.seed = seed;
        seedDatabase(settings, options);
    }

    // A database migrated up to `version` only, then given `events` generated events.
    ConnectionSettings olderDatabase(const QString &name, int version, qint64 events,
                                     quint64 seed) {
        const auto settings = cluster_.createDatabase(name, false);
        {
            Connection c(settings, QStringLiteral("old"));
            MigrationRunner(c.db()).migrate(version);
        }
        seedMore(settings, events, seed);
        return settings;
    }

private slots:
    void initTestCase() {
        QString error;
        QVERIFY2(cluster_.start(&error), qPrintable(error));
    }

    // Random interleavings of ingest and steps, with the awkward cases written on purpose:
    // settlements timestamped before the bet's latest event, a bet moving to another user,
    // equal timestamps, unknown tenants, tenants added, renamed, suspended and deleted.
    void stepsFollowAnyInterleavingOfIngest() {
        MVDASH_TRY({
            const auto settings = liveDatabase(QStringLiteral("interleave"), 20000);
            Connection c(settings, QStringLiteral("t"));
            QCOMPARE(differences(c.db()), QString());
            QRandomGenerator random(2026);
            qint64 eventId = 800000000;
            int steps = 0;
            for (int round = 0; round < 14; ++round) {
                switch (random.bounded(6)) {
                case 0:
                    seedMore(settings, 500 + random.bounded(2500), 100 + round);
                    break;
                case 1: { // late settlements and cancels, timestamped in the past
                    EventWriter w(settings);
                    QSqlQuery q(c.db());
                    QVERIFY(q.exec(QStringLiteral(
                        "SELECT tenant_id, bet_id, user_id, last_updated_timestamp FROM bets_view "
                        "WHERE status IN ('placed', 'confirmed') ORDER BY md5(bet_id) LIMIT 40")));
                    while (q.next()) {
                        const bool win = random.bounded(2) == 0;
                        w.add(BetEvent{q.value(0).toLongLong(),
                                       ++eventId,
                                       q.value(1).toString(),
                                       q.value(2).toString(),
                                       random.bounded(4) == 0 ? QStringLiteral("cancelled")
                                                              : QStringLiteral("settled"),
                                       {},
                                       {},
                                       {},
                                       win ? OptText(QStringLiteral("win"))
                                           : OptText(QStringLiteral("loss")),
                                       win ? OptDecimal(dec("9.50")) : OptDecimal(dec("0.00")),
                                       q.value(3).toLongLong() - random.bounded(1, 5000)});
                    }
                    w.commit();
                    break;
                }
                case 2: { // bets moving to another user, at the same millisecond as their latest
                    EventWriter w(settings);
                    QSqlQuery q(c.db());
                    QVERIFY(q.exec(QStringLiteral(
                        "SELECT tenant_id, bet_id, last_updated_timestamp FROM bets_view "
                        "ORDER BY md5(bet_id || 'x') LIMIT 25")));
                    while (q.next())
                        w.add(BetEvent{q.value(0).toLongLong(),
                                       ++eventId,
                                       q.value(1).toString(),
                                       QStringLiteral("moved-%1").arg(random.bounded(5)),
                                       QStringLiteral("confirmed"),
                                       {},
                                       {},
                                       {},
                                       {},
                                       {},
                                       q.value(2).toLongLong()});
                    w.commit();
                    break;
                }
                case 3: { // an unknown tenant's events, a payment and a balance movement
                    EventWriter w(settings);
                    w.add(BetEvent{990 + round,
                                   ++eventId,
                                   QStringLiteral("ub%1").arg(round),
                                   QStringLiteral("uu"),
                                   QStringLiteral("placed"),
                                   dec("2.00"),
                                   dec("3.0000"),
                                   QStringLiteral("fx"),
                                   {},
                                   {},
                                   1000 + round});
                    w.add(BalanceEvent{990 + round, ++eventId, QStringLiteral("uu"), dec("-2.00"),
                                       QStringLiteral("bet_stake"), QStringLiteral("ub"), 1000});
                    w.add(PaymentEvent{990 + round,
                                       ++eventId,
                                       QStringLiteral("up%1").arg(round),
                                       QStringLiteral("uu"),
                                       QStringLiteral("completed"),
                                       {},
                                       {},
                                       {},
                                       QStringLiteral("x"),
                                       {},
                                       999});
                    w.commit();
                    break;
                }
                case 4: // tenants: one added (no events yet), one renamed and suspended
                    upsertTenants(settings, {{5000 + round, QStringLiteral("New %1").arg(round),
                                              QStringLiteral("new-%1").arg(round),
                                              QStringLiteral("active"), QStringLiteral("free")}});
                    exec(c.db(), QStringLiteral("UPDATE public.tenants SET tenant_name = "
                                                "tenant_name || ' (renamed)', status = "
                                                "'suspended' WHERE tenant_id = (SELECT "
                                                "min(tenant_id) FROM public.tenants)"));
                    break;
                case 5: // a tenant row deleted (its events stay, without a summary row)
                    exec(c.db(), QStringLiteral("DELETE FROM public.tenants WHERE tenant_id = "
                                                "(SELECT max(tenant_id) FROM public.tenants)"));
                    break;
                }
                if (random.bounded(3) != 0 || round == 13) {
                    const auto outcomes = step(c.db());
                    QVERIFY2(allOk(outcomes), qPrintable(describe(outcomes)));
                    ++steps;
                    const QString report = differences(c.db());
                    QVERIFY2(report.isEmpty(),
                             qPrintable(QStringLiteral("round %1: %2").arg(round).arg(report)));
                }
            }
            QVERIFY(steps >= 5);
            // the summary follows the tenants table, as the matview would
            QCOMPARE(
                scalar(c.db(), QStringLiteral("SELECT count(*) FROM tenants_summary_view"))
                    .toLongLong(),
                scalar(c.db(), QStringLiteral("SELECT count(*) FROM public.tenants")).toLongLong());
        });
    }

    // Writers keep their statements: an INSERT that lists no columns, the spec's values in the
    // spec's order, still works (011's arrival_id comes last, with its default), and its
    // events are in the next step.
    void writersInsertingWithoutAColumnListKeepWorking() {
        MVDASH_TRY({
            const auto settings = liveDatabase(QStringLiteral("positional"), 500);
            Connection c(settings, QStringLiteral("t"));
            const qint64 tenant = firstTenant(c.db());
            for (const char *insert :
                 {"INSERT INTO public.bet_events VALUES (?, 990000001, 'pos-bet', 'pos-user', "
                  "'placed', 7.00, 1.5000, 'fx', NULL, NULL, 1700000000000)",
                  "INSERT INTO public.balance_events VALUES (?, 990000002, 'pos-user', 40.00, "
                  "'deposit', 'pos-pay', 1700000000001)",
                  "INSERT INTO public.payment_events VALUES (?, 990000003, 'pos-pay', "
                  "'pos-user', 'created', 40.00, 'EUR', 'card', NULL, 'deposit', "
                  "1700000000002)"})
                scalar(c.db(), QString::fromLatin1(insert) + QStringLiteral(" RETURNING 1"),
                       {tenant});
            QCOMPARE(lagEvents(c.db()), 3);
            QVERIFY(allOk(step(c.db())));
            QCOMPARE(scalar(c.db(),
                            QStringLiteral("SELECT count(*) FROM bets_view WHERE tenant_id = ? AND "
                                           "bet_id = 'pos-bet' AND stake = 7.00"),
                            {tenant})
                         .toInt(),
                     1);
            QCOMPARE(differences(c.db()), QString());
        });
    }

    // A database that had events before 011 (they read arrival 0) goes live with all of them.
    void eventsFromBeforeTheArrivalOrderAreIn() {
        MVDASH_TRY({
            const auto settings = olderDatabase(QStringLiteral("upgrade011"), 10, 4000, 3);
            Connection c(settings, QStringLiteral("t"));
            const qint64 tenant = firstTenant(c.db());
            scalar(c.db(), QStringLiteral("SELECT mvdash.create_tenant_view('bets_view', ?)"),
                   {tenant});
            QCOMPARE(MigrationRunner(c.db()).migrate().size(),
                     MigrationRunner::bundled().size() - 10);
            // 012 built the matviews anew with its definitions, from every event so far, and
            // the per-tenant copy over them
            QCOMPARE(differences(c.db()), QString());
            {
                const auto [copy, base] = tenantCopyRows(c.db(), tenant);
                QCOMPARE(copy, base);
            }
            seedMore(settings, 2000, 4);
            QVERIFY(scalar(c.db(), QStringLiteral("SELECT count(*) FROM public.bet_events WHERE "
                                                  "arrival_id = 0"))
                        .toLongLong() > 0);
            convertReadModels(c.db(), ReadModelMode::Live, [](const QString &) {});
            QCOMPARE(differences(c.db()), QString());
            seedMore(settings, 1000, 5);
            const auto outcomes = step(c.db());
            QVERIFY2(allOk(outcomes), qPrintable(describe(outcomes)));
            QCOMPARE(differences(c.db()), QString());
        });
    }

    // A database already live when 012 arrives keeps its state and steps; 012's definitions
    // serve the rebuild and the way back to materialized views.
    void upgradeInLiveModeKeepsTheState() {
        MVDASH_TRY({
            const auto settings = olderDatabase(QStringLiteral("upgrade012"), 11, 6000, 8);
            Connection c(settings, QStringLiteral("t"));
            // converted by 011's own functions (this program's convert needs the newest ones)
            scalar(c.db(), QStringLiteral("SELECT count(*) FROM mvdash.live_rebuild()"));
            scalar(c.db(), QStringLiteral("SELECT mvdash.live_switch('live')"));
            QCOMPARE(readModelState(c.db()).mode, ReadModelMode::Live);
            QVERIFY(!MigrationRunner(c.db()).migrate().isEmpty());
            QCOMPARE(readModelState(c.db()).mode, ReadModelMode::Live);
            QCOMPARE(differences(c.db()), QString());
            seedMore(settings, 1500, 9);
            QVERIFY(allOk(step(c.db())));
            QCOMPARE(differences(c.db()), QString());
            rebuildLiveState(c.db(), [](const QString &) {});
            QCOMPARE(differences(c.db()), QString());
            seedMore(settings, 1500, 10);
            convertReadModels(c.db(), ReadModelMode::Matview, [](const QString &) {});
            refreshAll(c.db());
            QCOMPARE(differences(c.db()), QString());
        });
    }

    // Support's exact lookup: with events not applied yet (a settlement, a bet moving away and
    // another coming in, a payment moving away, a new bet, a deposit, a balance movement, a
    // brand-new user), the folded figures equal what the read models show once a step has
    // applied them. Among them a crowd of the tenant's other players' pending events, which the
    // lookup does not read (037; counted on plain PostgreSQL, where the counters are this
    // session's).
    void exactLookupFoldsPendingEvents() {
        MVDASH_TRY({
            const auto settings = liveDatabase(QStringLiteral("exact"), 12000);
            Connection c(settings, QStringLiteral("t"));
            QSqlQuery pick(c.db());
            QVERIFY(pick.exec(QStringLiteral(
                "SELECT tenant_id, user_id, min(bet_id), max(bet_id), max(last_updated_timestamp) "
                "FROM bets_view WHERE status IN ('placed', 'confirmed') GROUP BY 1, 2 "
                "HAVING count(*) >= 2 ORDER BY count(*) DESC LIMIT 1")));
            QVERIFY(pick.next());
            const qint64 tenant = pick.value(0).toLongLong();
            const QString user = pick.value(1).toString();
            const QString settled = pick.value(2).toString(), moved = pick.value(3).toString();
            const qint64 ts = pick.value(4).toLongLong() + 10;
            pick.finish();
            // another player's bet that comes to this user, and one of the user's payments that
            // goes to another player
            const QString comingIn =
                scalar(c.db(),
                       QStringLiteral("SELECT min(bet_id) FROM bets_view WHERE tenant_id = ? AND "
                                      "user_id <> ?"),
                       {tenant, user})
                    .toString();
            const QString paymentAway =
                scalar(c.db(),
                       QStringLiteral("SELECT min(payment_id) FROM payments_view WHERE tenant_id = "
                                      "? AND user_id = ?"),
                       {tenant, user})
                    .toString();
            QVERIFY(!comingIn.isEmpty() && !paymentAway.isEmpty());
            qint64 id = 950000000;
            EventWriter w(settings);
            w.add(BetEvent{tenant,
                           ++id,
                           comingIn,
                           user,
                           QStringLiteral("confirmed"),
                           {},
                           {},
                           {},
                           {},
                           {},
                           ts + 5});
            w.add(PaymentEvent{tenant,
                               ++id,
                               paymentAway,
                               QStringLiteral("someone-else"),
                               QStringLiteral("pending"),
                               {},
                               {},
                               {},
                               {},
                               {},
                               ts + 5});
            const int crowd = 30000; // a backlog: far more than the user's own history
            for (int i = 0; i < crowd; ++i)
                w.add(BetEvent{tenant,
                               ++id,
                               QStringLiteral("crowd-b%1").arg(i),
                               QStringLiteral("crowd-u%1").arg(i % 50),
                               QStringLiteral("placed"),
                               dec("1.00"),
                               dec("2.0000"),
                               QStringLiteral("fx"),
                               {},
                               {},
                               ts});
            w.add(BetEvent{tenant,
                           ++id,
                           settled,
                           user,
                           QStringLiteral("settled"),
                           {},
                           {},
                           {},
                           QStringLiteral("win"),
                           dec("42.00"),
                           ts});
            w.add(BetEvent{tenant,
                           ++id,
                           moved,
                           QStringLiteral("someone-else"),
                           QStringLiteral("confirmed"),
                           {},
                           {},
                           {},
                           {},
                           {},
                           ts});
            w.add(BetEvent{tenant,
                           ++id,
                           QStringLiteral("exact-new"),
                           user,
                           QStringLiteral("placed"),
                           dec("3.00"),
                           dec("2.0000"),
                           QStringLiteral("fx"),
                           {},
                           {},
                           ts + 1});
            w.add(PaymentEvent{tenant,
                               ++id,
                               QStringLiteral("exact-pay"),
                               user,
                               QStringLiteral("created"),
                               dec("25.00"),
                               QStringLiteral("EUR"),
                               QStringLiteral("card"),
                               {},
                               QStringLiteral("deposit"),
                               ts});
            w.add(PaymentEvent{tenant,
                               ++id,
                               QStringLiteral("exact-pay"),
                               user,
                               QStringLiteral("completed"),
                               {},
                               {},
                               {},
                               QStringLiteral("x"),
                               {},
                               ts + 2});
            w.add(BalanceEvent{tenant, ++id, user, dec("25.00"), QStringLiteral("deposit"),
                               QStringLiteral("exact-pay"), ts + 2});
            w.add(BalanceEvent{tenant,
                               ++id,
                               QStringLiteral("brand-new"),
                               dec("5.00"),
                               QStringLiteral("bonus"),
                               {},
                               ts + 3});
            w.commit();
            const QString exact = QStringLiteral(
                "SELECT concat_ws('|', current_balance, total_bets, total_wagered, total_winnings, "
                "total_deposited, total_withdrawn, last_activity_at, balance, transaction_count) "
                "FROM user_exact(?::bigint, ?::text)");
            const QString applied = QStringLiteral(
                "SELECT concat_ws('|', a.current_balance, a.total_bets, a.total_wagered, "
                "a.total_winnings, a.total_deposited, a.total_withdrawn, a.last_activity_at, "
                "b.balance, b.transaction_count) FROM user_activity_view a JOIN "
                "user_balances_view b USING (tenant_id, user_id) WHERE a.tenant_id = ? AND "
                "a.user_id = ?");
            const QString before = scalar(c.db(), applied, {tenant, user}).toString();
            const QString folded = scalar(c.db(), exact, {tenant, user}).toString();
            const QString brandNew =
                scalar(c.db(), exact, {tenant, QStringLiteral("brand-new")}).toString();
            QCOMPARE(scalar(c.db(),
                            QStringLiteral("SELECT folded_events FROM "
                                           "user_exact(?::bigint, ?::text)"),
                            {tenant, user})
                         .toLongLong(),
                     6); // the user's own: settlement, bet coming in, new bet, two payment
                         // events, balance
            // the bet events one lookup reads (plain PostgreSQL: this session's counters), and
            // how many the user has in all
            const auto betEventsRead = [&] {
                const QString read = QStringLiteral(
                    "SELECT coalesce(sum(idx_tup_fetch + seq_tup_read), 0) FROM "
                    "pg_stat_xact_user_tables WHERE relid = 'public.bet_events'::regclass");
                exec(c.db(), QStringLiteral("BEGIN"));
                const qint64 before = scalar(c.db(), read).toLongLong();
                scalar(c.db(), exact, {tenant, user});
                const qint64 rows = scalar(c.db(), read).toLongLong() - before;
                exec(c.db(), QStringLiteral("COMMIT"));
                return rows;
            };
            const qint64 own = scalar(c.db(),
                                      QStringLiteral("SELECT count(*) FROM bet_events WHERE "
                                                     "tenant_id = ? AND user_id = ?"),
                                      {tenant, user})
                                   .toLongLong();
            // statistics as autovacuum keeps them (the planner weighs the pending window)
            exec(c.db(), QStringLiteral("ANALYZE bet_events, payment_events, balance_events"));
            if (!cluster_.isCitus()) {
                // a backlog of the crowd's events: the user's are read, not the crowd's (the
                // planner weighs the pending window against the user's keys)
                const qint64 rows = betEventsRead();
                QVERIFY2(
                    rows < crowd / 10,
                    qPrintable(
                        QStringLiteral("%1 bet events read, the user has %2").arg(rows).arg(own)));
            }
            QVERIFY(folded != before); // the read models do not have them yet
            const auto outcomes = step(c.db());
            QVERIFY2(allOk(outcomes), qPrintable(describe(outcomes)));
            QCOMPARE(folded, scalar(c.db(), applied, {tenant, user}).toString());
            QCOMPARE(brandNew,
                     scalar(c.db(), applied, {tenant, QStringLiteral("brand-new")}).toString());
            // nothing pending any more: the exact figures are the read models'
            QCOMPARE(scalar(c.db(), exact, {tenant, user}).toString(), folded);
            if (!cluster_.isCitus()) {
                // the steps keeping up (one new event): the pending window is read, not the
                // user's history
                EventWriter late(settings);
                late.add(BetEvent{tenant,
                                  ++id,
                                  QStringLiteral("exact-late"),
                                  user,
                                  QStringLiteral("placed"),
                                  dec("1.00"),
                                  dec("2.0000"),
                                  QStringLiteral("fx"),
                                  {},
                                  {},
                                  ts + 20});
                late.commit();
                const qint64 rows = betEventsRead();
                QVERIFY2(
                    rows < 50 && own > 100,
                    qPrintable(
                        QStringLiteral("%1 bet events read, the user has %2").arg(rows).arg(own)));
            }
        });
    }

    // The verifier sees a wrong live state, and rebuild repairs it from the events.
    void rebuildRepairsTheState() {
        MVDASH_TRY({
            const auto settings = liveDatabase(QStringLiteral("rebuild"), 15000);
            Connection c(settings, QStringLiteral("t"));
            exec(c.db(), QStringLiteral("UPDATE mvdash.live_bets SET stake = stake + 1 WHERE "
                                        "bet_id IN (SELECT bet_id FROM mvdash.live_bets "
                                        "ORDER BY bet_id LIMIT 3)"));
            exec(c.db(), QStringLiteral("DELETE FROM mvdash.live_user_balances WHERE user_id = "
                                        "(SELECT min(user_id) FROM mvdash.live_user_balances)"));
            const qint64 tenant = firstTenant(c.db());
            // rows whose keys have no event (a rebuild in place deletes them: 027)
            exec(c.db(),
                 QStringLiteral("INSERT INTO mvdash.live_bets (tenant_id, bet_id, user_id, status) "
                                "VALUES (%1, 'no-such-bet', 'no-such-user', 'placed')")
                     .arg(tenant));
            exec(c.db(), QStringLiteral("INSERT INTO mvdash.live_user_activity (tenant_id, "
                                        "user_id, current_balance, total_bets) "
                                        "VALUES (%1, 'no-such-user', 0, 1)")
                             .arg(tenant));
            exec(c.db(), QStringLiteral("INSERT INTO mvdash.live_payments (tenant_id, payment_id, "
                                        "user_id, amount) VALUES (%1, 'no-such-payment', "
                                        "'no-such-user', 1)")
                             .arg(tenant));
            exec(c.db(), QStringLiteral("INSERT INTO mvdash.live_user_balances (tenant_id, "
                                        "user_id, balance) VALUES (%1, 'no-such-user', 1)")
                             .arg(tenant));
            QVERIFY(!differences(c.db()).isEmpty());
            scalar(c.db(), QStringLiteral("SELECT mvdash.create_tenant_view('bets_view', ?)"),
                   {tenant});
            const QString indexes = QStringLiteral(
                "SELECT string_agg(i.indexrelid::regclass::text || ' ' || "
                "pg_get_indexdef(i.indexrelid), '; ' ORDER BY i.indexrelid::regclass::text) "
                "FROM pg_index i WHERE "
                "i.indrelid IN ('mvdash.live_bets'::regclass, 'mvdash.live_payments'::regclass, "
                "'mvdash.live_user_balances'::regclass, 'mvdash.live_user_activity'::regclass)");
            const QString indexesBefore = scalar(c.db(), indexes).toString();
            const QString relation = QStringLiteral("SELECT 'mvdash.live_bets'::regclass::oid");
            const qint64 relationBefore = scalar(c.db(), relation).toLongLong();
            // (more than a tenth of the rows: the rebuild analyzes a table it wrote that much
            // of when its row count moved that much too, 027 and 032)
            seedMore(settings, 5000, 77);
            QStringList progress;
            rebuildLiveState(c.db(), [&progress](const QString &line) { progress << line; });
            QCOMPARE(differences(c.db()), QString());
            QCOMPARE(scalar(c.db(), QStringLiteral("SELECT count(*) FROM mvdash.live_bets WHERE "
                                                   "bet_id = 'no-such-bet'"))
                         .toLongLong(),
                     0);
            for (const char *table :
                 {"live_user_activity", "live_payments", "live_user_balances", "live_bets"})
                QCOMPARE(scalar(c.db(), QStringLiteral("SELECT count(*) FROM mvdash.%1 WHERE "
                                                       "user_id = 'no-such-user'")
                                            .arg(QLatin1String(table)))
                             .toLongLong(),
                         0);
            // (on plain PostgreSQL new tables were swapped in: the same keys and indexes, and
            // the views over them, per-tenant copies included, read them)
            const QString indexesAfter = scalar(c.db(), indexes).toString();
            QVERIFY2(indexesAfter == indexesBefore,
                     qPrintable(indexesAfter + QStringLiteral("\n  instead of\n") + indexesBefore));
            // new tables on plain PostgreSQL, the same (distributed) ones on Citus
            QCOMPARE(scalar(c.db(), relation).toLongLong() != relationBefore, !cluster_.isCitus());
            {
                const auto [copy, base] =
                    tenantCopyRows(c.db(), tenant, QStringLiteral("mvdash.live_bets"));
                QCOMPARE(copy, base);
            }
            QCOMPARE(scalar(c.db(), QStringLiteral("SELECT count(*) FROM pg_class WHERE "
                                                   "relnamespace = 'mvdash_staging'::regnamespace"))
                         .toLongLong(),
                     0);
            QVERIFY2(progress.size() > 5, qPrintable(progress.join(u'\n')));
            QVERIFY(progress.last().startsWith(QStringLiteral("rebuilt from ")));
            // on plain PostgreSQL two helper sessions built it (bets in two hash parts); on
            // Citus the build stays in the rebuild's transaction
            QCOMPARE(progress.join(u'\n').contains(QStringLiteral("bets (part 2 of 2)")),
                     !cluster_.isCitus());
            QCOMPARE(lagEvents(c.db()), 0);
            // the rebuilt state has its statistics, the new events' rows counted (on Citus in
            // every shard, taken after the rebuild committed: migration 016); small tables are
            // sampled whole, so the estimate is the count
            const QString estimate =
                cluster_.isCitus()
                    ? QStringLiteral("SELECT sum(result::float8)::bigint FROM "
                                     "run_command_on_shards('mvdash.live_bets', $$SELECT "
                                     "reltuples FROM pg_class WHERE oid = '%s'::regclass$$)")
                    : QStringLiteral("SELECT reltuples::bigint FROM pg_class WHERE oid = "
                                     "'mvdash.live_bets'::regclass");
            QCOMPARE(scalar(c.db(), estimate).toLongLong(),
                     scalar(c.db(), QStringLiteral("SELECT count(*) FROM mvdash.live_bets"))
                         .toLongLong());
            // Then steps, and a rebuild of what they made, with one balance made wrong and one
            // user's total given another scale (the same value). In place (Citus, 027) the
            // rebuild writes the one wrong row and nothing else: the steps' rows equal the
            // build's, a scale alone is no difference (as SQL and the verifier compare), and a
            // table it wrote too little of keeps its statistics for autovacuum.
            seedMore(settings, 1500, 78);
            QVERIFY2(allOk(step(c.db())), "a step after the rebuild");
            QCOMPARE(differences(c.db()), QString());
            exec(c.db(),
                 QStringLiteral("UPDATE mvdash.live_user_activity SET total_wagered = "
                                "total_wagered::numeric(30, 5) WHERE (tenant_id, user_id) "
                                "= (SELECT tenant_id, min(user_id) FROM "
                                "mvdash.live_user_activity GROUP BY 1 ORDER BY 1 LIMIT 1)"));
            exec(c.db(),
                 QStringLiteral("UPDATE mvdash.live_user_balances SET balance = balance + 1 "
                                "WHERE (tenant_id, user_id) = (SELECT tenant_id, "
                                "max(user_id) FROM mvdash.live_user_balances GROUP BY 1 "
                                "ORDER BY 1 LIMIT 1)"));
            QVERIFY(!differences(c.db()).isEmpty());
            // (the ANALYZEs run on live_bets' shards: autovacuum's are counted apart)
            const QString analyses = QStringLiteral(
                "SELECT sum(result::bigint) FROM run_command_on_shards('mvdash.live_bets', "
                "$$SELECT analyze_count FROM pg_stat_user_tables WHERE relid = '%s'::regclass$$)");
            const qint64 analysesBefore =
                cluster_.isCitus() ? scalar(c.db(), analyses).toLongLong() : 0;
            progress.clear();
            const QMap<QString, qint64> written =
                rebuildLiveState(c.db(), [&progress](const QString &line) { progress << line; });
            QCOMPARE(differences(c.db()), QString());
            if (cluster_.isCitus()) {
                const QMap<QString, qint64> wrongRowOnly{{QStringLiteral("live_bets"), 0},
                                                         {QStringLiteral("live_payments"), 0},
                                                         {QStringLiteral("live_user_balances"), 1},
                                                         {QStringLiteral("live_user_activity"), 0}};
                for (auto it = wrongRowOnly.cbegin(); it != wrongRowOnly.cend(); ++it)
                    QVERIFY2(written.value(it.key(), -1) == it.value(),
                             qPrintable(it.key() + QStringLiteral(": %1 rows written")
                                                       .arg(written.value(it.key(), -1))));
                const QRegularExpression bigTable(QStringLiteral(
                    R"(^\[\d+/\d+\] (bets|payments|balances|user activity)(: keys without events)? \((.*)\)$)"));
                int seen = 0;
                for (const QString &line : std::as_const(progress)) {
                    const auto m = bigTable.match(line);
                    if (!m.hasMatch()) {
                        // a statement that writes no table (building indexes, statistics)
                        // counts no rows
                        if (line.contains(QStringLiteral("] indexes: ")) ||
                            line.contains(QStringLiteral("] statistics: ")))
                            QVERIFY2(!line.contains(QStringLiteral("written")), qPrintable(line));
                        continue;
                    }
                    ++seen;
                    // "(s)" untranslated in the tests
                    const QString written = m.captured(1) == u"balances" && m.captured(2).isEmpty()
                                                ? QStringLiteral(", 1 row")
                                                : QStringLiteral(", 0 row");
                    QVERIFY2(m.captured(3).contains(written), qPrintable(line));
                }
                QVERIFY2(seen == 8, qPrintable(progress.join(u'\n')));
                QCOMPARE(scalar(c.db(), analyses).toLongLong(), analysesBefore);
                // each MERGE runs on the workers, one task per shard group (pushed down: a
                // repartitioned MERGE would send every source row through the coordinator)
                QSqlQuery merges(c.db());
                QVERIFY(merges.exec(QStringLiteral(
                    "SELECT label, statement FROM mvdash.live_build_statements('mvdash') "
                    "WHERE statement LIKE 'MERGE INTO %'")));
                const QString tasks =
                    QStringLiteral("Task Count: %1")
                        .arg(scalar(c.db(), QStringLiteral("SELECT count(*) FROM pg_dist_shard "
                                                           "WHERE logicalrelid = "
                                                           "'mvdash.live_bets'::regclass"))
                                 .toLongLong());
                int explained = 0;
                while (merges.next()) {
                    QSqlQuery explain(c.db());
                    const QString statement = merges.value(1).toString().replace(
                        QStringLiteral("$2"), QStringLiteral("9223372036854775807::bigint"));
                    QVERIFY2(explain.exec(QStringLiteral("EXPLAIN (COSTS OFF) ") + statement),
                             qPrintable(explain.lastError().text()));
                    QStringList plan;
                    while (explain.next())
                        plan << explain.value(0).toString();
                    const QString text = plan.join(u'\n');
                    QVERIFY2(
                        plan.value(0).startsWith(QStringLiteral("Custom Scan (Citus Adaptive)")) &&
                            text.contains(tasks) &&
                            text.contains(QStringLiteral("->  Merge on live_")) &&
                            !text.contains(QStringLiteral("repartition"), Qt::CaseInsensitive),
                        qPrintable(merges.value(0).toString() + u'\n' + text));
                    ++explained;
                }
                QCOMPARE(explained, 4);
                // Every bet made wrong in place (032): the rebuild writes every row of
                // live_bets, whose row count, and so its shards' estimates, stay right: its
                // statistics are left to autovacuum, which counts those writes. With
                // autovacuum off for the table it analyzes them at once, as before.
                const QString everyStakeWrong =
                    QStringLiteral("UPDATE mvdash.live_bets SET stake = stake + 1");
                const qint64 bets =
                    scalar(c.db(), QStringLiteral("SELECT count(*) FROM mvdash.live_bets"))
                        .toLongLong();
                QVERIFY(bets > 100);
                for (const bool autovacuum : {true, false}) {
                    exec(c.db(), QStringLiteral("ALTER TABLE mvdash.live_bets SET "
                                                "(autovacuum_enabled = %1)")
                                     .arg(autovacuum ? u"true" : u"false"));
                    exec(c.db(), everyStakeWrong);
                    const qint64 analysesBeforeRebuild = scalar(c.db(), analyses).toLongLong();
                    const QMap<QString, qint64> rewritten =
                        rebuildLiveState(c.db(), [](const QString &) {});
                    QCOMPARE(differences(c.db()), QString());
                    QCOMPARE(rewritten.value(QStringLiteral("live_bets")), bets);
                    QVERIFY2((scalar(c.db(), analyses).toLongLong() > analysesBeforeRebuild) ==
                                 !autovacuum,
                             autovacuum ? "analyzed though its estimates were right"
                                        : "not analyzed with autovacuum off for it");
                }
                exec(c.db(), QStringLiteral("ALTER TABLE mvdash.live_bets RESET "
                                            "(autovacuum_enabled)"));
                // called on its own (after moving shards), every table is analyzed
                exec(c.db(), QStringLiteral("SELECT mvdash.live_analyze_state()"));
                QVERIFY(scalar(c.db(), analyses).toLongLong() > analysesBefore);
            }
        });
    }

    // A rebuild on helper sessions (013): any number of parts gives the same state, one
    // session too; helper statements refuse to run outside a rebuild; a helper that fails
    // fails the rebuild, which leaves the live state as it was, and the next rebuild works.
    void rebuildOnHelperSessions() {
        MVDASH_TRY({
            const auto settings = liveDatabase(QStringLiteral("helpers"), 9000);
            Connection c(settings, QStringLiteral("t"));
            for (const int sessions : {3, 1}) {
                seedMore(settings, 1000, 80 + sessions);
                rebuildLiveState(
                    c.db(), [](const QString &) {}, sessions);
                QVERIFY2(differences(c.db()).isEmpty(), qPrintable(QString::number(sessions)));
            }
            // operators rebuild (the plan's statements are written with functions they must
            // be allowed to call)
            {
                Connection op(operatorLogin(c.db(), settings, QStringLiteral("rebuild_ops")),
                              QStringLiteral("op"));
                seedMore(settings, 1000, 85);
                rebuildLiveState(
                    op.db(), [](const QString &) {}, 2);
                QCOMPARE(differences(c.db()), QString());
            }
            // and the one-call rebuild in SQL runs the statements of the schema it builds into
            // (021: a build into mvdash_staging has statements one in place has not)
            seedMore(settings, 1000, 86);
            scalar(c.db(), QStringLiteral("SELECT count(*) FROM mvdash.live_rebuild()"));
            QCOMPARE(differences(c.db()), QString());
            // the rebuild's statements run with the refresh's work_mem (023), whatever the
            // session has
            QCOMPARE(
                scalar(c.db(), QStringLiteral("SELECT count(*) FROM pg_proc WHERE pronamespace = "
                                              "'mvdash'::regnamespace AND proname IN "
                                              "('live_rebuild_statement', 'live_rebuild_task', "
                                              "'mvdash_refresh_view') AND 'work_mem=256MB' = ANY "
                                              "(proconfig)"))
                    .toInt(),
                3);

            const QString notOnCitus =
                cluster_.isCitus() ? QStringLiteral("0A000") : QStringLiteral("55000");
            QCOMPARE(sqlStateOf(c.db(), QStringLiteral("SELECT mvdash.live_rebuild_stage()")),
                     notOnCitus);
            QCOMPARE(
                sqlStateOf(c.db(), QStringLiteral("SELECT mvdash.live_rebuild_task(70, 0, 2, 1)")),
                notOnCitus);
            if (cluster_.isCitus())
                return;

            // a stray object where the new tables go: the helper that stages them fails
            exec(c.db(), QStringLiteral("CREATE VIEW mvdash_staging.live_bets AS SELECT 1 AS x"));
            seedMore(settings, 1000, 90);
            const qint64 appliedBefore = stepProgress(c.db()).appliedArrival;
            const qint64 relationBefore =
                scalar(c.db(), QStringLiteral("SELECT 'mvdash.live_bets'::regclass::oid"))
                    .toLongLong();
            QString error;
            try {
                rebuildLiveState(
                    c.db(), [](const QString &) {}, 2);
            } catch (const DbError &e) {
                error = e.message();
            }
            QVERIFY2(error.contains(QStringLiteral("live_bets")), qPrintable(error));
            QCOMPARE(stepProgress(c.db()).appliedArrival, appliedBefore);
            QCOMPARE(scalar(c.db(), QStringLiteral("SELECT 'mvdash.live_bets'::regclass::oid"))
                         .toLongLong(),
                     relationBefore);
            QVERIFY(allOk(step(c.db())));
            QCOMPARE(differences(c.db()), QString());

            exec(c.db(), QStringLiteral("DROP VIEW mvdash_staging.live_bets"));
            seedMore(settings, 1000, 91);
            rebuildLiveState(
                c.db(), [](const QString &) {}, 2);
            QCOMPARE(differences(c.db()), QString());
        });
    }

    // A rebuild's arrival and target are its begin's (033), not settings its caller can set:
    // an operator who names another schema as the target (a temp table with a trigger, which
    // ran as the functions' owner), runs the build's statements without a begin, or gives an
    // arrival of their own after a begin gets a refusal or the begin's rebuild, and the state
    // stays right.
    void aRebuildsSettingsAreNotTheCallers() {
        MVDASH_TRY({
            const auto settings = liveDatabase(QStringLiteral("claims"), 6000);
            Connection c(settings, QStringLiteral("t"));
            const ConnectionSettings asOperator =
                operatorLogin(c.db(), settings, QStringLiteral("claims_ops"));
            Connection op(asOperator, QStringLiteral("op"));
            const QString betsRows = QStringLiteral("SELECT count(*) FROM mvdash.live_bets");
            const qint64 bets = scalar(c.db(), betsRows).toLongLong();
            QVERIFY(bets > 0);
            const auto inTransaction = [&op](const QStringList &statements, const QString &last) {
                exec(op.db(), QStringLiteral("BEGIN"));
                for (const QString &s : statements)
                    exec(op.db(), s);
                const QString state = sqlStateOf(op.db(), last);
                exec(op.db(), QStringLiteral("ROLLBACK"));
                return state;
            };
            // another schema as the target: refused before any of its objects is touched
            const QString seized = inTransaction(
                {QStringLiteral("CREATE TEMP TABLE live_bets (tenant_id bigint, bet_id text)"),
                 QStringLiteral("CREATE FUNCTION pg_temp.seize() RETURNS trigger LANGUAGE "
                                "plpgsql AS $$ BEGIN CREATE ROLE seized_by_a_trigger; RETURN "
                                "NULL; END $$"),
                 QStringLiteral("CREATE TRIGGER seize BEFORE INSERT OR UPDATE OR DELETE OR "
                                "TRUNCATE ON pg_temp.live_bets FOR EACH STATEMENT EXECUTE "
                                "FUNCTION pg_temp.seize()"),
                 QStringLiteral("SET LOCAL mvdash.rebuild_into = 'pg_temp'"),
                 QStringLiteral("SET LOCAL mvdash.rebuild_to = '1'"),
                 QStringLiteral("SET LOCAL mvdash.rebuild_started = '2026-01-01'")},
                QStringLiteral("SELECT mvdash.live_rebuild_statement(s.ord) FROM "
                               "mvdash.live_build_statements('mvdash') s ORDER BY s.ord LIMIT 1"));
            QVERIFY2(!seized.isEmpty(), "the build ran into another schema");
            QCOMPARE(scalar(c.db(), QStringLiteral("SELECT count(*) FROM pg_roles WHERE rolname "
                                                   "= 'seized_by_a_trigger'"))
                         .toLongLong(),
                     0);

            // the build's statements without a begin, to an arrival of the caller's: refused
            for (const QString &ending :
                 {QStringLiteral("SELECT mvdash.live_rebuild_statement(s.ord) FROM "
                                 "mvdash.live_build_statements('mvdash') s ORDER BY s.ord "
                                 "LIMIT 1"),
                  QStringLiteral("SELECT * FROM mvdash.live_rebuild_end()")})
                QCOMPARE(inTransaction({QStringLiteral("SET LOCAL mvdash.rebuild_into = 'mvdash'"),
                                        QStringLiteral("SET LOCAL mvdash.rebuild_to = '0'"),
                                        QStringLiteral("SET LOCAL mvdash.rebuild_started = "
                                                       "'2026-01-01'")},
                                       ending),
                         QStringLiteral("55000"));
            QCOMPARE(scalar(c.db(), betsRows).toLongLong(), bets);
            // a begin, then an arrival and a target of the caller's: the begin's rebuild runs,
            // and its end is the last of it
            seedMore(settings, 800, 31);
            exec(op.db(), QStringLiteral("BEGIN"));
            const qint64 to =
                scalar(op.db(), QStringLiteral("SELECT mvdash.live_rebuild_begin()")).toLongLong();
            // (where the build writes: in place on Citus, new tables beside on plain PostgreSQL)
            const QString target =
                cluster_.isCitus() ? QStringLiteral("mvdash") : QStringLiteral("mvdash_staging");
            // every statement of the build, in order, in the rebuild's own transaction
            const auto runEveryStatement = [&op, &target] {
                scalar(op.db(),
                       QStringLiteral("SELECT count(mvdash.live_rebuild_statement(s.ord)) FROM "
                                      "(SELECT ord FROM mvdash.live_build_statements('%1') "
                                      "ORDER BY ord) s")
                           .arg(target));
            };
            exec(op.db(), QStringLiteral("SET LOCAL mvdash.rebuild_to = '0'"));
            exec(op.db(), QStringLiteral("SET LOCAL mvdash.rebuild_into = '%1'")
                              .arg(target == u"mvdash" ? u"mvdash_staging" : u"mvdash"));
            runEveryStatement();
            exec(op.db(), QStringLiteral("SET LOCAL mvdash.rebuild_to = '0'"));
            QCOMPARE(scalar(op.db(), QStringLiteral("SELECT applied_arrival FROM "
                                                    "mvdash.live_rebuild_end()"))
                         .toLongLong(),
                     to);
            QCOMPARE(sqlStateOf(op.db(), QStringLiteral("SELECT * FROM mvdash.live_rebuild_end()")),
                     QStringLiteral("55000"));
            exec(op.db(), QStringLiteral("ROLLBACK"));
            exec(op.db(), QStringLiteral("BEGIN"));
            QCOMPARE(
                scalar(op.db(), QStringLiteral("SELECT mvdash.live_rebuild_begin()")).toLongLong(),
                to);
            exec(op.db(), QStringLiteral("SET LOCAL mvdash.rebuild_to = '0'"));
            runEveryStatement();
            exec(op.db(), QStringLiteral("SET LOCAL mvdash.rebuild_to = '0'"));
            scalar(op.db(),
                   QStringLiteral("SELECT applied_arrival FROM mvdash.live_rebuild_end()"));
            exec(op.db(), QStringLiteral("COMMIT"));
            QCOMPARE(stepProgress(c.db()).appliedArrival, to);
            QCOMPARE(lagEvents(c.db()), 0);
            QCOMPARE(differences(c.db()), QString());
            // the next transaction of that session has no rebuild
            QCOMPARE(inTransaction({}, QStringLiteral("SELECT * FROM mvdash.live_rebuild_end()")),
                     QStringLiteral("55000"));

            // A begin and its end with no statement between (033): refused, naming what did not
            // run; the watermark stays where it was, the new events unapplied until a step.
            seedMore(settings, 500, 32);
            exec(op.db(), QStringLiteral("BEGIN"));
            exec(op.db(), QStringLiteral("SELECT mvdash.live_rebuild_begin()"));
            // the error of the rebuild's end, which must be refused (empty: it was not)
            const auto endRefusal = [&op] {
                QSqlQuery end(op.db());
                return end.exec(QStringLiteral("SELECT * FROM mvdash.live_rebuild_end()"))
                           ? QString()
                           : end.lastError().databaseText();
            };
            {
                const QString refusal = endRefusal();
                QVERIFY2(refusal.contains(QStringLiteral("incomplete")), qPrintable(refusal));
            }
            exec(op.db(), QStringLiteral("ROLLBACK"));
            QCOMPARE(stepProgress(c.db()).appliedArrival, to);
            QVERIFY(allOk(step(c.db())));
            QCOMPARE(differences(c.db()), QString());
            if (cluster_.isCitus())
                return; // (no helper sessions: a rebuild runs in one transaction)

            // Helpers that build to another arrival than the rebuild's (033): the end refuses;
            // built again to the rebuild's arrival, it swaps them in.
            const qint64 applied = stepProgress(c.db()).appliedArrival;
            seedMore(settings, 500, 33);
            Connection helper(asOperator, QStringLiteral("helper"));
            exec(op.db(), QStringLiteral("BEGIN"));
            const qint64 next =
                scalar(op.db(), QStringLiteral("SELECT mvdash.live_rebuild_begin(false)"))
                    .toLongLong();
            exec(helper.db(), QStringLiteral("SELECT mvdash.live_rebuild_stage()"));
            const auto build = [&](qint64 helpersTo) {
                QSqlQuery plan(op.db());
                QVERIFY(plan.exec(QStringLiteral("SELECT ord, on_helper FROM "
                                                 "mvdash.live_build_plan()")));
                QList<std::pair<int, bool>> statements;
                while (plan.next())
                    statements.append({plan.value(0).toInt(), plan.value(1).toBool()});
                for (const auto &[ord, onHelper] : std::as_const(statements))
                    if (onHelper)
                        exec(helper.db(),
                             QStringLiteral("SELECT mvdash.live_rebuild_task(%1, 0, 1, %2)")
                                 .arg(ord)
                                 .arg(helpersTo));
                    else
                        exec(op.db(),
                             QStringLiteral("SELECT mvdash.live_rebuild_statement(%1)").arg(ord));
            };
            build(applied); // the arrival of the last step, not this rebuild's
            {
                const QString refusal = endRefusal();
                QVERIFY2(refusal.contains(QStringLiteral("incomplete")), qPrintable(refusal));
            }
            exec(op.db(), QStringLiteral("ROLLBACK"));
            QCOMPARE(stepProgress(c.db()).appliedArrival, applied);
            // again, every part to the rebuild's arrival
            exec(op.db(), QStringLiteral("BEGIN"));
            QCOMPARE(scalar(op.db(), QStringLiteral("SELECT mvdash.live_rebuild_begin(false)"))
                         .toLongLong(),
                     next);
            exec(helper.db(), QStringLiteral("SELECT mvdash.live_rebuild_stage()"));
            build(next);
            scalar(op.db(),
                   QStringLiteral("SELECT applied_arrival FROM mvdash.live_rebuild_end()"));
            exec(op.db(), QStringLiteral("COMMIT"));
            QCOMPARE(stepProgress(c.db()).appliedArrival, next);
            QCOMPARE(differences(c.db()), QString());
        });
    }

    // The rebuild's scheduler (021): a statement starts only once the ones it comes after have
    // finished, on a session or on the calling thread; a plan that waits on itself fails
    // instead of hanging.
    void statementPoolWaitsForWhatItComesAfter() {
        MVDASH_TRY({
            const auto settings = liveDatabase(QStringLiteral("pool"), 100);
            Connection c(settings, QStringLiteral("t"));
            const StatementPool pool(c.db(), 2);
            std::mutex mutex;
            QStringList finished;
            QStringList seenAtStart;
            const auto onDone = [&](const PooledStatement &s, qint64) {
                std::lock_guard lock(mutex);
                finished << s.label;
            };
            const QString slow = QStringLiteral("live_build_plan");
            QList<PooledStatement> statements{
                {QStringLiteral("a"), slow, {}, {}, {}},
                {QStringLiteral("b"), slow, {}, {0}, {}},
                {QStringLiteral("own"), {}, {}, {0, 1}, {}},
                {QStringLiteral("c"), slow, {}, {2}, {}},
            };
            statements[2].onCaller = [&] {
                std::lock_guard lock(mutex);
                seenAtStart = finished;
            };
            pool.run(statements, onDone);
            QCOMPARE(seenAtStart, (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
            QCOMPARE(finished, (QStringList{QStringLiteral("a"), QStringLiteral("b"),
                                            QStringLiteral("own"), QStringLiteral("c")}));

            QList<PooledStatement> circle{{QStringLiteral("x"), slow, {}, {1}, {}},
                                          {QStringLiteral("y"), {}, {}, {0}, [] {}}};
            QString error;
            try {
                pool.run(circle, onDone);
            } catch (const DbError &e) {
                error = e.message();
            }
            QVERIFY2(error.contains(QStringLiteral("circle")), qPrintable(error));
        });
    }

    // A writer holds arrival a open while a later writer commits arrival b > a: a step waits
    // for it (or, with a short wait, is skipped and names it), never moves past a without it.
    void aWriterOpenAcrossAStepIsNotLost() {
        MVDASH_TRY({
            const auto settings = liveDatabase(QStringLiteral("ooo"), 3000);
            Connection c(settings, QStringLiteral("t"));
            const qint64 tenant = firstTenant(c.db());

            // 1. the step waits for A, then sees both
            {
                OpenWriter a(settings, tenant, QStringLiteral("late-a"), 900000001, 5000);
                writeBet(settings, tenant, QStringLiteral("early-b"), 900000002, 6000);
                const qint64 before = appliedArrival(c.db());
                QVERIFY(before < a.arrival());
                StepThread s(settings, kPatienceMs);
                QTRY_VERIFY2_WITH_TIMEOUT(waitingForWriters(c.db(), s.pid()) || s.done(),
                                          qPrintable(activity(c.db(), s.pid())), kPatienceMs);
                QVERIFY2(!s.done(), qPrintable(s.error() + describe(s.outcomes())));
                // B is committed, but the watermark cannot pass A: nothing applied yet
                QCOMPARE(appliedArrival(c.db()), before);
                QCOMPARE(scalar(c.db(), QStringLiteral("SELECT count(*) FROM bets_view WHERE "
                                                       "bet_id IN ('late-a', 'early-b')"))
                             .toInt(),
                         0);
                a.commit();
                QTRY_VERIFY_WITH_TIMEOUT(s.done(), kPatienceMs);
                QVERIFY2(allOk(s.outcomes()), qPrintable(s.error() + describe(s.outcomes())));
                QCOMPARE(scalar(c.db(), QStringLiteral("SELECT count(*) FROM bets_view WHERE "
                                                       "bet_id IN ('late-a', 'early-b')"))
                             .toInt(),
                         2);
            }
            // 2. a short wait: skipped, the writer named, nothing applied; then applied once
            {
                OpenWriter a(settings, tenant, QStringLiteral("late-c"), 900000003, 7000);
                writeBet(settings, tenant, QStringLiteral("early-d"), 900000004, 8000);
                const qint64 before = appliedArrival(c.db());
                const auto skipped = step(c.db(), 200);
                QVERIFY2(skipped.size() == 6 && skipped.first().outcome == RunOutcome::Skipped &&
                             skipped.first().error.contains(QStringLiteral("pid %1").arg(a.pid())),
                         qPrintable(describe(skipped)));
                QCOMPARE(appliedArrival(c.db()), before);
                QVERIFY(
                    scalar(c.db(), QStringLiteral("SELECT blocked_by FROM mvdash.live_progress"))
                        .toString()
                        .contains(QStringLiteral("pid %1").arg(a.pid())));
                a.commit();
                const auto outcomes = step(c.db());
                QVERIFY2(allOk(outcomes), qPrintable(describe(outcomes)));
            }
            // 3. a writer that rolls back leaves a gap the watermark passes
            {
                OpenWriter a(settings, tenant, QStringLiteral("never"), 900000005, 9000);
                writeBet(settings, tenant, QStringLiteral("early-e"), 900000006, 9000);
                StepThread s(settings, kPatienceMs);
                QTRY_VERIFY2_WITH_TIMEOUT(waitingForWriters(c.db(), s.pid()) || s.done(),
                                          qPrintable(activity(c.db(), s.pid())), kPatienceMs);
                a.rollback();
                QTRY_VERIFY_WITH_TIMEOUT(s.done(), kPatienceMs);
                QVERIFY2(allOk(s.outcomes()), qPrintable(s.error() + describe(s.outcomes())));
            }
            QCOMPARE(scalar(c.db(), QStringLiteral("SELECT count(*) FROM bets_view WHERE bet_id "
                                                   "IN ('late-c', 'early-d', 'early-e', 'never')"))
                         .toInt(),
                     3);
            QCOMPARE(differences(c.db()), QString());
        });
    }

    // The steps wait for the transactions that write and drew an arrival (038), whoever they
    // are, and for nothing else. A tenant administrator's role holds a writer's lock on an event
    // table without any privilege on it (PostgreSQL locks the table while it parses a statement,
    // before it checks privileges; a prepared statement keeps the lock until the transaction
    // ends): every step was skipped while it lasted. A reader of the sequence holds the lock
    // drawing an arrival takes. Neither holds the steps back. The same role writing through a
    // SECURITY DEFINER function holds both, and its event is not lost; nor is a plain writer's.
    void onlyATransactionThatDrewAnArrivalHoldsTheStepsBack() {
        MVDASH_TRY({
            const auto settings = liveDatabase(QStringLiteral("holdback"), 2000);
            Connection c(settings, QStringLiteral("t"));
            const qint64 tenant = firstTenant(c.db());
            exec(c.db(), "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = "
                         "'live_holder') THEN CREATE ROLE live_holder LOGIN; END IF; END $$");
            runQuery(c.db(), QStringLiteral("tenant_grant"), {"live_holder", tenant});
            // a writer a platform might give its roles: the owner's insert, as a definer
            exec(c.db(), "CREATE SCHEMA test_writers");
            exec(c.db(), "CREATE FUNCTION test_writers.write_bet(p_tenant bigint, p_bet text) "
                         "RETURNS void LANGUAGE sql SECURITY DEFINER SET search_path = "
                         "pg_catalog AS $f$ INSERT INTO public.bet_events (tenant_id, event_id, "
                         "bet_id, user_id, event_type, stake, odds, fixture_id, event_timestamp) "
                         "VALUES (p_tenant, 900000199, p_bet, 'definer-user', 'placed', 5, 2, "
                         "'fx', 7000) $f$");
            exec(c.db(), "REVOKE ALL ON FUNCTION test_writers.write_bet(bigint, text) FROM PUBLIC");
            exec(c.db(), "GRANT USAGE ON SCHEMA test_writers TO live_holder");
            exec(c.db(), "GRANT EXECUTE ON FUNCTION test_writers.write_bet(bigint, text) TO "
                         "live_holder");
            ConnectionSettings asTenant = settings;
            asTenant.set(QStringLiteral("user"), QStringLiteral("live_holder"));
            const auto countBets = [&c](const char *ids) {
                return scalar(c.db(), QStringLiteral("SELECT count(*) FROM bets_view WHERE bet_id "
                                                     "IN (%1)")
                                          .arg(QLatin1String(ids)))
                    .toInt();
            };

            // the tenant role's sessions holding RowExclusiveLock on `relation`
            const auto writerLocksOfTheTenantRole = [&c](const char *relation) {
                return scalar(c.db(),
                              "SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a USING "
                              "(pid) WHERE a.usename = 'live_holder' AND l.relation = "
                              "?::regclass AND l.mode = 'RowExclusiveLock' AND l.granted",
                              {QString::fromLatin1(relation)})
                    .toInt();
            };

            // 1. a lock without an arrival holds nothing back
            Connection holder(asTenant, QStringLiteral("holder"));
            exec(holder.db(), QStringLiteral("BEGIN"));
            exec(holder.db(),
                 QStringLiteral("PREPARE hold AS DELETE FROM public.bet_events WHERE false"));
            auto release =
                qScopeGuard([&holder] { QSqlQuery(holder.db()).exec(QStringLiteral("ROLLBACK")); });
            QCOMPARE(writerLocksOfTheTenantRole("public.bet_events"), 1);
            // ... nor does a reader of the sequence in an open transaction (the freshness
            // functions and pg_sequences take the lock nextval takes), a tenant's included
            Connection reader(asTenant, QStringLiteral("reader"));
            exec(reader.db(), QStringLiteral("BEGIN"));
            QCOMPARE(scalar(reader.db(),
                            QStringLiteral("SELECT mode FROM tenant_scope.read_model_freshness()"))
                         .toString(),
                     QStringLiteral("live"));
            exec(reader.db(), QStringLiteral("SELECT count(*) FROM pg_sequences"));
            auto endRead =
                qScopeGuard([&reader] { QSqlQuery(reader.db()).exec(QStringLiteral("ROLLBACK")); });
            QCOMPARE(writerLocksOfTheTenantRole("mvdash.event_arrival_seq"), 1);
            writeBet(settings, tenant, QStringLiteral("held-a"), 900000101, 5000);
            const auto outcomes = step(c.db(), 200);
            QVERIFY2(allOk(outcomes), qPrintable(describe(outcomes)));
            QCOMPARE(countBets("'held-a'"), 1);

            // 2. the same role writing through a definer's function: waited for, not lost
            {
                Connection definer(asTenant, QStringLiteral("definer-writer"));
                exec(definer.db(), QStringLiteral("BEGIN"));
                runSql(definer.db(), "SELECT test_writers.write_bet(?, 'held-d')", {tenant});
                const int pid =
                    scalar(definer.db(), QStringLiteral("SELECT pg_backend_pid()")).toInt();
                writeBet(settings, tenant, QStringLiteral("held-e"), 900000103, 6500);
                const auto skipped = step(c.db(), 200);
                QVERIFY2(skipped.size() == 6 && skipped.first().outcome == RunOutcome::Skipped &&
                             skipped.first().error.contains(QStringLiteral("pid %1").arg(pid)),
                         qPrintable(describe(skipped)));
                QCOMPARE(countBets("'held-d', 'held-e'"), 0);
                exec(definer.db(), QStringLiteral("COMMIT"));
            }
            const auto afterDefiner = step(c.db(), 200);
            QVERIFY2(allOk(afterDefiner), qPrintable(describe(afterDefiner)));
            QCOMPARE(countBets("'held-d', 'held-e'"), 2);

            // 3. a plain writer's open transaction, beside the lock of 1: waited for, named
            {
                OpenWriter a(settings, tenant, QStringLiteral("held-b"), 900000102, 6000);
                const auto skipped = step(c.db(), 200);
                QVERIFY2(
                    skipped.size() == 6 && skipped.first().outcome == RunOutcome::Skipped &&
                        skipped.first().error.contains(QStringLiteral("pid %1").arg(a.pid())) &&
                        !skipped.first().error.contains(QStringLiteral("live_holder")),
                    qPrintable(describe(skipped)));
                a.commit();
            }
            const auto after = step(c.db(), 200);
            QVERIFY2(allOk(after), qPrintable(describe(after)));
            release.dismiss();
            exec(holder.db(), QStringLiteral("ROLLBACK"));
            endRead.dismiss();
            exec(reader.db(), QStringLiteral("ROLLBACK"));
            QCOMPARE(countBets("'held-a', 'held-b', 'held-d', 'held-e'"), 4);

            // 4. both on purpose, without any privilege: nextval() of a relation's oid takes
            // the lock nextval takes for the whole transaction, then fails on the privilege or
            // the kind (PostgreSQL locks a sequence for the top-level transaction before it
            // checks either), so rolling back to a savepoint keeps it. That is why taking the
            // arrival order away from PUBLIC would not stop this (tried, 2026-12-01). The steps
            // wait for that transaction, naming it, and go on once it ends.
            {
                Connection spoofer(asTenant, QStringLiteral("spoofer"));
                exec(spoofer.db(), QStringLiteral("BEGIN"));
                exec(c.db(), "CREATE SEQUENCE test_writers.private_seq");
                exec(c.db(), "REVOKE ALL ON SEQUENCE test_writers.private_seq FROM PUBLIC");
                // an event table fails on its kind, a sequence the role may not use on the
                // privilege; the arrival order answers (every role may draw: the writers'
                // defaults), and would keep its lock the same way if it did not
                for (const char *relation : {"public.bet_events", "test_writers.private_seq",
                                             "mvdash.event_arrival_seq"}) {
                    const QVariant oid =
                        scalar(c.db(), "SELECT ?::regclass::oid", {QString::fromLatin1(relation)});
                    exec(spoofer.db(), QStringLiteral("SAVEPOINT draw"));
                    QString failed;
                    try {
                        runSql(spoofer.db(), "SELECT nextval(?::oid)", {oid});
                    } catch (const DbError &e) {
                        failed = e.sqlState();
                        exec(spoofer.db(), QStringLiteral("ROLLBACK TO SAVEPOINT draw"));
                    }
                    QCOMPARE(failed, QString::fromLatin1(relation[0] == 'p'   ? "42809"
                                                         : relation[0] == 't' ? "42501"
                                                                              : ""));
                    QCOMPARE(writerLocksOfTheTenantRole(relation), 1);
                }
                const int pid =
                    scalar(spoofer.db(), QStringLiteral("SELECT pg_backend_pid()")).toInt();
                writeBet(settings, tenant, QStringLiteral("held-f"), 900000104, 7000);
                const auto skipped = step(c.db(), 200);
                QVERIFY2(skipped.size() == 6 && skipped.first().outcome == RunOutcome::Skipped &&
                             skipped.first().error.contains(
                                 QStringLiteral("pid %1, role live_holder").arg(pid)),
                         qPrintable(describe(skipped)));
                // the doctor names it too, with the fix that ends it
                DoctorSettings holding;
                holding.holdingSeconds = 0;
                const QString subject = QStringLiteral("pid %1").arg(pid);
                const auto checks = Doctor(c.db(), holding).run();
                const auto named = std::find_if(checks.begin(), checks.end(), [&](const auto &d) {
                    return d.id == u"sessions.holding" && d.subject == subject;
                });
                QVERIFY(named != checks.end());
                QVERIFY2(named->found.contains(QStringLiteral("held the live steps back")),
                         qPrintable(named->found));
                QCOMPARE(named->safeFix, SafeFix::EndSession);
                exec(spoofer.db(), QStringLiteral("ROLLBACK"));
            }
            const auto afterSpoofer = step(c.db(), 200);
            QVERIFY2(allOk(afterSpoofer), qPrintable(describe(afterSpoofer)));
            QCOMPARE(countBets("'held-f'"), 1);
            QCOMPARE(differences(c.db()), QString());
        });
    }

    // A reader's open transaction holds the old state when a rebuild ends (a tenant
    // administrator's idle session, say). On plain PostgreSQL the swap waits for it without
    // queueing, naming it, and readers after it are answered meanwhile: they used to queue
    // behind the swap's lock request for as long as that transaction lasted. Past its patience
    // the rebuild gives up and changes nothing; with more, it lands once the reader ends. On
    // Citus the rebuild writes in place and never waits for readers.
    void aRebuildsSwapLetsReadersGoOn() {
        MVDASH_TRY({
            const auto settings = liveDatabase(QStringLiteral("swapwait"), 2000);
            Connection c(settings, QStringLiteral("t"));
            Connection holder(settings, QStringLiteral("holder"));
            exec(holder.db(), QStringLiteral("BEGIN"));
            QVERIFY(
                scalar(holder.db(), QStringLiteral("SELECT count(*) FROM bets_view")).toLongLong() >
                0);
            const int holderPid =
                scalar(holder.db(), QStringLiteral("SELECT pg_backend_pid()")).toInt();
            const QString waits =
                QStringLiteral("the swap waits for sessions that hold the read models: pid %1")
                    .arg(holderPid);
            const qint64 steps =
                scalar(c.db(), QStringLiteral("SELECT step_count FROM mvdash.live_progress"))
                    .toLongLong();
            if (!cluster_.isCitus()) {
                // a patience of one second: given up, the holder named, nothing changed
                QString said;
                try {
                    Connection r(settings, QStringLiteral("rebuild"));
                    rebuildLiveState(
                        r.db(), [&said](const QString &line) { said += line + u'\n'; }, 2, 300,
                        1000);
                    QFAIL("the rebuild swapped in behind a reader's open transaction");
                } catch (const DbError &e) {
                    QVERIFY2(e.sqlState() == u"55P03" &&
                                 e.message().contains(QStringLiteral("pid %1").arg(holderPid)),
                             qPrintable(e.message()));
                }
                QVERIFY2(said.contains(waits), qPrintable(said));
                QCOMPARE(
                    scalar(c.db(), QStringLiteral("SELECT step_count FROM mvdash.live_progress"))
                        .toLongLong(),
                    steps);
            }
            std::mutex linesMutex;
            QStringList lines;
            QString error;
            std::atomic_bool done{false};
            std::thread rebuilding([&] {
                QString failed;
                try {
                    Connection r(settings, QStringLiteral("rebuild"));
                    rebuildLiveState(
                        r.db(),
                        [&](const QString &line) {
                            std::lock_guard lock(linesMutex);
                            lines << line;
                        },
                        2, 300, kPatienceMs);
                } catch (const DbError &e) {
                    failed = e.message();
                }
                std::lock_guard lock(linesMutex);
                error = failed;
                done = true;
            });
            auto finish = qScopeGuard([&] {
                QSqlQuery(holder.db()).exec(QStringLiteral("ROLLBACK"));
                rebuilding.join();
            });
            const auto said = [&] {
                std::lock_guard lock(linesMutex);
                return lines.join(u'\n') + u'\n' + error;
            };
            if (!cluster_.isCitus()) {
                QTRY_VERIFY2_WITH_TIMEOUT(said().contains(waits) || done, qPrintable(said()),
                                          kPatienceMs);
                QVERIFY2(!done, qPrintable(said()));
                Connection reader(settings, QStringLiteral("reader"));
                exec(reader.db(), QStringLiteral("SET statement_timeout = %1").arg(kPatienceMs));
                QVERIFY(scalar(reader.db(), QStringLiteral("SELECT count(*) FROM bets_view"))
                            .toLongLong() > 0);
                QVERIFY(!done);
            } else {
                // in place: the rebuild lands while the reader still holds its transaction
                QTRY_VERIFY2_WITH_TIMEOUT(done, qPrintable(said()), kPatienceMs);
            }
            exec(holder.db(), QStringLiteral("ROLLBACK"));
            QTRY_VERIFY2_WITH_TIMEOUT(done, qPrintable(said()), kPatienceMs);
            QVERIFY2(said().contains(QStringLiteral("rebuilt from")), qPrintable(said()));
            if (cluster_.isCitus())
                QVERIFY2(!said().contains(QStringLiteral("the swap waits")), qPrintable(said()));
            QVERIFY(scalar(c.db(), QStringLiteral("SELECT step_count FROM mvdash.live_progress"))
                        .toLongLong() > steps);
            QCOMPARE(differences(c.db()), QString());
        });
    }

    // A step whose backend is killed while it waits applies nothing; the next one does it all.
    void aStepKilledMidwayAppliesNothing() {
        MVDASH_TRY({
            const auto settings = liveDatabase(QStringLiteral("killed"), 3000);
            Connection c(settings, QStringLiteral("t"));
            seedMore(settings, 1500, 31);
            const qint64 before = appliedArrival(c.db());
            {
                OpenWriter a(settings, 1, QStringLiteral("held"), 910000001, 100);
                StepThread s(settings, kPatienceMs);
                QTRY_VERIFY2_WITH_TIMEOUT(waitingForWriters(c.db(), s.pid()) || s.done(),
                                          qPrintable(activity(c.db(), s.pid())), kPatienceMs);
                QVERIFY(scalar(c.db(), QStringLiteral("SELECT pg_terminate_backend(?::integer)"),
                               {s.pid()})
                            .toBool());
                QTRY_VERIFY_WITH_TIMEOUT(s.done(), kPatienceMs);
                QVERIFY2(!s.error().isEmpty(), qPrintable(describe(s.outcomes())));
                QCOMPARE(appliedArrival(c.db()), before);
                a.commit();
            }
            QVERIFY(!differences(c.db()).isEmpty()); // the seeded events are not in yet
            const auto outcomes = step(c.db());
            QVERIFY2(allOk(outcomes), qPrintable(describe(outcomes)));
            QCOMPARE(differences(c.db()), QString());
        });
    }

    // A step stopped while it applies, after it has written some read models' state and
    // before the rest and the watermark: its backend killed, or the server stopped hard. A lock
    // on the state table it writes last holds it there. Nothing of it stays (one transaction):
    // the watermark has not moved, and the next step applies every event once.
    void aStepInterruptedWhileApplyingLeavesNothingHalfDone() {
        for (const bool stopTheServer : {false, true}) {
            MVDASH_TRY({
                const auto settings = liveDatabase(stopTheServer ? QStringLiteral("stopped")
                                                                 : QStringLiteral("killedwriting"),
                                                   3000);
                QString lastTable;
                qint64 before = 0, pending = 0;
                {
                    Connection c(settings, QStringLiteral("t"));
                    seedMore(settings, 1500, stopTheServer ? 33 : 32);
                    before = appliedArrival(c.db());
                    lastTable = lastStateTableAStepWrites(c.db());
                    QVERIFY(!lastTable.isEmpty());
                    // the suite's servers commit asynchronously (synchronous_commit = off): a
                    // hard stop may take the last commits with it, the seeded events too
                    exec(c.db(), QStringLiteral("CHECKPOINT"));
                    pending = lagEvents(c.db());
                    QVERIFY(pending > 0);
                    Connection holder(settings, QStringLiteral("holder"));
                    exec(holder.db(), QStringLiteral("BEGIN"));
                    exec(holder.db(),
                         QStringLiteral("LOCK TABLE mvdash.%1 IN SHARE MODE").arg(lastTable));
                    StepThread s(settings, kPatienceMs);
                    // held at that table, with another read model's state written already
                    const auto heldMidway = [&] {
                        return s.pid() != 0 && scalar(c.db(), QStringLiteral(R"(
                                   SELECT bool_or(NOT l.granted AND c.relname = ?)
                                          AND bool_or(l.granted AND l.mode = 'RowExclusiveLock'
                                                      AND c.relname <> ?
                                                      AND d.state_table IS NOT NULL)
                                   FROM pg_locks l
                                   JOIN pg_class c ON c.oid = l.relation
                                   LEFT JOIN mvdash.read_model_definitions d
                                          ON d.state_table = c.relname
                                   WHERE l.pid = ?)"),
                                                      {lastTable, lastTable, s.pid()})
                                                   .toBool();
                    };
                    QTRY_VERIFY2_WITH_TIMEOUT(heldMidway() || s.done(),
                                              qPrintable(activity(c.db(), s.pid())), kPatienceMs);
                    QVERIFY2(!s.done(), qPrintable(describe(s.outcomes()) + s.error()));
                    if (stopTheServer) {
                        QString error;
                        QVERIFY2(cluster_.cluster().stop(&error, true), qPrintable(error));
                        QVERIFY2(cluster_.cluster().start(&error), qPrintable(error));
                    } else {
                        QVERIFY(scalar(c.db(),
                                       QStringLiteral("SELECT pg_terminate_backend(?::integer)"),
                                       {s.pid()})
                                    .toBool());
                    }
                    QTRY_VERIFY_WITH_TIMEOUT(s.done(), kPatienceMs);
                    QVERIFY2(!s.error().isEmpty(), qPrintable(describe(s.outcomes())));
                }
                Connection c(settings, QStringLiteral("after"));
                QCOMPARE(appliedArrival(c.db()), before);
                QCOMPARE(lagEvents(c.db()), pending);
                QVERIFY(!differences(c.db()).isEmpty()); // the seeded events are not in yet
                const auto outcomes = step(c.db());
                QVERIFY2(allOk(outcomes), qPrintable(describe(outcomes)));
                QCOMPARE(lagEvents(c.db()), 0);
                QCOMPARE(differences(c.db()), QString());
            });
        }
    }

    // On Citus a step works through one connection per worker (036): held at the last state
    // table it writes, after a dozen rounds of a task per shard, the step's coordinator session
    // has at most one backend on each worker (by default Citus opens up to 16 a round and
    // closes all but one at the end of the transaction: new backends at every step). On plain
    // PostgreSQL the step's function carries no Citus setting.
    void aStepOnCitusWorksThroughOneConnectionPerWorker() {
        MVDASH_TRY({
            const auto settings = liveDatabase(QStringLiteral("oneconnection"), 3000);
            Connection c(settings, QStringLiteral("t"));
            const QString config = scalar(c.db(), QStringLiteral(R"(
                SELECT coalesce(array_to_string(proconfig, ','), '') FROM pg_proc
                WHERE oid = 'mvdash.mvdash_live_step(boolean, interval)'::regprocedure)"))
                                       .toString();
            if (!cluster_.isCitus()) {
                QVERIFY2(!config.contains(QStringLiteral("citus.")), qPrintable(config));
                return;
            }
            seedMore(settings, 1500, 34);
            const QString lastTable = lastStateTableAStepWrites(c.db());
            Connection holder(settings, QStringLiteral("holder"));
            exec(holder.db(), QStringLiteral("BEGIN"));
            exec(holder.db(), QStringLiteral("LOCK TABLE mvdash.%1 IN SHARE MODE").arg(lastTable));
            StepThread s(settings, kPatienceMs);
            // (a failure below: the lock goes before the step's thread is joined)
            const auto release =
                qScopeGuard([&holder] { QSqlQuery(holder.db()).exec(QStringLiteral("ROLLBACK")); });
            const auto held = [&] {
                return s.pid() != 0 &&
                       scalar(c.db(),
                              QStringLiteral("SELECT count(*) FROM pg_locks l JOIN pg_class "
                                             "c ON c.oid = l.relation WHERE l.pid = ? AND "
                                             "NOT l.granted AND c.relname = ?"),
                              {s.pid(), lastTable})
                               .toLongLong() > 0;
            };
            QTRY_VERIFY2_WITH_TIMEOUT(held() || s.done(), qPrintable(activity(c.db(), s.pid())),
                                      kPatienceMs);
            QVERIFY2(!s.done(), qPrintable(describe(s.outcomes()) + s.error()));
            // the step's backends on the workers: Citus's internal sessions with its global pid
            QStringList perWorker;
            QSqlQuery q = runSql(c.db(), QStringLiteral(R"(
                    SELECT w.nodeid, count(*) FROM citus_stat_activity w
                    WHERE w.is_worker_query AND w.global_pid = (
                        SELECT a.global_pid FROM citus_stat_activity a
                        WHERE a.pid = ? AND NOT a.is_worker_query LIMIT 1)
                    GROUP BY w.nodeid ORDER BY 1)"),
                                 {s.pid()});
            while (q.next())
                perWorker << q.value(0).toString() + u' ' + q.value(1).toString();
            q.finish();
            exec(holder.db(), QStringLiteral("ROLLBACK"));
            QTRY_VERIFY_WITH_TIMEOUT(s.done(), kPatienceMs);
            QVERIFY2(allOk(s.outcomes()), qPrintable(describe(s.outcomes()) + s.error()));
            QCOMPARE(perWorker.size(), 2); // both workers took part
            for (const QString &line : perWorker)
                QVERIFY2(line.endsWith(QStringLiteral(" 1")),
                         qPrintable(perWorker.join(QStringLiteral("; "))));
            QCOMPARE(differences(c.db()), QString());
        });
    }

    // Two followers and a writer at once: every event applied once (twice would double the
    // balances and counts the replay checks).
    void twoFollowersApplyEachEventOnce() {
        MVDASH_TRY({
            const auto settings = liveDatabase(QStringLiteral("followers"), 5000);
            Connection c(settings, QStringLiteral("t"));
            // (the followers take the sizes' sample on Citus, 019: none before them)
            exec(c.db(), QStringLiteral("DELETE FROM relation_size_samples"));
            QList<QProcess *> followers;
            for (int i = 0; i < 2; ++i) {
                auto *p = new QProcess(this);
                p->setProcessChannelMode(QProcess::MergedChannels);
                p->start(QStringLiteral(MVDASH_ADMIN_BINARY),
                         {QStringLiteral("follow"), QStringLiteral("--interval"),
                          QStringLiteral("50ms"), QStringLiteral("--dsn"),
                          settings.connectOptions()});
                QVERIFY(p->waitForStarted(kPatienceMs));
                followers << p;
            }
            for (int batch = 0; batch < 12; ++batch)
                seedMore(settings, 300, 200 + batch);
            QTRY_VERIFY_WITH_TIMEOUT(lagEvents(c.db()) == 0, kPatienceMs);
            QString output;
            for (QProcess *p : followers) {
                p->terminate(); // SIGTERM: ends after the step in progress
                QVERIFY(p->waitForFinished(kPatienceMs));
                output += QString::fromUtf8(p->readAll());
                QVERIFY2(p->exitStatus() == QProcess::NormalExit && p->exitCode() == 0,
                         qPrintable(output));
            }
            QVERIFY2(output.contains(QStringLiteral("applied ")), qPrintable(output));
            QVERIFY2(output.count(QStringLiteral("stopped")) == 2, qPrintable(output));
            QCOMPARE(differences(c.db()), QString());
            QCOMPARE(scalar(c.db(), QStringLiteral("SELECT count(*) FROM relation_size_samples"))
                         .toInt(),
                     cluster_.isCitus() ? 9 : 0);
        });
    }

    // Live -> matview -> live with events written in between and a per-tenant copy: nothing
    // lost, the copy carried over in the right kind.
    void convertBothWaysLosesNothing() {
        MVDASH_TRY({
            const auto settings = liveDatabase(QStringLiteral("convert"), 8000);
            Connection c(settings, QStringLiteral("t"));
            const qint64 tenant = firstTenant(c.db());
            QCOMPARE(scalar(c.db(),
                            QStringLiteral("SELECT mvdash.create_tenant_view('bets_view', ?)"),
                            {tenant})
                         .toString(),
                     QStringLiteral("bets_view_tenant_%1").arg(tenant));
            const QString copyKind =
                QStringLiteral("SELECT relkind FROM pg_class WHERE relname = 'bets_view_tenant_%1'")
                    .arg(tenant);
            QCOMPARE(scalar(c.db(), copyKind).toString(), QStringLiteral("v"));
            seedMore(settings, 1500, 41);
            convertReadModels(c.db(), ReadModelMode::Matview, [](const QString &) {});
            QCOMPARE(readModelState(c.db()).mode, ReadModelMode::Matview);
            QCOMPARE(scalar(c.db(), copyKind).toString(), QStringLiteral("m"));
            QCOMPARE(columnDrift(c.db()), QString());
            refreshAll(c.db());
            QCOMPARE(differences(c.db()), QString());
            seedMore(settings, 1500, 42);
            convertReadModels(c.db(), ReadModelMode::Live, [](const QString &) {});
            QCOMPARE(readModelState(c.db()).mode, ReadModelMode::Live);
            QCOMPARE(scalar(c.db(), copyKind).toString(), QStringLiteral("v"));
            QCOMPARE(columnDrift(c.db()), QString());
            QCOMPARE(differences(c.db()), QString());
            {
                const auto [copy, base] = tenantCopyRows(c.db(), tenant);
                QCOMPARE(copy, base);
            }
            // a rebuild swaps the state under the read models' views: the copy stays, as it was
            rebuildLiveState(c.db(), [](const QString &) {});
            QCOMPARE(scalar(c.db(), copyKind).toString(), QStringLiteral("v"));
            QCOMPARE(columnDrift(c.db()), QString());
            {
                const auto [copy, base] = tenantCopyRows(c.db(), tenant);
                QCOMPARE(copy, base);
            }
            // the guide's entry point runs a step in live mode and answers per read model
            const auto outcomes = refreshAll(c.db());
            QCOMPARE(outcomes.size(), 6);
            QCOMPARE(outcomes.value(QStringLiteral("tenants_summary_view")), QStringLiteral("ok"));
        });
    }

    // "Last ms" (the Refresh panel, status --json) is the duration of what last brought a read
    // model up to date in the mode it is in now. In live mode: the build's right after convert
    // --to live (not the matview refresh from before), then the last step that applied events
    // or failed, as the average counts them (not an empty poll of the follower). In matview
    // mode: none after convert --to matview until a refresh (not the last step's), then the
    // refresh's.
    void lastDurationBelongsToTheCurrentMode() {
        MVDASH_TRY({
            const auto settings = cluster_.createDatabase(QStringLiteral("last_ms"));
            seedMore(settings, 3000, 11);
            Connection c(settings, QStringLiteral("t"));
            refreshAll(c.db()); // a matview refresh's duration in the log
            convertReadModels(c.db(), ReadModelMode::Live, [](const QString &) {});
            const auto shown = [&c] {
                for (const ViewStatus &s : fetchViewStatus(c.db()))
                    if (s.view == QStringLiteral("bets_view"))
                        return s.lastDurationMs;
                return QStringLiteral("(no bets_view)");
            };
            const auto logged = [&c](const QString &condition) {
                return scalar(c.db(), QStringLiteral("SELECT last_duration_ms FROM "
                                                     "materialized_views_refresh_log WHERE "
                                                     "view_name = 'bets_view' AND %1")
                                          .arg(condition))
                    .toString();
            };
            // the Refresh panel's chart: the runs of the current mode, all of them (steps in
            // live mode, refreshes in matview mode), and the views they ran for
            const auto charted = [&c](const QString &methods) {
                QSet<QString> series;
                qint64 points = 0;
                QSqlQuery chart = runQuery(c.db(), QStringLiteral("refresh_duration_history"));
                while (chart.next()) {
                    series << chart.value(0).toString();
                    ++points;
                }
                // a point per view refreshed, a point per live step (one run, every view)
                const qint64 runs =
                    scalar(c.db(), QStringLiteral("SELECT CASE WHEN bool_and(method = 'live') "
                                                  "THEN count(DISTINCT run_id) ELSE count(*) END "
                                                  "FROM materialized_views_refresh_history "
                                                  "WHERE outcome = 'ok' AND method %1")
                                       .arg(methods))
                        .toLongLong();
                return points == runs
                           ? series
                           : QSet<QString>{
                                 QStringLiteral("%1 points, %2 runs").arg(points).arg(runs)};
            };
            const QString part = QStringLiteral("user_activity_except_bets");
            // (the log still holds the refresh's duration: the switch reset its count only)
            QVERIFY(!logged(QStringLiteral("refresh_count = 0")).isEmpty());
            const QString build =
                scalar(c.db(), QStringLiteral("SELECT last_step_ms FROM live_progress")).toString();
            QVERIFY(!build.isEmpty());
            QCOMPARE(shown(), build);
            seedMore(settings, 500, 61);
            QVERIFY2(allOk(step(c.db())), "a step");
            const QString applied = logged(QStringLiteral("refresh_count > 0"));
            QVERIFY(!applied.isEmpty());
            QCOMPARE(shown(), applied);
            // an empty step (the follower's poll) changes the progress's last step only
            QVERIFY2(allOk(step(c.db())), "an empty step");
            QCOMPARE(shown(), applied);
            // one line for the steps, not six drawn on top of each other
            const QSet<QString> liveSeries = charted(QStringLiteral("= 'live'"));
            QVERIFY2(liveSeries == QSet<QString>{QStringLiteral("live step")},
                     qPrintable(QStringList(liveSeries.values()).join(u',')));
            convertReadModels(c.db(), ReadModelMode::Matview, [](const QString &) {});
            QVERIFY(!logged(QStringLiteral("refresh_count = 0")).isEmpty());
            QCOMPARE(shown(), QString());
            refreshAll(c.db());
            const QString refreshed = logged(QStringLiteral("refresh_count > 0"));
            QVERIFY(!refreshed.isEmpty());
            QCOMPARE(shown(), refreshed);
            const QSet<QString> matviewSeries = charted(QStringLiteral("<> 'live'"));
            QVERIFY2(matviewSeries.contains(QStringLiteral("bets_view")) &&
                         matviewSeries.contains(part),
                     qPrintable(QStringList(matviewSeries.values()).join(u',')));
        });
    }

    // Readers of the guide's queries loop through two switches and a rebuild and never see an
    // error; a writer writes all along, and after a step nothing is lost or applied twice.
    void readersAndAWriterGoOnThroughSwitchesAndARebuild() {
        MVDASH_TRY({
            const auto settings = liveDatabase(QStringLiteral("switch"), 6000);
            // and a writer all along: the switches and the rebuild lose none of its events
            std::atomic_bool stopWriting{false};
            QString writerError;
            Traffic::Options trafficOptions;
            trafficOptions.eventsPerSecond = 200;
            trafficOptions.seed = 8000;
            Traffic traffic(settings, trafficOptions);
            std::thread writing([&] {
                try {
                    traffic.run(stopWriting);
                } catch (const DbError &e) {
                    writerError = e.message();
                }
            });
            const auto stopTheWriter = qScopeGuard([&] {
                stopWriting = true;
                if (writing.joinable())
                    writing.join();
            });
            std::atomic_bool stop{false};
            std::atomic_int reads{0};
            QStringList errors;
            std::mutex errorsMutex;
            std::vector<std::thread> readers;
            for (int i = 0; i < 3; ++i)
                readers.emplace_back([&, i] {
                    try {
                        Connection r(settings, QStringLiteral("reader%1").arg(i));
                        QSqlQuery q(r.db());
                        // prepared once, as the dashboard does: the plan must survive the switch
                        q.prepare(QStringLiteral(
                            "SELECT b.tenant_id, count(*), sum(u.balance) FROM bets_view b JOIN "
                            "user_balances_view u USING (tenant_id, user_id) WHERE b.tenant_id "
                            "= ? GROUP BY 1"));
                        while (!stop) {
                            q.addBindValue(qint64(i + 1));
                            if (!q.exec()) {
                                std::lock_guard lock(errorsMutex);
                                errors << q.lastError().text();
                            }
                            while (q.next()) {
                            }
                            ++reads;
                        }
                    } catch (const DbError &e) {
                        std::lock_guard lock(errorsMutex);
                        errors << e.message();
                    }
                });
            Connection c(settings, QStringLiteral("t"));
            QTRY_VERIFY_WITH_TIMEOUT(reads > 10, kPatienceMs);
            convertReadModels(c.db(), ReadModelMode::Matview, [](const QString &) {});
            const int afterFirst = reads;
            QTRY_VERIFY_WITH_TIMEOUT(reads > afterFirst + 10, kPatienceMs);
            convertReadModels(c.db(), ReadModelMode::Live, [](const QString &) {});
            const int afterSecond = reads;
            QTRY_VERIFY_WITH_TIMEOUT(reads > afterSecond + 10, kPatienceMs);
            // a rebuild: on plain PostgreSQL it swaps new state tables in, on Citus it writes
            // the differences in place; the readers read on meanwhile
            rebuildLiveState(c.db(), [](const QString &) {});
            const int afterRebuild = reads;
            QTRY_VERIFY_WITH_TIMEOUT(reads > afterRebuild + 10, kPatienceMs);
            stop = true;
            for (auto &t : readers)
                t.join();
            QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
            stopWriting = true;
            writing.join();
            QVERIFY2(writerError.isEmpty(), qPrintable(writerError));
            QVERIFY(allOk(step(c.db())));
            QCOMPARE(lagEvents(c.db()), 0);
            QCOMPARE(differences(c.db()), QString());
        });
    }

    // A step's statements in their order: (label, statement) from live_step_statements().
    static QList<QPair<QString, QString>> stepStatements(const QSqlDatabase &db) {
        QList<QPair<QString, QString>> statements;
        QSqlQuery list = runQuery(db, QStringLiteral("live_step_statements"));
        while (list.next())
            statements.append({list.value(1).toString(), list.value(2).toString()});
        return statements;
    }

    // What a step costs follows the window: it reads the new events by the arrival index;
    // on Citus every per-key statement runs shard by shard on the workers.
    void stepStatementsReadTheWindowByIndex() {
        MVDASH_TRY({
            const auto settings = liveDatabase(QStringLiteral("plans"), 20000);
            Connection c(settings, QStringLiteral("t"));
            exec(c.db(), QStringLiteral("ANALYZE"));
            seedMore(settings, 200, 55);
            const StepProgress progress = stepProgress(c.db());
            const qint64 latest = fetchFreshness(c.db()).value(0).latestArrival;
            QVERIFY(latest > progress.appliedArrival);
            QMap<QString, QString> plans;
            for (const auto &[label, statement] : stepStatements(c.db()))
                plans.insert(
                    label, explainStepStatement(c.db(), statement, progress.appliedArrival, latest)
                               .join(u'\n'));
            const QString touched = plans.value(QStringLiteral("bets: keys the window touched"));
            const QString recompute =
                plans.value(QStringLiteral("bets: recompute the touched bets"));
            const QString users =
                plans.value(QStringLiteral("users: carried by the window's events"));
            if (cluster_.isCitus()) {
                // shard by shard, 024's unions too: each branch on the shard of the same tenant,
                // nothing planned apart first (a subplan) or moved between the workers
                const auto shardByShard = [](const QString &plan) {
                    return plan.contains(QStringLiteral("Custom Scan (Citus Adaptive)")) &&
                           !plan.contains(QStringLiteral("Task Count: 1\n")) &&
                           !plan.contains(QStringLiteral("Distributed Subplan")) &&
                           !plan.contains(QStringLiteral("repartition"));
                };
                for (const QString &label :
                     {QStringLiteral("bets: keys the window touched"),
                      QStringLiteral("bets: recompute the touched bets"),
                      QStringLiteral("users: carried by the window's events"),
                      QStringLiteral("users: bet and payment contributions"),
                      QStringLiteral("user activity: merge")}) {
                    const QString plan = plans.value(label);
                    QVERIFY2(shardByShard(plan) &&
                                 !plan.contains(QStringLiteral("pull to coordinator")),
                             qPrintable(label + u'\n' + plan));
                }
                // per tenant on the shards; the few rows go into a reference table
                const QString tenants = plans.value(QStringLiteral("tenants: deltas"));
                QVERIFY2(shardByShard(tenants), qPrintable(tenants));
            } else {
                QVERIFY2(touched.contains(QStringLiteral("bet_events_arrival_idx")),
                         qPrintable(touched));
                QVERIFY2(recompute.contains(QStringLiteral("bet_events_bet_idx")),
                         qPrintable(recompute));
                for (const QString &index : {QStringLiteral("bet_events_arrival_idx"),
                                             QStringLiteral("balance_events_arrival_idx"),
                                             QStringLiteral("payment_events_arrival_idx")})
                    QVERIFY2(users.contains(index), qPrintable(users));
            }
        });
    }

    // A step's joins look the touched keys up by their keys, planned as the step plans them:
    // each statement is explained after the ones before it ran (its scratch tables filled and
    // analyzed), with the step's planner settings, in a transaction rolled back after. On
    // Citus every worker plans its shards' statements again: before 025 with its own settings,
    // and it hashed its whole shard of the history for the few keys of a step.
    void stepJoinsLookUpTheTouchedKeys() {
        MVDASH_TRY({
            const auto settings = liveDatabase(QStringLiteral("joins"), 20000);
            Connection c(settings, QStringLiteral("t"));
            exec(c.db(), QStringLiteral("ANALYZE"));
            seedMore(settings, 2000, 57);
            const qint64 from = stepProgress(c.db()).appliedArrival;
            const qint64 to = fetchFreshness(c.db()).value(0).latestArrival;
            const QList<QPair<QString, QString>> statements = stepStatements(c.db());
            const QStringList keyJoins{QStringLiteral("bets: old contributions (-1)"),
                                       QStringLiteral("bets: recompute the touched bets"),
                                       QStringLiteral("bets: new contributions (+1)"),
                                       QStringLiteral("payments: old contributions (-1)"),
                                       QStringLiteral("payments: recompute the touched payments"),
                                       QStringLiteral("payments: new contributions (+1)"),
                                       // (its new users: a left join on the user activity's key)
                                       QStringLiteral("tenants: deltas")};
            const QString window = QStringLiteral("(%1, %2)").arg(from).arg(to);
            QMap<QString, QString> plans;
            {
                const Transaction transaction(c.db());
                exec(c.db(), QStringLiteral("SELECT mvdash.live_step_planner(true)"));
                if (cluster_.isCitus()) // every shard's plan (a shard may hold no tenant)
                    exec(c.db(), QStringLiteral("SET LOCAL citus.explain_all_tasks = on"));
                for (const auto &[label, statement] : statements) {
                    // a scratch table's statistics (through live_analyze_scratch() since 029)
                    if (statement.startsWith(QStringLiteral("ANALYZE")) ||
                        statement.contains(QStringLiteral("live_analyze_scratch("))) {
                        exec(c.db(), statement);
                        continue;
                    }
                    exec(c.db(),
                         QStringLiteral("PREPARE mvdash_step_statement (bigint, bigint) AS ") +
                             statement);
                    if (keyJoins.contains(label)) {
                        QSqlQuery explain(c.db());
                        QVERIFY2(explain.exec(QStringLiteral("EXPLAIN (COSTS OFF) EXECUTE "
                                                             "mvdash_step_statement ") +
                                              window),
                                 qPrintable(explain.lastError().text()));
                        QStringList lines;
                        while (explain.next())
                            lines << explain.value(0).toString();
                        plans.insert(label, lines.join(u'\n'));
                    }
                    exec(c.db(), QStringLiteral("EXECUTE mvdash_step_statement ") + window);
                    exec(c.db(), QStringLiteral("DEALLOCATE mvdash_step_statement"));
                }
            }
            QCOMPARE(plans.size(), keyJoins.size());
            for (const QString &label : keyJoins) {
                const QString plan = plans.value(label);
                QVERIFY2(plan.contains(QStringLiteral("Nested Loop")) &&
                             !plan.contains(QStringLiteral("Hash Join")) &&
                             !plan.contains(QStringLiteral("Merge Join")),
                         qPrintable(label + u'\n' + plan));
            }
            for (const auto &[label, index] :
                 {std::pair{QStringLiteral("bets: recompute the touched bets"),
                            QStringLiteral("bet_events_bet_idx")},
                  std::pair{QStringLiteral("payments: recompute the touched payments"),
                            QStringLiteral("payment_events_payment_idx")}})
                QVERIFY2(plans.value(label).contains(index), qPrintable(plans.value(label)));
            // nothing of it stayed: the window is still to be applied
            QCOMPARE(stepProgress(c.db()).appliedArrival, from);
            if (cluster_.isCitus()) {
                QVERIFY(stepSendsItsPlannerToEveryWorker(settings));
                QVERIFY(stepProgress(c.db()).appliedArrival >= to); // that step applied the window
            }
        });
    }

    // The step as the follower runs it (an autocommit SELECT of live_step(), its statements in a
    // subtransaction of a SECURITY DEFINER function), with every command Citus sends to the
    // workers logged to the client: each worker connection that runs a statement of the step
    // has been told the step's planner first (in its BEGIN or after), and it is reset at the end.
    bool stepSendsItsPlannerToEveryWorker(const ConnectionSettings &settings) {
        QProcess psql;
        psql.setProcessChannelMode(QProcess::MergedChannels);
        psql.start(LocalCluster::binDirectory() + QStringLiteral("/psql"),
                   {QStringLiteral("-X"), QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"),
                    settings.connectOptions(), QStringLiteral("-c"),
                    QStringLiteral("SET citus.log_remote_commands = on"), QStringLiteral("-c"),
                    QStringLiteral("SET client_min_messages = log"), QStringLiteral("-c"),
                    QStringLiteral("SELECT DISTINCT outcome FROM mvdash.live_step()")});
        if (!psql.waitForFinished(kPatienceMs) || psql.exitCode() != 0) {
            qWarning("%s", psql.readAll().constData());
            return false;
        }
        const QStringList lines = QString::fromUtf8(psql.readAll()).split(u'\n');
        // a command: "NOTICE:  issuing <text>" (maybe on more lines), then "DETAIL:  on server
        // <node> connectionId: <n>"
        QSet<QString> told;
        int stepStatements = 0;
        int resets = 0;
        QString command;
        bool failed = false;
        for (const QString &line : lines) {
            if (line.startsWith(QStringLiteral("NOTICE:  issuing "))) {
                command = line.mid(17);
                continue;
            }
            if (!line.startsWith(QStringLiteral("DETAIL:  on server "))) {
                command += u'\n' + line;
                continue;
            }
            const QString connection = line.mid(19);
            if (command.contains(QStringLiteral("SET LOCAL enable_hashjoin TO 'off'")))
                told.insert(connection);
            if (command.contains(QStringLiteral("SET LOCAL enable_hashjoin TO DEFAULT")))
                ++resets;
            // a statement of the step on a shard, before the reset
            const bool ofTheStep = !command.startsWith(QStringLiteral("ANALYZE")) &&
                                   !command.startsWith(QStringLiteral("SELECT lock_")) &&
                                   command.contains(QStringLiteral("mvdash.live_"));
            if (ofTheStep && resets == 0) {
                ++stepStatements;
                if (!told.contains(connection) && !failed) { // (the first one)
                    qWarning("not told the step's planner first, on %s: %s", qPrintable(connection),
                             qPrintable(command.left(200)));
                    failed = true;
                }
            }
            command.clear();
        }
        const bool ok = lines.contains(QStringLiteral(" ok")) && stepStatements >= 32 &&
                        resets >= told.size() && !told.isEmpty() && !failed;
        if (!ok)
            qWarning("step statements %d, connections told %lld, resets %d:\n%s", stepStatements,
                     qint64(told.size()), resets, qPrintable(lines.mid(0, 40).join(u'\n')));
        return ok;
    }

    // The platform replicates its database logically (a publication FOR ALL TABLES, for change
    // data capture) and, on Citus, moves the shards of its event tables the default way (by
    // logical replication): the live mode's tables take part in both. Its scratch tables are
    // written and emptied by every step, so they need a replica identity (026); before it,
    // every step failed under such a publication, and Citus refused to move the shards.
    void stepsGoOnUnderLogicalReplicationAndShardMoves() {
        MVDASH_TRY({
            const auto settings = liveDatabase(QStringLiteral("publication"), 6000);
            Connection c(settings, QStringLiteral("t"));
            exec(c.db(), QStringLiteral("CREATE PUBLICATION mvdash_test_all FOR ALL TABLES"));
            seedMore(settings, 1500, 61);
            auto outcomes = step(c.db());
            QVERIFY2(allOk(outcomes), qPrintable(describe(outcomes)));
            QCOMPARE(stepProgress(c.db()).appliedArrival,
                     fetchFreshness(c.db()).value(0).latestArrival);
            QCOMPARE(differences(c.db()), QString());
            if (cluster_.isCitus()) {
                // the shard group of the busiest tenant's events to the other worker
                const auto [shardId, to] = moveShardGroupOf(
                    c.db(), scalar(c.db(), QStringLiteral("SELECT tenant_id FROM "
                                                          "public.bet_events GROUP BY 1 "
                                                          "ORDER BY count(*) DESC LIMIT 1"))
                                .toLongLong());
                QCOMPARE(shardPort(c.db(), shardId), to);
                const qint64 before = stepProgress(c.db()).appliedArrival;
                seedMore(settings, 1500, 62);
                // (not vacuous: the moved shards take some of the new events)
                QVERIFY(scalar(c.db(),
                               QStringLiteral("SELECT count(*) FROM public.bet_events WHERE "
                                              "arrival_id > ? AND get_shard_id_for_distribution_"
                                              "column('public.bet_events', tenant_id) = ?"),
                               {before, shardId})
                            .toLongLong() > 0);
                outcomes = step(c.db());
                QVERIFY2(allOk(outcomes), qPrintable(describe(outcomes)));
                QCOMPARE(differences(c.db()), QString());
            }
            rebuildLiveState(c.db(), [](const QString &) {});
            QCOMPARE(differences(c.db()), QString());
            exec(c.db(), QStringLiteral("DROP PUBLICATION mvdash_test_all"));
        });
    }

    // mvdash-admin in live mode: refresh runs one step, status says how far behind, rebuild
    // and explain-step report, follow refuses a database in matview mode.
    void adminCommandsInLiveMode() {
        MVDASH_TRY({
            const auto matview = cluster_.createSeededDatabase(QStringLiteral("cli_matview"), 2000);
            const auto settings = liveDatabase(QStringLiteral("cli_live"), 4000);
            seedMore(settings, 500, 71);
            const auto admin = [](const ConnectionSettings &db, QStringList args) {
                QProcess p;
                p.setProcessChannelMode(QProcess::MergedChannels);
                p.start(QStringLiteral(MVDASH_ADMIN_BINARY),
                        QStringList{QStringLiteral("--dsn"), db.connectOptions()} + args);
                p.waitForFinished(kPatienceMs);
                return std::pair{p.exitCode(), QString::fromUtf8(p.readAll())};
            };
            auto [code, out] = admin(settings, {QStringLiteral("status")});
            QVERIFY2(code == 0 && out.contains(QStringLiteral("live read models: watermark")) &&
                         !out.contains(QStringLiteral(", 0 events behind")),
                     qPrintable(out));
            std::tie(code, out) = admin(settings, {QStringLiteral("refresh")});
            QVERIFY2(code == 0 && out.contains(QStringLiteral("6 views refreshed, 0 failed")) &&
                         out.contains(QStringLiteral("live")),
                     qPrintable(out));
            std::tie(code, out) =
                admin(settings, {QStringLiteral("status"), QStringLiteral("--json")});
            const QJsonArray views = QJsonDocument::fromJson(out.toUtf8()).array();
            QCOMPARE(views.size(), 6);
            for (const QJsonValue &v : views) {
                const QJsonObject f = v.toObject()[QStringLiteral("freshness")].toObject();
                QCOMPARE(f[QStringLiteral("mode")].toString(), QStringLiteral("live"));
                QCOMPARE(f[QStringLiteral("lag_events")].toDouble(), 0.0);
                // the lag in seconds and the last step's duration, as numbers
                QVERIFY2(f[QStringLiteral("lag_seconds")].isDouble() &&
                             f[QStringLiteral("last_step_ms")].isDouble() &&
                             f[QStringLiteral("last_step_ms")].toDouble() >= 0,
                         qPrintable(QJsonDocument(f).toJson()));
                QCOMPARE(f[QStringLiteral("applied_arrival")].toDouble(),
                         f[QStringLiteral("latest_arrival")].toDouble());
                // rows: the state table's estimate on plain PostgreSQL; on Citus unknown, not
                // the empty shell's 0 (migration 017)
                const QJsonValue rows = v.toObject()[QStringLiteral("row_estimate")];
                if (cluster_.isCitus())
                    QVERIFY2(rows.isNull(),
                             qPrintable(v.toObject()[QStringLiteral("view")].toString()));
                else if (v.toObject()[QStringLiteral("view")].toString() ==
                         QStringLiteral("bets_view"))
                    QVERIFY(rows.toDouble() > 0);
            }
            std::tie(code, out) =
                admin(settings, {QStringLiteral("sizes"), QStringLiteral("--json")});
            const QJsonArray sized =
                QJsonDocument::fromJson(out.toUtf8()).object()[QStringLiteral("views")].toArray();
            QCOMPARE(sized.size(), 6);
            for (const QJsonValue &v : sized) {
                const QJsonValue rows = v.toObject()[QStringLiteral("row_estimate")];
                const QString view = v.toObject()[QStringLiteral("view")].toString();
                QVERIFY2(v.toObject()[QStringLiteral("total_bytes")].toDouble() > 0,
                         qPrintable(view));
                if (cluster_.isCitus())
                    QVERIFY2(rows.isNull(), qPrintable(view));
                else if (view == QStringLiteral("bets_view"))
                    QVERIFY(rows.toDouble() > 0);
            }
            std::tie(code, out) = admin(settings, {QStringLiteral("rebuild")});
            QVERIFY2(code == 0 && out.contains(QStringLiteral("rebuilt from ")), qPrintable(out));
            std::tie(code, out) = admin(settings, {QStringLiteral("explain-step")});
            QVERIFY2(code == 0 &&
                         out.contains(QStringLiteral("-- bets: recompute the touched bets")),
                     qPrintable(out));
            std::tie(code, out) = admin(matview, {QStringLiteral("follow")});
            QVERIFY2(code == 1 && out.contains(QStringLiteral("convert --to live")),
                     qPrintable(out));
            std::tie(code, out) = admin(matview, {QStringLiteral("convert")});
            QVERIFY2(code == 2 && out.contains(QStringLiteral("--to")), qPrintable(out));
            std::tie(code, out) = admin(matview, {QStringLiteral("convert"), QStringLiteral("--to"),
                                                  QStringLiteral("sideways")});
            QVERIFY2(code == 2 && out.contains(QStringLiteral("live or matview")), qPrintable(out));
        });
    }

    // The lag is the committed events past the watermark, counted by an independent query on
    // the event tables: not an arrival taken by a writer still open or rolled back, all of a
    // committed batch (after a gap of more than a million unused arrivals too), 0 once a step
    // applied them (migration 016). A step reports as applied exactly the events the lag
    // counted, and 0 for a window of rolled-back arrivals only (024 counts them as it applies
    // them, not before).
    void lagCountsCommittedEventsOnly() {
        MVDASH_TRY({
            const auto settings = liveDatabase(QStringLiteral("lag"), 2000);
            Connection c(settings, QStringLiteral("t"));
            const auto lag = [&c] {
                return lagEvents(c.db(), QStringLiteral("user_balances_view"));
            };
            const auto pending = [&c] {
                return scalar(c.db(), QStringLiteral(
                                          "SELECT (SELECT count(*) FROM public.bet_events e, "
                                          "mvdash.live_progress p WHERE e.arrival_id > "
                                          "p.applied_arrival) + (SELECT count(*) FROM "
                                          "public.balance_events e, mvdash.live_progress p WHERE "
                                          "e.arrival_id > p.applied_arrival) + (SELECT count(*) "
                                          "FROM public.payment_events e, mvdash.live_progress p "
                                          "WHERE e.arrival_id > p.applied_arrival)"))
                    .toLongLong();
            };
            QVERIFY2(allOk(step(c.db())), "a step");
            QCOMPARE(lag(), 0);
            const qint64 tenant = firstTenant(c.db());
            qint64 committed = 0;
            {
                // an arrival taken past the watermark, its event not committed
                OpenWriter open(settings, tenant, QStringLiteral("lag-open"), 910000001, 5000);
                QVERIFY(open.arrival() > appliedArrival(c.db()));
                QCOMPARE(lag(), 0);
                seedMore(settings, 600, 81);
                committed = pending();
                QVERIFY(committed > 500);
                QCOMPARE(lag(), committed);
                open.rollback();
                QCOMPARE(lag(), committed);
            }
            QVERIFY2(allOk(step(c.db())), "a step");
            QCOMPARE(lag(), 0);
            QCOMPARE(pending(), 0);
            QCOMPARE(stepProgress(c.db()).events, committed);
            {
                // arrivals taken past the watermark and rolled back, nothing else
                OpenWriter open(settings, tenant, QStringLiteral("lag-rolled-back"), 910000002,
                                5000);
                open.rollback();
            }
            const qint64 watermark = appliedArrival(c.db());
            QVERIFY2(allOk(step(c.db())), "a step over rolled-back arrivals");
            QVERIFY(appliedArrival(c.db()) > watermark);
            QCOMPARE(stepProgress(c.db()).events, 0);
            QCOMPARE(lag(), 0);
            // more than a million arrivals taken and never committed (a huge COPY rolled back),
            // then events: the lag still counts them, and says how old the state is
            exec(c.db(), QStringLiteral("SELECT setval('mvdash.event_arrival_seq', "
                                        "(SELECT applied_arrival + 1500000 FROM "
                                        "mvdash.live_progress))"));
            seedMore(settings, 300, 82);
            const qint64 afterGap = pending();
            QVERIFY(afterGap > 200);
            QCOMPARE(lag(), afterGap);
            // (in tenths of a second since the last step: shows once a tenth has passed)
            QTRY_VERIFY_WITH_TIMEOUT(
                scalar(c.db(), QStringLiteral("SELECT lag_seconds > 0 FROM "
                                              "read_model_freshness() LIMIT 1"))
                    .toBool(),
                kPatienceMs);
            // the Refresh panel's Behind (events) and Behind (s), every read model: the same
            // lag, and the seconds the state has lacked it
            const auto panelLags = [&c] {
                QSet<QString> lags;
                for (const ViewStatus &s : fetchViewStatus(c.db()))
                    lags << QStringLiteral("%1 %2 %3")
                                .arg(s.live)
                                .arg(s.lagEvents.value_or(-1))
                                .arg(s.lagSeconds.isEmpty()        ? QStringLiteral("none")
                                     : s.lagSeconds.toDouble() > 0 ? QStringLiteral("> 0")
                                                                   : s.lagSeconds);
                return QStringList(lags.values()).join(u',');
            };
            QCOMPARE(panelLags(), QStringLiteral("1 %1 > 0").arg(afterGap));
            QVERIFY2(allOk(step(c.db())), "a step");
            QCOMPARE(lag(), 0);
            QCOMPARE(stepProgress(c.db()).events, afterGap);
            QCOMPARE(panelLags(), QStringLiteral("1 0 0"));
        });
    }

    // Every read model's rows show in the Sizes and Refresh panels right after the convert,
    // the state tables' row estimate: on plain PostgreSQL tenants_summary_view's too, whose
    // state table no rebuild analyzes (it showed "?" until autovacuum's ANALYZE, after 50
    // changes; migration 030: the statistics system's live rows instead of reltuples -1). On
    // Citus the rows are in the shards: unknown (017).
    void everyReadModelShowsItsRowsAfterTheConvert() {
        MVDASH_TRY({
            const auto settings = liveDatabase(QStringLiteral("row_estimates"), 1500);
            Connection c(settings, QStringLiteral("t"));
            // (autovacuum must not analyze it meanwhile: the case is a table never analyzed)
            if (!cluster_.isCitus())
                exec(c.db(), QStringLiteral("ALTER TABLE mvdash.live_tenants_summary SET "
                                            "(autovacuum_enabled = false)"));
            QVERIFY2(allOk(step(c.db())), "a step");
            if (!cluster_.isCitus())
                QVERIFY(scalar(c.db(), QStringLiteral("SELECT reltuples < 0 FROM pg_class WHERE "
                                                      "oid = 'mvdash.live_tenants_summary'::"
                                                      "regclass"))
                            .toBool());
            // "view: sizes panel / refresh panel / the rows", one line per read model
            const auto shown = [&c] {
                QMap<QString, QString> estimates;
                const auto text = [](std::optional<qint64> rows) {
                    return rows ? QString::number(*rows) : QStringLiteral("?");
                };
                for (const ViewSize &s : fetchViewSizes(c.db()))
                    estimates[s.view] = text(s.rowEstimate);
                for (const ViewStatus &s : fetchViewStatus(c.db()))
                    estimates[s.view] += u'/' + text(s.rowEstimate);
                QStringList lines;
                for (auto it = estimates.cbegin(); it != estimates.cend(); ++it)
                    lines << it.key() + u' ' + it.value();
                return lines;
            };
            QStringList expected;
            for (const QString &view :
                 {"bets_view", "payments_view", "tenant_bet_status_view", "tenants_summary_view",
                  "user_activity_view", "user_balances_view"}) {
                const QString rows =
                    cluster_.isCitus()
                        ? QStringLiteral("?")
                        : scalar(c.db(), QStringLiteral("SELECT count(*) FROM %1").arg(view))
                              .toString();
                expected << view + u' ' + rows + u'/' + rows;
            }
            // (the statistics system's counts come within seconds of a commit: 10 s at most for
            // an idle session, PostgreSQL 15)
            QTRY_COMPARE_WITH_TIMEOUT(shown(), expected, kPatienceMs);
        });
    }

    // Sizes on Citus come from a sample at most ten minutes old instead of asking every worker
    // at each reload of a panel (migration 019); on plain PostgreSQL they are measured when
    // asked. The panels' figures are the sample's (a figure written into it shows), say when it
    // was taken, and are measured again once it is too old, from the future, or when the session
    // asks for measured sizes (the doctor, the command line). One sampler at a time, never
    // waiting; refresh_aggregate_views() and a rebuild's statistics take a new sample.
    void sizesOnCitusComeFromARecentSample() {
        MVDASH_TRY({
            const auto settings = liveDatabase(QStringLiteral("sampled_sizes"), 1500);
            Connection c(settings, QStringLiteral("t"));
            const auto samples = [&c](const QString &where = QStringLiteral("true")) {
                return scalar(c.db(),
                              QStringLiteral("SELECT count(*) FROM relation_size_samples WHERE ") +
                                  where)
                    .toLongLong();
            };
            const auto sample = [&c](bool force) {
                return scalar(c.db(),
                              QStringLiteral("SELECT sample_relation_sizes(%1)")
                                  .arg(force ? QStringLiteral("true") : QStringLiteral("false")))
                    .toBool();
            };
            // what the Sizes panel and the Refresh panel show for bets_view
            const auto shown = [&c] {
                std::pair<qint64, QDateTime> sizes{-1, {}};
                for (const ViewSize &s : fetchViewSizes(c.db()))
                    if (s.view == QStringLiteral("bets_view"))
                        sizes = {s.totalBytes, s.sizesAsOf};
                qint64 status = -1;
                for (const ViewStatus &s : fetchViewStatus(c.db()))
                    if (s.view == QStringLiteral("bets_view"))
                        status = s.totalBytes;
                return std::tuple{sizes.first, sizes.second, status};
            };
            const auto measured = [&c] {
                return scalar(c.db(), QStringLiteral("SELECT total_bytes FROM "
                                                     "mvdash_relation_bytes_measured('live_bets')"))
                    .toLongLong();
            };
            QVERIFY(measured() > 0);
            exec(c.db(), QStringLiteral("DELETE FROM relation_size_samples"));
            QCOMPARE(sample(true), cluster_.isCitus());
            if (!cluster_.isCitus()) {
                QCOMPARE(samples(), 0);
                QCOMPARE(shown(), std::tuple(measured(), QDateTime(), measured()));
                return;
            }
            // the three event tables and the six read models' state tables, no scratch table
            QCOMPARE(samples(), 9);
            QCOMPARE(sample(false), false); // the interval has not passed
            exec(c.db(), QStringLiteral("UPDATE relation_size_samples SET sampled_at = "
                                        "sampled_at - interval '61 seconds'"));
            QCOMPARE(sample(false), true); // it has now
            // a figure written into the sample is what the panels show, with its time
            exec(c.db(), QStringLiteral("UPDATE relation_size_samples SET total_bytes = 7654321, "
                                        "table_bytes = 7000000 WHERE relid = "
                                        "'mvdash.live_bets'::regclass"));
            const QDateTime sampledAt =
                scalar(c.db(), QStringLiteral("SELECT min(sampled_at) FROM relation_size_samples"))
                    .toDateTime();
            QCOMPARE(shown(), std::tuple(qint64(7654321), sampledAt, qint64(7654321)));
            {
                // on demand: measured now, and nothing says "as of"
                const SizesMeasuredNow now(c.db());
                QCOMPARE(shown(), std::tuple(measured(), QDateTime(), measured()));
            }
            QCOMPARE(std::get<0>(shown()), 7654321);
            // too old, or from a clock set back: measured again
            exec(c.db(), QStringLiteral("UPDATE relation_size_samples SET sampled_at = "
                                        "sampled_at - interval '11 minutes'"));
            QCOMPARE(shown(), std::tuple(measured(), QDateTime(), measured()));
            exec(c.db(), QStringLiteral("UPDATE relation_size_samples SET sampled_at = "
                                        "clock_timestamp() + interval '1 hour'"));
            QCOMPARE(shown(), std::tuple(measured(), QDateTime(), measured()));
            // one sampler at a time: a second one returns at once, without a sample
            {
                Connection other(settings, QStringLiteral("other sampler"));
                exec(other.db(), QStringLiteral("BEGIN"));
                QCOMPARE(scalar(other.db(), QStringLiteral("SELECT sample_relation_sizes(true)"))
                             .toBool(),
                         true);
                QCOMPARE(sample(true), false);
                exec(other.db(), QStringLiteral("COMMIT"));
            }
            // the CronJob's call samples in live mode, before its step
            exec(c.db(), QStringLiteral("UPDATE relation_size_samples SET sampled_at = "
                                        "sampled_at - interval '2 hours'"));
            seedMore(settings, 200, 91);
            exec(c.db(), QStringLiteral("SELECT * FROM refresh_aggregate_views()"));
            QCOMPARE(samples(QStringLiteral("sampled_at > now() - interval '1 minute'")), 9);
            // refused, no error, in a transaction that has written to distributed tables
            seedMore(settings, 200, 92);
            exec(c.db(), QStringLiteral("BEGIN"));
            exec(c.db(), QStringLiteral("SELECT * FROM refresh_aggregate_views()"));
            QCOMPARE(sample(true), false);
            exec(c.db(), QStringLiteral("ROLLBACK"));
            // a rebuild keeps the state tables' oids: its statistics sample the sizes anew. The
            // time before it stays in the server's text: a QDateTime rounds to the nearest
            // millisecond, up to 0.5 ms late, and the sample comes 0.4-0.6 ms after (CI once
            // counted 0 here).
            const QString before = serverNow(c.db());
            exec(c.db(), QStringLiteral("SELECT live_analyze_state()"));
            QCOMPARE(scalar(c.db(),
                            QStringLiteral("SELECT count(*) FROM relation_size_samples "
                                           "WHERE sampled_at > ?::timestamptz"),
                            {before})
                         .toLongLong(),
                     9);
        });
    }

    // The Sizes panel's trend goes on in live mode (028): where the size share is sampled
    // between steps, each read model's state table is sampled into the size history the panel
    // reads, at most every five minutes, as each refresh samples its matview. In matview mode
    // that stays the refresh's.
    void sizeTrendGoesOnInLiveMode() {
        MVDASH_TRY({
            const auto settings = liveDatabase(QStringLiteral("size_trend"), 1500);
            Connection c(settings, QStringLiteral("t"));
            const auto samples = [&c] {
                return scalar(c.db(), QStringLiteral("SELECT count(*) FROM "
                                                     "materialized_views_size_history"))
                    .toLongLong();
            };
            const auto sampleShare = [&c](bool force) {
                exec(c.db(), QStringLiteral("SELECT sample_storage_share(%1)")
                                 .arg(force ? QStringLiteral("true") : QStringLiteral("false")));
            };
            exec(c.db(), QStringLiteral("DELETE FROM materialized_views_size_history"));
            sampleShare(false);
            QCOMPARE(samples(), 6);
            // each read model's state table, not the view over it (a view has no bytes); on
            // Citus the sizes are the relation sizes' sample just taken (019), with no row
            // estimate (017)
            QCOMPARE(scalar(c.db(),
                            QStringLiteral("SELECT count(*) FROM materialized_views_size_history h "
                                           "JOIN read_model_definitions d USING (view_name) "
                                           "WHERE h.total_bytes > 0 AND h.index_bytes > 0 "
                                           "AND h.table_bytes + h.index_bytes <= h.total_bytes "
                                           "AND (h.row_estimate IS NULL OR NOT %1)")
                                .arg(cluster_.isCitus() ? QStringLiteral("true")
                                                        : QStringLiteral("false")))
                         .toLongLong(),
                     6);
            if (cluster_.isCitus())
                QCOMPARE(scalar(c.db(), QStringLiteral(
                                            "SELECT count(*) FROM materialized_views_size_history "
                                            "h JOIN relation_size_samples s ON s.relid = "
                                            "read_model_storage(h.view_name) AND s.total_bytes = "
                                            "h.total_bytes"))
                             .toLongLong(),
                         6);
            // what the panel's trend reads: a point for every read model
            {
                QSet<QString> series;
                QSqlQuery trend = runQuery(c.db(), QStringLiteral("size_trend"));
                while (trend.next())
                    series << trend.value(0).toString();
                QCOMPARE(series, QSet<QString>({QStringLiteral("bets_view"),
                                                QStringLiteral("payments_view"),
                                                QStringLiteral("user_balances_view"),
                                                QStringLiteral("tenant_bet_status_view"),
                                                QStringLiteral("user_activity_view"),
                                                QStringLiteral("tenants_summary_view")}));
            }
            sampleShare(false); // within five minutes: no new sample
            QCOMPARE(samples(), 6);
            // five minutes later the guide's CronJob call samples, before its step
            exec(c.db(), QStringLiteral("UPDATE materialized_views_size_history SET sampled_at "
                                        "= sampled_at - interval '301 seconds'"));
            seedMore(settings, 200, 93);
            exec(c.db(), QStringLiteral("SELECT * FROM refresh_aggregate_views()"));
            QCOMPARE(samples(), 12);
            // one sampler at a time, and none beside a transaction that writes the history
            // (the CronJob's run to the end of its step): no wait, no duplicate
            {
                Connection other(settings, QStringLiteral("other sampler"));
                exec(other.db(), QStringLiteral("BEGIN"));
                QCOMPARE(scalar(other.db(), QStringLiteral("SELECT sample_read_model_sizes(true)"))
                             .toBool(),
                         true);
                QCOMPARE(
                    scalar(c.db(), QStringLiteral("SELECT sample_read_model_sizes(true)")).toBool(),
                    false);
                exec(other.db(), QStringLiteral("COMMIT"));
            }
            QCOMPARE(samples(), 18);
            // bounded per view as after a refresh (010): the newest 2000
            exec(c.db(),
                 QStringLiteral("INSERT INTO materialized_views_size_history (run_id, view_name, "
                                "sampled_at, total_bytes, table_bytes, index_bytes) SELECT 0, "
                                "d.view_name, now() - interval '1 day', 1, 1, 0 FROM "
                                "read_model_definitions d, generate_series(1, 2000)"));
            sampleShare(true);
            QCOMPARE(scalar(c.db(),
                            QStringLiteral("SELECT count(*) FROM (SELECT view_name FROM "
                                           "materialized_views_size_history GROUP BY view_name "
                                           "HAVING count(*) = 2000 AND max(sampled_at) > now() - "
                                           "interval '1 hour') v"))
                         .toLongLong(),
                     6);
            // operators sample through the wrapper, not through 019's function it calls
            exec(c.db(), QStringLiteral("SET ROLE mvdash_operator"));
            sampleShare(true);
            QSqlQuery refused(c.db());
            QVERIFY(!refused.exec(QStringLiteral("SELECT sample_storage_share_019(true)")));
            QCOMPARE(refused.lastError().nativeErrorCode(), QStringLiteral("42501"));
            exec(c.db(), QStringLiteral("RESET ROLE"));
            // in matview mode the refreshes sample their views, and only they
            convertReadModels(c.db(), ReadModelMode::Matview, [](const QString &) {});
            exec(c.db(), QStringLiteral("DELETE FROM materialized_views_size_history"));
            sampleShare(true);
            QCOMPARE(samples(), 0);
            // a convert to live samples the state tables at its end: the trend goes on at
            // once, though the matviews' samples are minutes old at most
            refreshAll(c.db());
            QCOMPARE(samples(), 7); // (the six and the matviews' part)
            const QString converting = serverNow(c.db());
            convertReadModels(c.db(), ReadModelMode::Live, [](const QString &) {});
            QCOMPARE(scalar(c.db(),
                            QStringLiteral("SELECT count(*) FROM "
                                           "materialized_views_size_history h JOIN "
                                           "read_model_definitions d USING (view_name) "
                                           "WHERE h.sampled_at > ?::timestamptz"),
                            {converting})
                         .toLongLong(),
                     6);
        });
    }

    // The moving demo's and the benchmark's writer keeps its sessions from batch to batch (a
    // new session per batch measured the connecting: on Citus each one also opened a session
    // per shard), commits every batch and its marker, survives a lost session by opening new
    // ones at the next batch, and a failed batch leaves nothing behind. The demo's writes no
    // marker (no player "probe" in the tenant the demo shows).
    void trafficKeepsItsSessionsBetweenBatches() {
        MVDASH_TRY({
            const auto settings = liveDatabase(QStringLiteral("traffic"), 3000);
            Connection c(settings, QStringLiteral("t"));
            const auto writerPids = [&c] {
                QStringList pids;
                QSqlQuery q = runSql(
                    c.db(), QStringLiteral("SELECT pid FROM pg_stat_activity WHERE "
                                           "datname = current_database() AND "
                                           "application_name LIKE 'mvdash seed%' ORDER BY pid"));
                while (q.next())
                    pids << q.value(0).toString();
                return pids.join(u',');
            };
            const auto events = [&c] {
                return scalar(c.db(), QStringLiteral("SELECT (SELECT count(*) FROM bet_events) + "
                                                     "(SELECT count(*) FROM balance_events) + "
                                                     "(SELECT count(*) FROM payment_events)"))
                    .toLongLong();
            };
            // the seeding's sessions have closed; their backends may still be ending
            QTRY_VERIFY_WITH_TIMEOUT(writerPids().isEmpty(), kPatienceMs);
            Traffic::Options options;
            options.seed = 4242;
            Traffic traffic(settings, options);
            qint64 before = events();
            const Traffic::Batch first = traffic.writeBatch(400);
            QCOMPARE(events(), before + first.events);
            const QString sessions = writerPids();
            QVERIFY2(!sessions.isEmpty(), "the writer's sessions are open between batches");
            for (int i = 0; i < 3; ++i) {
                before = events();
                const Traffic::Batch next = traffic.writeBatch(400);
                QCOMPARE(events(), before + next.events);
                QCOMPARE(writerPids(), sessions);
            }
            // every marker is in once the follower's step has run
            runStep(c.db(), 60000, true);
            QCOMPARE(scalar(c.db(),
                            QStringLiteral("SELECT count(*) FROM bets_view WHERE tenant_id = ? AND "
                                           "bet_id LIKE 'probe-4242-%'"),
                            {options.markerTenant})
                         .toInt(),
                     4);

            // the writer's sessions end under it: that batch fails with the server's reason,
            // writes nothing, and the next one opens new sessions
            exec(c.db(), QStringLiteral("SELECT pg_terminate_backend(pid, 60000) FROM "
                                        "pg_stat_activity WHERE datname = current_database() "
                                        "AND application_name LIKE 'mvdash seed%'"));
            QTRY_VERIFY_WITH_TIMEOUT(writerPids().isEmpty(), kPatienceMs);
            before = events();
            QVERIFY_THROWS_EXCEPTION(DbError, traffic.writeBatch(400));
            QCOMPARE(events(), before);
            const Traffic::Batch after = traffic.writeBatch(400);
            QCOMPARE(events(), before + after.events);
            QVERIFY(!writerPids().isEmpty());
            QVERIFY(writerPids() != sessions);
            // the demo's writer, without markers: the events asked for, no bet of a "probe"
            Traffic::Options demo;
            demo.seed = 4343;
            demo.markers = false;
            Traffic demoTraffic(settings, demo);
            const auto probes = [&c] {
                return scalar(c.db(), QStringLiteral("SELECT count(*) FROM bet_events WHERE "
                                                     "user_id = 'probe'"))
                    .toLongLong();
            };
            const qint64 probesBefore = probes();
            before = events();
            const Traffic::Batch unmarked = demoTraffic.writeBatch(400);
            QVERIFY(unmarked.marker.isEmpty());
            QCOMPARE(events(), before + unmarked.events);
            QCOMPARE(probes(), probesBefore);
            runStep(c.db(), 60000, true);
            QCOMPARE(differences(c.db()), QString());
        });
    }

    // One writer, several transactions: a batch rolled back or refused by the server leaves
    // nothing, and the same writer goes on with the next batch on the same sessions.
    void anEventWriterGoesOnAfterARefusedBatch() {
        MVDASH_TRY({
            const auto settings = liveDatabase(QStringLiteral("writer_reuse"), 1000);
            Connection c(settings, QStringLiteral("t"));
            const auto bets = [&c](const QString &id) {
                return scalar(c.db(),
                              QStringLiteral("SELECT count(*) FROM bet_events "
                                             "WHERE tenant_id = 77 AND bet_id = ?"),
                              {id})
                    .toInt();
            };
            const auto bet = [](qint64 eventId, const QString &id) {
                return BetEvent{77,
                                eventId,
                                id,
                                QStringLiteral("u-w"),
                                QStringLiteral("placed"),
                                dec("2.00"),
                                dec("1.5000"),
                                QStringLiteral("fx"),
                                {},
                                {},
                                1700000000000};
            };
            EventWriter w(settings);
            w.add(bet(1, QStringLiteral("w-1")));
            w.commit();
            w.add(bet(2, QStringLiteral("w-rolled-back")));
            w.rollback();
            // the same payment event id twice: the server refuses the last table's COPY at its
            // end, after the bets' and balances' COPYs went through; none of the three commits
            const auto payment = [](qint64 eventId) {
                return PaymentEvent{77,
                                    eventId,
                                    QStringLiteral("p-dup"),
                                    QStringLiteral("u-w"),
                                    QStringLiteral("created"),
                                    dec("5.00"),
                                    QStringLiteral("EUR"),
                                    QStringLiteral("card"),
                                    {},
                                    QStringLiteral("deposit"),
                                    1700000000000};
            };
            w.add(bet(3, QStringLiteral("w-dup")));
            w.add(BalanceEvent{77, 1, QStringLiteral("u-w"), dec("5.00"), QStringLiteral("deposit"),
                               QStringLiteral("r-1"), 1700000000000});
            w.add(payment(1));
            w.add(payment(1));
            QVERIFY_THROWS_EXCEPTION(DbError, w.commit());
            w.add(bet(4, QStringLiteral("w-4")));
            w.commit();
            // the server ends the writer's kept session between two batches: the next batch
            // fails with the server's reason, the one after opens a new session
            exec(c.db(), QStringLiteral("SELECT pg_terminate_backend(pid, 60000) FROM "
                                        "pg_stat_activity WHERE datname = current_database() "
                                        "AND application_name LIKE 'mvdash seed%'"));
            QVERIFY_THROWS_EXCEPTION(DbError, [&] {
                w.add(bet(5, QStringLiteral("w-lost")));
                w.commit();
            }());
            w.add(bet(6, QStringLiteral("w-6")));
            w.commit();
            QCOMPARE(bets(QStringLiteral("w-1")), 1);
            QCOMPARE(bets(QStringLiteral("w-rolled-back")), 0);
            QCOMPARE(bets(QStringLiteral("w-dup")), 0);
            const auto rowsOf77 = [&c](const QString &table) {
                return scalar(c.db(), QStringLiteral("SELECT count(*) FROM %1 WHERE tenant_id = 77")
                                          .arg(table))
                    .toInt();
            };
            QCOMPARE(rowsOf77(QStringLiteral("balance_events")), 0);
            QCOMPARE(rowsOf77(QStringLiteral("payment_events")), 0);
            QCOMPARE(bets(QStringLiteral("w-4")), 1);
            QCOMPARE(bets(QStringLiteral("w-lost")), 0);
            QCOMPARE(bets(QStringLiteral("w-6")), 1);
            // the writer's session setup (what EventWriter runs on each session it opens; its
            // sessions are its own, so the statement is checked here): on Citus a COPY through
            // one connection per worker, nothing on plain PostgreSQL
            runQuery(c.db(), QStringLiteral("writer_session_setup"));
            const QVariant mode = scalar(
                c.db(),
                QStringLiteral("SELECT current_setting('citus.multi_shard_modify_mode', true)"));
            if (cluster_.isCitus())
                QCOMPARE(mode.toString(), QStringLiteral("sequential"));
            else
                QVERIFY2(mode.isNull() || mode.toString().isEmpty(), qPrintable(mode.toString()));
        });
    }

    // A follower waits out a server restart and goes on (last: it restarts the cluster).
    // The live state is moved and repaired while a follower steps and a writer writes, as ops
    // do on a live platform: on Citus the shard group of the writer's marker tenant moves to
    // the other worker (the rebalancer's way: logical replication while writes go on, 026),
    // and on both engines an operator rebuilds. Steps apply events while the shards move, the
    // writer never fails, and in the end nothing is lost or applied twice.
    void theStateMovesUnderStepsAndWriters() {
        MVDASH_TRY({
            const auto settings = liveDatabase(QStringLiteral("moving"), 6000);
            Connection c(settings, QStringLiteral("t"));
            std::atomic_bool stopWriting{false}, stopStepping{false};
            std::mutex logMutex;
            QStringList log;
            QString writerError;
            Follower::Options followerOptions;
            followerOptions.intervalMs = 50;
            Follower follower(settings, followerOptions, [&](const QString &line) {
                std::lock_guard lock(logMutex);
                log << line;
            });
            Traffic::Options trafficOptions;
            trafficOptions.eventsPerSecond = 400;
            trafficOptions.seed = 7000;
            Traffic traffic(settings, trafficOptions);
            std::thread stepping([&] { follower.run(stopStepping); });
            std::thread writing([&] {
                try {
                    traffic.run(stopWriting);
                } catch (const DbError &e) {
                    std::lock_guard lock(logMutex);
                    writerError = e.message();
                }
            });
            // (a failed check returns early: the threads end before their objects)
            const auto joinAll = qScopeGuard([&] {
                stopWriting = true;
                stopStepping = true;
                for (std::thread *t : {&writing, &stepping})
                    if (t->joinable())
                        t->join();
            });
            const auto latestArrival = [&c] {
                return scalar(c.db(), QStringLiteral("SELECT max(arrival_id) FROM "
                                                     "public.bet_events"))
                    .toLongLong();
            };
            const auto lag = [&c] { return lagEvents(c.db()); };
            // the writer and the follower under way
            const qint64 started = latestArrival();
            QTRY_VERIFY_WITH_TIMEOUT(latestArrival() > started + 400, kPatienceMs);
            if (cluster_.isCitus()) {
                const QString moveStarted = serverNow(c.db());
                const auto [shardId, to] = moveShardGroupOf(c.db(), 10001);
                const QString moveEnded = serverNow(c.db());
                QCOMPARE(shardPort(c.db(), shardId), to);
                // steps ran beside the move (not vacuous), and none of them waited for it
                // until its lock timeout or a deadlock detection cancelled it: each skipped the
                // statistics of a scratch table that the move held (029), and before that, the
                // move of this one shard group took a minute, as long as the step waited
                QSqlQuery beside(c.db());
                beside.prepare(
                    QStringLiteral("SELECT count(*), count(*) FILTER (WHERE outcome = 'failed'), "
                                   "       string_agg(DISTINCT error, '; ') "
                                   "FROM materialized_views_refresh_history WHERE method = 'live' "
                                   "AND view_name = 'bets_view' AND started_at <= ?::timestamptz "
                                   "AND finished_at >= ?::timestamptz"));
                beside.addBindValue(moveEnded);
                beside.addBindValue(moveStarted);
                QVERIFY2(beside.exec() && beside.next(), qPrintable(beside.lastError().text()));
                QVERIFY(beside.value(0).toLongLong() > 0);
                QVERIFY2(beside.value(1).toLongLong() == 0, qPrintable(beside.value(2).toString()));
                beside.finish();
                // and the writer's events go on into the moved shard
                const qint64 moved = latestArrival();
                QTRY_VERIFY_WITH_TIMEOUT(
                    scalar(c.db(),
                           QStringLiteral("SELECT count(*) FROM public.bet_events WHERE "
                                          "arrival_id > ? AND tenant_id = 10001"),
                           {moved})
                            .toLongLong() > 0,
                    kPatienceMs);
            }
            // an operator's rebuild beside the follower waits for a step in progress instead of
            // failing (here the step's lock is held by hand until the rebuild says it waits)
            {
                Connection step(settings, QStringLiteral("a step"));
                exec(step.db(), QStringLiteral("BEGIN"));
                QTRY_VERIFY_WITH_TIMEOUT(
                    scalar(step.db(), QStringLiteral("SELECT mvdash_try_refresh_lock('*live*')"))
                        .toBool(),
                    kPatienceMs);
                QStringList lines;
                std::thread rebuilding;
                // (a failed check returns early: the step's lock let go, the rebuild joined)
                const auto joinRebuild = qScopeGuard([&] {
                    if (rebuilding.joinable()) {
                        exec(step.db(), QStringLiteral("ROLLBACK"));
                        rebuilding.join();
                    }
                });
                rebuilding = std::thread([&] {
                    try {
                        Connection own(settings, QStringLiteral("rebuild"));
                        rebuildLiveState(own.db(), [&](const QString &line) {
                            std::lock_guard lock(logMutex);
                            lines << line;
                        });
                    } catch (const DbError &e) {
                        std::lock_guard lock(logMutex);
                        lines << QStringLiteral("error: ") + e.message();
                    }
                });
                const auto said = [&](const QString &text) {
                    std::lock_guard lock(logMutex);
                    return lines.join(u'\n').contains(text);
                };
                QTRY_VERIFY_WITH_TIMEOUT(said(QStringLiteral("waiting for it to finish")) ||
                                             said(QStringLiteral("error: ")),
                                         kPatienceMs);
                exec(step.db(), QStringLiteral("COMMIT"));
                rebuilding.join();
                QVERIFY2(said(QStringLiteral("rebuilt from")) && !said(QStringLiteral("error: ")),
                         qPrintable(lines.join(u'\n')));
            }
            const qint64 rebuilt = latestArrival();
            QTRY_VERIFY_WITH_TIMEOUT(latestArrival() > rebuilt + 400, kPatienceMs);
            stopWriting = true;
            writing.join();
            QTRY_VERIFY_WITH_TIMEOUT(lag() == 0, kPatienceMs);
            stopStepping = true;
            stepping.join();
            QVERIFY2(writerError.isEmpty(), qPrintable(writerError));
            const QString text = log.join(u'\n');
            QVERIFY2(text.contains(QStringLiteral("applied ")), qPrintable(text));
            QCOMPARE(differences(c.db()), QString());
        });
    }

    // The follower Deployment of packaging/k8s, its loop run by sh and psql as the pod runs
    // it: it applies what is written, takes the sizes' sample, and SIGTERM ends it with 0.
    void theFollowerDeploymentsLoopStepsAndSamples() {
        const QString script = followerDeploymentScript();
        QVERIFY2(script.contains(QStringLiteral("mvdash.live_step")), qPrintable(script));
        MVDASH_TRY({
            const auto settings = liveDatabase(QStringLiteral("deployment"), 2000);
            Connection c(settings, QStringLiteral("t"));
            exec(c.db(), QStringLiteral("DELETE FROM mvdash.storage_share_history"));
            seedMore(settings, 800, 95);
            QVERIFY(lagEvents(c.db()) > 0);
            QProcess loop;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("MVDASH_DSN"), settings.connectOptions());
            env.insert(QStringLiteral("PATH"),
                       LocalCluster::binDirectory() + u':' + env.value(QStringLiteral("PATH")));
            loop.setProcessEnvironment(env);
            loop.setProcessChannelMode(QProcess::MergedChannels);
            loop.start(QStringLiteral("sh"), {QStringLiteral("-c"), script});
            QVERIFY(loop.waitForStarted(kPatienceMs));
            QTRY_VERIFY_WITH_TIMEOUT(lagEvents(c.db()) == 0, kPatienceMs);
            QTRY_VERIFY_WITH_TIMEOUT(
                scalar(c.db(), QStringLiteral("SELECT count(*) FROM mvdash.storage_share_history"))
                        .toInt() >= 1,
                kPatienceMs);
            loop.terminate(); // SIGTERM, as the kubelet sends it
            QVERIFY(loop.waitForFinished(kPatienceMs));
            const QString output = QString::fromUtf8(loop.readAll());
            QVERIFY2(loop.exitStatus() == QProcess::NormalExit && loop.exitCode() == 0,
                     qPrintable(output));
            QCOMPARE(differences(c.db()), QString());
        });
    }

    void followerSurvivesAServerRestart() {
        MVDASH_TRY({
            const auto settings = liveDatabase(QStringLiteral("restart"), 3000);
            {
                // the follower samples the views' share of the event tables (migration 015)
                Connection c(settings, QStringLiteral("t"));
                exec(c.db(), "DELETE FROM mvdash.storage_share_history");
            }
            std::atomic_bool stop{false};
            QStringList log;
            std::mutex logMutex;
            Follower::Options options;
            options.intervalMs = 100;
            Follower follower(settings, options, [&](const QString &line) {
                std::lock_guard lock(logMutex);
                log << line;
            });
            std::thread running([&] { follower.run(stop); });
            const auto lag = [&settings] {
                Connection c(settings, QStringLiteral("probe"));
                return lagEvents(c.db());
            };
            seedMore(settings, 500, 61);
            QTRY_VERIFY_WITH_TIMEOUT(lag() == 0, kPatienceMs);
            {
                Connection c(settings, QStringLiteral("t"));
                QCOMPARE(
                    scalar(c.db(), "SELECT count(*) FROM mvdash.storage_share_history").toInt(), 1);
            }
            QString error;
            QVERIFY2(cluster_.cluster().stop(&error, true), qPrintable(error));
            QVERIFY2(cluster_.cluster().start(&error), qPrintable(error));
            seedMore(settings, 500, 62);
            QTRY_VERIFY_WITH_TIMEOUT(lag() == 0, kPatienceMs);
            stop = true;
            running.join();
            const QString text = log.join(u'\n');
            QVERIFY2(text.contains(QStringLiteral("reconnecting")), qPrintable(text));
            QVERIFY2(text.count(QStringLiteral("connected to")) >= 2, qPrintable(text));
            Connection c(settings, QStringLiteral("t"));
            QCOMPARE(differences(c.db()), QString());
        });
    }
};

QTEST_GUILESS_MAIN(TestLive)
#include "tst_live.moc"
