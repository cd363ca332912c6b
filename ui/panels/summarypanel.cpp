#include "summarypanel.h"

#include "betstatusmodel.h"
#include "format.h"
#include "roles.h"
#include "tenantsummarymodel.h"
#include "widgets/charts.h"
#include "widgets/theme.h"
#include "widgets/tiles.h"

#include <QChart>
#include <QChartView>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPieSeries>
#include <QPieSlice>
#include <QVBoxLayout>

namespace mvdash {

SummaryPanel::SummaryPanel(TenantSummaryModel *model, BetStatusModel *statuses, QWidget *parent)
    : QWidget(parent)
    , model_(model)
    , moneyChart_(makeChartView(tr("Deposits vs withdrawals"), this))
    , betsChart_(makeChartView(tr("Bets by status"), this))
    , statuses_(statuses) {
    connect(statuses_, &QAbstractItemModel::modelReset, this, &SummaryPanel::drawBetStatuses);
    auto *layout = new QVBoxLayout(this);
    auto *grid = new QGridLayout;
    // payments carry their own currency and the figures add their amounts as recorded: said
    // where a tenant admin might read one figure as one currency's
    const QString mixed = tr("The sum of the completed payments' amounts in every currency, as "
                             "recorded: mvdash does not convert currencies. The Payments panel "
                             "lists each payment with its currency.");
    const QList<std::pair<QString, QString>> tiles{
        {tr("Total bets"), {}},      {tr("Active bets"), {}},  {tr("Total stake"), {}},
        {tr("Users"), {}},           {tr("Deposits"), mixed},  {tr("Withdrawals"), mixed},
        {tr("Net deposits"), mixed}, {tr("Total balance"), {}}};
    for (const auto &[title, toolTip] : tiles) {
        values_ << tileValue(grid, int(values_.size()), title);
        values_.last()->setToolTip(toolTip);
    }
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
    const int row = model_->rowOf(tenantId_);
    if (row < 0) {
        for (QLabel *v : values_)
            v->setText(QStringLiteral("—"));
        clearChart(moneyChart_->chart());
        return;
    }
    const auto shown = [&](TenantSummaryModel::Column column) {
        return model_->index(row, column).data().toString();
    };
    const auto money = [&](TenantSummaryModel::Column column) {
        return model_->value(row, column).value<Decimal>();
    };
    const Decimal deposits = money(TenantSummaryModel::Deposits);
    const Decimal withdrawals = money(TenantSummaryModel::Withdrawals);
    const QStringList texts{
        shown(TenantSummaryModel::Bets),      shown(TenantSummaryModel::ActiveBets),
        shown(TenantSummaryModel::Stake),     shown(TenantSummaryModel::Users),
        shown(TenantSummaryModel::Deposits),  shown(TenantSummaryModel::Withdrawals),
        formatMoney(deposits + -withdrawals), shown(TenantSummaryModel::Balance)};
    for (int i = 0; i < values_.size(); ++i)
        values_[i]->setText(texts[i]);

    drawBars(
        moneyChart_->chart(), BarLayout::Vertical, {shown(TenantSummaryModel::Name)},
        {{tr("Deposits"), {deposits.toDouble()}}, {tr("Withdrawals"), {withdrawals.toDouble()}}},
        QStringLiteral("%.0f"));
}

void SummaryPanel::drawBetStatuses() {
    QChart *chart = betsChart_->chart();
    clearChart(chart);
    auto *pie = new QPieSeries;
    qint64 total = 0;
    for (int row = 0; row < statuses_->rowCount(); ++row)
        total += statuses_->index(row, 1).data(SortRole).toLongLong();
    for (int row = 0; row < statuses_->rowCount(); ++row) {
        const QString status = statuses_->index(row, 0).data().toString();
        const qint64 count = statuses_->index(row, 1).data(SortRole).toLongLong();
        //: a slice of the bets chart: status, count and share ("Settled: 7,790 (70%)")
        QPieSlice *slice = pie->append(
            tr("%1: %2 (%3%)")
                .arg(status, formatCount(count),
                     QLocale().toString(total > 0 ? qRound(100.0 * double(count) / double(total))
                                                  : 0)),
            double(count));
        // the theme's distinct colours: the default shades of one blue are hard to tell apart
        slice->setBrush(theme::seriesColour(row));
    }
    chart->addSeries(pie);
    chart->legend()->setAlignment(Qt::AlignRight); // five labels with counts do not fit below
}

} // namespace mvdash
