#include "databaseworker.h"

#include "database.h"
#include "dberror.h"
#include "qtfmt.h"

#include <libpq-fe.h>
#include <memory>
#include <QCoreApplication>
#include <QPointer>
#include <spdlog/spdlog.h>
#include <variant>

namespace mvdash {

namespace {
// What a job gave: its result or why not.
using Answer = std::variant<QVariant, JobFailure>;
} // namespace

class DatabaseWorker::Executor : public QObject {
public:
    Executor(DatabaseWorker *owner, ConnectionSettings settings, QString purpose)
        : owner_(owner)
        , settings_(std::move(settings))
        , purpose_(std::move(purpose)) {}

    Answer run(const Job &job) {
        if (!connection_) {
            try {
                connection_ = std::make_unique<Connection>(settings_, purpose_);
                emit owner_->connectionChanged(true, connection_->describe());
            } catch (const DbError &e) {
                spdlog::warn("{}: {}", purpose_, e.englishMessage()); // the log stays English
                emit owner_->connectionChanged(false, e.message());
                return JobFailure{JobFailure::Kind::ConnectionLost, e.message()};
            }
        }
        try {
            return job(connection_->db());
        } catch (const JobCancelled &) {
            //: a database job that was cancelled (by the user, or a newer request)
            return JobFailure{JobFailure::Kind::Cancelled,
                              QCoreApplication::translate("mvdash::DatabaseWorker", "cancelled")};
        } catch (const DbError &e) {
            const bool lost = connectionLost();
            spdlog::warn("{}: {}{}", purpose_, e.englishMessage(),
                         lost ? " (connection lost)" : "");
            if (!lost)
                return JobFailure{JobFailure::Kind::Error, e.message()};
            connection_.reset();
            emit owner_->connectionChanged(false, e.message());
            return JobFailure{JobFailure::Kind::ConnectionLost, e.message()};
        }
    }

    void close() { connection_.reset(); }

private:
    bool connectionLost() const {
        pg_conn *conn = nativeHandle(connection_->db());
        return !conn || PQstatus(conn) != CONNECTION_OK;
    }

    DatabaseWorker *owner_;
    ConnectionSettings settings_;
    QString purpose_;
    std::unique_ptr<Connection> connection_;
};

DatabaseWorker::DatabaseWorker(ConnectionSettings settings, QString purpose, QObject *parent)
    : JobRunner(parent)
    , executor_(new Executor(this, std::move(settings), purpose)) {
    thread_.setObjectName(QStringLiteral("db-") + purpose);
    executor_->moveToThread(&thread_);
    connect(&thread_, &QThread::finished, executor_, &QObject::deleteLater);
    thread_.start();
}

DatabaseWorker::~DatabaseWorker() {
    QMetaObject::invokeMethod(
        executor_, [e = executor_] { e->close(); }, Qt::BlockingQueuedConnection);
    thread_.quit();
    thread_.wait();
}

void DatabaseWorker::submit(QObject *context, Job job, ResultHandler onResult,
                            FailureHandler onFailure) {
    Q_ASSERT(context && context->thread() == thread());
    // The answer travels back through this object (it lives in the caller's thread and
    // outlives the executor); there, and only there, is it safe to ask whether the context
    // still exists.
    QMetaObject::invokeMethod(
        executor_,
        [this, e = executor_, context = QPointer<QObject>(context), job = std::move(job),
         onResult = std::move(onResult), onFailure = std::move(onFailure)]() mutable {
            Answer answer = e->run(job);
            QMetaObject::invokeMethod(
                this,
                [context, answer = std::move(answer), onResult = std::move(onResult),
                 onFailure = std::move(onFailure)] {
                    if (!context)
                        return;
                    if (const auto *result = std::get_if<QVariant>(&answer))
                        onResult(*result);
                    else if (onFailure)
                        onFailure(std::get<JobFailure>(answer));
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

} // namespace mvdash
