#pragma once

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace mvdash {

class DoctorModel;
class TenantCopiesModel;
class TenantSummaryModel;

// Ops: the doctor's checks (mvdash-admin doctor) coloured by state, the selected check's
// advice, a button that runs its fix where one is safe (refresh now, create the missing
// unique index, drop a copy of a tenant that is gone), and the per-tenant copies: listed with
// tenant, size and last refresh, created for a tenant picked from the list, dropped.
class DiagnosticsPanel : public QWidget {
    Q_OBJECT
public:
    DiagnosticsPanel(DoctorModel *model, TenantCopiesModel *copies, TenantSummaryModel *tenants,
                     QWidget *parent = nullptr);
    // The tenant the window shows: the default of "create a per-tenant copy".
    void setTenant(qint64 tenantId);

signals:
    void fixFinished(const QString &message, bool failed);

private:
    int selectedRow() const;
    void showSelected();
    void updateSummary();

    DoctorModel *model_;
    QSortFilterProxyModel *problems_;
    QTableView *table_;
    QCheckBox *onlyProblems_;
    QLabel *summary_;
    QLabel *details_;
    QPushButton *fix_;
    TenantCopiesModel *copies_;
    TenantSummaryModel *tenants_;
    QComboBox *copyView_;
    QComboBox *copyTenant_;
    QTableView *copiesTable_;
};

} // namespace mvdash
