#pragma once

#include <functional>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace mvdash {

struct RefreshPlanEntry {
    QString view;
    int order = 0;
    bool populated = false;
    bool hasUniqueIndex = false;
    QString method; // concurrently or plain
};

struct RefreshOutcome {
    QString view;
    QString method;
    QString durationMs; // exact text
    QString outcome;    // ok, failed, skipped
    QString error;
};

// Refreshes views one by one, each in its own transaction (like the committing procedure),
// so that a client can show progress and readers see each view as soon as it is done.
// Uses the connection's session settings, e.g. lock_timeout.
class RefreshRunner {
public:
    explicit RefreshRunner(QSqlDatabase db)
        : db_(std::move(db)) {}

    QList<RefreshPlanEntry> plan() const;

    // Refreshes `views` (all of the plan when empty) in plan order. Throws DbError before
    // doing anything when a name is not a materialized view of the catalog.
    QList<RefreshOutcome> run(const QStringList &views,
                              const std::function<void(const RefreshPlanEntry &)> &onStart = {},
                              const std::function<void(const RefreshOutcome &)> &onDone = {});

private:
    QSqlDatabase db_;
};

} // namespace mvdash
