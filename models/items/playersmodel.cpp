#include "playersmodel.h"

#include "database.h"
#include "dberror.h"
#include "format.h"
#include "roles.h"

#include <QSqlQuery>
#include <QSqlRecord>

namespace mvdash {

namespace {
// the catalog entry of each sort key (each reads its own index in order)
QString catalogName(TopPlayersModel::OrderBy order) {
    switch (order) {
    case TopPlayersModel::OrderBy::Winnings:
        return QStringLiteral("top_players_by_winnings");
    case TopPlayersModel::OrderBy::Bets:
        return QStringLiteral("top_players_by_bets");
    case TopPlayersModel::OrderBy::Balance:
        return QStringLiteral("top_players_by_balance");
    case TopPlayersModel::OrderBy::LastActivity:
        return QStringLiteral("top_players_by_last_activity");
    case TopPlayersModel::OrderBy::Wagered:
        break;
    }
    return QStringLiteral("top_players_by_wagered");
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
    const QString sql = catalogQuery(catalogName(order_));
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
                              decimalOf(q.value(2)), decimalOf(q.value(3)),
                              decimalOf(q.value(4)), q.value(5).toLongLong()};
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
        return formatTime(QDateTime::fromMSecsSinceEpoch(r.lastActivityMs));
    default:
        return {};
    }
}

TopPlayersModel::TopPlayersModel(JobRunner *runner, QObject *parent)
    : ReloadableModel(runner,
                      {tr("#"), tr("User"), tr("Bets"), tr("Wagered"), tr("Winnings"),
                       tr("Balance"), tr("Last activity")},
                      parent) {}

} // namespace mvdash
