#include "tableview.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QHeaderView>
#include <QSettings>
#include <QShortcut>
#include <QTableView>

namespace mvdash {

void fitColumnsOnce(QTableView *table) {
    if (table->model() == nullptr || table->model()->rowCount() == 0 ||
        table->property("columnsFitted").toBool())
        return;
    table->setProperty("columnsFitted", true);
    table->resizeColumnsToContents();
}

void arrangeColumns(QTableView *table, const QList<int> &shown) {
    QHeaderView *header = table->horizontalHeader();
    for (int column = 0; column < header->count(); ++column)
        header->setSectionHidden(column, !shown.contains(column));
    if (table->property("columnsArranged").toBool())
        return;
    for (int visual = 0; visual < shown.size(); ++visual)
        header->moveSection(header->visualIndex(shown[visual]), visual);
}

QTableView *makeTableView(QWidget *parent, const QString &name) {
    auto *table = new QTableView(parent);
    table->setObjectName(name);
    // column widths and order are remembered per table: restored when the first rows
    // arrive (a header without sections cannot take its state), saved as they change
    // (per number of columns: a model whose column list changed starts from its defaults)
    auto restore = [table, name] {
        QHeaderView *header = table->horizontalHeader();
        if (header->count() == 0 || table->property("columnsRestored").toBool())
            return;
        table->setProperty("columnsRestored", true);
        const QString key = QStringLiteral("ui/columns/%1/%2").arg(name).arg(header->count());
        const QByteArray state = QSettings().value(key).toByteArray();
        if (!state.isEmpty() && header->restoreState(state)) {
            table->setProperty("columnsFitted", true);   // the user's widths win over fitting
            table->setProperty("columnsArranged", true); // and the user's order
        }
        QObject::connect(header, &QHeaderView::sectionResized, table,
                         [header, key] { QSettings().setValue(key, header->saveState()); });
        QObject::connect(header, &QHeaderView::sectionMoved, table,
                         [header, key] { QSettings().setValue(key, header->saveState()); });
    };
    QObject::connect(table->horizontalHeader(), &QHeaderView::sectionCountChanged, table, restore);
    table->setSortingEnabled(true);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setAlternatingRowColors(true);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    table->setWordWrap(false);
    // Ctrl+C copies the selected rows as tab-separated text, exactly as shown
    auto *copy = new QShortcut(QKeySequence::Copy, table, nullptr, nullptr, Qt::WidgetShortcut);
    QObject::connect(copy, &QShortcut::activated, table, [table] {
        QModelIndexList cells = table->selectionModel() ? table->selectionModel()->selectedIndexes()
                                                        : QModelIndexList();
        // in the order shown (columns may have been moved)
        const QHeaderView *header = table->horizontalHeader();
        std::sort(cells.begin(), cells.end(), [header](const QModelIndex &a, const QModelIndex &b) {
            return a.row() != b.row()
                       ? a.row() < b.row()
                       : header->visualIndex(a.column()) < header->visualIndex(b.column());
        });
        QString text;
        int row = -1;
        for (const QModelIndex &cell : cells) {
            if (row != -1)
                text += cell.row() == row ? u'\t' : u'\n';
            row = cell.row();
            text += cell.data().toString();
        }
        QGuiApplication::clipboard()->setText(text);
    });
    return table;
}

} // namespace mvdash
