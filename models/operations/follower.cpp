#include "follower.h"

#include "database.h"
#include "dberror.h"
#include "livereadmodels.h"
#include "monitoring.h"

#include <algorithm>
#include <limits>
#include <memory>
#include <QElapsedTimer>
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

std::optional<DbError> Follower::run(const std::atomic_bool &stop) {
    std::unique_ptr<Connection> connection;
    int backoffMs = 500;
    QString lastSkip;
    QElapsedTimer sampledShare;
    while (!stop) {
        try {
            if (!connection) {
                connection = std::make_unique<Connection>(settings_, QStringLiteral("follow"));
                //: "connected to <user>@<host>:<port>/<database>"
                log_(tr("connected to %1").arg(connection->describe()));
                backoffMs = 500;
            }
            // the size share's sample, between steps (the server takes one per 15 minutes;
            // asking once a minute spares a round trip per step)
            if (!sampledShare.isValid() || sampledShare.hasExpired(60'000)) {
                sampleStorageShare(connection->db());
                sampledShare.start();
            }
            const QList<StepOutcome> outcomes =
                runStep(connection->db(), options_.writerWaitMs, false);
            const StepOutcome first = outcomes.value(0);
            if (first.outcome == RunOutcome::Ok) {
                const StepProgress p = stepProgress(connection->db());
                if (p.events > 0) {
                    //: "applied <n events> in <ms> ms (watermark <arrival>)"
                    log_(tr("applied %1 in %2 ms (watermark %3)")
                             .arg(tr(
                                 "%n event(s)", nullptr,
                                 int(std::min<qint64>(p.events, std::numeric_limits<int>::max()))))
                             .arg(p.durationMs)
                             .arg(p.appliedArrival));
                }
                lastSkip.clear();
            } else if (first.error != lastSkip) {
                // said once per reason, not every interval
                //: a live step did not run: "skipped: <why>" or "failed: <why>"
                log_((first.outcome == RunOutcome::Skipped ? tr("skipped: %1") : tr("failed: %1"))
                         .arg(first.error));
                lastSkip = first.error;
            }
            pause(options_.intervalMs, stop);
        } catch (const DbError &e) {
            if (e.isPasswordRejected()) {
                //: the follower stops: "<the server's message>: the password is not sent
                //: again ..."
                log_(tr("%1: the password is not sent again (each failure counts toward "
                        "locking the account); stopped: fix the password, then start the "
                        "follower again")
                         .arg(e.message()));
                return e;
            }
            log_(tr("step failed: %1; reconnecting in %2 ms").arg(e.message()).arg(backoffMs));
            connection.reset();
            pause(backoffMs, stop);
            backoffMs = std::min(backoffMs * 2, options_.maxBackoffMs);
        }
    }
    //: the follower has stopped (SIGTERM, Ctrl-C)
    log_(tr("stopped"));
    return std::nullopt;
}

} // namespace mvdash
