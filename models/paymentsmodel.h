#pragma once

#include "decimal.h"
#include "reloadablemodel.h"

#include <atomic>
#include <memory>
#include <QDate>

namespace mvdash {

struct PaymentRow {
    QString paymentId, userId;
    std::optional<Decimal> amount;
    QString currency, method, externalId, type, status;
    QDateTime updatedAt;
    qint64 updatedMs = 0;
};

// What the payments panel filters on; an empty field means "any".
struct PaymentFilter {
    qint64 tenantId = -1;
    QString type, status, method, userId;
    QDate from, to; // inclusive days, local time
    bool operator==(const PaymentFilter &) const = default;
};

// A tenant's payments, newest first, loaded page by page as the view scrolls
// (canFetchMore/fetchMore with keyset paging, never OFFSET). The count is known to be
// partial until the last page arrived.
class PaymentsModel : public ReloadableModel {
    Q_OBJECT
public:
    enum Column {
        Updated,
        Payment,
        User,
        Type,
        Status,
        Amount,
        Currency,
        Method,
        ExternalId,
        ColumnCount
    };
    static constexpr int kPageSize = 500;

    explicit PaymentsModel(DatabaseWorker *worker, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override {
        return parent.isValid() ? 0 : int(rows_.size());
    }
    QVariant data(const QModelIndex &index, int role) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    void setFilter(const PaymentFilter &filter);
    const PaymentFilter &filter() const { return filter_; }
    bool isComplete() const { return complete_; }
    const QList<PaymentRow> &rows() const { return rows_; }

    // Binds the filter's values to a prepared statement of the catalog (payments_page); shared with
    // the CSV export.
    static void bindFilter(class QSqlQuery &query, const PaymentFilter &filter);
    static PaymentRow readRow(const class QSqlQuery &query);

    void reload() override; // from the first page

protected:
    void apply(const QVariant &result) override;

private:
    void requestPage(bool first);
    QList<PaymentRow> rows_;
    PaymentFilter filter_;
    bool complete_ = false;
    bool appending_ = false;
};

// Streams the whole filtered set to a CSV file on a worker thread: exact values, the file
// appears only when complete (QSaveFile), progress every few thousand rows, cancellable.
class PaymentsExport : public QObject {
    Q_OBJECT
public:
    PaymentsExport(DatabaseWorker *worker, QObject *parent = nullptr);
    void start(const PaymentFilter &filter, const QString &path);
    void cancel() { cancelled_->store(true); }

signals:
    void progress(qint64 rows);
    void finished(qint64 rows, const QString &path);
    void failed(const QString &message);

private:
    DatabaseWorker *worker_;
    quint64 ticket_ = 0;
    std::shared_ptr<std::atomic<bool>> cancelled_ = std::make_shared<std::atomic<bool>>(false);
};

} // namespace mvdash
