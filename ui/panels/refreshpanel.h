#pragma once

#include <QStringList>
#include <QWidget>

class QChartView;
class QLabel;
class QPushButton;
class QTableView;

namespace mvdash {

class RefreshHealthModel;
class RefreshController;
class TimeSeriesModel;

// Ops: refresh health of every view, Refresh all / selected with progress and cancel.
class RefreshPanel : public QWidget {
    Q_OBJECT
public:
    RefreshPanel(RefreshHealthModel *model, RefreshController *controller,
                 TimeSeriesModel *durations, QWidget *parent = nullptr);
    // Refresh needs EXECUTE on the refresh functions: without it the buttons say why not.
    void setCanRefresh(bool can, const QString &why);
    QTableView *table() const { return table_; }
    QChartView *chart() const { return chart_; }

public slots:
    void refreshSelected();
    void refreshAll();

private:
    void updateButtons();
    void showRefreshing();
    void titleChart();
    RefreshHealthModel *model_;
    RefreshController *controller_;
    QTableView *table_;
    QPushButton *all_, *selected_, *cancel_;
    QLabel *status_;
    QChartView *chart_;
    QStringList refreshing_; // the views being refreshed now, in the order they started
    bool canRefresh_ = false;
    QString whyNot_;
};

} // namespace mvdash
