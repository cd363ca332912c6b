#include "seeder.h"

#include "database.h"

#include <QElapsedTimer>
#include <QSqlQuery>
#include <QVariant>

namespace mvdash {

Seeder::Seeder(ConnectionSettings settings)
    : settings_(std::move(settings))
    , writer_(settings_) {}

Seeder::~Seeder() = default;

Connection &Seeder::reader() {
    if (!reader_)
        reader_ = std::make_unique<Connection>(settings_, QStringLiteral("seed-ids"));
    return *reader_;
}

std::array<qint64, 3> Seeder::nextEventIds(qint64 tenantId) {
    QSqlQuery q =
        runQuery(reader().db(), QStringLiteral("next_event_ids"), {tenantId, tenantId, tenantId});
    q.next();
    return {q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toLongLong()};
}

SeedReport Seeder::seed(const EventGenerator::Options &options) {
    QElapsedTimer timer;
    timer.start();
    const EventGenerator generator(options);
    const QList<Tenant> tenants = generator.tenants();
    QList<Tenant> changed;
    for (const Tenant &t : tenants) {
        const auto it = tenantsWritten_.constFind(t.tenantId);
        if (it == tenantsWritten_.cend() || *it != t)
            changed << t;
    }
    if (!changed.isEmpty()) {
        upsertTenants(reader().db(), changed);
        for (const Tenant &t : changed)
            tenantsWritten_.insert(t.tenantId, t);
    }

    // read per data set, not kept: another writer may have appended in between
    QHash<qint64, std::array<qint64, 3>> nextIds;
    auto nextId = [&](qint64 tenantId, const char *table) {
        auto it = nextIds.find(tenantId);
        if (it == nextIds.end())
            it = nextIds.insert(tenantId, nextEventIds(tenantId));
        const int index = qstrcmp(table, "bet_events") == 0       ? 0
                          : qstrcmp(table, "balance_events") == 0 ? 1
                                                                  : 2;
        return (*it)[index];
    };

    const EventGenerator::Sinks sinks{[&](const BetEvent &e) { writer_.add(e); },
                                      [&](const BalanceEvent &e) { writer_.add(e); },
                                      [&](const PaymentEvent &e) { writer_.add(e); }};
    SeedReport report;
    try {
        report.events = generator.generate(nextId, sinks);
    } catch (...) {
        writer_.rollback(); // the next data set starts clean
        throw;
    }
    writer_.commit();
    report.tenants = int(tenants.size());
    report.seconds = double(timer.elapsed()) / 1000.0;
    return report;
}

SeedReport seedDatabase(const ConnectionSettings &settings,
                        const EventGenerator::Options &options) {
    return Seeder(settings).seed(options);
}

} // namespace mvdash
