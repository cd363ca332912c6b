#include "decimal.h"

#include <algorithm>

namespace mvdash {

namespace {
constexpr __int128 pow10(int n) {
    __int128 p = 1;
    while (n-- > 0)
        p *= 10;
    return p;
}
} // namespace

std::optional<Decimal> Decimal::parse(QStringView text) {
    text = text.trimmed();
    if (text.isEmpty())
        return std::nullopt;
    bool negative = false;
    if (text.front() == u'-' || text.front() == u'+') {
        negative = text.front() == u'-';
        text = text.mid(1);
    }
    __int128 integer = 0;
    __int128 fraction = 0;
    int fractionDigits = 0;
    bool seenPoint = false;
    bool seenDigit = false;
    for (QChar c : text) {
        if (c == u'.' && !seenPoint) {
            seenPoint = true;
            continue;
        }
        if (!c.isDigit())
            return std::nullopt;
        seenDigit = true;
        const int digit = c.digitValue();
        if (seenPoint) {
            if (++fractionDigits > kMaxScale)
                return std::nullopt;
            fraction = fraction * 10 + digit;
        } else {
            integer = integer * 10 + digit;
            if (integer > pow10(30))
                return std::nullopt;
        }
    }
    if (!seenDigit)
        return std::nullopt;
    __int128 units = integer * pow10(kMaxScale) + fraction * pow10(kMaxScale - fractionDigits);
    return Decimal(negative ? -units : units);
}

Decimal Decimal::fromScaled(qint64 value, int scale) {
    return Decimal(__int128(value) * pow10(kMaxScale - std::clamp(scale, 0, kMaxScale)));
}

QString Decimal::toString(int scale) const {
    scale = std::clamp(scale, 0, kMaxScale);
    const __int128 step = pow10(kMaxScale - scale);
    __int128 magnitude = units_ < 0 ? -units_ : units_;
    // round half away from zero when showing fewer digits than kept
    magnitude = (magnitude + step / 2) / step;
    const __int128 unit = pow10(scale);
    __int128 integer = magnitude / unit;
    __int128 fraction = magnitude % unit;
    QString digits;
    do {
        digits.prepend(QChar(u'0' + int(integer % 10)));
        integer /= 10;
    } while (integer > 0);
    if (units_ < 0 && magnitude != 0)
        digits.prepend(u'-');
    if (scale > 0) {
        QString frac = QString::number(qint64(fraction));
        digits += u'.' + frac.rightJustified(scale, u'0');
    }
    return digits;
}

QString Decimal::toShortString() const {
    QString text = toString(kMaxScale);
    while (text.endsWith(u'0'))
        text.chop(1);
    if (text.endsWith(u'.'))
        text.chop(1);
    return text;
}

double Decimal::toDouble() const {
    return double(units_) / double(pow10(kMaxScale));
}

} // namespace mvdash
