#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace mvdash {

// A plain-text table for the terminal: columns padded to their widest cell, numbers (cells
// of columns marked right-aligned) flush right.
class TextTable {
public:
    explicit TextTable(QStringList headers, QList<bool> rightAligned = {})
        : headers_(std::move(headers))
        , right_(std::move(rightAligned)) {}
    void addRow(QStringList cells) { rows_ << std::move(cells); }
    QString render() const;

private:
    QStringList headers_;
    QList<bool> right_;
    QList<QStringList> rows_;
};

} // namespace mvdash
