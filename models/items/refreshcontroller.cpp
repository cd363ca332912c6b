#include "refreshcontroller.h"

#include "database.h"
#include "databaseworker.h"
#include "dberror.h"
#include "sessioncanceller.h"

namespace mvdash {

RefreshController::RefreshController(const ConnectionSettings &settings, QObject *parent)
    : QObject(parent)
    , settings_(settings)
    , worker_(new DatabaseWorker(settings, QStringLiteral("refresh"), this)) {
    connect(worker_, &DatabaseWorker::finished, this, [this](quint64, const QVariant &) {
        running_ = false;
        emit runningChanged(false);
        emit finished(false, QString());
    });
    connect(worker_, &DatabaseWorker::failed, this, [this](quint64, const QString &message, bool) {
        running_ = false;
        const bool cancelled = canceller_ && canceller_->isCancelled();
        emit runningChanged(false);
        emit finished(cancelled, cancelled ? QString() : message);
    });
}

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
    const QString setLockTimeout = QStringLiteral("SET lock_timeout = %1").arg(lockTimeoutMs_);
    const auto setup = [setLockTimeout](const QSqlDatabase &db) {
        execScript(db, setLockTimeout, QStringLiteral("lock_timeout"));
    };
    worker_->submit(1, [this, views, setup, canceller = canceller_, settings = settings_,
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
            throw DbError(QStringLiteral("cancelled"));
        return QVariant();
    });
}

void RefreshController::cancel() {
    if (running_ && canceller_)
        canceller_->cancel();
}

} // namespace mvdash
