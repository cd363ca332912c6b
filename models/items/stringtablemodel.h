#pragma once

#include <QAbstractTableModel>
#include <QStringList>

namespace mvdash {

// A small read-only table of already formatted cells (the user lookup's lists): headers,
// rows, and which columns hold numbers (right-aligned).
class StringTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    StringTableModel(QStringList headers, QList<int> numericColumns, QObject *parent = nullptr)
        : QAbstractTableModel(parent)
        , headers_(std::move(headers))
        , numeric_(std::move(numericColumns)) {}

    void setRows(QList<QStringList> rows) {
        beginResetModel();
        rows_ = std::move(rows);
        endResetModel();
    }
    int rowCount(const QModelIndex &parent = {}) const override {
        return parent.isValid() ? 0 : int(rows_.size());
    }
    int columnCount(const QModelIndex &parent = {}) const override {
        return parent.isValid() ? 0 : int(headers_.size());
    }
    QVariant data(const QModelIndex &index, int role) const override {
        if (!index.isValid() || index.row() >= rows_.size())
            return {};
        if (role == Qt::TextAlignmentRole && numeric_.contains(index.column()))
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        if (role == Qt::DisplayRole)
            return rows_[index.row()].value(index.column());
        return {};
    }
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override {
        if (orientation == Qt::Horizontal && role == Qt::DisplayRole)
            return headers_.value(section);
        return QAbstractTableModel::headerData(section, orientation, role);
    }

private:
    QStringList headers_;
    QList<int> numeric_;
    QList<QStringList> rows_;
};

} // namespace mvdash
