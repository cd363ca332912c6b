#include "playersmodel.h"

#include <QCoreApplication>

namespace mvdash {

namespace {
const ColumnList &playerColumns() {
    static const ColumnList columns{
        //: column title: the player's rank
        {"", QT_TRANSLATE_NOOP("mvdash::Columns", "#"), ColumnKind::RowNumber},
        {"user_id", QT_TRANSLATE_NOOP("mvdash::Columns", "User"), ColumnKind::Text},
        {"total_bets", QT_TRANSLATE_NOOP("mvdash::Columns", "Bets"), ColumnKind::Count},
        {"total_wagered", QT_TRANSLATE_NOOP("mvdash::Columns", "Wagered"), ColumnKind::Money},
        {"total_winnings", QT_TRANSLATE_NOOP("mvdash::Columns", "Winnings"), ColumnKind::Money},
        {"current_balance", QT_TRANSLATE_NOOP("mvdash::Columns", "Balance"), ColumnKind::Money},
        {"last_activity_at", QT_TRANSLATE_NOOP("mvdash::Columns", "Last activity"),
         ColumnKind::Millis},
    };
    Q_ASSERT(columns.count() == TopPlayersModel::ColumnCount);
    return columns;
}

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

TopPlayersModel::TopPlayersModel(JobRunner *runner, QObject *parent)
    : RecordTableModel(runner, playerColumns(), User, -1, parent) {}

void TopPlayersModel::setQuery(qint64 tenantId, OrderBy order, int limit) {
    tenantId_ = tenantId;
    order_ = order;
    limit_ = std::clamp(limit, 1, 1000);
    reload();
}

void TopPlayersModel::reload() {
    if (tenantId_ >= 0)
        requestRows(catalogName(order_), {tenantId_, limit_});
}

} // namespace mvdash
