#include "replay.h"

namespace mvdash {

namespace {
QString key(qint64 tenantId, const QString &id) {
    return QString::number(tenantId) + u'|' + id;
}
QString num(qint64 v) {
    return QString::number(v);
}
} // namespace

QString Replay::canonical(const OptDecimal &value) {
    return value ? value->toShortString() : QStringLiteral("NULL");
}
QString Replay::canonical(const OptText &value) {
    return value ? *value : QStringLiteral("NULL");
}

// The one list of read models in C++ (the SQL side has mvdash.read_model_definitions).
QStringList Replay::viewNames() {
    return {QStringLiteral("bets_view"),
            QStringLiteral("user_balances_view"),
            QStringLiteral("payments_view"),
            QStringLiteral("user_activity_view"),
            QStringLiteral("tenant_bet_status_view"),
            QStringLiteral("tenants_summary_view")};
}

QStringList Replay::keyColumns(const QString &view) {
    if (view == u"tenants_summary_view")
        return {QStringLiteral("tenant_id")};
    if (view == u"bets_view")
        return {QStringLiteral("tenant_id"), QStringLiteral("bet_id")};
    if (view == u"payments_view")
        return {QStringLiteral("tenant_id"), QStringLiteral("payment_id")};
    if (view == u"tenant_bet_status_view")
        return {QStringLiteral("tenant_id"), QStringLiteral("status")};
    return {QStringLiteral("tenant_id"), QStringLiteral("user_id")};
}

void Replay::touchUser(qint64 tenantId, const QString &userId, qint64 timestamp) {
    auto it = userLastActivity_.find(Key(tenantId, userId));
    if (it == userLastActivity_.end())
        userLastActivity_.insert(Key(tenantId, userId), timestamp);
    else
        *it = std::max(*it, timestamp);
}

void Replay::add(const BetEvent &e) {
    Bet &bet = bets_[Key(e.tenantId, e.betId)];
    const Order order{e.timestamp, e.eventId};
    if (bet.latest < order) {
        bet.latest = order;
        bet.status = e.eventType;
    }
    bet.userId.offer(e.userId, order);
    bet.fixtureId.offer(e.fixtureId, order);
    bet.result.offer(e.result, order);
    bet.stake.offer(e.stake, order);
    bet.odds.offer(e.odds, order);
    bet.payout.offer(e.payout, order);
    bet.maxTimestamp = std::max(bet.maxTimestamp, e.timestamp);
    touchUser(e.tenantId, e.userId, e.timestamp);
}

void Replay::add(const BalanceEvent &e) {
    Balance &b = balances_[Key(e.tenantId, e.userId)];
    b.sum += e.amount;
    ++b.count;
    b.maxTimestamp = std::max(b.maxTimestamp, e.timestamp);
    touchUser(e.tenantId, e.userId, e.timestamp);
}

void Replay::add(const PaymentEvent &e) {
    Payment &p = payments_[Key(e.tenantId, e.paymentId)];
    const Order order{e.timestamp, e.eventId};
    if (p.latest < order) {
        p.latest = order;
        p.status = e.eventType;
    }
    p.userId.offer(e.userId, order);
    p.currency.offer(e.currency, order);
    p.method.offer(e.paymentMethod, order);
    p.externalId.offer(e.externalId, order);
    p.type.offer(e.paymentType, order);
    p.amount.offer(e.amount, order);
    p.maxTimestamp = std::max(p.maxTimestamp, e.timestamp);
    touchUser(e.tenantId, e.userId, e.timestamp);
}

void Replay::add(const Tenant &t) {
    tenants_ << t;
}

QHash<Replay::Key, Replay::UserActivity> Replay::activity() const {
    QHash<Key, UserActivity> users;
    for (auto it = userLastActivity_.cbegin(); it != userLastActivity_.cend(); ++it)
        users[it.key()].lastActivity = it.value();
    for (auto it = balances_.cbegin(); it != balances_.cend(); ++it)
        users[it.key()].balance = it->sum;
    // a bet or payment counts for the last non-null user_id of its aggregate
    for (auto it = bets_.cbegin(); it != bets_.cend(); ++it) {
        UserActivity &u = users[Key(it.key().first, *it->userId.value)];
        ++u.bets;
        if (it->status != u"cancelled" && it->status != u"voided" && it->stake.value)
            u.wagered += *it->stake.value;
        if (it->status == u"settled" && it->result.value == u"win" && it->payout.value)
            u.winnings += *it->payout.value;
    }
    for (auto it = payments_.cbegin(); it != payments_.cend(); ++it) {
        if (it->status != u"completed" || !it->amount.value)
            continue;
        UserActivity &u = users[Key(it.key().first, *it->userId.value)];
        if (it->type.value == u"deposit")
            u.deposited += *it->amount.value;
        else if (it->type.value == u"withdrawal")
            u.withdrawn += *it->amount.value;
    }
    return users;
}

Replay::Rows Replay::expected(const QString &view) const {
    Rows rows;
    if (view == u"bets_view") {
        for (auto it = bets_.cbegin(); it != bets_.cend(); ++it) {
            const Bet &b = *it;
            rows.insert(key(it.key().first, it.key().second),
                        {{"tenant_id", num(it.key().first)},
                         {"bet_id", it.key().second},
                         {"user_id", canonical(b.userId.value)},
                         {"stake", canonical(b.stake.value)},
                         {"odds", canonical(b.odds.value)},
                         {"fixture_id", canonical(b.fixtureId.value)},
                         {"status", b.status},
                         {"result", canonical(b.result.value)},
                         {"payout", canonical(b.payout.value)},
                         {"last_updated_timestamp", num(b.maxTimestamp)},
                         {"last_updated_at_ms", num(b.maxTimestamp)}});
        }
    } else if (view == u"user_balances_view") {
        for (auto it = balances_.cbegin(); it != balances_.cend(); ++it) {
            rows.insert(key(it.key().first, it.key().second),
                        {{"tenant_id", num(it.key().first)},
                         {"user_id", it.key().second},
                         {"balance", canonical(it->sum)},
                         {"transaction_count", num(it->count)},
                         {"last_transaction_timestamp", num(it->maxTimestamp)},
                         {"last_transaction_at_ms", num(it->maxTimestamp)}});
        }
    } else if (view == u"payments_view") {
        for (auto it = payments_.cbegin(); it != payments_.cend(); ++it) {
            const Payment &p = *it;
            rows.insert(key(it.key().first, it.key().second),
                        {{"tenant_id", num(it.key().first)},
                         {"payment_id", it.key().second},
                         {"user_id", canonical(p.userId.value)},
                         {"amount", canonical(p.amount.value)},
                         {"currency", canonical(p.currency.value)},
                         {"payment_method", canonical(p.method.value)},
                         {"external_id", canonical(p.externalId.value)},
                         {"payment_type", canonical(p.type.value)},
                         {"status", p.status},
                         {"last_updated_timestamp", num(p.maxTimestamp)},
                         {"last_updated_at_ms", num(p.maxTimestamp)}});
        }
    } else if (view == u"user_activity_view") {
        const auto users = activity();
        for (auto it = users.cbegin(); it != users.cend(); ++it) {
            const UserActivity &u = *it;
            rows.insert(key(it.key().first, it.key().second),
                        {{"tenant_id", num(it.key().first)},
                         {"user_id", it.key().second},
                         {"current_balance", canonical(u.balance)},
                         {"total_bets", num(u.bets)},
                         {"total_wagered", canonical(u.wagered)},
                         {"total_winnings", canonical(u.winnings)},
                         {"total_deposited", canonical(u.deposited)},
                         {"total_withdrawn", canonical(u.withdrawn)},
                         {"last_activity_at", num(u.lastActivity)}});
        }
    } else if (view == u"tenant_bet_status_view") {
        QMap<QPair<qint64, QString>, qint64> counts; // (tenant, status) -> bets
        for (auto it = bets_.cbegin(); it != bets_.cend(); ++it)
            ++counts[qMakePair(it.key().first, it->status)];
        for (auto it = counts.cbegin(); it != counts.cend(); ++it)
            rows.insert(key(it.key().first, it.key().second), {{"tenant_id", num(it.key().first)},
                                                               {"status", it.key().second},
                                                               {"bets", num(it.value())}});
    } else if (view == u"tenants_summary_view") {
        struct Totals {
            qint64 bets = 0, active = 0, users = 0;
            Decimal stake, deposits, withdrawals, balance;
        };
        QHash<qint64, Totals> totals;
        for (auto it = bets_.cbegin(); it != bets_.cend(); ++it) {
            Totals &t = totals[it.key().first];
            ++t.bets;
            if (it->status == u"placed" || it->status == u"confirmed")
                ++t.active;
        }
        const auto users = activity();
        for (auto it = users.cbegin(); it != users.cend(); ++it) {
            Totals &t = totals[it.key().first];
            ++t.users;
            t.stake += it->wagered;
            t.deposits += it->deposited;
            t.withdrawals += it->withdrawn;
            t.balance += it->balance;
        }
        for (const Tenant &tenant : tenants_) {
            const Totals t = totals.value(tenant.tenantId);
            rows.insert(QString::number(tenant.tenantId),
                        {{"tenant_id", num(tenant.tenantId)},
                         {"tenant_name", tenant.name},
                         {"slug", tenant.slug},
                         {"status", tenant.status},
                         {"plan", tenant.plan},
                         {"total_bets", num(t.bets)},
                         {"active_bets", num(t.active)},
                         {"total_stake", canonical(t.stake)},
                         {"total_deposits", canonical(t.deposits)},
                         {"total_withdrawals", canonical(t.withdrawals)},
                         {"total_users", num(t.users)},
                         {"total_balance", canonical(t.balance)},
                         {"has_last_refreshed_at", QStringLiteral("true")}});
        }
    }
    return rows;
}

} // namespace mvdash
