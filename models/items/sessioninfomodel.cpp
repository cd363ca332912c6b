#include "sessioninfomodel.h"

#include "database.h"

#include <QSqlQuery>
#include <QSqlRecord>

namespace mvdash {

SessionInfoModel::SessionInfoModel(JobRunner *runner, QObject *parent)
    : QObject(parent)
    , runner_(runner) {}

// A lost connection is the runner's to tell, and the next reconnect asks again; any other
// failure (a database never migrated) is told here: without the role the window cannot tell
// which panels to offer.
void SessionInfoModel::reload() {
    const auto onResult = [this](const QVariant &result) {
        info_ = result.value<SessionInfo>();
        known_ = true;
        emit changed(info_);
    };
    latest_.submit(
        runner_, this,
        [](const QSqlDatabase &db) {
            QSqlQuery q = runQuery(db, QStringLiteral("session_info"));
            SessionInfo info;
            if (q.next()) {
                const QSqlRecord r = q.record();
                const auto value = [&](const char *name) { return q.value(r.indexOf(name)); };
                info = SessionInfo{
                    value("server_version").toString(), value("citus_version").toString(),
                    value("role").toString(),           value("database").toString(),
                    value("can_refresh").toBool(),      value("ssl").toBool(),
                    effectiveOption(db, "sslmode"),     value("tenant_scoped").toBool(),
                    value("reads_nothing").toBool(),    value("schema_missing").toBool()};
            }
            return QVariant::fromValue(info);
        },
        onResult,
        [this](const JobFailure &failure) {
            if (!failure.connectionLost() && !failure.cancelled())
                emit failed(failure.message);
        });
}

} // namespace mvdash
