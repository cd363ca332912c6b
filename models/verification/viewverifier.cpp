#include "viewverifier.h"

#include "database.h"
#include "replay.h"

#include <QSet>
#include <QSqlField>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QVariant>

namespace mvdash {

namespace {

OptText optText(const QVariant &v) {
    return v.isNull() ? OptText() : OptText(v.toString());
}
OptDecimal optDecimal(const QVariant &v) {
    return v.isNull() ? OptDecimal() : Decimal::parse(v.toString());
}

} // namespace

void ViewVerifier::loadEvents(Replay &replay) const {
    QSqlQuery bets = runQuery(db_, QStringLiteral("events_bet"));
    while (bets.next()) {
        BetEvent e;
        e.tenantId = bets.value(0).toLongLong();
        e.eventId = bets.value(1).toLongLong();
        e.betId = bets.value(2).toString();
        e.userId = bets.value(3).toString();
        e.eventType = bets.value(4).toString();
        e.stake = optDecimal(bets.value(5));
        e.odds = optDecimal(bets.value(6));
        e.fixtureId = optText(bets.value(7));
        e.result = optText(bets.value(8));
        e.payout = optDecimal(bets.value(9));
        e.timestamp = bets.value(10).toLongLong();
        replay.add(e);
    }
    QSqlQuery balances = runQuery(db_, QStringLiteral("events_balance"));
    while (balances.next()) {
        BalanceEvent e;
        e.tenantId = balances.value(0).toLongLong();
        e.eventId = balances.value(1).toLongLong();
        e.userId = balances.value(2).toString();
        e.amount = Decimal::parse(balances.value(3).toString()).value_or(Decimal());
        e.reason = balances.value(4).toString();
        e.referenceId = optText(balances.value(5));
        e.timestamp = balances.value(6).toLongLong();
        replay.add(e);
    }
    QSqlQuery payments = runQuery(db_, QStringLiteral("events_payment"));
    while (payments.next()) {
        PaymentEvent e;
        e.tenantId = payments.value(0).toLongLong();
        e.eventId = payments.value(1).toLongLong();
        e.paymentId = payments.value(2).toString();
        e.userId = payments.value(3).toString();
        e.eventType = payments.value(4).toString();
        e.amount = optDecimal(payments.value(5));
        e.currency = optText(payments.value(6));
        e.paymentMethod = optText(payments.value(7));
        e.externalId = optText(payments.value(8));
        e.paymentType = optText(payments.value(9));
        e.timestamp = payments.value(10).toLongLong();
        replay.add(e);
    }
    QSqlQuery tenants = runQuery(db_, QStringLiteral("tenants_all"));
    while (tenants.next()) {
        replay.add(Tenant{tenants.value(0).toLongLong(), tenants.value(1).toString(),
                          tenants.value(2).toString(), tenants.value(3).toString(),
                          tenants.value(4).toString()});
    }
}

ViewVerifier::Result ViewVerifier::compare(const Replay &replay, const QString &view,
                                           int maxReported) const {
    Result result;
    result.view = view;
    Replay::Rows expected = replay.expected(view);
    result.expectedRows = expected.size();
    auto report = [&](const QString &line) {
        ++result.differenceCount;
        if (result.differences.size() < maxReported)
            result.differences << line;
    };
    QSqlQuery rows = runQuery(db_, QStringLiteral("verify_") + view);
    const QSqlRecord record = rows.record();
    const int columns = record.count();
    QStringList names;
    // numeric columns, compared as exact decimals: QPSQL types them Double (their values
    // arrive as exact text, HighPrecision); the views have no float column (the spec)
    QSet<int> decimals;
    for (int c = 0; c < columns; ++c) {
        names << record.fieldName(c);
        if (record.field(c).metaType().id() == QMetaType::Double)
            decimals << c;
    }
    while (rows.next()) {
        ++result.actualRows;
        QStringList actual;
        for (int c = 0; c < columns; ++c) {
            const QVariant v = rows.value(c);
            actual << (v.isNull()             ? QStringLiteral("NULL")
                       : decimals.contains(c) ? Replay::canonical(optDecimal(v))
                                              : v.toString());
        }
        const QString key =
            view == u"tenants_summary_view" ? actual[0] : actual[0] + u'|' + actual[1];
        auto it = expected.find(key);
        if (it == expected.end()) {
            report(QStringLiteral("%1: unexpected row %2").arg(view, key));
            continue;
        }
        for (int c = 0; c < columns; ++c) {
            if (actual[c] != it->value(c))
                report(QStringLiteral("%1 %2: %3 is %4, the events say %5")
                           .arg(view, key, names[c], actual[c], it->value(c)));
        }
        expected.erase(it);
    }
    for (auto it = expected.cbegin(); it != expected.cend(); ++it)
        report(QStringLiteral("%1: missing row %2").arg(view, it.key()));
    return result;
}

QList<ViewVerifier::Result> ViewVerifier::verifyAll(int maxReported) const {
    Replay replay;
    loadEvents(replay);
    QList<Result> results;
    for (const QString &view : Replay::viewNames())
        results << compare(replay, view, maxReported);
    return results;
}

} // namespace mvdash
