#pragma once

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QSpinBox;
class QTableView;

namespace mvdash {

class DoctorModel;

// Ops: the doctor's checks (mvdash-admin doctor) coloured by state, the selected check's
// advice, a button that runs its fix where one is safe (refresh now, create the missing
// unique index, drop a copy of a tenant that is gone), and the per-tenant copies: create one
// for a tenant, see them with size and state among the checks, drop them.
class DiagnosticsPanel : public QWidget {
    Q_OBJECT
public:
    explicit DiagnosticsPanel(DoctorModel *model, QWidget *parent = nullptr);
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
    QComboBox *copyView_;
    QSpinBox *copyTenant_;
};

} // namespace mvdash
