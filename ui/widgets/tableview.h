#pragma once

#include <QString>

class QTableView;
class QWidget;

namespace mvdash {

// A table view as every panel uses it: sortable by raw values, rows selectable, Ctrl+C as
// TSV, column widths remembered under `name`.
QTableView *makeTableView(QWidget *parent, const QString &name);
// Sizes the columns to their contents once, on the first rows, unless remembered widths exist.
void fitColumnsOnce(QTableView *table);

} // namespace mvdash
