#pragma once

#include "jobrunner.h"

#include <QString>

namespace mvdash {

// Who and where this session is: what the status bar shows and what the window offers
// (ops panels, the refresh buttons).
struct SessionInfo {
    QString serverVersion, citusVersion, role, database;
    bool canRefresh = false; // EXECUTE on the refresh functions (mvdash_operator)
    bool ssl = false;
    QString sslmode;
    bool tenantScoped = false; // a tenant administrator: its tenants only, no ops panels
    bool readsNothing = false; // neither reader nor tenant administrator: every view is hidden
    // mvdash was never installed here: the wrong database, or one not migrated yet
    bool schemaMissing = false;
};

// The session info, loaded on the worker (again after every reconnect: the server may have
// changed under the same DSN); `changed` with each answer.
class SessionInfoModel : public QObject {
    Q_OBJECT
public:
    explicit SessionInfoModel(JobRunner *runner, QObject *parent = nullptr);

    void reload();
    const SessionInfo &info() const { return info_; }
    bool isKnown() const { return known_; }
    bool isLoading() const { return latest_.isPending(); }

signals:
    void changed(const mvdash::SessionInfo &info);
    void failed(const QString &message); // not for a lost connection (the runner tells that)

private:
    JobRunner *runner_;
    LatestRequest latest_;
    SessionInfo info_;
    bool known_ = false;
};

} // namespace mvdash

Q_DECLARE_METATYPE(mvdash::SessionInfo)
