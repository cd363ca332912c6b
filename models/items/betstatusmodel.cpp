#include "betstatusmodel.h"

#include "database.h"
#include "format.h"
#include "roles.h"

#include <QSqlQuery>

namespace mvdash {

void BetStatusModel::setTenant(qint64 tenantId) {
    tenantId_ = tenantId;
    reload();
}

void BetStatusModel::reload() {
    if (tenantId_ < 0)
        return;
    request(
        [tenant = tenantId_](const QSqlDatabase &db) {
            QList<QPair<QString, qint64>> rows;
            QSqlQuery q = runQuery(db, QStringLiteral("tenant_bets_by_status"), {tenant});
            const int status = columnOf(q, "status"), bets = columnOf(q, "bets");
            while (q.next())
                rows << qMakePair(q.value(status).toString(), q.value(bets).toLongLong());
            return QVariant::fromValue(rows);
        },
        tenantId_);
}

void BetStatusModel::discardRows() {
    apply(QVariant::fromValue(QList<QPair<QString, qint64>>()));
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
    return index.column() == 0 ? QVariant(formatCode(status, "bet status"))
                               : QVariant(formatCount(count));
}

} // namespace mvdash
