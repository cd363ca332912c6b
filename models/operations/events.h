#pragma once

#include "decimal.h"

#include <optional>
#include <QString>

namespace mvdash {

// The rows of the three event tables (event-store.md), as plain values.
using OptText = std::optional<QString>;
using OptDecimal = std::optional<Decimal>;

struct BetEvent {
    qint64 tenantId = 0;
    qint64 eventId = 0;
    QString betId;
    QString userId;
    QString eventType; // placed, confirmed, settled, cancelled, voided
    OptDecimal stake;
    OptDecimal odds;
    OptText fixtureId;
    OptText result; // win, loss
    OptDecimal payout;
    qint64 timestamp = 0; // ms since the epoch
};

struct BalanceEvent {
    qint64 tenantId = 0;
    qint64 eventId = 0;
    QString userId;
    Decimal amount;
    QString reason;
    OptText referenceId;
    qint64 timestamp = 0;
};

struct PaymentEvent {
    qint64 tenantId = 0;
    qint64 eventId = 0;
    QString paymentId;
    QString userId;
    QString eventType; // created, pending, completed, failed, cancelled
    OptDecimal amount;
    OptText currency;
    OptText paymentMethod;
    OptText externalId;
    OptText paymentType; // deposit, withdrawal
    qint64 timestamp = 0;
};

struct Tenant {
    qint64 tenantId = 0;
    QString name;
    QString slug;
    QString status; // active, suspended, closed
    QString plan;   // free, pro, enterprise
    friend bool operator==(const Tenant &, const Tenant &) = default;
};

} // namespace mvdash
