#include "monitoring.h"

#include "database.h"
#include "dberror.h"
#include "migrationrunner.h"
#include "qtfmt.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QVariant>
#include <spdlog/spdlog.h>

namespace mvdash {

namespace {
std::optional<qint64> optInt(const QVariant &v) {
    return v.isNull() ? std::nullopt : std::optional<qint64>(v.toLongLong());
}
} // namespace

QList<ViewStatus> fetchViewStatus(const QSqlDatabase &db) {
    QList<ViewStatus> list;
    QSqlQuery q = runQuery(db, QStringLiteral("view_status"));
    const auto column = [&q](const char *name) { return columnOf(q, name); };
    const int view = column("view_name"), populated = column("populated"),
              nextMethod = column("next_method"), unique = column("has_unique_index"),
              rows = column("row_estimate"), bytes = column("total_bytes"),
              refreshedAt = column("last_refreshed_at"), age = column("age_seconds"),
              avgMs = column("avg_refresh_time_ms"), lastMs = column("last_duration_ms"),
              count = column("refresh_count"), outcome = column("last_outcome"),
              error = column("last_error"), failures = column("failure_count"),
              live = column("live"), lag = column("lag_events"), lagSeconds = column("lag_seconds"),
              blocked = column("blocked_by"), stepInterval = column("step_interval_seconds"),
              copyOf = column("copy_of_tenant"), arrivalsSince = column("arrivals_since");
    while (q.next()) {
        ViewStatus s;
        s.view = q.value(view).toString();
        s.populated = q.value(populated).toBool();
        s.nextMethod = q.value(nextMethod).toString();
        s.hasUniqueIndex = q.value(unique).toBool();
        s.rowEstimate = optInt(q.value(rows));
        s.totalBytes = q.value(bytes).toLongLong();
        s.lastRefreshedAt = q.value(refreshedAt).toDateTime();
        s.ageSeconds = optInt(q.value(age));
        s.avgRefreshMs = q.value(avgMs).toString();
        // (a NULL numeric may come as a null double, whose text is "0": none is not zero)
        s.lastDurationMs = q.isNull(lastMs) ? QString() : q.value(lastMs).toString();
        s.refreshCount = q.value(count).toInt();
        s.lastOutcome = parseRunOutcome(q.value(outcome).toString());
        s.lastError = q.value(error).toString();
        s.failureCount = q.value(failures).toInt();
        s.live = q.value(live).toBool();
        s.lagEvents = optInt(q.value(lag));
        s.lagSeconds = q.isNull(lagSeconds) ? QString() : q.value(lagSeconds).toString();
        s.blockedBy = q.value(blocked).toString();
        s.copyOfTenant = optInt(q.value(copyOf));
        s.arrivalsSince = optInt(q.value(arrivalsSince));
        if (!q.isNull(stepInterval))
            s.stepIntervalSeconds = q.value(stepInterval).toDouble();
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
        s.sizesAsOf = q.value(10).toDateTime();
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

namespace {
void setSizesMeasured(const QSqlDatabase &db, bool on) {
    try {
        runQuery(db, QStringLiteral("sizes_measured"), {on ? QStringLiteral("on") : QString()});
    } catch (const DbError &e) {
        // a lost connection (the next query says so), or a database before migration 019
        // (no samples: every size is measured anyway)
        spdlog::warn("could not set how sizes are measured: {}", e.englishMessage());
    }
}
} // namespace

SizesMeasuredNow::SizesMeasuredNow(const QSqlDatabase &db)
    : db_(db) {
    setSizesMeasured(db_, true);
}

SizesMeasuredNow::~SizesMeasuredNow() {
    setSizesMeasured(db_, false);
}

bool sampleStorageShare(const QSqlDatabase &db, bool now) {
    try {
        QSqlQuery q = runQuery(db, QStringLiteral("storage_share_sample"), {now});
        return q.next() && q.value(0).toBool();
    } catch (const DbError &e) {
        // a role without the right or a schema before migration 015: the refresh goes on,
        // the doctor's trend has fewer samples (and says how many)
        spdlog::warn("size share sample not taken: {}", e.englishMessage());
        return false;
    }
}

std::optional<SchemaProblem> schemaProblem(const QSqlDatabase &db) {
    MigrationRunner runner(db);
    const MigrationRunner::State state = runner.state();
    if (state.applied == 0)
        return SchemaProblem{
            QStringLiteral("the database is not migrated: run `mvdash-admin migrate` first"),
            //: keep the command as it is
            QCoreApplication::translate(
                "mvdash::Monitoring",
                "the database is not migrated: run `mvdash-admin migrate` first")};
    if (!state.pending.isEmpty()) {
        const int missing = int(state.pending.size());
        const QString next = state.pending.first().name;
        return SchemaProblem{QStringLiteral("the database lacks %1 migration(s) (next: %2): run "
                                            "`mvdash-admin migrate`")
                                 .arg(missing)
                                 .arg(next),
                             //: "the database lacks <n migrations> (next: <file name>): run
                             //: `mvdash-admin migrate`"; keep the command as it is
                             QCoreApplication::translate("mvdash::Monitoring",
                                                         "the database lacks %n migration(s) "
                                                         "(next: %1): run `mvdash-admin migrate`",
                                                         nullptr, missing)
                                 .arg(next)};
    }
    return std::nullopt;
}

} // namespace mvdash
