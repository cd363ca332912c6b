#pragma once

#include "connectionsettings.h"

#include <functional>
#include <QObject>
#include <QSqlDatabase>
#include <QThread>
#include <QVariant>

namespace mvdash {

// A thread with its own database connection. Jobs are queued to it and run there, one after
// the other; results come back as signals in the caller's thread, tagged with the caller's
// ticket (a generation number), so that a model can drop an answer older than its latest
// request. The GUI thread never touches the connection and never waits on it.
// A lost connection is noticed, reported, and reopened by the next job.
class DatabaseWorker : public QObject {
    Q_OBJECT
public:
    using Job = std::function<QVariant(const QSqlDatabase &db)>;

    DatabaseWorker(ConnectionSettings settings, QString purpose, QObject *parent = nullptr);
    ~DatabaseWorker() override;

    // Thread-safe. `job` runs on the worker thread; it may throw DbError.
    void submit(quint64 ticket, Job job);
    // Thread-safe. A ticket no other request of any caller carries.
    static quint64 newTicket();

signals:
    void finished(quint64 ticket, const QVariant &result);
    void failed(quint64 ticket, const QString &message, bool connectionLost);
    // connected / lost, with "user@host:port/db" or the reason
    void connectionChanged(bool connected, const QString &detail);

private:
    class Executor;
    QThread thread_;
    Executor *executor_;
};

} // namespace mvdash
