#pragma once

#include "decimal.h"
#include "reloadablemodel.h"

namespace mvdash {

// One row of tenants_summary_view.
struct TenantSummary {
    qint64 tenantId = 0;
    QString name, slug, status, plan;
    qint64 totalBets = 0, activeBets = 0, totalUsers = 0;
    Decimal totalStake, totalDeposits, totalWithdrawals, totalBalance;
    QDateTime lastRefreshedAt;
    qint64 ageSeconds = 0;
    bool operator==(const TenantSummary &) const = default;
};

// All tenants of tenants_summary_view: the tenant picker, the KPI tiles and ops' table.
class TenantSummaryModel : public ReloadableModel {
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
        ColumnCount
    };

    explicit TenantSummaryModel(JobRunner *runner, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override {
        return parent.isValid() ? 0 : int(rows_.size());
    }
    QVariant data(const QModelIndex &index, int role) const override;

    const TenantSummary *tenant(qint64 tenantId) const;
    int rowOf(qint64 tenantId) const;

    void reload() override;

protected:
    void apply(const QVariant &result) override;

private:
    QList<TenantSummary> rows_;
};

} // namespace mvdash
