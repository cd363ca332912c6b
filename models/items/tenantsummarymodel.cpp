#include "tenantsummarymodel.h"

#include <QCoreApplication>

namespace mvdash {

namespace {
const ColumnList &tenantColumns() {
    static const ColumnList columns{
        {"tenant_name", QT_TRANSLATE_NOOP("mvdash::Columns", "Tenant"), ColumnKind::Text},
        //: column title: the tenant's short URL-safe name
        {"slug", QT_TRANSLATE_NOOP("mvdash::Columns", "Slug"), ColumnKind::Text},
        {"status", QT_TRANSLATE_NOOP("mvdash::Columns", "Status"), ColumnKind::Code,
         "tenant status"},
        //: column title: the tenant's subscription plan
        {"plan", QT_TRANSLATE_NOOP("mvdash::Columns", "Plan"), ColumnKind::Code, "tenant plan"},
        {"total_bets", QT_TRANSLATE_NOOP("mvdash::Columns", "Bets"), ColumnKind::Count},
        {"active_bets", QT_TRANSLATE_NOOP("mvdash::Columns", "Active bets"), ColumnKind::Count},
        //: column title: money staked on bets
        {"total_stake", QT_TRANSLATE_NOOP("mvdash::Columns", "Total stake"), ColumnKind::Money},
        {"total_deposits", QT_TRANSLATE_NOOP("mvdash::Columns", "Deposits"), ColumnKind::Money},
        {"total_withdrawals", QT_TRANSLATE_NOOP("mvdash::Columns", "Withdrawals"),
         ColumnKind::Money},
        {"total_users", QT_TRANSLATE_NOOP("mvdash::Columns", "Users"), ColumnKind::Count},
        //: column title: money on the players' accounts
        {"total_balance", QT_TRANSLATE_NOOP("mvdash::Columns", "Balance"), ColumnKind::Money},
        //: column title: when the tenant's figures were last refreshed
        {"last_refreshed_at", QT_TRANSLATE_NOOP("mvdash::Columns", "Data as of"), ColumnKind::Time},
        {"tenant_id", QT_TRANSLATE_NOOP("mvdash::Columns", "Tenant id"), ColumnKind::Count},
    };
    Q_ASSERT(columns.count() == TenantSummaryModel::ColumnCount);
    return columns;
}
} // namespace

TenantSummaryModel::TenantSummaryModel(JobRunner *runner, QObject *parent)
    : RecordTableModel(runner, tenantColumns(), TenantId, -1, parent) {}

void TenantSummaryModel::reload() {
    requestRows(QStringLiteral("tenants_summary_all"), {});
}

} // namespace mvdash
