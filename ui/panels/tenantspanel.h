#pragma once

#include <QWidget>

class QLineEdit;
class QSortFilterProxyModel;

namespace mvdash {

class TenantSummaryModel;

// Ops: every tenant, sortable, searchable.
class TenantsPanel : public QWidget {
    Q_OBJECT
public:
    TenantsPanel(TenantSummaryModel *model, QWidget *parent = nullptr);
    QLineEdit *filter() const { return filter_; }
signals:
    void tenantActivated(qint64 tenantId);

private:
    QSortFilterProxyModel *proxy_;
    QLineEdit *filter_;
};

} // namespace mvdash
