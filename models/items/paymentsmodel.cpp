#include "paymentsmodel.h"

#include "database.h"
#include "dberror.h"
#include "format.h"
#include "roles.h"
#include "states.h"

#include <QRegularExpression>
#include <QSaveFile>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTimeZone>

namespace mvdash {

namespace {
QVariant textOrNull(const QString &s) {
    return s.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(s);
}
QVariant msOrNull(const QDate &day) {
    return day.isValid() ? QVariant(day.startOfDay().toMSecsSinceEpoch())
                         : QVariant(QMetaType(QMetaType::LongLong));
}
// A spreadsheet runs a cell that starts with one of these as a formula (OWASP, "CSV
// injection"): =, +, -, @, a tab or a carriage return.
bool startsLikeAFormula(const QString &value) {
    return !value.isEmpty() && QStringView(u"=+-@\t\r").contains(value.front());
}

bool isPlainNumber(const QString &value) {
    static const QRegularExpression number(QStringLiteral("^-?[0-9]+(\\.[0-9]+)?$"));
    return number.match(value).hasMatch();
}

// One field, quoted as RFC 4180 asks when needed. A cell a spreadsheet would run as a formula
// gets a leading ' and quotes (OWASP), unless it is a plain number of a numeric column:
// -12.50 stays a number.
QString csvField(const QString &value, bool numeric) {
    QString field = value;
    bool quote = field.contains(u',') || field.contains(u'"') || field.contains(u'\n') ||
                 field.contains(u'\r');
    if (startsLikeAFormula(field) && !(numeric && isPlainNumber(field))) {
        field.prepend(u'\'');
        quote = true;
    }
    if (!quote)
        return field;
    field.replace(u'"', QStringLiteral("\"\""));
    return u'"' + field + u'"';
}
} // namespace

void PaymentsModel::bindFilter(QSqlQuery &q, const PaymentFilter &f) {
    q.bindValue(QStringLiteral(":tenant"), f.tenantId);
    q.bindValue(QStringLiteral(":type"), textOrNull(f.type));
    q.bindValue(QStringLiteral(":status"), textOrNull(f.status));
    q.bindValue(QStringLiteral(":method"), textOrNull(f.method));
    q.bindValue(QStringLiteral(":user"), textOrNull(f.userId));
    q.bindValue(QStringLiteral(":from_ms"), msOrNull(f.from));
    q.bindValue(QStringLiteral(":to_ms"), msOrNull(f.to.isValid() ? f.to.addDays(1) : QDate()));
}

const ColumnList &PaymentsModel::columns() {
    static const ColumnList columns{
        {"payment_id", QT_TRANSLATE_NOOP("mvdash::Columns", "Payment"), ColumnKind::Text},
        {"user_id", QT_TRANSLATE_NOOP("mvdash::Columns", "User"), ColumnKind::Text},
        {"amount", QT_TRANSLATE_NOOP("mvdash::Columns", "Amount"), ColumnKind::Money},
        {"currency", QT_TRANSLATE_NOOP("mvdash::Columns", "Currency"), ColumnKind::Text},
        //: column title: payment method (card, bank transfer, ...)
        {"payment_method", QT_TRANSLATE_NOOP("mvdash::Columns", "Method"), ColumnKind::Code,
         "payment method"},
        //: column title: the payment provider's id of the payment
        {"external_id", QT_TRANSLATE_NOOP("mvdash::Columns", "External id"), ColumnKind::Text},
        //: column title: payment type (deposit or withdrawal)
        {"payment_type", QT_TRANSLATE_NOOP("mvdash::Columns", "Type"), ColumnKind::Code,
         "payment type"},
        {"status", QT_TRANSLATE_NOOP("mvdash::Columns", "Status"), ColumnKind::Code,
         "payment status"},
        {"last_updated_at", QT_TRANSLATE_NOOP("mvdash::Columns", "Updated"), ColumnKind::Time},
        //: column title: last update as epoch milliseconds
        {"last_updated_timestamp", QT_TRANSLATE_NOOP("mvdash::Columns", "Updated (ms)"),
         ColumnKind::Millis},
    };
    Q_ASSERT(columns.count() == ColumnCount);
    return columns;
}

void PaymentsModel::setFilter(const PaymentFilter &filter) {
    if (filter == filter_)
        return;
    filter_ = filter;
    reload();
}

void PaymentsModel::reload() {
    requestPage(true);
}

bool PaymentsModel::canFetchMore(const QModelIndex &parent) const {
    // the next page follows the rows shown: none while they belong to another filter
    return !parent.isValid() && !complete_ && !isLoading() && filter_.tenantId >= 0 &&
           rowCount_ > 0 && shownFilter() == filter_;
}

void PaymentsModel::fetchMore(const QModelIndex &parent) {
    if (canFetchMore(parent))
        requestPage(false);
}

namespace {
// One page of the filter's rows after `after` (from the start when null), on the worker.
JobRunner::Job pageJob(const PaymentFilter &filter, std::optional<PaymentRow> after, int pageSize,
                       bool append, int firstRow) {
    return [filter, after = std::move(after), pageSize, append, firstRow](const QSqlDatabase &db) {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (!q.prepare(catalogQuery(QStringLiteral("payments_page"))))
            throw DbError::fromSqlError(QStringLiteral("payments"), q.lastError());
        PaymentsModel::bindFilter(q, filter);
        q.bindValue(QStringLiteral(":after_ms"), after ? after->at(PaymentsModel::UpdatedMs)
                                                       : QVariant(QMetaType(QMetaType::LongLong)));
        q.bindValue(QStringLiteral(":after_id"), after ? after->at(PaymentsModel::Payment)
                                                       : QVariant(QMetaType(QMetaType::QString)));
        q.bindValue(QStringLiteral(":page_size"), pageSize);
        if (!q.exec())
            throw DbError::fromSqlError(QStringLiteral("payments"), q.lastError());
        PaymentsPage page;
        page.append = append;
        page.firstRow = firstRow;
        const ColumnList &columns = PaymentsModel::columns();
        const QList<int> positions = columns.positionsIn(q.record(), QStringLiteral("payments"));
        while (q.next())
            page.rows << columns.read(q, positions);
        return QVariant::fromValue(page);
    };
}
} // namespace

void PaymentsModel::requestPage(bool first) {
    if (filter_.tenantId < 0)
        return;
    std::optional<PaymentRow> after;
    if (!first && !pageEnds_.isEmpty())
        after = pageEnds_.last();
    if (first) {
        pageSize_ = nextPageSize_;
        ++filterGeneration_;
    }
    request(pageJob(filter_, std::move(after), pageSize_, !first, first ? 0 : rowCount_),
            QVariant::fromValue(filter_));
}

void PaymentsModel::apply(const QVariant &result) {
    PaymentsPage page = result.value<PaymentsPage>();
    if (page.append && page.firstRow != rowCount_)
        return; // a second answer for rows already appended
    complete_ = page.rows.size() < pageSize_;
    if (!page.append) {
        shownGeneration_ = filterGeneration_;
        beginResetModel();
        pages_.clear();
        refetching_.clear(); // answers for the old filter are dropped
        pageEnds_.clear();
        rowCount_ = int(page.rows.size());
        if (!page.rows.isEmpty()) {
            pageEnds_ << page.rows.last();
            store(0, std::move(page.rows));
        }
        endResetModel();
        return;
    }
    if (page.rows.isEmpty())
        return;
    const int first = rowCount_;
    beginInsertRows({}, first, first + int(page.rows.size()) - 1);
    rowCount_ += int(page.rows.size());
    pageEnds_ << page.rows.last();
    store(int(pageEnds_.size()) - 1, std::move(page.rows));
    endInsertRows();
}

void PaymentsModel::discardRows() {
    beginResetModel();
    pages_.clear();
    refetching_.clear();
    pageEnds_.clear();
    rowCount_ = 0;
    complete_ = true;
    shownGeneration_ = ++filterGeneration_; // pages on their way for the old rows are dropped
    endResetModel();
}

// Keeps `rows` as page `page`; QCache drops the least recently shown pages beyond the limit.
void PaymentsModel::store(int page, QList<PaymentRow> rows) const {
    pages_.insert(page, new QList<PaymentRow>(std::move(rows)));
}

const PaymentRow *PaymentsModel::row(int index) const {
    if (index < 0 || index >= rowCount_)
        return nullptr;
    const int page = index / pageSize_;
    const QList<PaymentRow> *rows = pages_.object(page); // marks the page as recently shown
    if (!rows) {
        refetch(page);
        return nullptr;
    }
    const qsizetype offset = index % pageSize_;
    return offset < rows->size() ? &rows->at(offset) : nullptr;
}

// Fetches a dropped page again, after the last row of the page before it (same keyset order,
// so the same rows unless the view was refreshed meanwhile; the rows shown are then the
// fresh ones).
void PaymentsModel::refetch(int page) const {
    if (refetching_.contains(page) || !runner())
        return;
    refetching_.insert(page);
    std::optional<PaymentRow> after;
    if (page > 0)
        after = pageEnds_.value(page - 1);
    // The page belongs to the rows shown: their filter, not one still on its way. Answers
    // for rows replaced meanwhile are dropped (the reset clears the set).
    auto *self = const_cast<PaymentsModel *>(this); // the cache is filled from const data()
    runner()->submit(
        self, pageJob(shownFilter(), std::move(after), pageSize_, false, 0),
        [self, page, generation = shownGeneration_](const QVariant &result) {
            if (generation == self->shownGeneration_)
                self->refetched(page, result.value<PaymentsPage>().rows);
        },
        [self, page, generation = shownGeneration_](const JobFailure &failure) {
            if (generation != self->shownGeneration_)
                return;
            self->refetching_.remove(page);
            self->reportFailure(failure);
        });
}

void PaymentsModel::refetched(int page, QList<PaymentRow> rows) {
    refetching_.remove(page);
    const int first = page * pageSize_;
    const int last = std::min(rowCount_, first + pageSize_) - 1;
    if (last < first)
        return; // the rows shown have fewer pages now
    // keep the count stable: a refreshed view may return fewer or more rows for the page
    rows.resize(std::min<qsizetype>(rows.size(), last - first + 1));
    store(page, std::move(rows));
    emit dataChanged(index(first, 0), index(last, ColumnCount - 1));
}

QVariant PaymentsModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid())
        return {};
    const PaymentRow *cached = row(index.row());
    if (!cached) // dropped from memory: being fetched again
        //: a row of payments being fetched again
        return role == Qt::DisplayRole && index.column() == Payment ? QVariant(tr("loading…"))
                                                                    : QVariant();
    const QVariant &value = cached->at(index.column());
    switch (role) {
    case KeyRole:
        return cached->at(Payment);
    case StateRole:
        return QVariant::fromValue(index.column() == Status && value.toString() == u"failed"
                                       ? CellState::Failed
                                       : CellState::None);
    case SortRole:
        return columns().sortKey(index.column(), value);
    case Qt::TextAlignmentRole:
        return columns().alignment(index.column());
    case Qt::DisplayRole:
        return columns().display(index.column(), value);
    default:
        return {};
    }
}

PaymentsModel::PaymentsModel(JobRunner *runner, QObject *parent)
    : ReloadableModel(runner, kColumnTitleContext, columns().sourceTitles(), parent) {}

PaymentsExport::PaymentsExport(JobRunner *runner, QObject *parent)
    : QObject(parent)
    , runner_(runner) {}

void PaymentsExport::start(const PaymentFilter &filter, const QString &path) {
    Q_ASSERT(!isRunning());
    stop_ = std::make_shared<std::atomic<bool>>(false);
    auto stop = stop_;
    QPointer<PaymentsExport> self(this);
    const auto onResult = [this](const QVariant &result) {
        emit finished(result.toMap().value(QStringLiteral("rows")).toLongLong(),
                      result.toMap().value(QStringLiteral("path")).toString());
    };
    const auto onFailure = [this](const JobFailure &failure) {
        if (failure.cancelled())
            emit cancelled();
        else
            emit failed(failure.message);
    };
    latest_.submit(
        runner_, this,
        [filter, path, stop, self](const QSqlDatabase &db) {
            QSaveFile file(path);
            if (!file.open(QIODevice::WriteOnly | QIODevice::Text))
                throw DbError(
                    //: the export's file could not be written; %2 is the system's reason
                    PaymentsExport::tr("cannot write %1: %2").arg(path, file.errorString()));
            QSqlQuery q(db);
            q.setForwardOnly(true); // streams: a million rows never sit in memory
            // the panel's own query: no cursor and LIMIT NULL, i.e. every row the filter keeps
            if (!q.prepare(catalogQuery(QStringLiteral("payments_page"))))
                throw DbError::fromSqlError(QStringLiteral("export"), q.lastError());
            PaymentsModel::bindFilter(q, filter);
            q.bindValue(QStringLiteral(":after_ms"), QVariant(QMetaType(QMetaType::LongLong)));
            q.bindValue(QStringLiteral(":after_id"), QVariant(QMetaType(QMetaType::QString)));
            q.bindValue(QStringLiteral(":page_size"), QVariant(QMetaType(QMetaType::Int)));
            if (!q.exec())
                throw DbError::fromSqlError(QStringLiteral("export"), q.lastError());
            const ColumnList &columns = PaymentsModel::columns();
            file.write((columns.aliases().join(u',') + u'\n').toUtf8());
            qint64 rows = 0;
            const QList<int> positions = columns.positionsIn(q.record(), QStringLiteral("export"));
            while (q.next()) {
                if (stop->load()) {
                    file.cancelWriting();
                    throw JobCancelled();
                }
                const PaymentRow r = columns.read(q, positions);
                QStringList escaped;
                for (int c = 0; c < columns.count(); ++c)
                    escaped << csvField(columns.exported(c, r[c]), columns.isNumeric(c));
                file.write((escaped.join(u',') + u'\n').toUtf8());
                if (++rows % 5000 == 0 && self)
                    QMetaObject::invokeMethod(
                        self,
                        [self, rows] {
                            if (self)
                                emit self->progress(rows);
                        },
                        Qt::QueuedConnection);
            }
            if (q.lastError().isValid()) { // the connection broke in the middle of the rows
                file.cancelWriting();
                throw DbError::fromSqlError(QStringLiteral("export"), q.lastError());
            }
            if (!file.commit())
                throw DbError(
                    //: the export's file could not be written; %2 is the system's reason
                    PaymentsExport::tr("cannot write %1: %2").arg(path, file.errorString()));
            return QVariant(
                QVariantMap{{QStringLiteral("rows"), rows}, {QStringLiteral("path"), path}});
        },
        onResult, onFailure);
}

} // namespace mvdash
