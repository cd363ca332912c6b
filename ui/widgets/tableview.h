#pragma once

#include <QList>
#include <QString>

class QTableView;
class QWidget;

namespace mvdash {

// A table view as every panel uses it: sortable by raw values, rows selectable, Ctrl+C as
// TSV, column widths remembered under `name`.
QTableView *makeTableView(QWidget *parent, const QString &name);
// Shows the model's columns `shown` in that order (unless the user's own order was restored)
// and hides the others: the model follows its read model's column list, the panel decides
// what people see first.
void arrangeColumns(QTableView *table, const QList<int> &shown);
// Sizes the columns to their contents once, on the first rows, unless remembered widths exist
// (none wider than about half the view); from then on a column grows when its values or
// title no longer fit, and never shrinks.
void fitColumnsOnce(QTableView *table);

} // namespace mvdash
