#pragma once

#include "connectionsettings.h"
#include "jobrunner.h"

#include <QThread>

namespace mvdash {

// A thread with its own database connection. Jobs are queued to it and run there, one after
// the other; each answer goes back to the handlers its caller gave, in the caller's thread.
// The GUI thread never touches the connection and never waits on it. A lost connection is
// noticed, reported (connectionChanged), and reopened by the next job.
class DatabaseWorker : public JobRunner {
    Q_OBJECT
public:
    DatabaseWorker(ConnectionSettings settings, QString purpose, QObject *parent = nullptr);
    ~DatabaseWorker() override;

    void submit(QObject *context, Job job, ResultHandler onResult,
                FailureHandler onFailure = {}) override;
    // From the next job on, the session gives up on a lock after `ms` (0: the server's own
    // setting), and the job's failure names the sessions holding it. One statement stuck
    // behind somebody's lock would otherwise hold up every job queued behind it.
    void setLockTimeoutMs(int ms);
    // From the next job on, the server stops a statement that runs longer than `ms` (0: the
    // role's, the database's or the server's own setting), and the job's failure says it ran
    // into that limit.
    void setStatementTimeoutMs(int ms);

private:
    class Executor;
    QThread thread_;
    Executor *executor_;
};

} // namespace mvdash
