#include "columns.h"

#include "dberror.h"
#include "format.h"
#include "roles.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QSqlRecord>

namespace mvdash {

QString ColumnList::title(int column) const {
    return column >= 0 && column < count()
               ? QCoreApplication::translate(kColumnTitleContext, columns_[column].title)
               : QString();
}

QStringList ColumnList::titles() const {
    QStringList titles;
    for (int c = 0; c < count(); ++c)
        titles << title(c);
    return titles;
}

QList<const char *> ColumnList::sourceTitles() const {
    QList<const char *> titles;
    for (const ColumnSpec &c : columns_)
        titles << c.title;
    return titles;
}

QStringList ColumnList::aliases() const {
    QStringList aliases;
    for (const ColumnSpec &c : columns_)
        aliases << QString::fromLatin1(c.alias);
    return aliases;
}

bool ColumnList::isNumeric(int column) const {
    const ColumnKind kind = columns_[column].kind;
    return kind == ColumnKind::Money || kind == ColumnKind::Number || kind == ColumnKind::Count ||
           kind == ColumnKind::Millis || kind == ColumnKind::Bytes || kind == ColumnKind::RowNumber;
}

QList<int> ColumnList::positionsIn(const QSqlRecord &record, const QString &what) const {
    QList<int> positions;
    for (const ColumnSpec &c : columns_) {
        if (c.kind == ColumnKind::RowNumber) {
            positions << -1;
            continue;
        }
        const int at = record.indexOf(QLatin1String(c.alias));
        if (at < 0)
            throw DbError(QStringLiteral("%1: the result has no column %2 (the query and the "
                                         "model's column list disagree)")
                              .arg(what, QLatin1String(c.alias)));
        positions << at;
    }
    return positions;
}

QVariant ColumnList::typed(int column, const QVariant &value) const {
    if (value.isNull())
        return QVariant();
    switch (columns_[column].kind) {
    case ColumnKind::Money:
        return QVariant::fromValue(decimalOf(value));
    case ColumnKind::Count:
    case ColumnKind::Millis:
    case ColumnKind::Bytes:
        return value.toLongLong();
    case ColumnKind::Time:
        return value.toDateTime();
    case ColumnKind::Text:
    case ColumnKind::Code:
    case ColumnKind::Number:
    case ColumnKind::RowNumber:
        break;
    }
    return value.toString();
}

QVariantList ColumnList::read(const QSqlQuery &query, const QList<int> &positions) const {
    QVariantList values;
    values.reserve(columns_.size());
    for (int c = 0; c < count(); ++c)
        values << (positions[c] < 0 ? QVariant() : typed(c, query.value(positions[c])));
    return values;
}

void ColumnList::readPresent(const QSqlQuery &query, QVariantList &values) const {
    values.resize(columns_.size());
    const QSqlRecord record = query.record();
    for (int c = 0; c < count(); ++c) {
        const int at = record.indexOf(QLatin1String(columns_[c].alias));
        if (at >= 0 && columns_[c].kind != ColumnKind::RowNumber)
            values[c] = typed(c, query.value(at));
    }
}

QVariant ColumnList::display(int column, const QVariant &value, int row) const {
    const ColumnKind kind = columns_[column].kind;
    if (kind == ColumnKind::RowNumber)
        return row + 1;
    if (!value.isValid())
        return QString();
    switch (kind) {
    case ColumnKind::Money:
        return formatMoney(value.value<Decimal>());
    case ColumnKind::Count:
        return formatCount(value.toLongLong());
    case ColumnKind::Time:
        return formatTime(value.toDateTime());
    case ColumnKind::Millis:
        return formatTime(QDateTime::fromMSecsSinceEpoch(value.toLongLong()));
    case ColumnKind::Bytes:
        return formatBytes(value.toLongLong());
    case ColumnKind::Number:
        return formatDecimalText(value.toString());
    case ColumnKind::Code:
        return formatCode(value.toString(), columns_[column].vocabulary);
    case ColumnKind::Text:
    case ColumnKind::RowNumber:
        break;
    }
    return value.toString();
}

QVariant ColumnList::sortKey(int column, const QVariant &value, int row) const {
    switch (columns_[column].kind) {
    case ColumnKind::RowNumber:
        return row;
    case ColumnKind::Money: // ordering only, never shown
        return value.isValid() ? value.value<Decimal>().toDouble() : QVariant();
    case ColumnKind::Number:
        return value.isValid() ? value.toString().toDouble() : QVariant();
    case ColumnKind::Time:
        return value.isValid() ? value.toDateTime().toMSecsSinceEpoch() : QVariant();
    case ColumnKind::Code: // in the order the user reads
        return value.isValid() ? formatCode(value.toString(), columns_[column].vocabulary)
                               : QVariant();
    case ColumnKind::Count:
    case ColumnKind::Millis:
    case ColumnKind::Bytes:
    case ColumnKind::Text:
        break;
    }
    return value;
}

QVariant ColumnList::alignment(int column) const {
    // a Millis value is a number in exports but shown as a time: aligned as the other times
    return isNumeric(column) && columns_[column].kind != ColumnKind::Millis
               ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
               : QVariant();
}

QString ColumnList::exported(int column, const QVariant &value) const {
    if (!value.isValid())
        return QString();
    switch (columns_[column].kind) {
    case ColumnKind::Money:
        return value.value<Decimal>().toString(2);
    case ColumnKind::Time:
        return value.toDateTime().toUTC().toString(Qt::ISODateWithMs);
    case ColumnKind::Count:
    case ColumnKind::Millis:
    case ColumnKind::Bytes:
        return QString::number(value.toLongLong());
    case ColumnKind::Text:
    case ColumnKind::Code:
    case ColumnKind::Number:
    case ColumnKind::RowNumber:
        break;
    }
    return value.toString();
}

QVariant cellData(const ColumnList &columns, const QVariantList &row, int rowIndex, int column,
                  int role) {
    const QVariant value = row.value(column);
    switch (role) {
    case SortRole:
        return columns.sortKey(column, value, rowIndex);
    case Qt::TextAlignmentRole:
        return columns.alignment(column);
    // EditRole too: an editable QComboBox (the tenant picker) shows an item's EditRole text
    // and puts it back into its line edit whenever that row's data changes
    case Qt::DisplayRole:
    case Qt::EditRole:
    case Qt::ToolTipRole:
        return columns.display(column, value, rowIndex);
    default:
        return {};
    }
}

} // namespace mvdash
