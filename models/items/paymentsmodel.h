#pragma once

#include "columns.h"
#include "decimal.h"
#include "reloadablemodel.h"

#include <atomic>
#include <memory>
#include <QCache>
#include <QDate>
#include <QSet>

namespace mvdash {

// One payment: the values of PaymentsModel's columns, in their order (PaymentsModel::Column).
using PaymentRow = QVariantList;

// One page of payments as the worker reads it (a job's answer).
struct PaymentsPage {
    QList<PaymentRow> rows;
    bool append = false;
    int firstRow = 0; // where an appended page goes: stale if the model has moved on
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
// partial until the last page arrived. Only the most recently shown pages stay in memory:
// a page scrolled away from is dropped and fetched again from its keyset cursor when shown
// again, so browsing a million payments holds a few thousand rows, not a million.
class PaymentsModel : public ReloadableModel {
    Q_OBJECT
public:
    // payments_view's columns as payments_page reads them, in the spec's order: also the CSV
    // export's columns and header. The panel shows Updated first and hides UpdatedMs.
    enum Column {
        Payment,
        User,
        Amount,
        Currency,
        Method,
        ExternalId,
        Type,
        Status,
        Updated,
        UpdatedMs,
        ColumnCount
    };
    static const ColumnList &columns();
    // 200 rows, several screens of the table: on Citus each row of a page travels worker,
    // coordinator, client (the coordinator reads a shard's rows one at a time), about 4 us a
    // row on the local cluster: 500 rows took 2.7 ms, 200 rows 1.45 ms at the client
    // (docs/BENCHMARKS.md, the Citus section). DBeaver fetches 200 by default too. Plain
    // PostgreSQL served 500 rows in 0.5 ms at the client.
    static constexpr int kPageSize = 200;
    static constexpr int kCachedPages = 160; // 32k rows, a few MB

    explicit PaymentsModel(JobRunner *runner, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override {
        return parent.isValid() ? 0 : rowCount_;
    }
    QVariant data(const QModelIndex &index, int role) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    void setFilter(const PaymentFilter &filter);
    const PaymentFilter &filter() const { return filter_; }
    bool isComplete() const { return complete_; }
    // The row if its page is in memory; null while it is fetched again.
    const PaymentRow *row(int index) const;
    int cachedPages() const { return int(pages_.count()); }
    void setCachedPageLimit(int pages) { pages_.setMaxCost(std::max(2, pages)); }
    // Rows per page (kPageSize unless a test wants many pages of little data); takes effect
    // with the next reload.
    void setPageSize(int rows) { nextPageSize_ = std::max(1, rows); }

    // Binds the filter's values to a prepared statement of the catalog (payments_page); shared with
    // the CSV export.
    static void bindFilter(class QSqlQuery &query, const PaymentFilter &filter);

    void reload() override; // from the first page

protected:
    void apply(const QVariant &result) override;
    void discardRows() override;
    // The rows' own filter (their scope): differs from filter_ until its answer comes.
    PaymentFilter shownFilter() const { return shownScope().value<PaymentFilter>(); }

private:
    void requestPage(bool first);
    void refetch(int page) const;
    void refetched(int page, QList<PaymentRow> rows);
    void store(int page, QList<PaymentRow> rows) const;

    // page -> its rows, the least recently shown dropped beyond kCachedPages (one cost each)
    mutable QCache<int, QList<PaymentRow>> pages_{kCachedPages};
    mutable QSet<int> refetching_; // pages being fetched again; cleared by a reload
    quint64 filterGeneration_ = 0; // a refetched page is kept only for the filter it was for
    QList<PaymentRow> pageEnds_;   // the last row of each page: the keyset cursor of the next
    int rowCount_ = 0;
    int pageSize_ = kPageSize;
    int nextPageSize_ = kPageSize;
    PaymentFilter filter_; // the latest asked for
    quint64 shownGeneration_ = 0;
    bool complete_ = false;
};

// Streams the whole filtered set to a CSV file on a worker thread: exact values, the file
// appears only when complete (QSaveFile), progress every few thousand rows, cancellable.
// A text cell a spreadsheet would run as a formula (=, +, -, @, tab, CR first) is written
// as '... in quotes (OWASP); numbers, negative ones included, stay numbers.
class PaymentsExport : public QObject {
    Q_OBJECT
public:
    PaymentsExport(JobRunner *runner, QObject *parent = nullptr);
    void start(const PaymentFilter &filter, const QString &path);
    void cancel() { stop_->store(true); }
    // One at a time: start() while one runs would orphan it (its result and its cancel lost).
    bool isRunning() const { return latest_.isPending(); }

signals:
    void progress(qint64 rows);
    void finished(qint64 rows, const QString &path);
    void failed(const QString &message);
    void cancelled(); // by cancel(): no file was written

private:
    JobRunner *runner_;
    LatestRequest latest_;
    std::shared_ptr<std::atomic<bool>> stop_ = std::make_shared<std::atomic<bool>>(false);
};

} // namespace mvdash
