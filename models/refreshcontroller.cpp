#include "refreshcontroller.h"

#include "database.h"
#include "databaseworker.h"
#include "dberror.h"

#include <libpq-fe.h>
#include <thread>

namespace mvdash {

RefreshController::RefreshController(const ConnectionSettings &settings, QObject *parent)
    : QObject(parent)
    , worker_(new DatabaseWorker(settings, QStringLiteral("refresh"), this)) {
    connect(worker_, &DatabaseWorker::finished, this, [this](quint64, const QVariant &) {
        running_ = false;
        emit runningChanged(false);
        emit finished(false, QString());
    });
    connect(worker_, &DatabaseWorker::failed, this, [this](quint64, const QString &message, bool) {
        running_ = false;
        const bool cancelled = cancelRequested_.exchange(false);
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
    cancelRequested_ = false;
    emit runningChanged(true);
    const int lockTimeout = lockTimeoutMs_;
    worker_->submit(1, [this, views, lockTimeout](const QSqlDatabase &db) {
        // a person pressed a button: never hang behind somebody else's lock
        execScript(db, QStringLiteral("SET lock_timeout = %1").arg(lockTimeout),
                   QStringLiteral("lock_timeout"));
        cancelHandle_ = PQgetCancel(nativeHandle(db));
        struct Release {
            std::atomic<pg_cancel *> &handle;
            ~Release() {
                if (pg_cancel *h = handle.exchange(nullptr))
                    PQfreeCancel(h);
            }
        } release{cancelHandle_};
        RefreshRunner(db).run(
            views,
            [this](const RefreshPlanEntry &e) {
                QMetaObject::invokeMethod(
                    this, [this, e] { emit viewStarted(e.view, e.method); }, Qt::QueuedConnection);
            },
            [this](const RefreshOutcome &o) {
                QMetaObject::invokeMethod(
                    this, [this, o] { emit viewFinished(o); }, Qt::QueuedConnection);
            });
        if (cancelRequested_)
            throw DbError(QStringLiteral("cancelled"));
        return QVariant();
    });
}

void RefreshController::cancel() {
    if (!running_)
        return;
    cancelRequested_ = true;
    // taken over here, so that the job does not free it under our feet
    pg_cancel *handle = cancelHandle_.exchange(nullptr);
    if (!handle)
        return;
    // PQcancel opens a connection to the server: keep that off the GUI thread
    std::thread([handle] {
        char error[256];
        PQcancel(handle, error, sizeof error);
        PQfreeCancel(handle);
    }).detach();
}

} // namespace mvdash
