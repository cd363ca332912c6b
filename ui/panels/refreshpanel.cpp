#include "refreshpanel.h"

#include "format.h"
#include "refreshcontroller.h"
#include "refreshhealthmodel.h"
#include "refreshrunner.h"
#include "roles.h"
#include "timeseriesmodel.h"
#include "widgets/charts.h"
#include "widgets/statecolorproxy.h"
#include "widgets/tableview.h"

#include <QChartView>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace mvdash {

RefreshPanel::RefreshPanel(RefreshHealthModel *model, RefreshController *controller,
                           TimeSeriesModel *durations, QWidget *parent)
    : QWidget(parent)
    , model_(model)
    , controller_(controller)
    , table_(makeTableView(this, QStringLiteral("refresh")))
    , all_(new QPushButton(tr("Refresh all"), this))
    , selected_(new QPushButton(tr("Refresh selected"), this))
    //: stops the refresh that runs
    , cancel_(new QPushButton(tr("Cancel"), this))
    , status_(new QLabel(this))
    , chart_(makeChartView(QString(), this)) {
    auto *proxy = new QSortFilterProxyModel(this);
    auto *colors = new StateColorProxy(this);
    colors->setSourceModel(model);
    proxy->setSourceModel(colors);
    proxy->setSortRole(SortRole);
    table_->setModel(proxy);
    table_->setSortingEnabled(false); // plan order (dependencies first) is the natural one
    table_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    // what changes with the mode (a convert while the window is open changes the rows in
    // place): the buttons' tooltips; Behind (s), which says nothing in matview mode (Behind
    // (events) counts the arrivals since each view's refresh there, and is shown even where
    // a header state saved before it was, in matview mode, restored it hidden)
    const auto followMode = [this] {
        updateButtons();
        titleChart();
        for (const auto &[column, hide] :
             {std::pair{int(RefreshHealthModel::Behind), false},
              std::pair{int(RefreshHealthModel::BehindSeconds), !model_->live()}}) {
            if (table_->isColumnHidden(column) == hide)
                continue;
            table_->setColumnHidden(column, hide);
            // (hidden when the columns were fitted, before the first rows: fitted when shown)
            if (!hide)
                table_->resizeColumnToContents(column);
        }
    };
    connect(model, &QAbstractItemModel::dataChanged, table_, followMode);
    connect(model, &QAbstractItemModel::modelReset, table_, [this, followMode] {
        followMode();
        fitColumnsOnce(table_);
    });
    selected_->setShortcut(QKeySequence(QStringLiteral("Ctrl+R")));
    all_->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    connect(all_, &QPushButton::clicked, this, &RefreshPanel::refreshAll);
    connect(selected_, &QPushButton::clicked, this, &RefreshPanel::refreshSelected);
    connect(cancel_, &QPushButton::clicked, controller_, &RefreshController::cancel);
    connect(table_->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &RefreshPanel::updateButtons);
    connect(controller_, &RefreshController::runningChanged, this, &RefreshPanel::updateButtons);
    connect(controller_, &RefreshController::viewStarted, this,
            [this](const QString &view, const QString &method) {
                //: %1 is the refresh method (CONCURRENTLY, plain)
                model_->setProgress(view, tr("refreshing (%1)…").arg(method));
                refreshing_ << view;
                showRefreshing();
            });
    connect(controller_, &RefreshController::viewFinished, this, [this](const RefreshOutcome &o) {
        // with several sessions, views start and end side by side: the label names them all
        if (refreshing_.removeOne(o.view) && !refreshing_.isEmpty())
            showRefreshing();
        //: a view's refresh went well and took %1 milliseconds
        model_->setProgress(o.view, o.outcome == RunOutcome::Ok
                                        ? tr("ok, %1 ms").arg(formatDecimalText(o.durationMs))
                                        : describeOutcome(o.outcome));
    });
    connect(
        controller_, &RefreshController::finished, this,
        [this](bool cancelled, const QString &error) {
            refreshing_.clear();
            status_->setText(
                cancelled
                    ? tr("Refresh cancelled: the view being refreshed kept its previous contents.")
                : error.isEmpty() ? tr("Refresh finished.")
                                  : tr("Refresh stopped: %1").arg(error));
            model_->reload();
        });

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(all_);
    buttons->addWidget(selected_);
    buttons->addWidget(cancel_);
    buttons->addWidget(status_, 1);
    titleChart();
    // (live mode: refresh_duration_history gives one series, 'live step', a point a step)
    const QHash<QString, QString> names{
        //: the Refresh chart's legend in live mode: one step brings every read model up
        {QStringLiteral("live step"), tr("live step (every read model)")}};
    //: the chart's axis title: milliseconds
    auto redraw = [this, durations, names] {
        drawTimeSeries(chart_->chart(), durations, tr("ms"), names);
    };
    connect(durations, &QAbstractItemModel::modelReset, chart_, redraw);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(table_);
    split->addWidget(chart_);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 2); // six read models need a third of the height; the history more
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(split, 1);
    updateButtons();
}

void RefreshPanel::showRefreshing() {
    //: %1 is the view being refreshed, or several separated by commas
    status_->setText(tr("Refreshing %1…").arg(refreshing_.join(QStringLiteral(", "))));
}

// The history shown is the current mode's (refresh_duration_history): refreshes per view, or
// in live mode one series of steps, each bringing every read model up.
void RefreshPanel::titleChart() {
    const QString title = model_->live()
                              ? tr("Live step duration (ms): each step brings every read model up")
                              : tr("Refresh duration per view (ms)");
    if (chart_->chart()->title() != title)
        chart_->chart()->setTitle(title);
}

void RefreshPanel::setCanRefresh(bool can, const QString &why) {
    canRefresh_ = can;
    whyNot_ = why;
    updateButtons();
}

void RefreshPanel::updateButtons() {
    const bool running = controller_->isRunning();
    const bool hasSelection = table_->selectionModel() && table_->selectionModel()->hasSelection();
    all_->setEnabled(canRefresh_ && !running);
    selected_->setEnabled(canRefresh_ && !running && hasSelection);
    cancel_->setEnabled(running);
    const QString tip = canRefresh_ ? QString() : whyNot_;
    // live mode: one step brings every read model up to date, whichever are chosen
    all_->setToolTip(!tip.isEmpty() ? tip
                     : model_->live()
                         ? tr("Run one live step now: every read model up to the newest "
                              "committed events")
                         : tr("Refresh every view, dependencies first (CONCURRENTLY where "
                              "possible)"));
    selected_->setToolTip(!tip.isEmpty() ? tip
                          : model_->live()
                              ? tr("Run one live step now (Ctrl+R): a step brings every read "
                                   "model up, not only the selected ones")
                              : tr("Refresh the selected views (Ctrl+R)"));
    if (!canRefresh_ && !whyNot_.isEmpty())
        status_->setText(whyNot_);
}

void RefreshPanel::refreshSelected() {
    QStringList views;
    for (const QModelIndex &row : table_->selectionModel()->selectedRows())
        views << row.data(KeyRole).toString();
    if (views.isEmpty() || !canRefresh_)
        return;
    model_->clearProgress();
    controller_->refresh(views);
}

void RefreshPanel::refreshAll() {
    if (!canRefresh_)
        return;
    model_->clearProgress();
    controller_->refresh({});
}

} // namespace mvdash
