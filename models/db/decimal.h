#pragma once

#include <cstdint>
#include <optional>
#include <QString>

namespace mvdash {

// An exact fixed-point number for money and odds: an integer count of 10^-scale units.
// Values cross from PostgreSQL's numeric text to the screen without ever being a double.
class Decimal {
public:
    static constexpr int kMaxScale = 6;

    Decimal() = default;

    // Parses PostgreSQL numeric text ("-12.5", "3", "0.0100"); nullopt on anything else or
    // on more fractional digits than kMaxScale.
    static std::optional<Decimal> parse(QStringView text);
    // value * 10^-scale, e.g. fromScaled(1250, 2) == 12.50
    static Decimal fromScaled(qint64 value, int scale);

    // Canonical text with exactly `scale` fractional digits ("12.50" at scale 2).
    QString toString(int scale) const;
    // Canonical text without trailing fractional zeros ("12.5", "3").
    QString toShortString() const;

    Decimal operator+(const Decimal &other) const { return Decimal(units_ + other.units_); }
    Decimal &operator+=(const Decimal &other) {
        units_ += other.units_;
        return *this;
    }
    Decimal operator-() const { return Decimal(-units_); }
    bool operator==(const Decimal &other) const { return units_ == other.units_; }
    bool operator!=(const Decimal &other) const { return units_ != other.units_; }
    bool operator<(const Decimal &other) const { return units_ < other.units_; }

    bool isZero() const { return units_ == 0; }
    // For charts only: an approximation, never used for arithmetic or display of values.
    double toDouble() const;

private:
    explicit Decimal(__int128 units)
        : units_(units) {}
    // always kept at kMaxScale, so that sums and comparisons need no rescaling
    __int128 units_ = 0;
};

} // namespace mvdash
