#include "seeder.h"

#include "database.h"
#include "eventwriter.h"

#include <array>
#include <QElapsedTimer>
#include <QHash>
#include <QVariant>

namespace mvdash {

SeedReport seedDatabase(const ConnectionSettings &settings,
                        const EventGenerator::Options &options) {
    QElapsedTimer timer;
    timer.start();
    const EventGenerator generator(options);
    const QList<Tenant> tenants = generator.tenants();
    upsertTenants(settings, tenants);

    Connection reader(settings, QStringLiteral("seed-ids"));
    QHash<qint64, std::array<qint64, 3>> nextIds;
    auto nextId = [&](qint64 tenantId, const char *table) {
        auto it = nextIds.find(tenantId);
        if (it == nextIds.end()) {
            QSqlQuery q = runQuery(reader.db(), QStringLiteral("next_event_ids"),
                                   {tenantId, tenantId, tenantId});
            q.next();
            it = nextIds.insert(tenantId, {q.value(0).toLongLong(), q.value(1).toLongLong(),
                                           q.value(2).toLongLong()});
        }
        const int index = qstrcmp(table, "bet_events") == 0       ? 0
                          : qstrcmp(table, "balance_events") == 0 ? 1
                                                                  : 2;
        return (*it)[index];
    };

    EventWriter writer(settings);
    const EventGenerator::Sinks sinks{[&](const BetEvent &e) { writer.add(e); },
                                      [&](const BalanceEvent &e) { writer.add(e); },
                                      [&](const PaymentEvent &e) { writer.add(e); }};
    SeedReport report;
    report.events = generator.generate(nextId, sinks);
    writer.commit();
    report.tenants = int(tenants.size());
    report.seconds = double(timer.elapsed()) / 1000.0;
    return report;
}

} // namespace mvdash
