#include "texttable.h"

namespace mvdash {

QString TextTable::render() const {
    QList<qsizetype> widths;
    for (const QString &h : headers_)
        widths << h.size();
    for (const QStringList &row : rows_)
        for (qsizetype c = 0; c < row.size() && c < widths.size(); ++c)
            widths[c] = std::max(widths[c], row[c].size());
    auto line = [&](const QStringList &cells) {
        QStringList padded;
        for (qsizetype c = 0; c < widths.size(); ++c) {
            const QString cell = cells.value(c);
            padded << (right_.value(c) ? cell.rightJustified(widths[c])
                                       : cell.leftJustified(widths[c]));
        }
        return padded.join(QStringLiteral("  ")).trimmed() + u'\n';
    };
    QString out = line(headers_);
    QStringList rule;
    for (qsizetype w : widths)
        rule << QString(w, u'-');
    out += rule.join(QStringLiteral("  ")) + u'\n';
    for (const QStringList &row : rows_)
        out += line(row);
    return out;
}

} // namespace mvdash
