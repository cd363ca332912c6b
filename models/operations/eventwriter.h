#pragma once

#include "connectionsettings.h"
#include "events.h"

#include <memory>
#include <QByteArray>
#include <QList>

namespace mvdash {

class Connection;

// Appends events with COPY ... FROM STDIN, one connection and one transaction per event
// table, so that a million events take seconds. Nothing is visible until commit(); a
// failure in any table rolls all three back (best effort across the three connections:
// they commit one after the other only when all COPYs succeeded).
class EventWriter {
public:
    explicit EventWriter(const ConnectionSettings &settings);
    ~EventWriter();

    void add(const BetEvent &e);
    void add(const BalanceEvent &e);
    void add(const PaymentEvent &e);
    // Throws DbError; on error nothing is committed.
    void commit();
    qint64 written() const { return written_; }

private:
    struct Stream;
    void append(Stream &stream, const QByteArray &line);
    std::unique_ptr<Stream> bets_, balances_, payments_;
    qint64 written_ = 0;
};

// Inserts or updates tenants rows (bound values; ON CONFLICT keeps it idempotent).
void upsertTenants(const ConnectionSettings &settings, const QList<Tenant> &tenants);

} // namespace mvdash
