#include "playerspanel.h"

#include "decimal.h"
#include "playersmodel.h"
#include "roles.h"
#include "widgets/charts.h"
#include "widgets/tableview.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QHBoxLayout>
#include <QTableView>
#include <QVBoxLayout>

namespace mvdash {

PlayersPanel::PlayersPanel(TopPlayersModel *model, QWidget *parent)
    : QWidget(parent)
    , model_(model)
    , limit_(new QComboBox(this))
    , order_(new QComboBox(this))
    , chart_(makeChartView(tr("Top 10: wagered vs winnings"), this)) {
    for (int n : {10, 50, 100})
        //: how many players the list shows: "Top 10"
        limit_->addItem(tr("Top %1").arg(n), n);
    //: the list's order: by the money wagered
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
    QStringList users;
    BarSet wagered{tr("Wagered"), {}}, winnings{tr("Winnings"), {}};
    for (int row = 0; row < std::min(model_->rowCount(), 10); ++row) {
        users << model_->value(row, TopPlayersModel::User).toString();
        wagered.values << model_->value(row, TopPlayersModel::Wagered).value<Decimal>().toDouble();
        winnings.values
            << model_->value(row, TopPlayersModel::Winnings).value<Decimal>().toDouble();
    }
    drawBars(chart_->chart(), BarLayout::Horizontal, users, {wagered, winnings},
             QStringLiteral("%.0f"), 4);
}

} // namespace mvdash
