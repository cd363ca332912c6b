#pragma once

#include <QWidget>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace mvdash {

class PaymentsModel;
class PaymentsExport;
class JobRunner;
class UserIdCompleter;
class UserLookup;

// Tenant admins: the tenant's payments newest first, filtered, loaded as one scrolls,
// exported to CSV.
class PaymentsPanel : public QWidget {
    Q_OBJECT
public:
    // `users` completes the user filter (the ids of the tenant, by prefix).
    PaymentsPanel(PaymentsModel *model, JobRunner *exportRunner, UserLookup *users,
                  QWidget *parent = nullptr);
    void setTenant(qint64 tenantId);
    QTableView *table() const { return table_; }
    QLineEdit *userFilter() const { return user_; }
    QDateEdit *fromFilter() const { return from_; }
    QDateEdit *toFilter() const { return to_; }

public slots:
    void exportCsv(const QString &path = {});
    // Stops a running export (no file is written): the window is closing.
    void cancelExport();

signals:
    void exportFinished(qint64 rows, const QString &path);
    void exportFailed(const QString &message);
    void exportCancelled();
    void exportRefused(const QString &why); // a second export asked for while one runs

private:
    void applyFilter();
    // A range the wrong way round shows no payment without saying why: moving one bound past
    // the other takes the other along.
    void keepDaysInOrder(QDateEdit *moved);
    void updateFooter();
    PaymentsModel *model_;
    PaymentsExport *export_;
    qint64 tenantId_ = -1;
    QComboBox *type_, *status_, *method_;
    QLineEdit *user_;
    UserIdCompleter *userCompleter_;
    QDateEdit *from_, *to_;
    QTableView *table_;
    QLabel *footer_;
    QPushButton *exportButton_;
};

} // namespace mvdash
