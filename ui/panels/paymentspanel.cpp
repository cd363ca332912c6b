#include "paymentspanel.h"

#include "format.h"
#include "paymentsmodel.h"
#include "widgets/statecolorproxy.h"
#include "widgets/tableview.h"
#include "widgets/useridcompleter.h"

#include <limits>
#include <QComboBox>
#include <QCoreApplication>
#include <QDateEdit>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressDialog>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTableView>
#include <QVBoxLayout>

namespace mvdash {

namespace {
QComboBox *choice(const QStringList &values, const char *vocabulary, QWidget *parent) {
    auto *box = new QComboBox(parent);
    //: a filter's choice: no restriction
    box->addItem(QCoreApplication::translate("mvdash::PaymentsPanel", "any"), QString());
    for (const QString &v : values)
        box->addItem(formatCode(v, vocabulary), v); // (shown translated, filters as stored)
    return box;
}
QDateEdit *dayPicker(QWidget *parent) {
    auto *edit = new QDateEdit(parent);
    edit->setCalendarPopup(true);
    edit->setMinimumDate(QDate(2000, 1, 1));
    // the minimum date means "no bound"
    //: a date filter left open: no bound on this side
    edit->setSpecialValueText(
        QCoreApplication::translate("mvdash::PaymentsPanel", "any", "date bound"));
    edit->setDate(edit->minimumDate());
    return edit;
}
QDate dayOrAny(const QDateEdit *edit) {
    return edit->date() == edit->minimumDate() ? QDate() : edit->date();
}
} // namespace

PaymentsPanel::PaymentsPanel(PaymentsModel *model, JobRunner *exportRunner, UserLookup *users,
                             QWidget *parent)
    : QWidget(parent)
    , model_(model)
    , export_(new PaymentsExport(exportRunner, this))
    , type_(choice({QStringLiteral("deposit"), QStringLiteral("withdrawal")}, "payment type", this))
    , status_(
          choice({QStringLiteral("created"), QStringLiteral("pending"), QStringLiteral("completed"),
                  QStringLiteral("failed"), QStringLiteral("cancelled")},
                 "payment status", this))
    , method_(choice({QStringLiteral("card"), QStringLiteral("bank_transfer"),
                      QStringLiteral("e_wallet"), QStringLiteral("crypto")},
                     "payment method", this))
    , user_(new QLineEdit(this))
    , userCompleter_(new UserIdCompleter(users, user_))
    , from_(dayPicker(this))
    , to_(dayPicker(this))
    , table_(makeTableView(this, QStringLiteral("payments")))
    , footer_(new QLabel(this))
    , exportButton_(new QPushButton(tr("Export CSV…"), this)) {
    //: placeholder of the filter field: a user's id
    user_->setPlaceholderText(tr("user id"));
    user_->setClearButtonEnabled(true);
    auto *filters = new QHBoxLayout;
    // labels of the filters: payment type, status and method, user, first and last day
    for (auto [label, widget] : {std::pair<QString, QWidget *>{tr("Type"), type_},
                                 {tr("Status"), status_},
                                 {tr("Method"), method_},
                                 {tr("User"), user_},
                                 //: the first day of payments shown
                                 {tr("From"), from_},
                                 //: the last day of payments shown
                                 {tr("To"), to_}}) {
        filters->addWidget(new QLabel(label, this));
        filters->addWidget(widget);
    }
    filters->addStretch(1);
    for (QComboBox *box : {type_, status_, method_})
        connect(box, &QComboBox::currentIndexChanged, this, &PaymentsPanel::applyFilter);
    connect(user_, &QLineEdit::editingFinished, this, &PaymentsPanel::applyFilter);
    // a chosen completion is the filter at once (editingFinished waits for Enter or a tab)
    connect(userCompleter_, qOverload<const QString &>(&QCompleter::activated), this,
            &PaymentsPanel::applyFilter);
    for (QDateEdit *day : {from_, to_})
        connect(day, &QDateEdit::dateChanged, this, [this, day] {
            keepDaysInOrder(day);
            applyFilter();
        });

    auto *colors = new StateColorProxy(this);
    colors->setSourceModel(model_);
    table_->setModel(colors);
    arrangeColumns(table_,
                   {PaymentsModel::Updated, PaymentsModel::Payment, PaymentsModel::User,
                    PaymentsModel::Type, PaymentsModel::Status, PaymentsModel::Amount,
                    PaymentsModel::Currency, PaymentsModel::Method, PaymentsModel::ExternalId});
    table_->setSortingEnabled(false); // newest first, as the index delivers it page by page
    connect(model_, &QAbstractItemModel::modelReset, this, &PaymentsPanel::updateFooter);
    connect(model_, &QAbstractItemModel::rowsInserted, this, &PaymentsPanel::updateFooter);
    connect(model_, &QAbstractItemModel::modelReset, table_, [this] {
        // size the columns once, on the first rows; later the user's widths stay
        if (model_->rowCount() > 0) {
            fitColumnsOnce(table_);
        }
    });
    // Ctrl+E: File > Export payments to CSV… (one owner: two would make the key ambiguous)
    connect(exportButton_, &QPushButton::clicked, this, [this] { exportCsv(); });
    connect(export_, &PaymentsExport::finished, this, &PaymentsPanel::exportFinished);
    connect(export_, &PaymentsExport::finished, exportButton_,
            [this] { exportButton_->setEnabled(true); });
    connect(export_, &PaymentsExport::failed, exportButton_,
            [this] { exportButton_->setEnabled(true); });
    connect(export_, &PaymentsExport::failed, this, &PaymentsPanel::exportFailed);
    connect(export_, &PaymentsExport::cancelled, exportButton_,
            [this] { exportButton_->setEnabled(true); });
    connect(export_, &PaymentsExport::cancelled, this, &PaymentsPanel::exportCancelled);

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
    userCompleter_->setTenant(tenantId);
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

void PaymentsPanel::keepDaysInOrder(QDateEdit *moved) {
    const QDate from = dayOrAny(from_), to = dayOrAny(to_);
    if (!from.isValid() || !to.isValid() || from <= to)
        return;
    QDateEdit *other = moved == from_ ? to_ : from_;
    const QSignalBlocker quiet(other); // one filter change, applied by the caller
    other->setDate(moved->date());
}

void PaymentsPanel::updateFooter() {
    footer_->setText(model_->isComplete() ? tr("%Ln payment(s)", nullptr, model_->rowCount())
                                          : tr("%Ln payment(s) loaded, more as you scroll", nullptr,
                                               model_->rowCount()));
}

void PaymentsPanel::cancelExport() {
    export_->cancel();
}

void PaymentsPanel::exportCsv(const QString &path) {
    if (export_->isRunning()) { // File > Export while the button's export runs
        emit exportRefused(tr("An export is already running: wait for it or cancel it first."));
        return;
    }
    QString target = path;
    if (target.isEmpty())
        target = QFileDialog::getSaveFileName(this, tr("Export payments"),
                                              // a file name: not translated
                                              QStringLiteral("payments-%1.csv").arg(tenantId_),
                                              tr("CSV files (*.csv)"));
    if (target.isEmpty())
        return;
    auto *progress = new QProgressDialog(tr("Exporting payments…"), tr("Cancel"), 0, 0, this);
    progress->setWindowModality(Qt::NonModal);
    progress->setMinimumDuration(300);
    progress->setAttribute(Qt::WA_DeleteOnClose);
    connect(export_, &PaymentsExport::progress, progress, [progress](qint64 rows) {
        progress->setLabelText(tr("Exporting payments… %Ln row(s)", nullptr,
                                  int(std::min<qint64>(rows, std::numeric_limits<int>::max()))));
    });
    connect(progress, &QProgressDialog::canceled, export_, &PaymentsExport::cancel);
    connect(export_, &PaymentsExport::finished, progress, &QWidget::close);
    connect(export_, &PaymentsExport::failed, progress, &QWidget::close);
    connect(export_, &PaymentsExport::cancelled, progress, &QWidget::close);
    exportButton_->setEnabled(false);
    export_->start(model_->filter(), target);
}

} // namespace mvdash
