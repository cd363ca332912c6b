#include "format.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace mvdash {

QString formatMoney(const Decimal &value, const QLocale &locale) {
    return formatDecimalText(value.toString(2), locale);
}

QString formatDecimalText(const QString &exact, const QLocale &locale) {
    static const QRegularExpression plain(QStringLiteral("^-?[0-9]+(\\.[0-9]+)?$"));
    if (!plain.match(exact).hasMatch())
        return exact;
    const bool negative = exact.startsWith(u'-');
    const QString digits = negative ? exact.mid(1) : exact;
    const QString integer = digits.section(u'.', 0, 0);
    const QString fraction = digits.section(u'.', 1, 1);
    QString grouped;
    for (qsizetype i = 0; i < integer.size(); ++i) {
        if (i > 0 && (integer.size() - i) % 3 == 0)
            grouped += locale.groupSeparator();
        grouped += integer[i];
    }
    return (negative ? locale.negativeSign() : QString()) + grouped +
           (digits.contains(u'.') ? locale.decimalPoint() + fraction : QString());
}

QString formatCount(qint64 value, const QLocale &locale) {
    return locale.toString(value);
}

QString formatBytes(qint64 bytes, const QLocale &locale) {
    return locale.formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

QString formatTime(const QDateTime &at, const QLocale &locale) {
    return at.isValid() ? locale.toString(at.toLocalTime(), QLocale::ShortFormat) : QString();
}

Decimal decimalOf(const QVariant &value) {
    return Decimal::parse(value.toString()).value_or(Decimal());
}

QString formatMoneyOf(const QVariant &value, const QLocale &locale) {
    return value.isNull() ? QString() : formatMoney(decimalOf(value), locale);
}

QString describeOutcome(RunOutcome outcome) {
    switch (outcome) {
    case RunOutcome::Ok:
        //: how a view's refresh ended: it went well
        return QCoreApplication::translate("mvdash::Format", "ok");
    case RunOutcome::Skipped:
        //: how a view's refresh ended: it was not run
        return QCoreApplication::translate("mvdash::Format", "skipped");
    case RunOutcome::Failed:
        break;
    }
    //: how a view's refresh ended: with an error
    return QCoreApplication::translate("mvdash::Format", "failed");
}

QString describeFreshness(Freshness freshness) {
    switch (freshness) {
    case Freshness::Fresh:
        //: the data's freshness: refreshed within the interval
        return QCoreApplication::translate("mvdash::Format", "fresh");
    case Freshness::Late:
        //: the data's freshness: past the refresh interval
        return QCoreApplication::translate("mvdash::Format", "late");
    case Freshness::Stale:
        break;
    }
    //: the data's freshness: past twice the refresh interval, or never refreshed
    return QCoreApplication::translate("mvdash::Format", "stale");
}

} // namespace mvdash
