#include "eventgenerator.h"

#include <algorithm>
#include <limits>
#include <QHash>
#include <QSet>
#include <QTest>
#include <vector>

using namespace mvdash;

namespace {

// Everything one generate() call produced, per table, in the order it came.
struct Generated {
    std::vector<BetEvent> bets;
    std::vector<BalanceEvent> balances;
    std::vector<PaymentEvent> payments;
};

EventGenerator::Options smallDataSet() {
    EventGenerator::Options options;
    options.events = 20000;
    options.seed = 7;
    return options;
}

Generated generated(const EventGenerator::Options &options) {
    Generated g;
    QHash<QString, qint64> next;
    EventGenerator(options).generate(
        [&next](qint64 tenant, const char *table) {
            return next[QStringLiteral("%1/%2").arg(tenant).arg(QLatin1String(table))] += 1000000;
        },
        {[&g](const BetEvent &e) { g.bets.push_back(e); },
         [&g](const BalanceEvent &e) { g.balances.push_back(e); },
         [&g](const PaymentEvent &e) { g.payments.push_back(e); }});
    return g;
}

// The story an event belongs to: a bet (its events and the balance movements that name it),
// a payment (the same), or a balance movement of its own.
QString storyOf(qint64 tenant, const QString &id) {
    return QStringLiteral("%1/%2").arg(tenant).arg(id);
}
QString storyOf(const BetEvent &e) {
    return storyOf(e.tenantId, e.betId);
}
QString storyOf(const PaymentEvent &e) {
    return storyOf(e.tenantId, e.paymentId);
}
QString storyOf(const BalanceEvent &e) {
    return e.referenceId ? storyOf(e.tenantId, *e.referenceId)
                         : storyOf(e.tenantId, QStringLiteral("balance-%1").arg(e.eventId));
}

} // namespace

// The demo's data: a history placed where it is told to begin, and the traffic's stream of
// stories that end now. Tests and benchmarks rely on the history of a seed staying the same.
class TestEventGenerator : public QObject {
    Q_OBJECT
private slots:
    void aHistoryMovesAsAWholeWithItsStart() {
        const EventGenerator::Options options = smallDataSet();
        EventGenerator::Options later = options;
        const qint64 by = 600LL * 24 * 3600 * 1000; // 600 days
        later.startsAtMs += by;
        const Generated a = generated(options), b = generated(later);
        QVERIFY(a.bets.size() > 1000);
        QCOMPARE(b.bets.size(), a.bets.size());
        QCOMPARE(b.balances.size(), a.balances.size());
        QCOMPARE(b.payments.size(), a.payments.size());
        for (size_t i = 0; i < a.bets.size(); ++i) {
            QCOMPARE(b.bets[i].eventId, a.bets[i].eventId);
            QCOMPARE(b.bets[i].eventType, a.bets[i].eventType);
            QCOMPARE(b.bets[i].timestamp, a.bets[i].timestamp + by);
        }
        for (size_t i = 0; i < a.payments.size(); ++i)
            QCOMPARE(b.payments[i].timestamp, a.payments[i].timestamp + by);
        // the default is the fixed history the tests' expectations were made with
        QCOMPARE(options.startsAtMs, qint64(1735689600000));
        QVERIFY(a.bets.front().timestamp >= options.startsAtMs);
    }

    // A stream of small batches reaches every tenant in turn: a pool's tenants from an offset,
    // wrapping, the first of them taking the largest share.
    void smallBatchesTakeTheirTenantsInTurn() {
        EventGenerator::Options options;
        options.events = 40;
        options.tenants = 3;
        options.emptyTenants = 0;
        options.orphanTenant = false;
        options.tenantPool = 24;
        options.tenantOffset = 22;
        QHash<qint64, int> perTenant;
        const auto count = [&perTenant](const auto &e) { ++perTenant[e.tenantId]; };
        EventGenerator(options).generate([](qint64, const char *) { return qint64(1); },
                                         {count, count, count});
        QCOMPARE(QSet<qint64>(perTenant.keyBegin(), perTenant.keyEnd()),
                 (QSet<qint64>{10023, 10024, 10001}));
        QVERIFY(perTenant[10023] >= perTenant[10001]);
    }

    void theNewestTimestampIsFoundBeforehand() {
        const EventGenerator::Options options = smallDataSet();
        const Generated g = generated(options);
        qint64 newest = std::numeric_limits<qint64>::min();
        for (const auto &e : g.bets)
            newest = std::max(newest, e.timestamp);
        for (const auto &e : g.balances)
            newest = std::max(newest, e.timestamp);
        for (const auto &e : g.payments)
            newest = std::max(newest, e.timestamp);
        QCOMPARE(EventGenerator(options).lastTimestamp(), newest);
        // so a history can be made to end at a chosen moment (the demo: now)
        EventGenerator::Options endingNow = options;
        const qint64 now = 1796083200000; // 2026-12-01
        endingNow.startsAtMs += now - newest;
        QCOMPARE(EventGenerator(endingNow).lastTimestamp(), now);
    }

    // The demo's history: every tenant busy up to now. Aligned on the newest event of all (a
    // small tenant's, whose clock ran days ahead), the last week held a few events a day where
    // the weeks before held hundreds; with each tenant ending now, it is as busy as the others.
    void everyTenantsHistoryEndsNow() {
        EventGenerator::Options options;
        options.events = 200000;
        options.seed = 3;
        const qint64 now = 1796083200000; // 2026-12-01
        const qint64 week = 7LL * 24 * 3600 * 1000;
        // the events of the week before now against the mean week of the 12 before that, the
        // newest event, and each tenant's newest
        struct Shape {
            double lastWeek = 0;
            qint64 newest = std::numeric_limits<qint64>::min();
            QHash<qint64, qint64> newestOf;
        };
        const auto shapeOf = [&](const EventGenerator::Options &o) {
            const Generated g = generated(o);
            Shape shape;
            qint64 last = 0, earlier = 0;
            const auto count = [&](const auto &e) {
                shape.newest = std::max(shape.newest, e.timestamp);
                qint64 &own = shape.newestOf[e.tenantId];
                own = std::max(own, e.timestamp);
                if (e.timestamp > now - week)
                    ++last;
                else if (e.timestamp > now - 13 * week)
                    ++earlier;
            };
            std::for_each(g.bets.begin(), g.bets.end(), count);
            std::for_each(g.balances.begin(), g.balances.end(), count);
            std::for_each(g.payments.begin(), g.payments.end(), count);
            shape.lastWeek = double(last) / (double(earlier) / 12);
            return shape;
        };
        EventGenerator::Options onTheNewest = options;
        onTheNewest.startsAtMs += now - EventGenerator(options).lastTimestamp();
        const Shape before = shapeOf(onTheNewest);
        QCOMPARE(before.newest, now);
        QVERIFY2(before.lastWeek < 0.6, qPrintable(QString::number(before.lastWeek))); // as it was
        EventGenerator::Options endingNow = options;
        endingNow.historyEndsAtMs = now;
        const Shape after = shapeOf(endingNow);
        QCOMPARE(after.newest, now);
        for (auto it = after.newestOf.cbegin(); it != after.newestOf.cend(); ++it)
            QCOMPARE(it.value(), now);
        QVERIFY2(after.lastWeek > 0.8, qPrintable(QString::number(after.lastWeek)));
        // the same data set otherwise: as many events, each tenant's stories moved whole
        QCOMPARE(generated(endingNow).bets.size(), generated(onTheNewest).bets.size());
    }

    // The traffic's stream: the same stories as the history of the seed, each moved so that it
    // ends within the second before now, keeping its own spacing (hours between a bet placed
    // and settled, equal timestamps, an event earlier than the one before it).
    void aStreamTellsTheSameStoriesEndingNow() {
        const EventGenerator::Options options = smallDataSet();
        EventGenerator::Options streamed = options;
        const qint64 now = 1796083200000;
        streamed.storiesEndAtMs = now;
        const Generated history = generated(options), stream = generated(streamed);
        QCOMPARE(stream.bets.size(), history.bets.size());
        QCOMPARE(stream.balances.size(), history.balances.size());
        QCOMPARE(stream.payments.size(), history.payments.size());

        // per story: how far it moved (the same for each of its events) and where it ends
        QHash<QString, qint64> moved, ends;
        int outOfOrder = 0;
        const auto check = [&](const QString &story, const auto &was, const auto &is) {
            QCOMPARE(is.eventId, was.eventId);
            QCOMPARE(is.userId, was.userId);
            QVERIFY2(is.timestamp <= now, qPrintable(story));
            const qint64 by = is.timestamp - was.timestamp;
            QVERIFY2(moved.value(story, by) == by, qPrintable(story + QStringLiteral(" was torn")));
            moved[story] = by;
            ends[story] =
                std::max(ends.value(story, std::numeric_limits<qint64>::min()), is.timestamp);
        };
        for (size_t i = 0; i < history.bets.size(); ++i) {
            check(storyOf(history.bets[i]), history.bets[i], stream.bets[i]);
            if (i > 0 && stream.bets[i].betId == stream.bets[i - 1].betId &&
                stream.bets[i].timestamp < stream.bets[i - 1].timestamp)
                ++outOfOrder;
        }
        for (size_t i = 0; i < history.balances.size(); ++i)
            check(storyOf(history.balances[i]), history.balances[i], stream.balances[i]);
        for (size_t i = 0; i < history.payments.size(); ++i)
            check(storyOf(history.payments[i]), history.payments[i], stream.payments[i]);
        QVERIFY(ends.size() > 1000);
        for (auto it = ends.cbegin(); it != ends.cend(); ++it)
            QVERIFY2(it.value() > now - 1000, qPrintable(it.key()));
        QVERIFY2(outOfOrder > 0, "a streamed bet keeps its late-arriving events");
    }
};

QTEST_GUILESS_MAIN(TestEventGenerator)
#include "tst_event_generator.moc"
