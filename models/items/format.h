#pragma once

#include "decimal.h"
#include "humanize.h"
#include "runoutcome.h"
#include "states.h"

#include <QDateTime>
#include <QLocale>
#include <QString>
#include <QVariant>

namespace mvdash {

// Exact money in the user's locale: grouped digits, two decimals, no currency (the platform
// mixes currencies per payment). Never goes through double.
QString formatMoney(const Decimal &value, const QLocale &locale = QLocale());
// A number the server gave as exact decimal text ("-1234.5", a numeric's text: durations in
// ms, odds), in the user's locale: grouped digits, the locale's decimal point and minus sign,
// every digit kept. Text that is not a plain decimal number is returned as it is.
QString formatDecimalText(const QString &exact, const QLocale &locale = QLocale());
QString formatCount(qint64 value, const QLocale &locale = QLocale());
QString formatBytes(qint64 bytes, const QLocale &locale = QLocale());
// States in words for people (translated), the one place they are spelled out for the UI.
QString describeOutcome(RunOutcome outcome);
QString describeFreshness(Freshness freshness);
// A value of one of the spec's vocabularies (a tenant's status or plan, a bet's status or
// result, a payment's status, type or method) in the user's language; `vocabulary` tells apart
// the same word in two of them ("cancelled": a bet, a payment). Without a translation (English,
// or a value outside them) the stored word is made readable: "bank_transfer" as "Bank
// transfer".
QString formatCode(const QString &code, const char *vocabulary);
// A moment in local time: the locale's short date with a four-digit year and its time with
// seconds, without the zone ("" for an invalid one). timeFormat() is that format,
// clockFormat() its time of day.
QString formatTime(const QDateTime &at, const QLocale &locale = QLocale());
QString timeFormat(const QLocale &locale = QLocale());
QString clockFormat(const QLocale &locale = QLocale());
// A numeric column as QPSQL hands it (exact text, HighPrecision): the Decimal (0 when null or
// not a number), and formatted as money ("" when null).
Decimal decimalOf(const QVariant &value);
QString formatMoneyOf(const QVariant &value, const QLocale &locale = QLocale());

} // namespace mvdash
