#include "follower.h"

#include "database.h"
#include "dberror.h"
#include "livereadmodels.h"

#include <algorithm>
#include <memory>
#include <QThread>

namespace mvdash {

Follower::Follower(ConnectionSettings settings, Options options, Log log)
    : settings_(std::move(settings))
    , options_(options)
    , log_(std::move(log)) {}

void Follower::pause(int ms, const std::atomic_bool &stop) const {
    // in slices, so that a SIGTERM is acted on within a tenth of a second
    for (int slept = 0; slept < ms && !stop; slept += 100)
        QThread::msleep(std::min(100, ms - slept));
}

qint64 Follower::run(const std::atomic_bool &stop) {
    std::unique_ptr<Connection> connection;
    int backoffMs = 500;
    qint64 applying = 0;
    QString lastSkip;
    while (!stop) {
        try {
            if (!connection) {
                connection = std::make_unique<Connection>(settings_, QStringLiteral("follow"));
                log_(QStringLiteral("connected to %1").arg(connection->describe()));
                backoffMs = 500;
            }
            const QList<StepOutcome> outcomes =
                runStep(connection->db(), options_.writerWaitMs, false);
            const StepOutcome first = outcomes.value(0);
            if (first.outcome == RunOutcome::Ok) {
                const StepProgress p = stepProgress(connection->db());
                if (p.events > 0) {
                    ++applying;
                    log_(QStringLiteral("applied %1 events in %2 ms (watermark %3)")
                             .arg(p.events)
                             .arg(p.durationMs)
                             .arg(p.appliedArrival));
                }
                lastSkip.clear();
            } else if (first.error != lastSkip) {
                // said once per reason, not every interval
                log_(QStringLiteral("%1: %2").arg(runOutcomeWord(first.outcome), first.error));
                lastSkip = first.error;
            }
            pause(options_.intervalMs, stop);
        } catch (const DbError &e) {
            log_(QStringLiteral("step failed: %1; reconnecting in %2 ms")
                     .arg(e.message())
                     .arg(backoffMs));
            connection.reset();
            pause(backoffMs, stop);
            backoffMs = std::min(backoffMs * 2, options_.maxBackoffMs);
        }
    }
    log_(QStringLiteral("stopped"));
    return applying;
}

} // namespace mvdash
