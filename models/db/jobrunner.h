#pragma once

#include <exception>
#include <functional>
#include <QObject>
#include <QSqlDatabase>
#include <QVariant>

namespace mvdash {

// Why a job gave no result. A cancel its caller asked for is not an error: it has its own
// kind, so that nobody shows it as a failure.
struct JobFailure {
    enum class Kind { Error, ConnectionLost, Cancelled };
    Kind kind = Kind::Error;
    QString message;
    bool connectionLost() const { return kind == Kind::ConnectionLost; }
    bool cancelled() const { return kind == Kind::Cancelled; }
};

// Thrown by a job that stopped because its caller cancelled it (an export, a refresh run).
class JobCancelled : public std::exception {
public:
    const char *what() const noexcept override { return "cancelled"; }
};

// Runs database jobs off the caller's thread and hands each answer to the handlers its
// caller gave, in the caller's thread (DB4S's RowLoader hands rows to its own model the same
// way): nothing is broadcast, nobody compares tickets. A caller that wants only its latest
// answer keeps a LatestRequest. An answer whose context was destroyed meanwhile is dropped.
// DatabaseWorker is the real one; the unit tests drive item models with a fake.
class JobRunner : public QObject {
    Q_OBJECT
public:
    using Job = std::function<QVariant(const QSqlDatabase &db)>;
    using ResultHandler = std::function<void(const QVariant &result)>;
    using FailureHandler = std::function<void(const JobFailure &failure)>;

    using QObject::QObject;

    // From `context`'s thread, which must be this runner's. `job` runs elsewhere (it may throw
    // DbError or JobCancelled); then onResult or onFailure runs in this thread, in the order
    // the jobs were submitted, unless `context` is gone.
    virtual void submit(QObject *context, Job job, ResultHandler onResult,
                        FailureHandler onFailure = {}) = 0;

signals:
    // connected / lost, with "user@host:port/db" or the reason. `loginRetrySeconds` is 0
    // unless the server refused the login (role, database, pg_hba.conf, password), which a
    // retry alone does not mend: then the seconds until the next try, or -1 for a password the
    // server rejected, never sent again (a directory service locks an account after a few
    // failures; File > Connect… gives another)
    void connectionChanged(bool connected, const QString &detail, int loginRetrySeconds);
};

// The generation of a caller's latest request: answers to older ones are dropped, so a slow
// old answer never replaces a newer one (tenant switch during a load, a keystroke during a
// completion). DB4S's RowLoader keeps the same counter (m_lifeCounter).
class LatestRequest {
public:
    void submit(JobRunner *runner, QObject *context, JobRunner::Job job,
                JobRunner::ResultHandler onResult, JobRunner::FailureHandler onFailure = {}) {
        const quint64 generation = ++generation_;
        runner->submit(
            context, std::move(job),
            [this, generation, onResult = std::move(onResult)](const QVariant &result) {
                if (!current(generation))
                    return;
                answered_ = generation;
                onResult(result);
            },
            [this, generation, onFailure = std::move(onFailure)](const JobFailure &failure) {
                if (!current(generation))
                    return;
                answered_ = generation;
                if (onFailure)
                    onFailure(failure);
            });
    }
    // Drops whatever is pending: its answer will not be delivered.
    void forget() { answered_ = ++generation_; }
    bool isPending() const { return answered_ != generation_; }
    quint64 generation() const { return generation_; }

private:
    bool current(quint64 generation) const { return generation == generation_; }

    quint64 generation_ = 0;
    quint64 answered_ = 0;
};

} // namespace mvdash
