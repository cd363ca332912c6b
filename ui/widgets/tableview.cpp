#include "tableview.h"

#include <algorithm>
#include <QClipboard>
#include <QGuiApplication>
#include <QHeaderView>
#include <QSettings>
#include <QShortcut>
#include <QTableView>
#include <QTimer>

namespace mvdash {

namespace {
// A column is never fitted wider than this: one long text (a diagnosis, an error) must not
// push every other column out of view; its cell shows the start, its tooltip or detail pane
// the rest.
int widestFit(const QTableView *table) {
    return std::max(160, table->viewport()->width() * 45 / 100);
}

// Widens the columns whose contents (or title) no longer fit: a balance that gained a digit,
// a newer time on top, a translated title. Never narrows: a width someone chose, or one
// that fitted longer values before, stays.
void growColumnsToContents(QTableView *table) {
    QHeaderView *header = table->horizontalHeader();
    const QVariantList chosen = table->property("userSizedColumns").toList();
    const int cap = widestFit(table);
    const int stretched =
        header->stretchLastSection()
            ? header->logicalIndex(header->count() - 1 - header->hiddenSectionCount())
            : -1;
    for (int column = 0; column < header->count(); ++column) {
        // (sizeHintForColumn is public in QAbstractItemView, protected in QTableView)
        if (header->isSectionHidden(column) || column == stretched || chosen.contains(column))
            continue;
        const int wanted = std::min(
            cap, std::max(static_cast<const QAbstractItemView *>(table)->sizeHintForColumn(column),
                          header->sectionSizeHint(column)));
        if (wanted > header->sectionSize(column))
            header->resizeSection(column, wanted);
    }
}
} // namespace

void fitColumnsOnce(QTableView *table) {
    QAbstractItemModel *model = table->model();
    if (model == nullptr || model->rowCount() == 0)
        return;
    if (!table->property("columnsWatched").toBool()) {
        table->setProperty("columnsWatched", true);
        // values change in place (a reload's changed rows) or arrive (more pages): the
        // columns grow with them, once per burst of changes
        const auto later = [table] {
            if (table->property("growPending").toBool())
                return;
            table->setProperty("growPending", true);
            QTimer::singleShot(0, table, [table] {
                table->setProperty("growPending", false);
                growColumnsToContents(table);
            });
        };
        QObject::connect(model, &QAbstractItemModel::dataChanged, table, later);
        QObject::connect(model, &QAbstractItemModel::rowsInserted, table, later);
        QObject::connect(model, &QAbstractItemModel::modelReset, table, later);
    }
    if (table->property("columnsFitted").toBool())
        return;
    table->setProperty("columnsFitted", true);
    table->resizeColumnsToContents();
    QHeaderView *header = table->horizontalHeader();
    for (int column = 0; column < header->count(); ++column)
        if (header->sectionSize(column) > widestFit(table))
            header->resizeSection(column, widestFit(table));
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
    // a width the user drags to stays theirs: the columns that grow with their values
    // leave it alone (this session; remembered widths may grow when values need it). A drag
    // is a resize with a mouse button down; the program's own resizes come without one.
    QObject::connect(table->horizontalHeader(), &QHeaderView::sectionResized, table,
                     [table](int column) {
                         if (QGuiApplication::mouseButtons() == Qt::NoButton)
                             return;
                         QVariantList chosen = table->property("userSizedColumns").toList();
                         if (!chosen.contains(column))
                             table->setProperty("userSizedColumns", chosen << column);
                     });
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
