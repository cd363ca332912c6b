#pragma once

#include "connectionsettings.h"
#include "events.h"

#include <array>
#include <memory>
#include <QByteArray>
#include <QList>
#include <QSqlDatabase>

namespace mvdash {

class Connection;

// Appends events with COPY ... FROM STDIN, one connection and one transaction per event
// table, so that a million events take seconds. Nothing is visible until commit(); a
// failure in any table rolls all three back (best effort across the three connections:
// they commit one after the other only when all COPYs succeeded). A table's connection
// opens at its first event and stays open: after commit() the same writer takes the next
// batch (add, commit) on the same sessions. Use it on one thread.
class EventWriter {
public:
    explicit EventWriter(const ConnectionSettings &settings);
    ~EventWriter();

    void add(const BetEvent &e);
    void add(const BalanceEvent &e);
    void add(const PaymentEvent &e);
    // Throws DbError. On an error before the COMMITs nothing is committed; a COMMIT failing after
    // another table's went through leaves those tables' events in, and the error says so.
    void commit();
    // Drops what was added since the last commit (their transactions roll back). Never throws.
    void rollback();
    qint64 written() const { return written_; }

private:
    struct Stream;
    void append(Stream &stream, const QByteArray &line);
    std::array<Stream *, 3> allStreams() const;
    std::unique_ptr<Stream> bets_, balances_, payments_;
    qint64 written_ = 0;
};

// Inserts or updates tenants rows (bound values; ON CONFLICT keeps it idempotent), in one
// transaction on the given session or on a session of its own.
void upsertTenants(const QSqlDatabase &db, const QList<Tenant> &tenants);
void upsertTenants(const ConnectionSettings &settings, const QList<Tenant> &tenants);

} // namespace mvdash
