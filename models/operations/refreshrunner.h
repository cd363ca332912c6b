#pragma once

#include "connectionsettings.h"
#include "runoutcome.h"

#include <functional>
#include <QCoreApplication>
#include <QList>
#include <QMultiHash>
#include <QSet>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace mvdash {

class SessionCanceller;

struct RefreshPlanEntry {
    QString view;
    int order = 0; // dependency level: a view reads only views of lower levels
    bool populated = false;
    bool hasUniqueIndex = false;
    QString method;        // concurrently or plain
    double expectedMs = 0; // the log's average refresh time, 0 when never refreshed
};

struct RefreshOutcome {
    QString view;
    QString method;
    QString durationMs; // exact text
    RunOutcome outcome = RunOutcome::Failed;
    QString error;
};

// Refreshes views one by one, each in its own transaction (like the committing procedure),
// so that a client can show progress and readers see each view as soon as it is done.
// Uses the connection's session settings, e.g. lock_timeout.
//
// With more than one session, views are refreshed side by side, each extra session on a
// connection of its own: a session takes the longest view whose dependencies are all
// refreshed (a view starts when what it reads is done, not when a whole dependency level is).
// A REFRESH is mostly one
// backend's work (CONCURRENTLY's duplicate check and diff are not parallel), so on a
// multi-core server two sessions shorten Refresh all by about a third (docs/BENCHMARKS.md).
class RefreshRunner {
    Q_DECLARE_TR_FUNCTIONS(mvdash::RefreshRunner)

public:
    using SessionSetup = std::function<void(const QSqlDatabase &)>;

    explicit RefreshRunner(QSqlDatabase db, SessionCanceller *canceller = nullptr)
        : db_(std::move(db))
        , canceller_(canceller) {}

    // `setup` prepares each extra session as the caller prepared its own (lock_timeout).
    void setSessions(int sessions, const ConnectionSettings &settings, SessionSetup setup = {});

    QList<RefreshPlanEntry> plan() const;

    // What the materialized views read of each other (from the catalog).
    struct Dependencies {
        QMultiHash<QString, QString> reads; // view -> each view it reads, directly or not
        QSet<QString> parts;                // views that are parts of a read model (020)
    };
    Dependencies dependencies() const;

    // Refreshes `views` (all of the plan when empty, and with the parts they read: a part
    // older than the views read beside it would leave rows out), each after the views it
    // reads; a part only once the views read beside it have started. Throws DbError before
    // doing anything when a name is not a materialized view of the catalog; throws the
    // first error that stops a session (connection lost, cancelled) after the others have
    // finished their current view. Callbacks are called one at a time, from any session's
    // thread.
    QList<RefreshOutcome> run(const QStringList &views,
                              const std::function<void(const RefreshPlanEntry &)> &onStart = {},
                              const std::function<void(const RefreshOutcome &)> &onDone = {});

private:
    struct Run;
    void helperSession(Run &run) const;
    static void drain(const QSqlDatabase &db, Run &run);
    static RefreshOutcome refreshOne(const QSqlDatabase &db, const RefreshPlanEntry &entry,
                                     qint64 runId);
    QList<RefreshOutcome> runLiveStep(const QList<RefreshPlanEntry> &entries,
                                      const std::function<void(const RefreshPlanEntry &)> &onStart,
                                      const std::function<void(const RefreshOutcome &)> &onDone);

    QSqlDatabase db_;
    SessionCanceller *canceller_;
    int sessions_ = 1;
    ConnectionSettings settings_;
    SessionSetup setup_;
};

} // namespace mvdash
