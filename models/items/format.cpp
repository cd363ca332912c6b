#include "format.h"

#include <QCoreApplication>

namespace mvdash {

QString formatMoney(const Decimal &value, const QLocale &locale) {
    const QString plain = value.toString(2);
    const bool negative = plain.startsWith(u'-');
    const QString digits = negative ? plain.mid(1) : plain;
    const QString integer = digits.section(u'.', 0, 0);
    const QString fraction = digits.section(u'.', 1, 1);
    QString grouped;
    for (qsizetype i = 0; i < integer.size(); ++i) {
        if (i > 0 && (integer.size() - i) % 3 == 0)
            grouped += locale.groupSeparator();
        grouped += integer[i];
    }
    return (negative ? locale.negativeSign() : QString()) + grouped + locale.decimalPoint() +
           fraction;
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
        return QCoreApplication::translate("mvdash", "ok");
    case RunOutcome::Skipped:
        return QCoreApplication::translate("mvdash", "skipped");
    case RunOutcome::Failed:
        break;
    }
    return QCoreApplication::translate("mvdash", "failed");
}

QString describeFreshness(Freshness freshness) {
    switch (freshness) {
    case Freshness::Fresh:
        return QCoreApplication::translate("mvdash", "fresh");
    case Freshness::Late:
        return QCoreApplication::translate("mvdash", "late");
    case Freshness::Stale:
        break;
    }
    return QCoreApplication::translate("mvdash", "stale");
}

} // namespace mvdash
