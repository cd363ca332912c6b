#include "diagnosticspanel.h"

#include "doctormodel.h"
#include "roles.h"
#include "widgets/statecolorproxy.h"
#include "widgets/tableview.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace mvdash {

DiagnosticsPanel::DiagnosticsPanel(DoctorModel *model, QWidget *parent)
    : QWidget(parent)
    , model_(model)
    , problems_(new QSortFilterProxyModel(this))
    , table_(makeTableView(this, QStringLiteral("diagnostics")))
    , onlyProblems_(new QCheckBox(tr("Only problems"), this))
    , summary_(new QLabel(this))
    , details_(new QLabel(this))
    , fix_(new QPushButton(tr("Apply the fix"), this))
    , copyView_(new QComboBox(this))
    , copyTenant_(new QSpinBox(this)) {
    auto *colors = new StateColorProxy(this);
    colors->setSourceModel(model_);
    problems_->setSourceModel(colors);
    problems_->setSortRole(SortRole);
    problems_->setFilterKeyColumn(DoctorModel::State);
    table_->setModel(problems_);
    table_->setSortingEnabled(false); // the model puts the worst first
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->setWordWrap(false);
    connect(model_, &QAbstractItemModel::modelReset, table_, [this] { fitColumnsOnce(table_); });
    connect(model_, &QAbstractItemModel::modelReset, this, &DiagnosticsPanel::updateSummary);
    connect(model_, &QAbstractItemModel::modelReset, this, &DiagnosticsPanel::showSelected);
    connect(table_->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &DiagnosticsPanel::showSelected);
    connect(onlyProblems_, &QCheckBox::toggled, this, [this](bool only) {
        // the state column's text: anything but OK
        problems_->setFilterRegularExpression(only ? QStringLiteral("^(?!%1$)").arg(tr("OK"))
                                                   : QString());
    });

    auto *run = new QPushButton(tr("Run the checks"), this);
    run->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    connect(run, &QPushButton::clicked, model_, &DoctorModel::reload);
    fix_->setEnabled(false);
    connect(fix_, &QPushButton::clicked, this, [this] {
        if (model_->applyFix(selectedRow()))
            fix_->setEnabled(false);
    });
    connect(model_, &DoctorModel::fixFinished, this, &DiagnosticsPanel::fixFinished);
    details_->setWordWrap(true);
    details_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    details_->setMinimumHeight(details_->fontMetrics().height() * 4);

    // per-tenant copies (the guide's tip 4): they show among the checks (tenant_copy.*)
    for (const char *view : {"bets_view", "payments_view", "user_balances_view",
                             "user_activity_view", "tenant_bet_status_view"})
        copyView_->addItem(QString::fromLatin1(view));
    copyTenant_->setRange(0, 2147483647);
    auto *create = new QPushButton(tr("Create the copy"), this);
    connect(create, &QPushButton::clicked, this,
            [this] { model_->createTenantCopy(copyView_->currentText(), copyTenant_->value()); });
    auto *copies = new QGroupBox(tr("Per-tenant copy (the guide's tip 4)"), this);
    auto *copyRow = new QHBoxLayout(copies);
    copyRow->addWidget(new QLabel(tr("Copy of"), copies));
    copyRow->addWidget(copyView_);
    copyRow->addWidget(new QLabel(tr("for tenant"), copies));
    copyRow->addWidget(copyTenant_);
    copyRow->addWidget(create);
    copyRow->addStretch(1);

    auto *top = new QHBoxLayout;
    top->addWidget(run);
    top->addWidget(onlyProblems_);
    top->addWidget(summary_, 1);
    auto *advice = new QHBoxLayout;
    advice->addWidget(details_, 1);
    advice->addWidget(fix_, 0, Qt::AlignTop);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(table_, 1);
    layout->addLayout(advice);
    layout->addWidget(copies);
    updateSummary();
}

void DiagnosticsPanel::setTenant(qint64 tenantId) {
    if (tenantId >= 0)
        copyTenant_->setValue(int(std::min<qint64>(tenantId, 2147483647)));
}

int DiagnosticsPanel::selectedRow() const {
    const QModelIndexList rows =
        table_->selectionModel() ? table_->selectionModel()->selectedRows() : QModelIndexList();
    if (rows.isEmpty())
        return -1;
    const QModelIndex colors = problems_->mapToSource(rows.first());
    return qobject_cast<const QAbstractProxyModel *>(problems_->sourceModel())
        ->mapToSource(colors)
        .row();
}

void DiagnosticsPanel::showSelected() {
    const DoctorCheck *c = model_->check(selectedRow());
    if (!c) {
        details_->setText(tr("Select a check to see why it matters and what to do."));
        fix_->setEnabled(false);
        return;
    }
    QString text =
        QStringLiteral("<b>%1</b> %2<br>%3")
            .arg(c->id.toHtmlEscaped(), c->subject.toHtmlEscaped(), c->found.toHtmlEscaped());
    if (!c->why.isEmpty())
        text += QStringLiteral("<br><i>%1</i>").arg(tr("Why: %1").arg(c->why).toHtmlEscaped());
    if (!c->fix.isEmpty())
        text += QStringLiteral("<br>%1 <code>%2</code>")
                    .arg(tr("What to do:").toHtmlEscaped(), c->fix.toHtmlEscaped());
    details_->setText(text);
    fix_->setEnabled(c->state != CheckState::Ok && c->safeFix != SafeFix::None);
    fix_->setText(c->safeFix == SafeFix::RefreshView         ? tr("Refresh now")
                  : c->safeFix == SafeFix::CreateUniqueIndex ? tr("Create the index")
                  : c->safeFix == SafeFix::DropTenantCopy    ? tr("Drop the copy")
                                                             : tr("Apply the fix"));
}

void DiagnosticsPanel::updateSummary() {
    int counts[3] = {0, 0, 0};
    for (int row = 0; row < model_->rowCount(); ++row)
        ++counts[int(model_->check(row)->state)];
    summary_->setText(model_->rowCount() == 0 ? tr("Checking…")
                                              : tr("%1 checks: %2 OK, %3 warning(s), %4 failure(s)")
                                                    .arg(model_->rowCount())
                                                    .arg(counts[0])
                                                    .arg(counts[1])
                                                    .arg(counts[2]));
}

} // namespace mvdash
