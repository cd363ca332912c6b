#include "monitoring.h"

#include "database.h"
#include "migrationrunner.h"

#include <QSqlQuery>
#include <QVariant>

namespace mvdash {

namespace {
std::optional<qint64> optInt(const QVariant &v) {
    return v.isNull() ? std::nullopt : std::optional<qint64>(v.toLongLong());
}
} // namespace

QList<ViewStatus> fetchViewStatus(const QSqlDatabase &db) {
    QList<ViewStatus> list;
    QSqlQuery q = runQuery(db, QStringLiteral("view_status"));
    while (q.next()) {
        ViewStatus s;
        s.view = q.value(0).toString();
        s.populated = q.value(1).toBool();
        s.nextMethod = q.value(2).toString();
        s.hasUniqueIndex = q.value(3).toBool();
        s.rowEstimate = optInt(q.value(4));
        s.totalBytes = q.value(5).toLongLong();
        s.lastRefreshedAt = q.value(6).toDateTime();
        s.ageSeconds = optInt(q.value(7));
        s.avgRefreshMs = q.value(8).toString();
        s.lastDurationMs = q.value(9).toString();
        s.refreshCount = q.value(10).toInt();
        s.lastOutcome = q.value(11).toString();
        s.lastError = q.value(12).toString();
        s.failureCount = q.value(13).toInt();
        s.live = q.value(14).toBool();
        s.lagEvents = optInt(q.value(15));
        s.blockedBy = q.value(16).toString();
        list << s;
    }
    return list;
}

QList<ViewSize> fetchViewSizes(const QSqlDatabase &db) {
    QList<ViewSize> list;
    QSqlQuery q = runQuery(db, QStringLiteral("view_sizes"));
    while (q.next()) {
        ViewSize s;
        s.view = q.value(0).toString();
        s.totalBytes = q.value(1).toLongLong();
        s.tableBytes = q.value(2).toLongLong();
        s.indexBytes = q.value(3).toLongLong();
        s.indexCount = q.value(4).toInt();
        s.rowEstimate = optInt(q.value(5));
        s.populated = q.value(6).toBool();
        s.hasUniqueIndex = q.value(7).toBool();
        s.lastRefreshedAt = q.value(8).toDateTime();
        s.shareOfEventTables = q.value(9).toString();
        list << s;
    }
    return list;
}

SizeRatio fetchSizeRatio(const QSqlDatabase &db) {
    SizeRatio r;
    QSqlQuery q = runQuery(db, QStringLiteral("view_size_ratio"));
    if (q.next()) {
        r.viewsBytes = q.value(0).toLongLong();
        r.eventTablesBytes = q.value(1).toLongLong();
        r.ratio = q.value(2).toString();
    }
    return r;
}

std::optional<QString> schemaProblem(const QSqlDatabase &db) {
    MigrationRunner runner(db);
    const MigrationRunner::State state = runner.state();
    if (state.applied == 0)
        return QStringLiteral("the database is not migrated: run `mvdash-admin migrate` first");
    if (!state.pending.isEmpty())
        return QStringLiteral("the database lacks %1 migration(s) (next: %2): run "
                              "`mvdash-admin migrate`")
            .arg(state.pending.size())
            .arg(state.pending.first().name);
    return std::nullopt;
}

} // namespace mvdash
