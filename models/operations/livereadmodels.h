#pragma once

// The read models' two modes (migration 011, docs/LIVE.md): materialized views refreshed by
// schedule ('matview', the guide's way) or state kept up to date by incremental steps
// ('live'). Operations for mvdash-admin and the tests: which mode, switching between them
// online, rebuilding the live state, one step. Every function throws DbError.

#include "connectionsettings.h"
#include "runoutcome.h"

#include <functional>
#include <optional>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QSqlDatabase>
#include <QString>

namespace mvdash {

enum class ReadModelMode { Matview, Live };

QString modeName(ReadModelMode mode);
std::optional<ReadModelMode> parseMode(const QString &text);

struct ReadModelState {
    ReadModelMode mode = ReadModelMode::Matview;
    bool liveStateBuilt = false; // the live state exists and is maintained by steps
};
ReadModelState readModelState(const QSqlDatabase &db);

// One read model's freshness: in live mode the watermark and how far the newest committed
// event is ahead of it; in matview mode the age of the last refresh.
struct ReadModelFreshness {
    QString view;
    ReadModelMode mode = ReadModelMode::Matview;
    QDateTime asOf;                       // invalid: never refreshed / stepped
    std::optional<qint64> appliedArrival; // live only
    qint64 latestArrival = 0;
    std::optional<qint64> lagEvents; // live only (a lower bound past a million arrivals)
    QString lagSeconds;              // exact text, empty when unknown
    QString lastStepMs;
    QString blockedBy; // a writer holding the watermark back
};
QList<ReadModelFreshness> fetchFreshness(const QSqlDatabase &db);

// A tenant administrator's freshness (migration 035): the mode, and in live mode the lag of
// the tenants granted to the session's role only (ops' figures show the whole platform).
struct TenantFreshness {
    // false: the database cannot tell (tenant_scope.read_model_freshness() comes with
    // migration 035); then the rest says nothing
    bool told = true;
    ReadModelMode mode = ReadModelMode::Matview;
    std::optional<qint64> lagEvents; // live only
    QString lagSeconds;              // exact text (tenths), empty when not live
    // how often the platform steps (migration 041; as ops' ViewStatus::stepIntervalSeconds):
    // none with fewer than three steps recorded, or on a database before 041
    std::optional<double> stepIntervalSeconds;
};
TenantFreshness fetchTenantFreshness(const QSqlDatabase &db);

// What the last step did (live_progress).
struct StepProgress {
    qint64 appliedArrival = 0;
    qint64 events = 0; // applied by the last step
    QString durationMs;
    qint64 steps = 0;
    QString blockedBy;
};
StepProgress stepProgress(const QSqlDatabase &db);

// One row per read model of a step, like a refresh's.
struct StepOutcome {
    QString view;
    RunOutcome outcome = RunOutcome::Failed;
    QString durationMs;
    QString error;
};
// One step in its own transaction; `waitMs` bounds the wait for writers still open.
QList<StepOutcome> runStep(const QSqlDatabase &db, int waitMs, bool recordEmpty);

// The plan of one step statement (from live_step_statements()) for the window (from, to]:
// what `mvdash-admin explain-step` prints and the Citus test reads (pushed down or not).
QStringList explainStepStatement(const QSqlDatabase &db, const QString &statement, qint64 from,
                                 qint64 to);

using Progress = std::function<void(const QString &line)>;

// Rebuilds the live state from every event (one transaction, reported statement by
// statement); readers keep reading the old state until it commits. On plain PostgreSQL the
// work runs on `sessions` more connections like `db` (migration 013; 1: all in the
// transaction, as on Citus). Returns the rows its own transaction's statements wrote, per
// table (migration 027: in place on Citus, only the rows that differed; a helper session's
// are not counted). The swap at the end (plain PostgreSQL) waits while other sessions hold
// the read models, without queueing, and tries when none does with `swapLockTimeoutMs`, so
// that readers queue behind it that long at most (the default outlasts deadlock_timeout, after
// which the server cancels an autovacuum in the way); after `swapPatienceMs` it gives up
// (55P03) and the rebuild rolls back.
QMap<QString, qint64> rebuildLiveState(const QSqlDatabase &db, const Progress &progress,
                                       int sessions = 2, int swapLockTimeoutMs = 1500,
                                       int swapPatienceMs = 300000);

// Switches the database to `target` online: the long part (build the live state, or stage the
// materialized views) locks nothing readers use; the switch itself is one short transaction,
// retried when it cannot get its locks within `switchLockTimeoutMs`. Nothing to do when the
// database is in that mode already (reported). Needs the schema's owner.
void convertReadModels(const QSqlDatabase &db, ReadModelMode target, const Progress &progress,
                       int switchLockTimeoutMs = 5000, int attempts = 10, int sessions = 2);

// Makes the read models dropped by hand again from their installed definitions (migration
// 015; mvdash-admin migrate runs it, the doctor's fix for read_model.present). Each missing
// one, made or, when it cannot be (live mode without its state table), why not, in English.
// Needs the schema's owner.
struct RestoredReadModel {
    QString view;
    bool made = false;
    QString whyNot;
};
QList<RestoredReadModel> restoreReadModels(const QSqlDatabase &db);

} // namespace mvdash
