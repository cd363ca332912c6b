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
    // under a kilobyte Qt's own word has no plural forms ("0 байты" in Russian): ours has
    if (bytes > -1024 && bytes < 1024)
        //: a size under a kilobyte: "0 bytes", "1 byte", "512 bytes" (%1 the number)
        return QCoreApplication::translate("mvdash::Format", "%1 byte(s)", nullptr, int(bytes))
            .arg(locale.toString(bytes));
    return locale.formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

QString clockFormat(const QLocale &locale) {
    // The locale's time with seconds but without the zone, which the badge names once: "t"
    // with what binds it to the time ("(t)", "[t]", ", t").
    static const QRegularExpression zone(QStringLiteral("[\\s,\\x{060C}]*[\\(\\[]?t+[\\)\\]]?"));
    return locale.timeFormat(QLocale::LongFormat).remove(zone).trimmed();
}

QString timeFormat(const QLocale &locale) {
    // The locale's short date with the year in full, and its time with seconds: a payment is
    // matched to a provider's record by the second, a live step takes one. Asked for every
    // cell shown: kept per thread for the last locale.
    thread_local QString name, format;
    if (name != locale.name() || format.isEmpty()) {
        QString date = locale.dateFormat(QLocale::ShortFormat);
        if (!date.contains(QLatin1String("yyyy")))
            date.replace(QLatin1String("yy"), QLatin1String("yyyy"));
        name = locale.name();
        format = date + u' ' + clockFormat(locale);
    }
    return format;
}

QString formatTime(const QDateTime &at, const QLocale &locale) {
    return at.isValid() ? locale.toString(at.toLocalTime(), timeFormat(locale)) : QString();
}

Decimal decimalOf(const QVariant &value) {
    return Decimal::parse(value.toString()).value_or(Decimal());
}

QString formatMoneyOf(const QVariant &value, const QLocale &locale) {
    return value.isNull() ? QString() : formatMoney(decimalOf(value), locale);
}

namespace {
// The spec's vocabularies (../shared/spec/event-store.md), for lupdate: formatCode translates
// at run time whatever value it gets, in context mvdash::Values with the vocabulary as the
// disambiguation. Payment methods are not the spec's: the ones the generator and the
// Payments panel's filter know.
[[maybe_unused]] constexpr const char *kVocabularies[][2] = {
    QT_TRANSLATE_NOOP3("mvdash::Values", "active", "tenant status"),
    QT_TRANSLATE_NOOP3("mvdash::Values", "suspended", "tenant status"),
    QT_TRANSLATE_NOOP3("mvdash::Values", "closed", "tenant status"),
    QT_TRANSLATE_NOOP3("mvdash::Values", "free", "tenant plan"),
    QT_TRANSLATE_NOOP3("mvdash::Values", "pro", "tenant plan"),
    QT_TRANSLATE_NOOP3("mvdash::Values", "enterprise", "tenant plan"),
    QT_TRANSLATE_NOOP3("mvdash::Values", "placed", "bet status"),
    QT_TRANSLATE_NOOP3("mvdash::Values", "confirmed", "bet status"),
    QT_TRANSLATE_NOOP3("mvdash::Values", "settled", "bet status"),
    QT_TRANSLATE_NOOP3("mvdash::Values", "cancelled", "bet status"),
    QT_TRANSLATE_NOOP3("mvdash::Values", "voided", "bet status"),
    QT_TRANSLATE_NOOP3("mvdash::Values", "win", "bet result"),
    QT_TRANSLATE_NOOP3("mvdash::Values", "loss", "bet result"),
    QT_TRANSLATE_NOOP3("mvdash::Values", "created", "payment status"),
    QT_TRANSLATE_NOOP3("mvdash::Values", "pending", "payment status"),
    QT_TRANSLATE_NOOP3("mvdash::Values", "completed", "payment status"),
    QT_TRANSLATE_NOOP3("mvdash::Values", "failed", "payment status"),
    QT_TRANSLATE_NOOP3("mvdash::Values", "cancelled", "payment status"),
    QT_TRANSLATE_NOOP3("mvdash::Values", "deposit", "payment type"),
    QT_TRANSLATE_NOOP3("mvdash::Values", "withdrawal", "payment type"),
    QT_TRANSLATE_NOOP3("mvdash::Values", "card", "payment method"),
    QT_TRANSLATE_NOOP3("mvdash::Values", "bank_transfer", "payment method"),
    QT_TRANSLATE_NOOP3("mvdash::Values", "e_wallet", "payment method"),
    QT_TRANSLATE_NOOP3("mvdash::Values", "crypto", "payment method"),
};
} // namespace

QString formatCode(const QString &code, const char *vocabulary) {
    const QString translated =
        QCoreApplication::translate("mvdash::Values", code.toUtf8().constData(), vocabulary);
    if (translated != code || code.isEmpty())
        return translated;
    // No translation (English, or a value the list above does not know): the stored word
    // made readable, "bank_transfer" as "Bank transfer"; filters and exports keep the code.
    QString readable = code;
    readable.replace(u'_', u' ');
    readable[0] = readable[0].toUpper();
    return readable;
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
