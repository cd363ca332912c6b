#include "databaseworker.h"

#include "database.h"
#include "dberror.h"
#include "qtfmt.h"

#include <atomic>
#include <chrono>
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
        if (closing_) // the window is going: what is still queued is not wanted
            return JobFailure{JobFailure::Kind::Cancelled, {}};
        if (!connection_) {
            // One attempt answers the jobs queued behind it: offline, a reload of ten models
            // must not wait ten connect timeouts, nor log in ten times with a wrong password.
            if (std::chrono::steady_clock::now() < retryAt_)
                return JobFailure{JobFailure::Kind::ConnectionLost, lastConnectError_};
            try {
                connection_ = std::make_unique<Connection>(settings_, purpose_);
                lockTimeout_.applied = statementTimeout_.applied = -1;
                emit owner_->connectionChanged(true, connection_->describe(), 0);
            } catch (const DbError &e) {
                spdlog::warn("{}: {}", purpose_, e.englishMessage()); // the log stays English
                // a refused login fails the same way until someone changes something: the
                // server is asked again once a minute, not on every reload; a rejected
                // password never again (each try counts toward an account's lockout)
                const int retrySeconds =
                    e.isPasswordRejected() ? -1 : (e.isLoginRefused() ? 60 : 0);
                retryAt_ = retrySeconds < 0
                               ? std::chrono::steady_clock::time_point::max()
                               : std::chrono::steady_clock::now() +
                                     std::chrono::seconds(retrySeconds > 0 ? retrySeconds : 2);
                lastConnectError_ = e.message();
                emit owner_->connectionChanged(false, e.message(), retrySeconds);
                return JobFailure{JobFailure::Kind::ConnectionLost, e.message()};
            }
        }
        const auto started = std::chrono::steady_clock::now();
        try {
            lockTimeout_.applyTo(connection_->db());
            statementTimeout_.applyTo(connection_->db());
            return job(connection_->db());
        } catch (const JobCancelled &) {
            //: a database job that was cancelled (by the user, or a newer request)
            return JobFailure{JobFailure::Kind::Cancelled,
                              QCoreApplication::translate("mvdash::DatabaseWorker", "cancelled")};
        } catch (const DbError &e) {
            const bool lost = connectionLost();
            spdlog::warn("{}: {}{}", purpose_, e.englishMessage(),
                         lost ? " (connection lost)" : "");
            if (!lost && e.sqlState() == u"55P03" && lockTimeout_.applied > 0) {
                const DbError waited = lockWaitError(connection_->db(), lockTimeout_.applied);
                spdlog::warn("{}: {}", purpose_, waited.englishMessage());
                return JobFailure{JobFailure::Kind::Error, waited.message()};
            }
            // query_canceled once the limit has passed, and not by somebody's pg_cancel_backend
            // (an English server says "due to user request"; a translated one is told apart by
            // the time alone): the limit's name, which the server's words do not give
            if (!lost && e.sqlState() == u"57014" && statementTimeout_.applied > 0 &&
                !e.englishMessage().contains(u"user request") &&
                std::chrono::steady_clock::now() - started >=
                    std::chrono::milliseconds(statementTimeout_.applied)) {
                const DbError stopped = statementLimitError(statementTimeout_.applied);
                spdlog::warn("{}: {}", purpose_, stopped.englishMessage());
                return JobFailure{JobFailure::Kind::Error, stopped.message()};
            }
            if (!lost)
                return JobFailure{JobFailure::Kind::Error, e.message()};
            connection_.reset();
            emit owner_->connectionChanged(false, e.message(), 0);
            return JobFailure{JobFailure::Kind::ConnectionLost, e.message()};
        }
    }

    void close() { connection_.reset(); }
    void setLockTimeoutMs(int ms) { lockTimeout_.wanted = ms; }
    void setStatementTimeoutMs(int ms) { statementTimeout_.wanted = ms; }
    // From any thread: the jobs not started yet end at once, as cancelled.
    void startClosing() { closing_ = true; }

private:
    // A session's limit in milliseconds (lock_timeout, statement_timeout), set from any thread,
    // applied by the worker's before each job when it changed. A new session starts with the
    // server's setting (applied -1: not set by us yet).
    struct SessionLimit {
        void (*apply)(const QSqlDatabase &, int);
        std::atomic_int wanted{0};
        int applied = -1; // on connection_

        void applyTo(const QSqlDatabase &db) {
            const int now = wanted;
            if (now == applied || (now == 0 && applied < 0))
                return;
            apply(db, now);
            applied = now;
        }
    };

    bool connectionLost() const {
        pg_conn *conn = nativeHandle(connection_->db());
        return !conn || PQstatus(conn) != CONNECTION_OK;
    }

    DatabaseWorker *owner_;
    ConnectionSettings settings_;
    QString purpose_;
    std::unique_ptr<Connection> connection_;
    std::atomic_bool closing_{false};
    SessionLimit lockTimeout_{applySessionLockTimeout};
    SessionLimit statementTimeout_{applySessionStatementTimeout};
    std::chrono::steady_clock::time_point retryAt_;
    QString lastConnectError_;
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
    // The wait below is for the job in progress only: the queue behind it (a backlog of
    // reloads while offline) is dropped unrun.
    executor_->startClosing();
    QMetaObject::invokeMethod(
        executor_, [e = executor_] { e->close(); }, Qt::BlockingQueuedConnection);
    thread_.quit();
    thread_.wait();
}

void DatabaseWorker::setLockTimeoutMs(int ms) {
    executor_->setLockTimeoutMs(ms); // atomic: read by the worker's thread before each job
}

void DatabaseWorker::setStatementTimeoutMs(int ms) {
    executor_->setStatementTimeoutMs(ms);
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
