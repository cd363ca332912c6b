#pragma once

#include <functional>
#include <QAbstractTableModel>
#include <QList>

namespace mvdash {

// Custom roles of mvdash's models (GammaRay style: one small header).
enum Role {
    SortRole = Qt::UserRole + 1, // raw value to sort by (numbers as numbers)
    StateRole,                   // a CellState per cell (states.h)
    KeyRole,                     // the row's key (view name, tenant id, ...)
};

// Replaces the rows of a table model. When the keys are the same and in the same order (a
// reload of unchanged or updated data), rows are swapped in place and dataChanged is emitted
// only for rows that differ: views keep selection and scroll position. Otherwise the model
// resets.
template <typename Row, typename Key, typename Equal>
void replaceRows(QAbstractTableModel *model, QList<Row> &current, QList<Row> fresh,
                 const std::function<Key(const Row &)> &key, Equal equal,
                 const std::function<void()> &beginReset, const std::function<void()> &endReset) {
    bool sameKeys = current.size() == fresh.size();
    for (qsizetype i = 0; sameKeys && i < fresh.size(); ++i)
        sameKeys = key(current[i]) == key(fresh[i]);
    if (!sameKeys) {
        beginReset();
        current = std::move(fresh);
        endReset();
        return;
    }
    const int lastColumn = model->columnCount() - 1;
    for (qsizetype i = 0; i < fresh.size(); ++i) {
        if (equal(current[i], fresh[i]))
            continue;
        current[i] = std::move(fresh[i]);
        emit model->dataChanged(model->index(int(i), 0), model->index(int(i), lastColumn));
    }
}

} // namespace mvdash
