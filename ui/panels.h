#pragma once

#include <QWidget>

class QLabel;
class QTableView;
class QPushButton;
class QSortFilterProxyModel;
class QLineEdit;
class QChartView;

namespace mvdash {

class TenantSummaryModel;
class BetStatusModel;
class RefreshHealthModel;
class ViewSizeModel;
class RefreshController;
class TimeSeriesModel;
struct RefreshOutcome;

// A table view as every panel uses it: sortable by raw values, rows selectable, Ctrl+C as
// TSV, column widths remembered under `name`.
QTableView *makeTableView(QWidget *parent, const QString &name);
// Sizes the columns to their contents once, on the first rows, unless remembered widths exist.
void fitColumnsOnce(QTableView *table);

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

// Ops: refresh health of every view, Refresh all / selected with progress and cancel.
class RefreshPanel : public QWidget {
    Q_OBJECT
public:
    RefreshPanel(RefreshHealthModel *model, RefreshController *controller,
                 TimeSeriesModel *durations, QWidget *parent = nullptr);
    // Refresh needs EXECUTE on the refresh functions: without it the buttons say why not.
    void setCanRefresh(bool can, const QString &why);
    QTableView *table() const { return table_; }

public slots:
    void refreshSelected();
    void refreshAll();

private:
    void updateButtons();
    RefreshHealthModel *model_;
    RefreshController *controller_;
    QTableView *table_;
    QPushButton *all_, *selected_, *cancel_;
    QLabel *status_;
    bool canRefresh_ = false;
    QString whyNot_;
};

// Ops: size of every view, its share of the event tables, as a table and a chart.
class SizesPanel : public QWidget {
    Q_OBJECT
public:
    SizesPanel(ViewSizeModel *model, TimeSeriesModel *trend, QWidget *parent = nullptr);

private:
    void rebuildChart();
    ViewSizeModel *model_;
    QLabel *ratio_;
    QChartView *chart_;
};

} // namespace mvdash

class QComboBox;
class QDateEdit;

namespace mvdash {

class PaymentsModel;
class PaymentsExport;
class DatabaseWorker;

// Tenant admins: the tenant's payments newest first, filtered, loaded as one scrolls,
// exported to CSV.
class PaymentsPanel : public QWidget {
    Q_OBJECT
public:
    PaymentsPanel(PaymentsModel *model, DatabaseWorker *exportWorker, QWidget *parent = nullptr);
    void setTenant(qint64 tenantId);
    QTableView *table() const { return table_; }
    QLineEdit *userFilter() const { return user_; }

public slots:
    void exportCsv(const QString &path = {});

signals:
    void exportFinished(qint64 rows, const QString &path);
    void exportFailed(const QString &message);

private:
    void applyFilter();
    void updateFooter();
    PaymentsModel *model_;
    PaymentsExport *export_;
    qint64 tenantId_ = -1;
    QComboBox *type_, *status_, *method_;
    QLineEdit *user_;
    QDateEdit *from_, *to_;
    QTableView *table_;
    QLabel *footer_;
    QPushButton *exportButton_;
};

} // namespace mvdash

class QTabWidget;
class QCompleter;
class QStringListModel;

namespace mvdash {

class TopPlayersModel;
class UserLookup;
class StringTableModel;

// Tenant admins: the top players by wagered (or another key), with a chart; opening a row
// looks the user up.
class PlayersPanel : public QWidget {
    Q_OBJECT
public:
    PlayersPanel(TopPlayersModel *model, QWidget *parent = nullptr);
    void setTenant(qint64 tenantId);
signals:
    void userActivated(const QString &userId);

private:
    void requery();
    void rebuildChart();
    TopPlayersModel *model_;
    qint64 tenantId_ = -1;
    QComboBox *limit_, *order_;
    QChartView *chart_;
};

// Support: one user's balance, activity, bets and payments, and how fresh that answer is.
class UserPanel : public QWidget {
    Q_OBJECT
public:
    UserPanel(UserLookup *lookup, QWidget *parent = nullptr);
    void setTenant(qint64 tenantId);
    QLineEdit *search() const { return search_; }
    QString headerText() const;

public slots:
    void lookUp(const QString &userId);

private:
    void show();
    UserLookup *lookup_;
    qint64 tenantId_ = -1;
    QLineEdit *search_;
    QStringListModel *completions_;
    QLabel *title_, *freshness_;
    QList<QLabel *> figures_;
    StringTableModel *activeBets_, *recentBets_, *deposits_, *withdrawals_;
    QTabWidget *tabs_;
};

} // namespace mvdash
