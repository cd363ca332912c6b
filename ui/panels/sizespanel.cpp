#include "sizespanel.h"

#include "format.h"
#include "refreshhealthmodel.h"
#include "roles.h"
#include "timeseriesmodel.h"
#include "widgets/charts.h"
#include "widgets/tableview.h"

#include <QChart>
#include <QChartView>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QTableView>
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
    // (in live mode no refresh samples a view: the follower samples the state tables, 028)
    auto *trendChart = makeChartView(
        tr("Size trend per view (MB): after each refresh; live mode: every 5 min"), this);
    connect(trend, &QAbstractItemModel::modelReset, trendChart,
            //: the chart's axis title: megabytes
            [trendChart, trend] { drawTimeSeries(trendChart->chart(), trend, tr("MB")); });
    auto *charts = new QHBoxLayout;
    charts->addWidget(chart_);
    charts->addWidget(trendChart);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(ratio_);
    // a few rows, one per view: the charts get the larger share of the height
    layout->addWidget(table, 2);
    layout->addLayout(charts, 3);
}

void SizesPanel::rebuildChart() {
    const SizeRatio r = model_->ratio();
    //: %1 and %2 sizes ("1.2 GB"), %3 a percentage
    QString text =
        tr("All views: %1 of %2 in the event tables = %3 (the guide expects 10–30%)")
            .arg(formatBytes(r.viewsBytes), formatBytes(r.eventTablesBytes),
                 r.ratio.isEmpty() ? QStringLiteral("—")
                                   : QLocale().toString(r.ratio.toDouble() * 100, 'f', 1) + u'%');
    if (const QDateTime asOf = model_->sizesAsOf(); asOf.isValid())
        //: %1 a time of day; on Citus the sizes come from a sample taken at most once a minute
        text += u'\n' + tr("Sizes as of %1: on Citus they are sampled at most once a minute, by "
                           "the follower or a refresh, not asked of every worker at each reload")
                            .arg(formatTime(asOf));
    ratio_->setText(text);
    QStringList views;
    //: the chart's legend: the views' table (heap) size and their indexes' size
    BarSet table{tr("Table"), {}}, indexes{tr("Indexes"), {}};
    const auto mebibytes = [this](int row, int column) {
        return model_->index(row, column).data(SortRole).toDouble() / 1048576.0;
    };
    for (int row = 0; row < model_->rowCount(); ++row) {
        views << model_->index(row, ViewSizeModel::View).data().toString();
        table.values << mebibytes(row, ViewSizeModel::Table);
        indexes.values << mebibytes(row, ViewSizeModel::Indexes);
    }
    drawBars(chart_->chart(), BarLayout::HorizontalStacked, views, {table, indexes},
             QStringLiteral("%.1f"));
}

} // namespace mvdash
