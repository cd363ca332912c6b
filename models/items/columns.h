#pragma once

#include <initializer_list>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

class QSqlQuery;
class QSqlRecord;

namespace mvdash {

// What a column holds; it says how a value is read, shown, aligned, sorted and exported.
enum class ColumnKind {
    Text,      // text, shown as it is
    Code,      // a value of the spec's vocabularies (a status, a type, a plan, a method): shown
               // in the user's language (formatCode), exported as stored
    Money,     // numeric: an exact Decimal (null stays null and is shown empty)
    Number,    // numeric that is not money (odds): the server's exact digits, locale separators
    Count,     // bigint, grouped digits
    Time,      // timestamptz, shown in local time, exported as ISO 8601 UTC with ms
    Millis,    // bigint epoch milliseconds (the spec's *_timestamp), shown as a local time
    Bytes,     // bigint bytes, shown as kB/MB/GB
    RowNumber, // not read: the row's rank, from 1
};

// The translation context of every ColumnSpec::title (QT_TRANSLATE_NOOP's first argument).
inline constexpr char kColumnTitleContext[] = "mvdash::Columns";

// One column of an item model: the SQL alias it is read by (by name, never by position), its
// title for people and its kind.
struct ColumnSpec {
    const char *alias;
    const char *title; // untranslated; translated in kColumnTitleContext
    ColumnKind kind;
    // a Code's vocabulary, the disambiguation of its values' translations ("bet status":
    // a bet and a payment are "cancelled" in different words in Russian)
    const char *vocabulary = nullptr;
};

// The columns of one item model, in its order: the one place a model's contract is written.
// It drives reading a result by name, data() (display, sort, alignment), the headers and the
// CSV export (its header is the aliases, never the titles: a data file stays the same in every
// language); adding a column to a panel means adding its alias to the SQL and one entry here.
class ColumnList {
public:
    ColumnList(std::initializer_list<ColumnSpec> columns)
        : columns_(columns) {}
    // `first`'s columns, then `more`
    ColumnList(const ColumnList &first, std::initializer_list<ColumnSpec> more)
        : columns_(first.columns_ + QList<ColumnSpec>(more)) {}

    int count() const { return int(columns_.size()); }
    const ColumnSpec &operator[](int column) const { return columns_[column]; }
    // The title of `column` in the current language (translated when asked, never at static
    // initialization: the lists are built before the translator is installed).
    QString title(int column) const;
    QStringList titles() const;               // translated
    QList<const char *> sourceTitles() const; // untranslated (kColumnTitleContext)
    QStringList aliases() const;
    bool isNumeric(int column) const;

    // Where each column is in a result, found by name once per result (pgModeler's
    // ResultSet::getColumnValue(name)). A result without one of them means the SQL and this
    // list disagree: DbError naming the column and `what`.
    QList<int> positionsIn(const QSqlRecord &record, const QString &what) const;
    // The current row of `query`, one value per column, typed by kind (Money: Decimal).
    QVariantList read(const QSqlQuery &query, const QList<int> &positions) const;
    // The columns the current row of `query` has (by name), into `values` (one per column);
    // for a record put together from several results.
    void readPresent(const QSqlQuery &query, QVariantList &values) const;

    QVariant display(int column, const QVariant &value, int row = 0) const; // for people
    QVariant sortKey(int column, const QVariant &value, int row = 0) const; // numbers as numbers
    QVariant alignment(int column) const;
    QString exported(int column, const QVariant &value) const; // exact, for a CSV file

private:
    QVariant typed(int column, const QVariant &value) const;

    QList<ColumnSpec> columns_;
};

// A cell of a row of `columns` for an item model's data(): display (and edit, tool tip),
// sort key (SortRole), alignment.
QVariant cellData(const ColumnList &columns, const QVariantList &row, int rowIndex, int column,
                  int role);

} // namespace mvdash
