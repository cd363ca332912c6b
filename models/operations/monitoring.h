#pragma once

#include "runoutcome.h"

#include <algorithm>
#include <optional>
#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace mvdash {

// One materialized view as ops see it: refresh state from the log, size from the catalog.
struct ViewStatus {
    QString view;
    bool populated = false;
    QString nextMethod; // concurrently or plain
    bool hasUniqueIndex = false;
    std::optional<qint64> rowEstimate;
    qint64 totalBytes = 0;
    QDateTime lastRefreshedAt; // invalid when never refreshed
    std::optional<qint64> ageSeconds;
    QString avgRefreshMs; // exact text from numeric, empty when never
    QString lastDurationMs;
    int refreshCount = 0;
    std::optional<RunOutcome> lastOutcome; // none before the first refresh
    QString lastError;
    int failureCount = 0;
    // live mode (migration 011): committed events not in the read models yet, for how long
    // (seconds since the point in the event stream the read models show; 0 when none is
    // pending), and the writer holding the watermark back, if any
    bool live = false;
    std::optional<qint64> lagEvents;
    QString lagSeconds; // exact text (tenths), empty when unknown
    QString blockedBy;
    // how often steps come (the median of the last recorded; none with fewer than three)
    std::optional<double> stepIntervalSeconds;
    // a per-tenant copy (tenant-view create): its tenant; none for a read model
    std::optional<qint64> copyOfTenant;
    // matview mode: arrivals taken since the last refresh, about the events the view lacks (a
    // write rolled back took its arrivals too; one still open when the refresh began took them
    // before it and is missed); none in live mode
    std::optional<qint64> arrivalsSince;
};

// Live mode: how long committed events may wait for a step before the read models are late,
// then stale (issue #13: an event visible within 10 s at worst). Matview mode judges the age
// of the last refresh against the schedule instead; a live read model's last step may be long
// ago on a quiet platform without anything being behind.
struct LiveLagLimits {
    double lateSeconds = 10;
    double staleSeconds = 60;
    // For steps that come every `interval` seconds (the CronJob's five minutes in live mode):
    // an event may wait up to an interval for the next one, so late only past one and a half,
    // stale past three.
    LiveLagLimits forStepInterval(std::optional<double> interval) const {
        if (!interval)
            return *this;
        return {std::max(lateSeconds, 1.5 * *interval), std::max(staleSeconds, 3 * *interval)};
    }
};

struct ViewSize {
    QString view;
    qint64 totalBytes = 0;
    qint64 tableBytes = 0;
    qint64 indexBytes = 0;
    int indexCount = 0;
    std::optional<qint64> rowEstimate;
    bool populated = false;
    bool hasUniqueIndex = false;
    QDateTime lastRefreshedAt;
    QString shareOfEventTables; // ratio as exact text, e.g. "0.1234"
    // when the sizes were measured: invalid when just now, else the time of the sample they
    // come from (on Citus, where each size asks every worker: migration 019)
    QDateTime sizesAsOf;
};

// For as long as it lives, the session's sizes are measured when asked instead of taken from a
// recent sample (Citus, migration 019): for the doctor and the command line, which run on
// demand and report what is there now.
class SizesMeasuredNow {
public:
    explicit SizesMeasuredNow(const QSqlDatabase &db);
    ~SizesMeasuredNow();
    SizesMeasuredNow(const SizesMeasuredNow &) = delete;
    SizesMeasuredNow &operator=(const SizesMeasuredNow &) = delete;

private:
    QSqlDatabase db_; // a handle (callers' db() return temporaries)
};

struct SizeRatio {
    qint64 viewsBytes = 0;
    qint64 eventTablesBytes = 0;
    QString ratio; // empty when there are no event tables bytes
};

QList<ViewStatus> fetchViewStatus(const QSqlDatabase &db);
QList<ViewSize> fetchViewSizes(const QSqlDatabase &db);
SizeRatio fetchSizeRatio(const QSqlDatabase &db);
// Records the views' share of the event tables unless a sample is younger than the interval
// (migration 015; the doctor's storage.size_share_trend). Called at the start of a refresh run
// and between follower steps, never inside their transactions. Best effort: a failure is
// logged and the caller goes on; returns whether a sample was taken. `now`: whatever the
// interval (after a convert to live, where the read models' sizes change their storage).
bool sampleStorageShare(const QSqlDatabase &db, bool now = false);

// "is the schema there?": nullopt when it is, else what to tell the user, in English (machine
// output: doctor --json) and translated (people).
struct SchemaProblem {
    QString english, translated;
};
std::optional<SchemaProblem> schemaProblem(const QSqlDatabase &db);

} // namespace mvdash
