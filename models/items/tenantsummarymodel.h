#pragma once

#include "recordtablemodel.h"

namespace mvdash {

// All tenants of tenants_summary_view (tenants_summary_all): the tenant picker, the KPI tiles
// and ops' table. The columns are its list (tenantsummarymodel.cpp); TenantId is the key,
// listed last so that the panels can hide it.
class TenantSummaryModel : public RecordTableModel {
    Q_OBJECT
public:
    enum Column {
        Name,
        Slug,
        Status,
        Plan,
        Bets,
        ActiveBets,
        Stake,
        Deposits,
        Withdrawals,
        Users,
        Balance,
        DataAsOf,
        TenantId,
        ColumnCount
    };

    explicit TenantSummaryModel(JobRunner *runner, QObject *parent = nullptr);

    int rowOf(qint64 tenantId) const { return rowOfKey(tenantId); }
    // A figure of a tenant (raw: Decimal for money, qint64, QDateTime), invalid when unknown.
    QVariant valueOf(qint64 tenantId, Column column) const {
        return value(rowOf(tenantId), column);
    }

    void reload() override;
};

} // namespace mvdash
