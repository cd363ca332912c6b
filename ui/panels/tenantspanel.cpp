#include "tenantspanel.h"

#include "roles.h"
#include "tenantsummarymodel.h"
#include "widgets/tableview.h"

#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace mvdash {

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
    table->hideColumn(TenantSummaryModel::TenantId); // the key, not a figure
    connect(table, &QTableView::activated, this, [this](const QModelIndex &index) {
        emit tenantActivated(index.data(KeyRole).toLongLong());
    });
    connect(model, &QAbstractItemModel::modelReset, table, [table] { fitColumnsOnce(table); });
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(filter_);
    layout->addWidget(table);
}

} // namespace mvdash
