#pragma once

#include "columns.h"

#include <QAbstractTableModel>

namespace mvdash {

// A small read-only table of rows of a ColumnList that somebody else loads (the user lookup's
// lists): headers, cells and alignment follow the list.
class RecordListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    // `columns` outlives the model (a static list).
    explicit RecordListModel(const ColumnList &columns, QObject *parent = nullptr)
        : QAbstractTableModel(parent)
        , columns_(columns) {}

    void setRows(QList<QVariantList> rows) {
        beginResetModel();
        rows_ = std::move(rows);
        endResetModel();
    }
    int rowCount(const QModelIndex &parent = {}) const override {
        return parent.isValid() ? 0 : int(rows_.size());
    }
    int columnCount(const QModelIndex &parent = {}) const override {
        return parent.isValid() ? 0 : columns_.count();
    }
    QVariant data(const QModelIndex &index, int role) const override {
        if (!index.isValid() || index.row() >= rows_.size())
            return {};
        return cellData(columns_, rows_[index.row()], index.row(), index.column(), role);
    }
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override {
        if (orientation == Qt::Horizontal && role == Qt::DisplayRole)
            return columns_.title(section);
        return QAbstractTableModel::headerData(section, orientation, role);
    }

private:
    const ColumnList &columns_;
    QList<QVariantList> rows_;
};

} // namespace mvdash
