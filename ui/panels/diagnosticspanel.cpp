#include "diagnosticspanel.h"

#include "doctormodel.h"
#include "roles.h"
#include "tenantcopiesmodel.h"
#include "tenantsummarymodel.h"
#include "widgets/statecolorproxy.h"
#include "widgets/tableview.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace mvdash {

DiagnosticsPanel::DiagnosticsPanel(DoctorModel *model, TenantCopiesModel *copies,
                                   TenantSummaryModel *tenants, QWidget *parent)
    : QWidget(parent)
    , model_(model)
    , problems_(new QSortFilterProxyModel(this))
    , table_(makeTableView(this, QStringLiteral("diagnostics")))
    , onlyProblems_(new QCheckBox(tr("Only problems"), this))
    , summary_(new QLabel(this))
    , details_(new QLabel(this))
    , fix_(new QPushButton(tr("Apply the fix"), this))
    , copies_(copies)
    , tenants_(tenants)
    , copyView_(new QComboBox(this))
    , copyTenant_(new QComboBox(this))
    , copiesTable_(makeTableView(this, QStringLiteral("tenant-copies"))) {
    auto *colors = new StateColorProxy(this);
    colors->setSourceModel(model_);
    problems_->setSourceModel(colors);
    problems_->setSortRole(SortRole);
    problems_->setFilterKeyColumn(DoctorModel::State);
    table_->setModel(problems_);
    table_->setSortingEnabled(false); // the model puts the worst first
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->setWordWrap(false);
    // a server's error can be a paragraph: wrapped, it must not widen the window past the
    // screen (a stopped server's made it 1,720 px wide)
    summary_->setWordWrap(true);
    connect(model_, &QAbstractItemModel::modelReset, table_, [this] { fitColumnsOnce(table_); });
    connect(model_, &QAbstractItemModel::modelReset, this, &DiagnosticsPanel::updateSummary);
    connect(model_, &DoctorModel::loadFailed, this, [this](const QString &message) {
        //: the checks could not run; %1 is why. The checks shown (if any) are the last ones.
        summary_->setText(model_->rowCount() == 0
                              ? tr("The checks could not run: %1").arg(message)
                              : tr("Not updated: %1. The checks below are from the last run "
                                   "that succeeded.")
                                    .arg(message));
    });
    connect(model_, &QAbstractItemModel::modelReset, this, [this] {
        // the worst finding comes first: shown at once, with what to do about it, unless
        // all is well (then the pane asks for a choice)
        const DoctorCheck *worst = model_->rowCount() > 0 ? model_->check(0) : nullptr;
        if (selectedRow() < 0 && worst && worst->state != CheckState::Ok)
            table_->selectRow(0);
        showSelected();
    });
    connect(table_->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &DiagnosticsPanel::showSelected);
    connect(onlyProblems_, &QCheckBox::toggled, this, [this](bool only) {
        // the state column's text: anything but OK, as the model translates it
        problems_->setFilterRegularExpression(
            only ? QStringLiteral("^(?!%1$)").arg(QRegularExpression::escape(DoctorModel::tr("OK")))
                 : QString());
    });

    auto *run = new QPushButton(tr("Run the checks"), this);
    run->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    connect(run, &QPushButton::clicked, model_, &DoctorModel::reload);
    fix_->setEnabled(false);
    connect(fix_, &QPushButton::clicked, this, [this] {
        const DoctorCheck *selected = model_->check(selectedRow());
        if (!selected)
            return;
        // a copy: while the question is open the checks may run again and the selection move
        const DoctorCheck chosen = *selected;
        // someone else's transaction is rolled back: asked first, "No" by default
        if (chosen.safeFix == SafeFix::EndSession &&
            QMessageBox::question(this, tr("End the session"),
                                  tr("End %1? Its transaction is rolled back, and its "
                                     "program loses the connection.")
                                      .arg(chosen.subject),
                                  QMessageBox::Yes | QMessageBox::No,
                                  QMessageBox::No) != QMessageBox::Yes)
            return;
        if (model_->applyFix(chosen))
            fix_->setEnabled(false);
    });
    connect(model_, &DoctorModel::changeFinished, this, &DiagnosticsPanel::fixFinished);
    details_->setWordWrap(true);
    details_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    details_->setMinimumHeight(details_->fontMetrics().height() * 4);

    // per-tenant copies (the guide's tip 4): listed here, checked among the checks
    // view names: identifiers, not translated
    for (const char *view : {"bets_view", "payments_view", "user_balances_view",
                             "user_activity_view", "tenant_bet_status_view"})
        copyView_->addItem(QString::fromLatin1(view));
    copyTenant_->setModel(tenants_);
    copyTenant_->setModelColumn(TenantSummaryModel::Name);
    copyTenant_->setMinimumWidth(200);
    auto *create = new QPushButton(tr("Create the copy"), this);
    connect(create, &QPushButton::clicked, this, [this] {
        const QModelIndex tenant = tenants_->index(copyTenant_->currentIndex(), 0);
        if (tenant.isValid())
            copies_->create(copyView_->currentText(), tenant.data(KeyRole).toLongLong());
    });
    auto *drop = new QPushButton(tr("Drop the selected copy"), this);
    drop->setEnabled(false);
    copiesTable_->setModel(copies_);
    copiesTable_->setSelectionMode(QAbstractItemView::SingleSelection);
    connect(copies_, &QAbstractItemModel::modelReset, copiesTable_,
            [this] { fitColumnsOnce(copiesTable_); });
    connect(copiesTable_->selectionModel(), &QItemSelectionModel::selectionChanged, drop,
            [this, drop] { drop->setEnabled(copiesTable_->selectionModel()->hasSelection()); });
    connect(copies_, &QAbstractItemModel::modelReset, drop, [drop] { drop->setEnabled(false); });
    connect(drop, &QPushButton::clicked, this, [this] {
        const QModelIndexList rows = copiesTable_->selectionModel()->selectedRows();
        if (!rows.isEmpty())
            copies_->drop(rows.first().row());
    });
    connect(copies_, &TenantCopiesModel::changeFinished, this, &DiagnosticsPanel::fixFinished);
    auto *copiesBox = new QGroupBox(tr("Per-tenant copies (the guide's tip 4)"), this);
    auto *copyRow = new QHBoxLayout;
    // "Copy of <view> for tenant <tenant> [Create the copy]": labels around two choices
    //: before the choice of a read model: "Copy of <view> for tenant <tenant>"
    copyRow->addWidget(new QLabel(tr("Copy of"), copiesBox));
    copyRow->addWidget(copyView_);
    //: between the two choices: "Copy of <view> for tenant <tenant>"
    copyRow->addWidget(new QLabel(tr("for tenant"), copiesBox));
    copyRow->addWidget(copyTenant_);
    copyRow->addWidget(create);
    copyRow->addStretch(1);
    copyRow->addWidget(drop);
    auto *copiesLayout = new QVBoxLayout(copiesBox);
    copiesLayout->addLayout(copyRow);
    copiesLayout->addWidget(copiesTable_);
    copiesTable_->setMaximumHeight(copiesTable_->fontMetrics().height() * 9);

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
    layout->addWidget(copiesBox);
    updateSummary();
}

void DiagnosticsPanel::setTenant(qint64 tenantId) {
    const int row = tenants_->rowOf(tenantId);
    if (row >= 0)
        copyTenant_->setCurrentIndex(row);
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
            .arg(c->id.toHtmlEscaped(), c->subject.toHtmlEscaped(), c->foundText().toHtmlEscaped());
    if (!c->why.isEmpty())
        //: why the check's finding matters
        text +=
            QStringLiteral("<br><i>%1</i>").arg(tr("Why: %1").arg(c->whyText()).toHtmlEscaped());
    if (!c->fix.isEmpty())
        text += QStringLiteral("<br>%1 <code>%2</code>")
                    .arg(tr("What to do:").toHtmlEscaped(), c->fixText().toHtmlEscaped());
    details_->setText(text);
    fix_->setEnabled(c->state != CheckState::Ok && c->safeFix != SafeFix::None);
    fix_->setText(c->safeFix == SafeFix::RefreshView         ? tr("Refresh now")
                  : c->safeFix == SafeFix::CreateUniqueIndex ? tr("Create the index")
                  : c->safeFix == SafeFix::DropTenantCopy    ? tr("Drop the copy")
                  : c->safeFix == SafeFix::EndSession        ? tr("End the session")
                                                             : tr("Apply the fix"));
}

void DiagnosticsPanel::updateSummary() {
    int counts[3] = {0, 0, 0};
    for (int row = 0; row < model_->rowCount(); ++row)
        ++counts[int(model_->check(row)->state)];
    if (model_->rowCount() == 0) {
        summary_->setText(tr("Checking…"));
        return;
    }
    // one plural per count: each noun agrees with its own number
    //: the checks' summary: %1 "12 checks", %2 how many are OK, %3 "1 warning", %4 "2 failures"
    summary_->setText(
        tr("%1: %2 OK, %3, %4")
            .arg(tr("%n check(s)", nullptr, model_->rowCount()), QLocale().toString(counts[0]),
                 tr("%n warning(s)", nullptr, counts[1]), tr("%n failure(s)", nullptr, counts[2])));
}

} // namespace mvdash
