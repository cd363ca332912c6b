#include "panels.h"

#include "format.h"
#include "playersmodel.h"
#include "refreshcontroller.h"
#include "refreshhealthmodel.h"
#include "rowtablemodel.h"
#include "statecolorproxy.h"
#include "tenantsummarymodel.h"
#include "timeseriesmodel.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QClipboard>
#include <QDateTimeAxis>
#include <QGridLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHorizontalBarSeries>
#include <QHorizontalStackedBarSeries>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QPieSeries>
#include <QPushButton>
#include <QSettings>
#include <QShortcut>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QValueAxis>
#include <QVBoxLayout>

namespace mvdash {

namespace {

QChartView *makeChartView(const QString &title, QWidget *parent) {
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    auto *view = new QChartView(chart, parent);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(260);
    return view;
}

void clearChart(QChart *chart) {
    chart->removeAllSeries();
    for (QAbstractAxis *axis : chart->axes())
        chart->removeAxis(axis);
}

QLabel *tileValue(QGridLayout *grid, int index, const QString &title) {
    auto *frame = new QFrame;
    frame->setFrameShape(QFrame::StyledPanel);
    auto *layout = new QVBoxLayout(frame);
    auto *value = new QLabel(QStringLiteral("—"));
    QFont big = value->font();
    big.setPointSizeF(big.pointSizeF() * 1.7);
    big.setBold(true);
    value->setFont(big);
    value->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *label = new QLabel(title);
    label->setAlignment(Qt::AlignRight);
    label->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(value);
    layout->addWidget(label);
    grid->addWidget(frame, index / 4, index % 4);
    return value;
}

// One line per series over time, from a TimeSeriesModel (a chart and its data never disagree).
void drawTimeSeries(QChart *chart, const TimeSeriesModel *model, const QString &unit) {
    clearChart(chart);
    QMap<QString, QLineSeries *> lines;
    QDateTime first, last;
    double top = 0;
    for (const TimePoint &p : model->points()) {
        QLineSeries *&line = lines[p.series];
        if (!line) {
            line = new QLineSeries;
            line->setName(p.series);
            line->setPointsVisible(true);
        }
        line->append(double(p.at.toMSecsSinceEpoch()), p.value);
        first = first.isValid() ? std::min(first, p.at) : p.at;
        last = last.isValid() ? std::max(last, p.at) : p.at;
        top = std::max(top, p.value);
    }
    if (lines.isEmpty())
        return;
    auto *time = new QDateTimeAxis;
    time->setFormat(first.daysTo(last) >= 1 ? QStringLiteral("dd MMM HH:mm")
                                            : QStringLiteral("HH:mm:ss"));
    time->setTickCount(5);
    time->setRange(first.addSecs(-30), last.addSecs(30));
    auto *values = new QValueAxis;
    values->setTitleText(unit);
    values->setRange(0, top * 1.1 + 1e-9);
    values->setLabelFormat(QStringLiteral("%.0f"));
    values->applyNiceNumbers();
    chart->addAxis(time, Qt::AlignBottom);
    chart->addAxis(values, Qt::AlignLeft);
    chart->legend()->setAlignment(Qt::AlignRight); // view names are long: a column, not a row
    for (QLineSeries *line : std::as_const(lines)) {
        chart->addSeries(line);
        line->attachAxis(time);
        line->attachAxis(values);
    }
}

} // namespace

void fitColumnsOnce(QTableView *table) {
    if (table->model() == nullptr || table->model()->rowCount() == 0 ||
        table->property("columnsFitted").toBool())
        return;
    table->setProperty("columnsFitted", true);
    table->resizeColumnsToContents();
}

QTableView *makeTableView(QWidget *parent, const QString &name) {
    auto *table = new QTableView(parent);
    table->setObjectName(name);
    // column widths and order are remembered per table: restored when the first rows
    // arrive (a header without sections cannot take its state), saved as they change
    const QString key = QStringLiteral("ui/columns/") + name;
    auto restore = [table, key] {
        QHeaderView *header = table->horizontalHeader();
        if (header->count() == 0 || table->property("columnsRestored").toBool())
            return;
        table->setProperty("columnsRestored", true);
        const QByteArray state = QSettings().value(key).toByteArray();
        if (!state.isEmpty() && header->restoreState(state))
            table->setProperty("columnsFitted", true); // the user's widths win over fitting
        QObject::connect(header, &QHeaderView::sectionResized, table,
                         [header, key] { QSettings().setValue(key, header->saveState()); });
        QObject::connect(header, &QHeaderView::sectionMoved, table,
                         [header, key] { QSettings().setValue(key, header->saveState()); });
    };
    QObject::connect(table->horizontalHeader(), &QHeaderView::sectionCountChanged, table, restore);
    table->setSortingEnabled(true);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setAlternatingRowColors(true);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    table->setWordWrap(false);
    // Ctrl+C copies the selected rows as tab-separated text, exactly as shown
    auto *copy = new QShortcut(QKeySequence::Copy, table, nullptr, nullptr, Qt::WidgetShortcut);
    QObject::connect(copy, &QShortcut::activated, table, [table] {
        QModelIndexList cells = table->selectionModel() ? table->selectionModel()->selectedIndexes()
                                                        : QModelIndexList();
        std::sort(cells.begin(), cells.end(), [](const QModelIndex &a, const QModelIndex &b) {
            return a.row() != b.row() ? a.row() < b.row() : a.column() < b.column();
        });
        QString text;
        int row = -1;
        for (const QModelIndex &cell : cells) {
            if (row != -1)
                text += cell.row() == row ? u'\t' : u'\n';
            row = cell.row();
            text += cell.data().toString();
        }
        QGuiApplication::clipboard()->setText(text);
    });
    return table;
}

// --- Summary ---------------------------------------------------------------------------

SummaryPanel::SummaryPanel(TenantSummaryModel *model, BetStatusModel *statuses, QWidget *parent)
    : QWidget(parent)
    , model_(model)
    , moneyChart_(makeChartView(tr("Deposits vs withdrawals"), this))
    , betsChart_(makeChartView(tr("Bets by status"), this))
    , statuses_(statuses) {
    connect(statuses_, &QAbstractItemModel::modelReset, this, &SummaryPanel::drawBetStatuses);
    auto *layout = new QVBoxLayout(this);
    auto *grid = new QGridLayout;
    const QStringList titles{tr("Total bets"),   tr("Active bets"),  tr("Total stake"),
                             tr("Users"),        tr("Deposits"),     tr("Withdrawals"),
                             tr("Net deposits"), tr("Total balance")};
    for (int i = 0; i < titles.size(); ++i)
        values_ << tileValue(grid, i, titles[i]);
    layout->addLayout(grid);
    auto *charts = new QHBoxLayout;
    charts->addWidget(moneyChart_);
    charts->addWidget(betsChart_);
    layout->addLayout(charts, 1);
    connect(model_, &QAbstractItemModel::modelReset, this, &SummaryPanel::refreshTiles);
    connect(model_, &QAbstractItemModel::dataChanged, this, &SummaryPanel::refreshTiles);
}

void SummaryPanel::setTenant(qint64 tenantId) {
    tenantId_ = tenantId;
    statuses_->setTenant(tenantId);
    refreshTiles();
}

void SummaryPanel::refreshTiles() {
    const TenantSummary *t = model_->tenant(tenantId_);
    if (!t) {
        for (QLabel *v : values_)
            v->setText(QStringLiteral("—"));
        clearChart(moneyChart_->chart());
        return;
    }
    const QStringList texts{formatCount(t->totalBets),
                            formatCount(t->activeBets),
                            formatMoney(t->totalStake),
                            formatCount(t->totalUsers),
                            formatMoney(t->totalDeposits),
                            formatMoney(t->totalWithdrawals),
                            formatMoney(t->totalDeposits + -t->totalWithdrawals),
                            formatMoney(t->totalBalance)};
    for (int i = 0; i < values_.size(); ++i)
        values_[i]->setText(texts[i]);

    QChart *money = moneyChart_->chart();
    clearChart(money);
    auto *deposits = new QBarSet(tr("Deposits"));
    auto *withdrawals = new QBarSet(tr("Withdrawals"));
    *deposits << t->totalDeposits.toDouble();
    *withdrawals << t->totalWithdrawals.toDouble();
    auto *series = new QBarSeries;
    series->append(deposits);
    series->append(withdrawals);
    money->addSeries(series);
    auto *categories = new QBarCategoryAxis;
    categories->append(t->name);
    money->addAxis(categories, Qt::AlignBottom);
    series->attachAxis(categories);
    auto *values = new QValueAxis;
    values->setLabelFormat(QStringLiteral("%.0f"));
    values->setMin(0);
    money->addAxis(values, Qt::AlignLeft);
    series->attachAxis(values);
    values->applyNiceNumbers();
}

void SummaryPanel::drawBetStatuses() {
    QChart *chart = betsChart_->chart();
    clearChart(chart);
    auto *pie = new QPieSeries;
    for (int row = 0; row < statuses_->rowCount(); ++row) {
        const QString status = statuses_->index(row, 0).data().toString();
        const qint64 count = statuses_->index(row, 1).data(SortRole).toLongLong();
        pie->append(QStringLiteral("%1: %2").arg(status, formatCount(count)), double(count));
    }
    chart->addSeries(pie);
    chart->legend()->setAlignment(Qt::AlignRight); // five labels with counts do not fit below
}

// --- All tenants -----------------------------------------------------------------------

TenantsPanel::TenantsPanel(TenantSummaryModel *model, QWidget *parent)
    : QWidget(parent)
    , proxy_(new QSortFilterProxyModel(this))
    , filter_(new QLineEdit(this)) {
    proxy_->setSourceModel(model);
    proxy_->setSortRole(SortRole);
    proxy_->setFilterCaseSensitivity(Qt::CaseInsensitive);
    proxy_->setFilterKeyColumn(-1);
    filter_->setPlaceholderText(tr("Filter tenants (name, slug, status, plan)…"));
    filter_->setClearButtonEnabled(true);
    connect(filter_, &QLineEdit::textChanged, proxy_, &QSortFilterProxyModel::setFilterFixedString);
    auto *table = makeTableView(this, QStringLiteral("tenants"));
    table->setModel(proxy_);
    table->sortByColumn(TenantSummaryModel::Stake, Qt::DescendingOrder);
    connect(table, &QTableView::activated, this, [this](const QModelIndex &index) {
        emit tenantActivated(index.data(KeyRole).toLongLong());
    });
    connect(model, &QAbstractItemModel::modelReset, table, [table] { fitColumnsOnce(table); });
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(filter_);
    layout->addWidget(table);
}

// --- Refresh health --------------------------------------------------------------------

RefreshPanel::RefreshPanel(RefreshHealthModel *model, RefreshController *controller,
                           TimeSeriesModel *durations, QWidget *parent)
    : QWidget(parent)
    , model_(model)
    , controller_(controller)
    , table_(makeTableView(this, QStringLiteral("refresh")))
    , all_(new QPushButton(tr("Refresh all"), this))
    , selected_(new QPushButton(tr("Refresh selected"), this))
    , cancel_(new QPushButton(tr("Cancel"), this))
    , status_(new QLabel(this)) {
    auto *proxy = new QSortFilterProxyModel(this);
    auto *colors = new StateColorProxy(this);
    colors->setSourceModel(model);
    proxy->setSourceModel(colors);
    proxy->setSortRole(SortRole);
    table_->setModel(proxy);
    table_->setSortingEnabled(false); // plan order (dependencies first) is the natural one
    table_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    connect(model, &QAbstractItemModel::modelReset, table_, [this] { fitColumnsOnce(table_); });
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
                model_->setProgress(view, tr("refreshing (%1)…").arg(method));
                status_->setText(tr("Refreshing %1…").arg(view));
            });
    connect(controller_, &RefreshController::viewFinished, this, [this](const RefreshOutcome &o) {
        model_->setProgress(o.view,
                            o.outcome == u"ok" ? tr("ok, %1 ms").arg(o.durationMs) : o.outcome);
    });
    connect(
        controller_, &RefreshController::finished, this,
        [this](bool cancelled, const QString &error) {
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
    auto *chart = makeChartView(tr("Refresh duration per view (ms), from the history"), this);
    auto redraw = [chart, durations] { drawTimeSeries(chart->chart(), durations, tr("ms")); };
    connect(durations, &QAbstractItemModel::modelReset, chart, redraw);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(table_);
    split->addWidget(chart);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(split, 1);
    updateButtons();
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
    all_->setToolTip(
        tip.isEmpty() ? tr("Refresh every view, dependencies first (CONCURRENTLY where possible)")
                      : tip);
    selected_->setToolTip(tip.isEmpty() ? tr("Refresh the selected views (Ctrl+R)") : tip);
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

// --- Sizes -----------------------------------------------------------------------------

SizesPanel::SizesPanel(ViewSizeModel *model, TimeSeriesModel *trend, QWidget *parent)
    : QWidget(parent)
    , model_(model)
    , ratio_(new QLabel(this))
    , chart_(makeChartView(tr("Size of each view (MB)"), this)) {
    auto *proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(model);
    proxy->setSortRole(SortRole);
    auto *table = makeTableView(this, QStringLiteral("sizes"));
    table->setModel(proxy);
    table->sortByColumn(ViewSizeModel::Total, Qt::DescendingOrder);
    table->horizontalHeader()->setStretchLastSection(false);
    connect(model, &QAbstractItemModel::modelReset, table, [table] { fitColumnsOnce(table); });
    connect(model, &QAbstractItemModel::modelReset, this, &SizesPanel::rebuildChart);
    connect(model, &QAbstractItemModel::dataChanged, this, &SizesPanel::rebuildChart);
    auto *trendChart =
        makeChartView(tr("Size trend per view (MB), sampled after each refresh"), this);
    connect(trend, &QAbstractItemModel::modelReset, trendChart,
            [trendChart, trend] { drawTimeSeries(trendChart->chart(), trend, tr("MB")); });
    auto *charts = new QHBoxLayout;
    charts->addWidget(chart_);
    charts->addWidget(trendChart);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(ratio_);
    layout->addWidget(table, 1);
    layout->addLayout(charts, 1);
}

void SizesPanel::rebuildChart() {
    const SizeRatio r = model_->ratio();
    ratio_->setText(tr("All views: %1 of %2 in the event tables = %3 (the guide expects 10–30%)")
                        .arg(formatBytes(r.viewsBytes), formatBytes(r.eventTablesBytes),
                             r.ratio.isEmpty()
                                 ? QStringLiteral("—")
                                 : QLocale().toString(r.ratio.toDouble() * 100, 'f', 1) + u'%'));
    QChart *chart = chart_->chart();
    clearChart(chart);
    auto *table = new QBarSet(tr("Table"));
    auto *indexes = new QBarSet(tr("Indexes"));
    auto *axis = new QBarCategoryAxis;
    for (int row = model_->rowCount() - 1; row >= 0; --row) {
        *table << model_->index(row, ViewSizeModel::Table).data(SortRole).toDouble() / 1048576.0;
        *indexes << model_->index(row, ViewSizeModel::Indexes).data(SortRole).toDouble() /
                        1048576.0;
        axis->append(model_->index(row, ViewSizeModel::View).data().toString());
    }
    auto *series = new QHorizontalStackedBarSeries;
    series->append(table);
    series->append(indexes);
    chart->addSeries(series);
    chart->addAxis(axis, Qt::AlignLeft);
    series->attachAxis(axis);
    auto *values = new QValueAxis;
    values->setLabelFormat(QStringLiteral("%.1f"));
    chart->addAxis(values, Qt::AlignBottom);
    series->attachAxis(values);
    values->applyNiceNumbers();
}

} // namespace mvdash

// --- Payments --------------------------------------------------------------------------

#include "paymentsmodel.h"

#include <QComboBox>
#include <QDateEdit>
#include <QFileDialog>
#include <QProgressDialog>

namespace mvdash {

namespace {
QComboBox *choice(const QStringList &values, QWidget *parent) {
    auto *box = new QComboBox(parent);
    box->addItem(QObject::tr("any"), QString());
    for (const QString &v : values)
        box->addItem(v, v);
    return box;
}
QDateEdit *dayPicker(QWidget *parent) {
    auto *edit = new QDateEdit(parent);
    edit->setCalendarPopup(true);
    edit->setMinimumDate(QDate(2000, 1, 1));
    edit->setSpecialValueText(QObject::tr("any")); // the minimum date means "no bound"
    edit->setDate(edit->minimumDate());
    return edit;
}
QDate dayOrAny(const QDateEdit *edit) {
    return edit->date() == edit->minimumDate() ? QDate() : edit->date();
}
} // namespace

PaymentsPanel::PaymentsPanel(PaymentsModel *model, DatabaseWorker *exportWorker, QWidget *parent)
    : QWidget(parent)
    , model_(model)
    , export_(new PaymentsExport(exportWorker, this))
    , type_(choice({QStringLiteral("deposit"), QStringLiteral("withdrawal")}, this))
    , status_(
          choice({QStringLiteral("created"), QStringLiteral("pending"), QStringLiteral("completed"),
                  QStringLiteral("failed"), QStringLiteral("cancelled")},
                 this))
    , method_(choice({QStringLiteral("card"), QStringLiteral("bank_transfer"),
                      QStringLiteral("e_wallet"), QStringLiteral("crypto")},
                     this))
    , user_(new QLineEdit(this))
    , from_(dayPicker(this))
    , to_(dayPicker(this))
    , table_(makeTableView(this, QStringLiteral("payments")))
    , footer_(new QLabel(this))
    , exportButton_(new QPushButton(tr("Export CSV…"), this)) {
    user_->setPlaceholderText(tr("user id"));
    user_->setClearButtonEnabled(true);
    auto *filters = new QHBoxLayout;
    for (auto [label, widget] : {std::pair<QString, QWidget *>{tr("Type"), type_},
                                 {tr("Status"), status_},
                                 {tr("Method"), method_},
                                 {tr("User"), user_},
                                 {tr("From"), from_},
                                 {tr("To"), to_}}) {
        filters->addWidget(new QLabel(label, this));
        filters->addWidget(widget);
    }
    filters->addStretch(1);
    for (QComboBox *box : {type_, status_, method_})
        connect(box, &QComboBox::currentIndexChanged, this, &PaymentsPanel::applyFilter);
    connect(user_, &QLineEdit::editingFinished, this, &PaymentsPanel::applyFilter);
    connect(from_, &QDateEdit::dateChanged, this, &PaymentsPanel::applyFilter);
    connect(to_, &QDateEdit::dateChanged, this, &PaymentsPanel::applyFilter);

    auto *colors = new StateColorProxy(this);
    colors->setSourceModel(model_);
    table_->setModel(colors);
    table_->setSortingEnabled(false); // newest first, as the index delivers it page by page
    connect(model_, &QAbstractItemModel::modelReset, this, &PaymentsPanel::updateFooter);
    connect(model_, &QAbstractItemModel::rowsInserted, this, &PaymentsPanel::updateFooter);
    connect(model_, &QAbstractItemModel::modelReset, table_, [this] {
        // size the columns once, on the first rows; later the user's widths stay
        if (model_->rowCount() > 0) {
            fitColumnsOnce(table_);
        }
    });
    exportButton_->setShortcut(QKeySequence(QStringLiteral("Ctrl+E")));
    connect(exportButton_, &QPushButton::clicked, this, [this] { exportCsv(); });
    connect(export_, &PaymentsExport::finished, this, &PaymentsPanel::exportFinished);
    connect(export_, &PaymentsExport::finished, exportButton_,
            [this] { exportButton_->setEnabled(true); });
    connect(export_, &PaymentsExport::failed, exportButton_,
            [this] { exportButton_->setEnabled(true); });
    connect(export_, &PaymentsExport::failed, this, &PaymentsPanel::exportFailed);

    auto *bottom = new QHBoxLayout;
    bottom->addWidget(footer_, 1);
    bottom->addWidget(exportButton_);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(table_, 1);
    layout->addLayout(bottom);
}

void PaymentsPanel::setTenant(qint64 tenantId) {
    tenantId_ = tenantId;
    applyFilter();
}

void PaymentsPanel::applyFilter() {
    PaymentFilter f;
    f.tenantId = tenantId_;
    f.type = type_->currentData().toString();
    f.status = status_->currentData().toString();
    f.method = method_->currentData().toString();
    f.userId = user_->text().trimmed();
    f.from = dayOrAny(from_);
    f.to = dayOrAny(to_);
    model_->setFilter(f);
}

void PaymentsPanel::updateFooter() {
    footer_->setText(
        model_->isComplete()
            ? tr("%1 payments").arg(formatCount(model_->rowCount()))
            : tr("%1 payments loaded, more as you scroll").arg(formatCount(model_->rowCount())));
}

void PaymentsPanel::exportCsv(const QString &path) {
    QString target = path;
    if (target.isEmpty())
        target = QFileDialog::getSaveFileName(this, tr("Export payments"),
                                              QStringLiteral("payments-%1.csv").arg(tenantId_),
                                              tr("CSV files (*.csv)"));
    if (target.isEmpty())
        return;
    auto *progress = new QProgressDialog(tr("Exporting payments…"), tr("Cancel"), 0, 0, this);
    progress->setWindowModality(Qt::NonModal);
    progress->setMinimumDuration(300);
    progress->setAttribute(Qt::WA_DeleteOnClose);
    connect(export_, &PaymentsExport::progress, progress, [progress](qint64 rows) {
        progress->setLabelText(tr("Exporting payments… %1 rows").arg(formatCount(rows)));
    });
    connect(progress, &QProgressDialog::canceled, export_, &PaymentsExport::cancel);
    connect(export_, &PaymentsExport::finished, progress, &QWidget::close);
    connect(export_, &PaymentsExport::failed, progress, &QWidget::close);
    exportButton_->setEnabled(false);
    export_->start(model_->filter(), target);
}

} // namespace mvdash

// --- Players ---------------------------------------------------------------------------

#include "stringtablemodel.h"

#include <QCompleter>
#include <QStringListModel>
#include <QTabWidget>

namespace mvdash {

PlayersPanel::PlayersPanel(TopPlayersModel *model, QWidget *parent)
    : QWidget(parent)
    , model_(model)
    , limit_(new QComboBox(this))
    , order_(new QComboBox(this))
    , chart_(makeChartView(tr("Top 10: wagered vs winnings"), this)) {
    for (int n : {10, 50, 100})
        limit_->addItem(tr("Top %1").arg(n), n);
    order_->addItem(tr("by wagered"), int(TopPlayersModel::OrderBy::Wagered));
    order_->addItem(tr("by winnings"), int(TopPlayersModel::OrderBy::Winnings));
    order_->addItem(tr("by number of bets"), int(TopPlayersModel::OrderBy::Bets));
    order_->addItem(tr("by balance"), int(TopPlayersModel::OrderBy::Balance));
    order_->addItem(tr("by last activity"), int(TopPlayersModel::OrderBy::LastActivity));
    connect(limit_, &QComboBox::currentIndexChanged, this, &PlayersPanel::requery);
    connect(order_, &QComboBox::currentIndexChanged, this, &PlayersPanel::requery);
    auto *table = makeTableView(this, QStringLiteral("players"));
    table->setModel(model_);
    table->setSortingEnabled(false); // the server's order is the ranking
    table->setToolTip(tr("Double-click or Enter opens the user"));
    connect(table, &QTableView::activated, this, [this](const QModelIndex &index) {
        emit userActivated(index.data(KeyRole).toString());
    });
    connect(model_, &QAbstractItemModel::modelReset, table, [table] { fitColumnsOnce(table); });
    connect(model_, &QAbstractItemModel::modelReset, this, &PlayersPanel::rebuildChart);
    connect(model_, &QAbstractItemModel::dataChanged, this, &PlayersPanel::rebuildChart);
    auto *controls = new QHBoxLayout;
    controls->addWidget(limit_);
    controls->addWidget(order_);
    controls->addStretch(1);
    auto *body = new QHBoxLayout;
    body->addWidget(table, 3);
    body->addWidget(chart_, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addLayout(body, 1);
}

void PlayersPanel::setTenant(qint64 tenantId) {
    tenantId_ = tenantId;
    requery();
}

void PlayersPanel::requery() {
    model_->setQuery(tenantId_, TopPlayersModel::OrderBy(order_->currentData().toInt()),
                     limit_->currentData().toInt());
}

void PlayersPanel::rebuildChart() {
    QChart *chart = chart_->chart();
    clearChart(chart);
    auto *wagered = new QBarSet(tr("Wagered"));
    auto *winnings = new QBarSet(tr("Winnings"));
    auto *axis = new QBarCategoryAxis;
    const int shown = std::min(10, model_->rowCount());
    for (int row = shown - 1; row >= 0; --row) { // the first at the top
        const PlayerRow &r = model_->rows()[row];
        *wagered << r.wagered.toDouble();
        *winnings << r.winnings.toDouble();
        axis->append(r.userId);
    }
    auto *series = new QHorizontalBarSeries;
    series->append(wagered);
    series->append(winnings);
    chart->addSeries(series);
    chart->addAxis(axis, Qt::AlignLeft);
    series->attachAxis(axis);
    auto *values = new QValueAxis;
    values->setLabelFormat(QStringLiteral("%.0f"));
    values->setTickCount(4);
    chart->addAxis(values, Qt::AlignBottom);
    series->attachAxis(values);
    values->applyNiceNumbers();
}

// --- User ------------------------------------------------------------------------------

UserPanel::UserPanel(UserLookup *lookup, QWidget *parent)
    : QWidget(parent)
    , lookup_(lookup)
    , search_(new QLineEdit(this))
    , completions_(new QStringListModel(this))
    , title_(new QLabel(this))
    , freshness_(new QLabel(this))
    , tabs_(new QTabWidget(this)) {
    search_->setPlaceholderText(tr("User id (prefix search; Enter looks up)"));
    search_->setClearButtonEnabled(true);
    auto *completer = new QCompleter(completions_, this);
    completer->setCaseSensitivity(Qt::CaseSensitive);
    search_->setCompleter(completer);
    connect(search_, &QLineEdit::textEdited, this, [this](const QString &text) {
        if (tenantId_ >= 0 && !text.trimmed().isEmpty())
            lookup_->complete(tenantId_, text.trimmed());
    });
    connect(lookup_, &UserLookup::completions, completions_, &QStringListModel::setStringList);
    connect(search_, &QLineEdit::returnPressed, this, [this] { lookUp(search_->text()); });
    connect(completer, qOverload<const QString &>(&QCompleter::activated), this,
            &UserPanel::lookUp);
    connect(lookup_, &ReloadableModel::loaded, this, &UserPanel::show);

    QFont big = title_->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    title_->setFont(big);
    title_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    freshness_->setWordWrap(true);
    auto *card = new QGridLayout;
    const QStringList labels{tr("Balance"),   tr("Transactions"), tr("Bets"),
                             tr("Wagered"),   tr("Winnings"),     tr("Deposited"),
                             tr("Withdrawn"), tr("Last activity")};
    for (int i = 0; i < labels.size(); ++i)
        figures_ << tileValue(card, i, labels[i]);

    activeBets_ = new StringTableModel(
        {tr("Bet"), tr("Stake"), tr("Odds"), tr("Fixture"), tr("Status")}, {1, 2}, this);
    recentBets_ = new StringTableModel({tr("Bet"), tr("Stake"), tr("Odds"), tr("Fixture"),
                                        tr("Status"), tr("Result"), tr("Payout"), tr("Updated")},
                                       {1, 2, 6}, this);
    deposits_ =
        new StringTableModel({tr("Payment"), tr("Amount"), tr("Status"), tr("Updated")}, {1}, this);
    withdrawals_ =
        new StringTableModel({tr("Payment"), tr("Amount"), tr("Status"), tr("Updated")}, {1}, this);
    for (auto [model, name] :
         {std::pair<StringTableModel *, QString>{activeBets_, tr("Active bets")},
          {recentBets_, tr("Recent bets")},
          {deposits_, tr("Deposits")},
          {withdrawals_, tr("Withdrawals")}}) {
        auto *table = makeTableView(this, QStringLiteral("user-") + name);
        table->setModel(model);
        table->setSortingEnabled(false);
        connect(model, &QAbstractItemModel::modelReset, table, [table] { fitColumnsOnce(table); });
        tabs_->addTab(table, name);
    }
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(search_);
    layout->addWidget(title_);
    layout->addWidget(freshness_);
    layout->addLayout(card);
    layout->addWidget(tabs_, 1);
    title_->setText(tr("Look up a user of the selected tenant"));
}

void UserPanel::setTenant(qint64 tenantId) {
    if (tenantId == tenantId_)
        return;
    tenantId_ = tenantId;
    completions_->setStringList({});
    if (!lookup_->details().userId.isEmpty())
        lookUp(lookup_->details().userId);
}

void UserPanel::lookUp(const QString &userId) {
    if (userId.trimmed().isEmpty() || tenantId_ < 0)
        return;
    search_->setText(userId.trimmed());
    title_->setText(tr("Looking up %1…").arg(userId.trimmed()));
    lookup_->lookUp(tenantId_, userId);
}

QString UserPanel::headerText() const {
    return title_->text() + u'\n' + freshness_->text();
}

void UserPanel::show() {
    const UserDetails &d = lookup_->details();
    if (!d.found) {
        title_->setText(tr("No user “%1” in this tenant").arg(d.userId));
        freshness_->setText(
            tr("The user may be new: their events appear after the next refresh of the views."));
        for (QLabel *f : figures_)
            f->setText(QStringLiteral("—"));
        for (StringTableModel *m : {activeBets_, recentBets_, deposits_, withdrawals_})
            m->setRows({});
        return;
    }
    title_->setText(d.userId);
    const QStringList values{d.balance.isEmpty() ? QStringLiteral("0.00") : d.balance,
                             d.transactions.isEmpty() ? QStringLiteral("0") : d.transactions,
                             d.activity.value(1),
                             d.activity.value(2),
                             d.activity.value(3),
                             d.activity.value(4),
                             d.activity.value(5),
                             d.activity.value(6)};
    for (int i = 0; i < figures_.size(); ++i)
        figures_[i]->setText(values.value(i));
    activeBets_->setRows(d.activeBets);
    recentBets_->setRows(d.recentBets);
    deposits_->setRows(d.deposits);
    withdrawals_->setRows(d.withdrawals);
    tabs_->setTabText(0, d.moreActiveBets
                             ? tr("Active bets (newest %1; more exist)").arg(d.activeBets.size())
                             : tr("Active bets (%1)").arg(d.activeBets.size()));
    if (d.exact) {
        freshness_->setText(
            tr("Exact to the last committed event: %n event(s) of this user not yet in the "
               "live read models are folded into these figures. The lists are as of %1.",
               nullptr, int(d.foldedEvents))
                .arg(QLocale().toString(d.viewsRefreshedAt.toLocalTime(), QLocale::LongFormat)));
    } else if (!d.viewsRefreshedAt.isValid()) {
        freshness_->setText(tr("The views have never been refreshed."));
    } else {
        const qint64 age = d.viewsRefreshedAt.secsTo(QDateTime::currentDateTimeUtc());
        freshness_->setText(
            tr("As of the views' refresh at %1 (%2 ago). Diagnostic: %n event(s) of this user "
               "carry a later timestamp "
               "and are not in these figures yet.",
               nullptr, int(d.newerEvents))
                .arg(QLocale().toString(d.viewsRefreshedAt.toLocalTime(), QLocale::ShortFormat),
                     formatAge(age)));
    }
}

} // namespace mvdash
