#include "playersmodel.h"

#include "database.h"
#include "dberror.h"
#include "format.h"
#include "rowtablemodel.h"

#include <QSqlQuery>
#include <QSqlRecord>

namespace mvdash {

namespace {
Decimal dec(const QVariant &v) {
    return Decimal::parse(v.toString()).value_or(Decimal());
}
QString money(const QVariant &v) {
    return v.isNull() ? QString() : formatMoney(dec(v));
}
QString when(const QVariant &v) {
    return QLocale().toString(v.toDateTime().toLocalTime(), QLocale::ShortFormat);
}
QString whenMs(qint64 ms) {
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms).toLocalTime(),
                              QLocale::ShortFormat);
}

// the only texts that may stand for ORDER_COLUMN in top_players.sql
const char *orderColumn(TopPlayersModel::OrderBy order) {
    switch (order) {
    case TopPlayersModel::OrderBy::Winnings:
        return "total_winnings";
    case TopPlayersModel::OrderBy::Bets:
        return "total_bets";
    case TopPlayersModel::OrderBy::Balance:
        return "current_balance";
    case TopPlayersModel::OrderBy::LastActivity:
        return "last_activity_at";
    case TopPlayersModel::OrderBy::Wagered:
        break;
    }
    return "total_wagered";
}

QList<QStringList> listOf(const QSqlDatabase &db, const QString &query, const QVariantList &values,
                          const QList<int> &moneyColumns, int timeColumn) {
    QList<QStringList> rows;
    QSqlQuery q = runQuery(db, query, values);
    const int columns = q.record().count();
    while (q.next()) {
        QStringList row;
        for (int c = 0; c < columns; ++c)
            row << (moneyColumns.contains(c) ? money(q.value(c))
                    : c == timeColumn        ? when(q.value(c))
                                             : q.value(c).toString());
        rows << row;
    }
    return rows;
}
} // namespace

void TopPlayersModel::setQuery(qint64 tenantId, OrderBy order, int limit) {
    tenantId_ = tenantId;
    order_ = order;
    limit_ = std::clamp(limit, 1, 1000);
    reload();
}

void TopPlayersModel::reload() {
    if (tenantId_ < 0)
        return;
    const QString sql =
        catalogQuery(QStringLiteral("top_players"))
            .replace(QStringLiteral("ORDER_COLUMN"), QLatin1String(orderColumn(order_)));
    request([sql, tenant = tenantId_, limit = limit_](const QSqlDatabase &db) {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (!q.prepare(sql))
            throw DbError::fromSqlError(QStringLiteral("top players"), q.lastError());
        q.addBindValue(tenant);
        q.addBindValue(limit);
        if (!q.exec())
            throw DbError::fromSqlError(QStringLiteral("top players"), q.lastError());
        QList<PlayerRow> rows;
        while (q.next())
            rows << PlayerRow{q.value(0).toString(), q.value(1).toLongLong(),
                              dec(q.value(2)),       dec(q.value(3)),
                              dec(q.value(4)),       q.value(5).toLongLong()};
        return QVariant::fromValue(rows);
    });
}

void TopPlayersModel::apply(const QVariant &result) {
    replaceRows<PlayerRow, QString>(
        this, rows_, result.value<QList<PlayerRow>>(), [](const PlayerRow &r) { return r.userId; },
        std::equal_to<PlayerRow>(), [this] { beginResetModel(); }, [this] { endResetModel(); });
}

QVariant TopPlayersModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= rows_.size())
        return {};
    const PlayerRow &r = rows_[index.row()];
    if (role == KeyRole)
        return r.userId;
    if (role == Qt::TextAlignmentRole)
        return index.column() == User || index.column() == LastActivity
                   ? QVariant()
                   : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == SortRole) {
        switch (index.column()) {
        case Rank:
            return index.row();
        case Bets:
            return r.bets;
        case Wagered:
            return r.wagered.toDouble();
        case Winnings:
            return r.winnings.toDouble();
        case Balance:
            return r.balance.toDouble();
        case LastActivity:
            return r.lastActivityMs;
        default:
            return r.userId;
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Rank:
        return index.row() + 1;
    case User:
        return r.userId;
    case Bets:
        return formatCount(r.bets);
    case Wagered:
        return formatMoney(r.wagered);
    case Winnings:
        return formatMoney(r.winnings);
    case Balance:
        return formatMoney(r.balance);
    case LastActivity:
        return whenMs(r.lastActivityMs);
    default:
        return {};
    }
}

TopPlayersModel::TopPlayersModel(DatabaseWorker *worker, QObject *parent)
    : ReloadableModel(worker,
                      {tr("#"), tr("User"), tr("Bets"), tr("Wagered"), tr("Winnings"),
                       tr("Balance"), tr("Last activity")},
                      parent) {}

void BetStatusModel::setTenant(qint64 tenantId) {
    tenantId_ = tenantId;
    reload();
}

void BetStatusModel::reload() {
    if (tenantId_ < 0)
        return;
    request([tenant = tenantId_](const QSqlDatabase &db) {
        QList<QPair<QString, qint64>> rows;
        QSqlQuery q = runQuery(db, QStringLiteral("tenant_bets_by_status"), {tenant});
        while (q.next())
            rows << qMakePair(q.value(0).toString(), q.value(1).toLongLong());
        return QVariant::fromValue(rows);
    });
}

void BetStatusModel::apply(const QVariant &result) {
    auto fresh = result.value<QList<QPair<QString, qint64>>>();
    if (fresh == rows_)
        return;
    beginResetModel();
    rows_ = std::move(fresh);
    endResetModel();
}

QVariant BetStatusModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= rows_.size())
        return {};
    const auto &[status, count] = rows_[index.row()];
    if (role == SortRole)
        return index.column() == 0 ? QVariant(status) : QVariant(count);
    if (role == Qt::TextAlignmentRole)
        return index.column() == 1 ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    if (role != Qt::DisplayRole)
        return {};
    return index.column() == 0 ? QVariant(status) : QVariant(formatCount(count));
}

void UserLookup::lookUp(qint64 tenantId, const QString &userId) {
    tenantId_ = tenantId;
    userId_ = userId.trimmed();
    reload();
}

void UserLookup::reload() {
    if (tenantId_ < 0 || userId_.isEmpty())
        return;
    request([tenant = tenantId_, user = userId_,
             activeLimit = activeBetsLimit_](const QSqlDatabase &db) {
        UserDetails d;
        d.userId = user;
        const QVariantList key{tenant, user};
        // live mode: exact figures, the user's pending events folded in (one snapshot)
        QSqlQuery exact = runQuery(db, QStringLiteral("user_exact"), key);
        if (exact.next()) {
            d.found = d.exact = true;
            d.activity = {money(exact.value(0)),
                          formatCount(exact.value(1).toLongLong()),
                          money(exact.value(2)),
                          money(exact.value(3)),
                          money(exact.value(4)),
                          money(exact.value(5)),
                          whenMs(exact.value(6).toLongLong())};
            d.balance = money(exact.value(7));
            d.transactions = formatCount(exact.value(8).toLongLong());
            d.foldedEvents = exact.value(9).toLongLong();
            d.viewsRefreshedAt = exact.value(10).toDateTime();
        }
        exact.finish();
        QSqlQuery activity = runQuery(db, QStringLiteral("user_activity"), key);
        if (!d.exact && activity.next()) {
            d.found = true;
            d.activity = {money(activity.value(0)),
                          formatCount(activity.value(1).toLongLong()),
                          money(activity.value(2)),
                          money(activity.value(3)),
                          money(activity.value(4)),
                          money(activity.value(5)),
                          whenMs(activity.value(6).toLongLong())};
        }
        activity.finish();
        if (!d.found)
            return QVariant::fromValue(d);
        QSqlQuery balance = runQuery(db, QStringLiteral("guide_user_balance"), key);
        if (!d.exact && balance.next()) {
            d.balance = money(balance.value(0));
            d.transactions = formatCount(balance.value(1).toLongLong());
        }
        balance.finish();
        d.activeBets = listOf(db, QStringLiteral("guide_active_bets"),
                              {tenant, user, activeLimit + 1}, {1}, -1);
        d.moreActiveBets = d.activeBets.size() > activeLimit;
        if (d.moreActiveBets)
            d.activeBets.removeLast();
        d.recentBets = listOf(db, QStringLiteral("user_recent_bets"), key, {1, 6}, 7);
        d.deposits = listOf(db, QStringLiteral("guide_user_deposits"), key, {1}, 3);
        d.withdrawals = listOf(db, QStringLiteral("user_withdrawals"), key, {1}, 3);
        QSqlQuery fresh = runQuery(db, QStringLiteral("user_freshness"), key);
        if (!d.exact && fresh.next() && !fresh.isNull(0)) {
            d.viewsRefreshedAt = fresh.value(0).toDateTime();
            d.newerEvents = fresh.value(1).toLongLong() + fresh.value(2).toLongLong() +
                            fresh.value(3).toLongLong();
        }
        return QVariant::fromValue(d);
    });
}

void UserLookup::apply(const QVariant &result) {
    details_ = result.value<UserDetails>();
}

void UserLookup::complete(qint64 tenantId, const QString &prefix) {
    if (!worker())
        return;
    completionTicket_ = DatabaseWorker::newTicket();
    // LIKE wildcards typed by the user are literal characters of the id
    QString pattern = prefix;
    pattern.replace(u'\\', QStringLiteral("\\\\"))
        .replace(u'%', QStringLiteral("\\%"))
        .replace(u'_', QStringLiteral("\\_"));
    pattern += u'%';
    const quint64 ticket = completionTicket_;
    if (!completionConnected_) {
        completionConnected_ = true;
        connect(worker(), &DatabaseWorker::finished, this,
                [this](quint64 t, const QVariant &result) {
                    if (t == completionTicket_) // only the answer to the latest keystroke
                        emit completions(result.toStringList());
                });
    }
    worker()->submit(ticket, [tenantId, pattern](const QSqlDatabase &db) {
        QStringList ids;
        QSqlQuery q = runQuery(db, QStringLiteral("user_prefix"), {tenantId, pattern});
        while (q.next())
            ids << q.value(0).toString();
        return QVariant(ids);
    });
}

} // namespace mvdash
