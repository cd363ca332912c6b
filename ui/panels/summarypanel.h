#pragma once

#include <QWidget>

class QLabel;
class QChartView;

namespace mvdash {

class TenantSummaryModel;
class BetStatusModel;

// Tenant admins' dashboard: KPI tiles and two charts for the selected tenant.
class SummaryPanel : public QWidget {
    Q_OBJECT
public:
    SummaryPanel(TenantSummaryModel *model, BetStatusModel *statuses, QWidget *parent = nullptr);
    void setTenant(qint64 tenantId);

private:
    void refreshTiles();
    void drawBetStatuses();
    TenantSummaryModel *model_;
    qint64 tenantId_ = -1;
    QList<QLabel *> values_;
    QChartView *moneyChart_;
    QChartView *betsChart_;
    BetStatusModel *statuses_;
};

} // namespace mvdash
