#include "sessioninfomodel.h"

#include "database.h"
#include "databaseworker.h"

#include <QSqlQuery>
#include <QSqlRecord>

namespace mvdash {

SessionInfoModel::SessionInfoModel(DatabaseWorker *worker, QObject *parent)
    : QObject(parent)
    , worker_(worker) {
    connect(worker_, &DatabaseWorker::finished, this,
            [this](quint64 ticket, const QVariant &result) {
                if (ticket != ticket_)
                    return;
                info_ = result.value<SessionInfo>();
                known_ = true;
                emit changed(info_);
            });
}

void SessionInfoModel::reload() {
    ticket_ = DatabaseWorker::newTicket();
    worker_->submit(ticket_, [](const QSqlDatabase &db) {
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
    });
}

} // namespace mvdash
