#pragma once

#include "connectionsettings.h"
#include "refreshrunner.h"

#include <memory>
#include <QObject>
#include <QStringList>

namespace mvdash {

class DatabaseWorker;
class SessionCanceller;

// Runs "Refresh all" / "Refresh selected" on connections of its own (so reading goes on
// meanwhile), view by view with lock_timeout, independent views on parallel sessions,
// reporting each view as it starts and ends. cancel() asks the server to cancel the running
// statements (libpq's PQcancel, sent from a short-lived thread: the GUI never waits on it).
class RefreshController : public QObject {
    Q_OBJECT
public:
    explicit RefreshController(const ConnectionSettings &settings, QObject *parent = nullptr);
    ~RefreshController() override;

    bool isRunning() const { return running_; }
    void setLockTimeoutMs(int ms) { lockTimeoutMs_ = ms; }
    void setSessions(int sessions) { sessions_ = sessions; }

public slots:
    void refresh(const QStringList &views); // empty: every view of the catalog
    void cancel();

signals:
    void viewStarted(const QString &view, const QString &method);
    void viewFinished(const mvdash::RefreshOutcome &outcome);
    void runningChanged(bool running);
    // cancelled: the user asked; error: what stopped the run (empty when it completed)
    void finished(bool cancelled, const QString &error);

private:
    ConnectionSettings settings_;
    DatabaseWorker *worker_;
    bool running_ = false;
    int lockTimeoutMs_ = 10000;
    int sessions_ = 2;
    std::shared_ptr<SessionCanceller> canceller_; // of the run in progress
};

} // namespace mvdash
