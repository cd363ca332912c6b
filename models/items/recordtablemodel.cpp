#include "recordtablemodel.h"

#include "database.h"
#include "roles.h"

#include <QSqlRecord>

namespace mvdash {

RecordTableModel::RecordTableModel(JobRunner *runner, const ColumnList &columns, int keyColumn,
                                   int volatileColumn, QObject *parent)
    : ReloadableModel(runner, kColumnTitleContext, columns.sourceTitles(), parent)
    , columns_(columns)
    , keyColumn_(keyColumn)
    , volatileColumn_(volatileColumn) {}

QVariant RecordTableModel::value(int row, int column) const {
    if (row < 0 || row >= rows_.size() || column < 0 || column >= columns_.count())
        return {};
    return rows_[row].value(column);
}

int RecordTableModel::rowOfKey(const QVariant &key) const {
    for (qsizetype i = 0; i < rows_.size(); ++i)
        if (rows_[i].value(keyColumn_) == key)
            return int(i);
    return -1;
}

QVariant RecordTableModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= rows_.size() || index.column() >= columns_.count())
        return {};
    if (role == KeyRole)
        return rows_[index.row()].value(keyColumn_);
    return cellData(columns_, rows_[index.row()], index.row(), index.column(), role);
}

void RecordTableModel::requestRows(const QString &catalogName, const QVariantList &values) {
    request(
        [catalogName, values, &columns = columns_](const QSqlDatabase &db) {
            QSqlQuery q = runQuery(db, catalogName, values);
            const QList<int> positions = columns.positionsIn(q.record(), catalogName);
            QList<QVariantList> rows;
            while (q.next())
                rows << columns.read(q, positions);
            return QVariant::fromValue(rows);
        },
        QVariantList{catalogName} + values);
}

void RecordTableModel::discardRows() {
    beginResetModel();
    rows_.clear();
    endResetModel();
}

void RecordTableModel::apply(const QVariant &result) {
    const auto sameRow = [this](QVariantList a, const QVariantList &b) {
        if (volatileColumn_ >= 0)
            a[volatileColumn_] = b.value(volatileColumn_);
        return a == b;
    };
    replaceRows<QVariantList, QVariant>(
        this, rows_, result.value<QList<QVariantList>>(),
        [this](const QVariantList &r) { return r.value(keyColumn_); }, sameRow,
        [this] { beginResetModel(); }, [this] { endResetModel(); });
}

} // namespace mvdash
