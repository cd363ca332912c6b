#include "sizespanel.h"

#include "format.h"
#include "refreshhealthmodel.h"
#include "roles.h"
#include "timeseriesmodel.h"
#include "widgets/charts.h"
#include "widgets/tableview.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHorizontalStackedBarSeries>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QValueAxis>
#include <QVBoxLayout>

namespace mvdash {

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
