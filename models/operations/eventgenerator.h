#pragma once

#include "events.h"

#include <functional>
#include <QList>

namespace mvdash {

// Deterministic, realistic demo and test data: tenants of very different sizes (a Zipf
// spread), bets and payments told as stories of several events, and the awkward cases the
// views must get right: out-of-order arrival (event_id order differs from timestamp order),
// equal timestamps, fields set only on some events, cancelled/voided/re-settled bets,
// failing and completing payments, users with only payments or only balance movements,
// tenants without events and events of a tenant that has no tenants row.
class EventGenerator {
public:
    struct Options {
        qint64 events = 100000; // about this many events in all three tables together
        quint64 seed = 1;
        int tenants = 24;         // tenants with events
        int emptyTenants = 3;     // tenants rows without any event
        bool orphanTenant = true; // events of a tenant_id that has no tenants row
        qint64 firstTenantId = 10001;
        // When the history begins (2025-01-01): it spans about three months from here, every
        // story told in full (a bet placed, confirmed, settled hours later).
        qint64 startsAtMs = 1735689600000;
        // 0 for a history. Otherwise a stream of what is happening now (the demo's traffic):
        // each story is moved so that its last event falls within the second before this
        // moment, as if a bet placed an hour ago were settled now; a story keeps its own
        // spacing, its equal and out-of-order timestamps.
        qint64 storiesEndAtMs = 0;
        // 0: every tenant's history starts at startsAtMs. Otherwise each tenant's history is
        // moved so that its own newest event is at this moment (startsAtMs then only seeds
        // it): on a live platform every tenant is busy up to now. Aligned on the newest event
        // of all, a small tenant's whose clock ran days ahead, the others' last week thinned
        // out to a few events a day.
        qint64 historyEndsAtMs = 0;
        // 0: the events go to the first `tenants` tenants. Otherwise to `tenants` of a pool of
        // that many (existing) tenants, from the one at `tenantOffset` on, wrapping: a stream
        // of small batches reaches every tenant in turn (tenants() still names the first ones)
        int tenantPool = 0;
        int tenantOffset = 0;
    };
    // Where the next event_id of a tenant's table starts (so that appending never
    // collides with what is there): called once per tenant and table.
    using NextEventId = std::function<qint64(qint64 tenantId, const char *table)>;

    struct Sinks {
        std::function<void(const BetEvent &)> bet;
        std::function<void(const BalanceEvent &)> balance;
        std::function<void(const PaymentEvent &)> payment;
    };

    explicit EventGenerator(Options options);

    // The tenants rows this data set uses (without the orphan tenant).
    QList<Tenant> tenants() const;
    // Generates the events; returns how many were produced.
    qint64 generate(const NextEventId &nextEventId, const Sinks &sinks) const;
    // The newest timestamp generate() would give (it generates and drops the events): with
    // it, a history can be placed so that it ends at a chosen moment.
    qint64 lastTimestamp() const;

private:
    Options options_;
};

} // namespace mvdash
