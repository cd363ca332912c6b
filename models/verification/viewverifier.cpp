#include "viewverifier.h"

#include "database.h"
#include "dberror.h"
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
    {
        const auto at = [&bets](const char *name) { return columnOf(bets, name); };
        const int tenant = at("tenant_id"), event = at("event_id"), bet = at("bet_id"),
                  user = at("user_id"), type = at("event_type"), stake = at("stake"),
                  odds = at("odds"), fixture = at("fixture_id"), result = at("result"),
                  payout = at("payout"), timestamp = at("event_timestamp");
        while (bets.next()) {
            BetEvent e;
            e.tenantId = bets.value(tenant).toLongLong();
            e.eventId = bets.value(event).toLongLong();
            e.betId = bets.value(bet).toString();
            e.userId = bets.value(user).toString();
            e.eventType = bets.value(type).toString();
            e.stake = optDecimal(bets.value(stake));
            e.odds = optDecimal(bets.value(odds));
            e.fixtureId = optText(bets.value(fixture));
            e.result = optText(bets.value(result));
            e.payout = optDecimal(bets.value(payout));
            e.timestamp = bets.value(timestamp).toLongLong();
            replay.add(e);
        }
    }
    QSqlQuery balances = runQuery(db_, QStringLiteral("events_balance"));
    {
        const auto at = [&balances](const char *name) { return columnOf(balances, name); };
        const int tenant = at("tenant_id"), event = at("event_id"), user = at("user_id"),
                  amount = at("amount"), reason = at("reason"), reference = at("reference_id"),
                  timestamp = at("event_timestamp");
        while (balances.next()) {
            BalanceEvent e;
            e.tenantId = balances.value(tenant).toLongLong();
            e.eventId = balances.value(event).toLongLong();
            e.userId = balances.value(user).toString();
            e.amount = Decimal::parse(balances.value(amount).toString()).value_or(Decimal());
            e.reason = balances.value(reason).toString();
            e.referenceId = optText(balances.value(reference));
            e.timestamp = balances.value(timestamp).toLongLong();
            replay.add(e);
        }
    }
    QSqlQuery payments = runQuery(db_, QStringLiteral("events_payment"));
    {
        const auto at = [&payments](const char *name) { return columnOf(payments, name); };
        const int tenant = at("tenant_id"), event = at("event_id"), payment = at("payment_id"),
                  user = at("user_id"), type = at("event_type"), amount = at("amount"),
                  currency = at("currency"), method = at("payment_method"),
                  external = at("external_id"), paymentType = at("payment_type"),
                  timestamp = at("event_timestamp");
        while (payments.next()) {
            PaymentEvent e;
            e.tenantId = payments.value(tenant).toLongLong();
            e.eventId = payments.value(event).toLongLong();
            e.paymentId = payments.value(payment).toString();
            e.userId = payments.value(user).toString();
            e.eventType = payments.value(type).toString();
            e.amount = optDecimal(payments.value(amount));
            e.currency = optText(payments.value(currency));
            e.paymentMethod = optText(payments.value(method));
            e.externalId = optText(payments.value(external));
            e.paymentType = optText(payments.value(paymentType));
            e.timestamp = payments.value(timestamp).toLongLong();
            replay.add(e);
        }
    }
    QSqlQuery tenants = runQuery(db_, QStringLiteral("tenants_all"));
    const int id = columnOf(tenants, "tenant_id"), name = columnOf(tenants, "tenant_name"),
              slug = columnOf(tenants, "slug"), status = columnOf(tenants, "status"),
              plan = columnOf(tenants, "plan");
    while (tenants.next()) {
        replay.add(Tenant{tenants.value(id).toLongLong(), tenants.value(name).toString(),
                          tenants.value(slug).toString(), tenants.value(status).toString(),
                          tenants.value(plan).toString()});
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
    // the contract, checked before the rows (and before their query: a second query on this
    // connection would cut a streaming one short): every column of the view is read by its verify
    // query (by its name, or as <name>_ms / has_<name> where a timestamp is compared), and
    // every column read is one the replay computes
    QStringList viewColumnNames;
    QSqlQuery viewColumns = runQuery(db_, QStringLiteral("relation_columns"), {view});
    while (viewColumns.next())
        viewColumnNames << viewColumns.value(0).toString();
    viewColumns.finish();
    QSqlQuery rows = runQuery(db_, QStringLiteral("verify_") + view);
    const QSqlRecord record = rows.record();
    const int columns = record.count();
    QStringList names;
    for (int c = 0; c < columns; ++c)
        names << record.fieldName(c);
    for (const QString &column : std::as_const(viewColumnNames)) {
        if (!names.contains(column) && !names.contains(column + QStringLiteral("_ms")) &&
            !names.contains(QStringLiteral("has_") + column))
            //: "<view>.<column> is not verified: verify_<view>.sql does not read it"
            report(tr("%1.%2 is not verified: verify_%1.sql does not read it").arg(view, column));
    }
    QList<int> keyAt;
    for (const QString &column : Replay::keyColumns(view)) {
        keyAt << int(names.indexOf(column));
        if (keyAt.last() < 0)
            throw DbError(
                //: "verify_<view>.sql does not read the key column <column>"
                tr("verify_%1.sql does not read the key column %2").arg(view, column));
    }
    const Replay::Row sample = expected.isEmpty() ? Replay::Row() : expected.first();
    for (const QString &name : std::as_const(names))
        if (!expected.isEmpty() && !sample.contains(name))
            //: "<view>.<column> is not computed by the replay"
            report(tr("%1.%2 is not computed by the replay").arg(view, name));
    // numeric columns, compared as exact decimals: QPSQL types them Double (their values
    // arrive as exact text, HighPrecision); the views have no float column (the spec)
    QSet<int> decimals;
    for (int c = 0; c < columns; ++c) {
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
        QStringList keyParts;
        for (const int at : std::as_const(keyAt))
            keyParts << actual.value(at);
        const QString key = keyParts.join(u'|');
        auto it = expected.find(key);
        if (it == expected.end()) {
            //: "<view>: unexpected row <key>"
            report(tr("%1: unexpected row %2").arg(view, key));
            continue;
        }
        for (int c = 0; c < columns; ++c) {
            const auto replayed = it->constFind(names[c]);
            if (replayed != it->cend() && actual[c] != *replayed)
                //: "<view> <key>: <column> is <value>, the events say <value>"
                report(tr("%1 %2: %3 is %4, the events say %5")
                           .arg(view, key, names[c], actual[c], *replayed));
        }
        expected.erase(it);
    }
    for (auto it = expected.cbegin(); it != expected.cend(); ++it)
        //: "<view>: missing row <key>"
        report(tr("%1: missing row %2").arg(view, it.key()));
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
