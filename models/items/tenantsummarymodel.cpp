#include "tenantsummarymodel.h"

#include "database.h"
#include "format.h"
#include "roles.h"

#include <QSqlQuery>

namespace mvdash {

void TenantSummaryModel::reload() {
    request([](const QSqlDatabase &db) {
        QList<TenantSummary> rows;
        QSqlQuery q = runQuery(db, QStringLiteral("tenants_summary_all"));
        while (q.next()) {
            TenantSummary t;
            t.tenantId = q.value(0).toLongLong();
            t.name = q.value(1).toString();
            t.slug = q.value(2).toString();
            t.status = q.value(3).toString();
            t.plan = q.value(4).toString();
            t.totalBets = q.value(5).toLongLong();
            t.activeBets = q.value(6).toLongLong();
            t.totalStake = decimalOf(q.value(7));
            t.totalDeposits = decimalOf(q.value(8));
            t.totalWithdrawals = decimalOf(q.value(9));
            t.totalUsers = q.value(10).toLongLong();
            t.totalBalance = decimalOf(q.value(11));
            t.lastRefreshedAt = q.value(12).toDateTime();
            t.ageSeconds = q.value(13).toLongLong();
            rows << t;
        }
        return QVariant::fromValue(rows);
    });
}

void TenantSummaryModel::apply(const QVariant &result) {
    // age changes every second; compare the data without it so that unchanged data stays put
    replaceRows<TenantSummary, qint64>(
        this, rows_, result.value<QList<TenantSummary>>(),
        [](const TenantSummary &t) { return t.tenantId; },
        [](TenantSummary a, const TenantSummary &b) {
            a.ageSeconds = b.ageSeconds;
            return a == b;
        },
        [this] { beginResetModel(); }, [this] { endResetModel(); });
}

const TenantSummary *TenantSummaryModel::tenant(qint64 tenantId) const {
    for (const TenantSummary &t : rows_)
        if (t.tenantId == tenantId)
            return &t;
    return nullptr;
}

int TenantSummaryModel::rowOf(qint64 tenantId) const {
    for (qsizetype i = 0; i < rows_.size(); ++i)
        if (rows_[i].tenantId == tenantId)
            return int(i);
    return -1;
}

QVariant TenantSummaryModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= rows_.size())
        return {};
    const TenantSummary &t = rows_[index.row()];
    const int column = index.column();
    if (role == KeyRole)
        return t.tenantId;
    if (role == Qt::TextAlignmentRole)
        return column >= Bets && column <= Balance ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                                   : QVariant();
    if (role == SortRole) {
        switch (column) {
        case Bets:
            return t.totalBets;
        case ActiveBets:
            return t.activeBets;
        case Users:
            return t.totalUsers;
        case Stake:
            return t.totalStake.toDouble(); // ordering only, never shown
        case Deposits:
            return t.totalDeposits.toDouble();
        case Withdrawals:
            return t.totalWithdrawals.toDouble();
        case Balance:
            return t.totalBalance.toDouble();
        case DataAsOf:
            return t.lastRefreshedAt;
        default:
            break;
        }
        role = Qt::DisplayRole;
    }
    // EditRole too: an editable QComboBox (the tenant picker) shows an item's EditRole text
    // and puts it back into its line edit whenever that row's data changes (every reload:
    // the age ticks); without it the picker went blank after a reload
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != Qt::EditRole)
        return {};
    switch (column) {
    case Name:
        return t.name;
    case Slug:
        return t.slug;
    case Status:
        return t.status;
    case Plan:
        return t.plan;
    case Bets:
        return formatCount(t.totalBets);
    case ActiveBets:
        return formatCount(t.activeBets);
    case Stake:
        return formatMoney(t.totalStake);
    case Deposits:
        return formatMoney(t.totalDeposits);
    case Withdrawals:
        return formatMoney(t.totalWithdrawals);
    case Users:
        return formatCount(t.totalUsers);
    case Balance:
        return formatMoney(t.totalBalance);
    case DataAsOf:
        return formatTime(t.lastRefreshedAt);
    default:
        return {};
    }
}

TenantSummaryModel::TenantSummaryModel(JobRunner *runner, QObject *parent)
    : ReloadableModel(runner,
                      {tr("Tenant"), tr("Slug"), tr("Status"), tr("Plan"), tr("Bets"),
                       tr("Active bets"), tr("Stake"), tr("Deposits"), tr("Withdrawals"),
                       tr("Users"), tr("Balance"), tr("Data as of")},
                      parent) {}

} // namespace mvdash
