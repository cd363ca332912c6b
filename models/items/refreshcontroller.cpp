#include "refreshcontroller.h"

#include "database.h"
#include "databaseworker.h"
#include "dberror.h"
#include "sessioncanceller.h"

namespace mvdash {

RefreshController::RefreshController(const ConnectionSettings &settings, QObject *parent)
    : QObject(parent)
    , settings_(settings)
    , worker_(new DatabaseWorker(settings, QStringLiteral("refresh"), this)) {}

RefreshController::~RefreshController() {
    cancel();
}

void RefreshController::refresh(const QStringList &views) {
    if (running_)
        return;
    running_ = true;
    canceller_ = std::make_shared<SessionCanceller>();
    emit runningChanged(true);
    // a person pressed a button: never hang behind somebody else's lock
    const auto setup = [ms = lockTimeoutMs_](const QSqlDatabase &db) {
        applySessionLockTimeout(db, ms);
    };
    const auto onResult = [this](const QVariant &) {
        running_ = false;
        emit runningChanged(false);
        emit finished(false, QString());
    };
    const auto onFailure = [this](const JobFailure &failure) {
        running_ = false;
        emit runningChanged(false);
        emit finished(failure.cancelled(), failure.cancelled() ? QString() : failure.message);
    };
    auto run = [this, views, setup, canceller = canceller_, settings = settings_,
                sessions = sessions_](const QSqlDatabase &db) {
        setup(db);
        RefreshRunner runner(db, canceller.get());
        runner.setSessions(sessions, settings, setup);
        runner.run(
            views,
            [this](const RefreshPlanEntry &e) {
                QMetaObject::invokeMethod(
                    this, [this, e] { emit viewStarted(e.view, e.method); }, Qt::QueuedConnection);
            },
            [this](const RefreshOutcome &o) {
                QMetaObject::invokeMethod(
                    this, [this, o] { emit viewFinished(o); }, Qt::QueuedConnection);
            });
        if (canceller->isCancelled())
            throw JobCancelled();
        return QVariant();
    };
    // a statement the cancel interrupted fails with the server's "canceling statement due to
    // user request": that is the cancel, not an error
    worker_->submit(
        this,
        [run = std::move(run), canceller = canceller_](const QSqlDatabase &db) {
            try {
                return run(db);
            } catch (const DbError &) {
                if (canceller->isCancelled())
                    throw JobCancelled();
                throw;
            }
        },
        onResult, onFailure);
}

void RefreshController::cancel() {
    if (running_ && canceller_)
        canceller_->cancel();
}

} // namespace mvdash
