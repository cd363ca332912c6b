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

QTableView *makeTableView(QWidget *parent, const QString &name) {
    auto *table = new QTableView(parent);
    table->setObjectName(name);
    // column widths and order are remembered per table: restored when the first rows
    // arrive (a header without sections cannot take its state), saved as they change
    const QString key = QStringLiteral("ui/columns/") + name;
    auto restore = [table, key] {
        QHeaderView *header = table->horizontalHeader();
        if (header->count() == 0 || table->property("columnsRestored").toBool())
            return;
        table->setProperty("columnsRestored", true);
        const QByteArray state = QSettings().value(key).toByteArray();
        if (!state.isEmpty() && header->restoreState(state))
            table->setProperty("columnsFitted", true); // the user's widths win over fitting
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
        std::sort(cells.begin(), cells.end(), [](const QModelIndex &a, const QModelIndex &b) {
            return a.row() != b.row() ? a.row() < b.row() : a.column() < b.column();
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
