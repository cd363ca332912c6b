#include "traffic.h"

#include "seeder.h"

#include <QDateTime>
#include <QScopeGuard>
#include <QSqlQuery>
#include <QThread>
#include <QVariant>

namespace mvdash {

Traffic::Traffic(ConnectionSettings settings, Options options)
    : settings_(std::move(settings))
    , options_(options) {}

Traffic::~Traffic() = default;

Traffic::Batch Traffic::writeBatch(qint64 events) {
    const auto started = std::chrono::steady_clock::now();
    Batch batch;
    batch.number = ++batches_;
    EventGenerator::Options generate;
    generate.events = std::max<qint64>(1, options_.markers ? events - 1 : events);
    generate.seed = options_.seed + quint64(batch.number);
    // the same tenants as the seeded data, no new empty or orphan tenants per batch
    generate.emptyTenants = 0;
    generate.orphanTenant = false;
    if (options_.happeningNow)
        generate.storiesEndAtMs = QDateTime::currentMSecsSinceEpoch();
    // every tenant gets at least one story (a few events): a small batch goes to the largest
    // tenants only, so that a demo's "20 events/s" is about 20
    if (events < 100) {
        generate.tenants = int(std::max<qint64>(1, events / 10));
        // the demo: a different few each batch, in turn across the seeded tenants (the
        // demo's are the generator's default 24), not only the largest one's
        if (options_.happeningNow) {
            generate.tenantPool = EventGenerator::Options{}.tenants;
            generate.tenantOffset = int(batch.number * generate.tenants % generate.tenantPool);
        }
    }
    // the sessions are opened by the thread that writes, and kept for its next batches; after
    // an error (a lost connection) the next batch opens new ones
    if (!seeder_)
        seeder_ = std::make_unique<Seeder>(settings_);
    auto dropSessions = qScopeGuard([this] { seeder_.reset(); });
    const SeedReport written = seeder_->seed(generate);
    batch.events = written.events;
    if (options_.markers) {
        // the marker goes in after the batch it stands for, committed after it
        batch.marker = QStringLiteral("probe-%1-%2").arg(options_.seed).arg(batch.number);
        const qint64 markerId = seeder_->nextEventIds(options_.markerTenant)[0];
        EventWriter &marker = seeder_->writer();
        marker.add(BetEvent{options_.markerTenant,
                            markerId,
                            batch.marker,
                            QStringLiteral("probe"),
                            QStringLiteral("placed"),
                            {},
                            {},
                            {},
                            {},
                            {},
                            QDateTime::currentMSecsSinceEpoch()});
        marker.commit();
        ++batch.events;
    }
    dropSessions.dismiss();
    batch.committed = std::chrono::steady_clock::now();
    batch.writeMs = std::chrono::duration<double, std::milli>(batch.committed - started).count();
    return batch;
}

qint64 Traffic::run(const std::atomic_bool &stop,
                    const std::function<void(const Batch &)> &onBatch) {
    using namespace std::chrono;
    const qint64 perBatch =
        std::max<qint64>(1, qint64(options_.eventsPerSecond / options_.batchesPerSecond));
    const auto period = milliseconds(1000 / std::max(1, options_.batchesPerSecond));
    auto next = steady_clock::now();
    qint64 total = 0;
    // the sessions belong to this thread: closed here, not by whoever destroys the Traffic
    const auto closeSessions = qScopeGuard([this] { seeder_.reset(); });
    while (!stop) {
        const Batch batch = writeBatch(perBatch);
        total += batch.events;
        if (onBatch)
            onBatch(batch);
        next += period;
        // on time, or at once when behind (never a burst to catch up)
        while (!stop && steady_clock::now() < next)
            QThread::msleep(std::min<qint64>(
                20, duration_cast<milliseconds>(next - steady_clock::now()).count() + 1));
        if (steady_clock::now() > next + period)
            next = steady_clock::now();
    }
    return total;
}

} // namespace mvdash
