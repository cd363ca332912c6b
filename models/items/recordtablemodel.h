#pragma once

#include "columns.h"
#include "reloadablemodel.h"

namespace mvdash {

// A table whose rows are the values of a ColumnList, read by name from one catalog query:
// headers, cells (display, sort, alignment) and the row key all follow the list, so a model
// built on it is its list, its query and what it adds (a state colour, a lookup by key).
class RecordTableModel : public ReloadableModel {
    Q_OBJECT
public:
    // `columns` outlives the model (a static list); `keyColumn` identifies a row across
    // reloads (KeyRole), `volatileColumn` (or -1) changes without the row changing (an age
    // that ticks) and does not by itself make a row "changed".
    RecordTableModel(JobRunner *runner, const ColumnList &columns, int keyColumn,
                     int volatileColumn = -1, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override {
        return parent.isValid() ? 0 : int(rows_.size());
    }
    QVariant data(const QModelIndex &index, int role) const override;

    const ColumnList &columns() const { return columns_; }
    // The raw value (Decimal for money, QDateTime, qint64, QString); invalid when null or
    // out of range.
    QVariant value(int row, int column) const;
    // The row whose key column holds `key`, or -1.
    int rowOfKey(const QVariant &key) const;

protected:
    // Loads the rows of catalog query `catalogName` run with `values` (bound in order).
    void requestRows(const QString &catalogName, const QVariantList &values);
    void apply(const QVariant &result) override;
    void discardRows() override;

private:
    const ColumnList &columns_;
    int keyColumn_;
    int volatileColumn_;
    QList<QVariantList> rows_;
};

} // namespace mvdash
