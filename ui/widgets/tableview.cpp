#include "tableview.h"

#include <algorithm>
#include <limits>
#include <QClipboard>
#include <QGuiApplication>
#include <QHeaderView>
#include <QSet>
#include <QSettings>
#include <QShortcut>
#include <QTableView>
#include <QTimer>

namespace mvdash {

namespace {
// Fits a table's columns to their contents: once on the first rows (unless the user's widths
// were restored), then grows a column whose values or title no longer fit (a balance that
// gained a digit, a newer time on top, a translated title). It never narrows one, never fits
// one wider than about half the view (one long diagnosis must not push the rest out of
// sight), and leaves alone a column the user dragged. Work for a hidden table waits for it
// to be shown: its size is not known before, and nobody sees it.
class ColumnFitter : public QObject {
public:
    explicit ColumnFitter(QTableView *table)
        : QObject(table)
        , table_(table) {
        table->installEventFilter(this);
        // a resize with a mouse button down that is not ours is the user's drag
        connect(table->horizontalHeader(), &QHeaderView::sectionResized, this, [this](int column) {
            if (!fitting_ && QGuiApplication::mouseButtons() != Qt::NoButton)
                userSized_.insert(column);
        });
    }

    void fitOnce() {
        QAbstractItemModel *model = table_->model();
        if (model == nullptr || model->rowCount() == 0)
            return;
        if (model != watched_) {
            watched_ = model;
            // changed values: only their columns; new rows or a reset: every column
            connect(model, &QAbstractItemModel::dataChanged, this,
                    [this](const QModelIndex &from, const QModelIndex &to) {
                        growLater(from.column(), to.column());
                    });
            connect(model, &QAbstractItemModel::rowsInserted, this, [this] { growLater(); });
            connect(model, &QAbstractItemModel::modelReset, this, [this] { growLater(); });
        }
        if (table_->property("columnsFitted").toBool())
            return;
        if (!table_->isVisible()) {
            firstFitWaits_ = true;
            return;
        }
        table_->setProperty("columnsFitted", true);
        firstFitWaits_ = false;
        const Fitting fitting(this);
        table_->resizeColumnsToContents();
        QHeaderView *header = table_->horizontalHeader();
        for (int column = 0; column < header->count(); ++column)
            if (header->sectionSize(column) > widestFit())
                header->resizeSection(column, widestFit());
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override {
        if (watched == table_ && event->type() == QEvent::Show)
            QTimer::singleShot(0, this, [this] {
                if (firstFitWaits_)
                    fitOnce();
                else
                    growLater();
            });
        return false;
    }

private:
    // Our own resizes, told apart from the user's.
    class Fitting {
    public:
        explicit Fitting(ColumnFitter *fitter)
            : fitter_(fitter) {
            fitter_->fitting_ = true;
        }
        ~Fitting() { fitter_->fitting_ = false; }

    private:
        ColumnFitter *fitter_;
    };

    int widestFit() const { return std::max(160, table_->viewport()->width() * 45 / 100); }

    // Once per burst of changes, after them.
    void growLater(int first = 0, int last = std::numeric_limits<int>::max()) {
        pendingFirst_ = std::min(pendingFirst_, first);
        pendingLast_ = std::max(pendingLast_, last);
        if (growQueued_)
            return;
        growQueued_ = true;
        QTimer::singleShot(0, this, [this] {
            growQueued_ = false;
            const int from = pendingFirst_, to = pendingLast_;
            pendingFirst_ = std::numeric_limits<int>::max();
            pendingLast_ = -1;
            if (table_->isVisible() && table_->property("columnsFitted").toBool())
                grow(from, to);
        });
    }

    void grow(int first, int last) {
        QHeaderView *header = table_->horizontalHeader();
        const Fitting fitting(this);
        // the rows in view only (not up to a thousand more, as sizeHintForColumn would):
        // what people see is what must fit, and a page of payments costs no more to show
        const int precision = header->resizeContentsPrecision();
        header->setResizeContentsPrecision(0);
        const int cap = widestFit();
        const int stretched = stretchedColumn();
        for (int column = std::max(0, first); column <= std::min(last, header->count() - 1);
             ++column) {
            if (header->isSectionHidden(column) || column == stretched ||
                userSized_.contains(column))
                continue;
            // (sizeHintForColumn is public in QAbstractItemView, protected in QTableView)
            const int wanted = std::min(
                cap,
                std::max(static_cast<const QAbstractItemView *>(table_)->sizeHintForColumn(column),
                         header->sectionSizeHint(column)));
            if (wanted > header->sectionSize(column))
                header->resizeSection(column, wanted);
        }
        header->setResizeContentsPrecision(precision);
    }

    // The last column shown, which the header stretches to the view's edge (-1 if none):
    // hidden columns may sit anywhere (the Refresh panel's Behind columns in matview mode).
    int stretchedColumn() const {
        const QHeaderView *header = table_->horizontalHeader();
        if (!header->stretchLastSection())
            return -1;
        for (int visual = header->count() - 1; visual >= 0; --visual)
            if (!header->isSectionHidden(header->logicalIndex(visual)))
                return header->logicalIndex(visual);
        return -1;
    }

    QTableView *table_;
    QAbstractItemModel *watched_ = nullptr;
    QSet<int> userSized_;
    bool fitting_ = false;
    bool firstFitWaits_ = false;
    bool growQueued_ = false;
    int pendingFirst_ = std::numeric_limits<int>::max();
    int pendingLast_ = -1;
};
} // namespace

void fitColumnsOnce(QTableView *table) {
    // (a plain pointer in a property: ColumnFitter has no meta-object of its own for findChild)
    if (auto *fitter =
            static_cast<ColumnFitter *>(table->property("mvdashColumnFitter").value<QObject *>()))
        fitter->fitOnce();
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
    table->setProperty("mvdashColumnFitter",
                       QVariant::fromValue(static_cast<QObject *>(new ColumnFitter(table))));
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
