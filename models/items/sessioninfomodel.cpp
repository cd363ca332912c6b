#include "sessioninfomodel.h"

#include "database.h"

#include <QSqlQuery>
#include <QSqlRecord>

namespace mvdash {

SessionInfoModel::SessionInfoModel(JobRunner *runner, QObject *parent)
    : QObject(parent)
    , runner_(runner) {}

// A failure needs no handler here: it is the reader's, and the window hears of a lost
// connection from the runner; the next reconnect asks again.
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
                info = SessionInfo{value("server_version").toString(),
                                   value("citus_version").toString(),
                                   value("role").toString(),
                                   value("can_refresh").toBool(),
                                   value("ssl").toBool(),
                                   effectiveOption(db, "sslmode"),
                                   value("tenant_scoped").toBool()};
            }
            return QVariant::fromValue(info);
        },
        onResult);
}

} // namespace mvdash
