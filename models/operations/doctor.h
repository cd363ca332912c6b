#pragma once

#include "monitoring.h"

#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace mvdash {

// How a check came out. The order matters: a report is as bad as its worst check.
enum class CheckState { Ok, Warn, Fail };
QString checkStateWord(CheckState state); // "ok", "warn", "fail": the stable JSON words

// A fix the dashboard may run with one click: it changes nothing but the read models'
// freshness, a missing index or a copy, and the engine's own locks keep it from colliding.
// EndSession ends someone else's session: the dashboard asks first, and the server ends it
// only while it is still in the transaction the check saw.
enum class SafeFix { None, RefreshView, CreateUniqueIndex, DropTenantCopy, EndSession };

// One finding of the doctor: the guide's troubleshooting, automated.
//
// Languages: found, why and fix are English, always: the JSON (docs/DOCTOR.md, format
// "mvdash-doctor/1") is a stable machine format and tests compare it. The doctor writes each
// text twice as it builds it, the English and its translation (context "mvdash::Doctor", the
// translation loaded when the doctor ran; the SQL and commands inside stay as they are), the
// same figures in both. People's output (mvdash-admin doctor's text, the GUI's DoctorModel)
// reads foundText(), whyText(), fixText(); the JSON reads found, why, fix.
struct DoctorCheck {
    QString id;      // stable, e.g. "read_model.unique_index" (docs/DOCTOR.md lists them)
    QString subject; // what it is about: a view, a tenant, a node; empty for the database
    CheckState state = CheckState::Ok;
    QString found;       // what was found, with the figures
    QString why;         // why it matters (empty when all is well)
    QString fix;         // what to do: the exact command or SQL (empty when nothing)
    QString query;       // the catalog query behind it (sql/queries/<query>.sql), for --verbose
    QJsonObject figures; // the figures, machine-readable
    SafeFix safeFix = SafeFix::None;
    QString fixSql; // the statement the safe fix runs (CreateUniqueIndex)
    // the translations of found, why and fix; empty: the same as the English (a check built
    // elsewhere, a test's)
    QString foundTranslated, whyTranslated, fixTranslated;

    QString foundText() const { return foundTranslated.isEmpty() ? found : foundTranslated; }
    QString whyText() const { return whyTranslated.isEmpty() ? why : whyTranslated; }
    QString fixText() const { return fixTranslated.isEmpty() ? fix : fixTranslated; }
};

struct DoctorSettings {
    qint64 tenantId = -1;         // --tenant: the guide's per-tenant check; -1 none
    qint64 scheduleSeconds = 300; // the refresh schedule (the guide's CronJob: 5 min)
    double slowMs = 500;          // the guide's slow refresh alert
    LiveLagLimits live;           // live mode: refresh.fresh by the lag, not the last step's age
    double deadRowShare = 0.2;    // dead rows over live + dead beyond which to vacuum
    double sizeShareLimit = 0.3;  // views against event tables: the guide says 10-30%
    double trendHorizonDays = 30; // a trend reaching its limit sooner than this warns
    // bloat (pgstattuple): smaller relations are not worth a rewrite, whatever their share
    qint64 bloatMinBytes = 8 * 1024 * 1024;
    double freeSpaceLimit = 0.5; // empty space in a read model's storage beyond which to rewrite
    // % full of an index's leaf pages below which to reindex: a new btree is 90% full, one
    // that took random inserts settles near 70% (50-55% seen after concurrent refreshes);
    // below 40 it is more than twice its compact size
    double leafDensityMin = 40;
    // Citus: a prepared transaction on a worker older than this is a two-phase commit left
    // half done (one normally lasts milliseconds; recovery, every minute by default, resolves
    // it and leaves no trace: the bound stays well below that)
    int preparedSeconds = 10;
    // a transaction open longer than this that holds the steps or a refresh back is named (a
    // refresh waits a minute for a lock; a step skips after its writer wait, 10 s)
    int holdingSeconds = 60;
};

// Runs every check on one connection, each on its own: a check that cannot run (a role
// without the privilege, an older install) is itself reported, the others go on.
class Doctor {
public:
    Doctor(QSqlDatabase db, DoctorSettings settings)
        : db_(std::move(db))
        , settings_(settings) {}

    QList<DoctorCheck> run() const;

    static CheckState worst(const QList<DoctorCheck> &checks);
    // The stable JSON document (docs/DOCTOR.md: format "mvdash-doctor/1").
    static QJsonObject toJson(const QList<DoctorCheck> &checks, bool withQueries);

private:
    struct RunningRefresh {
        QString view; // the read model it refreshes or waits for; empty when unknown
        int pid = 0;
        QString role, application;
        qint64 ageSeconds = 0;
        QString waitType, wait, blockedBy, blocking;
    };
    QList<RunningRefresh> runningRefreshes() const;

    void readModels(QList<DoctorCheck> &out) const;
    void refreshes(QList<DoctorCheck> &out) const;
    void liveArrivals(QList<DoctorCheck> &out) const;
    void durationTrend(QList<DoctorCheck> &out) const;
    void runningNow(QList<DoctorCheck> &out) const;
    void holdingSessions(QList<DoctorCheck> &out) const;
    void tenant(QList<DoctorCheck> &out) const;
    void memory(QList<DoctorCheck> &out) const;
    void refreshTemp(QList<DoctorCheck> &out) const;
    void storage(QList<DoctorCheck> &out) const;
    void sizeShareTrend(QList<DoctorCheck> &out) const;
    void bloat(QList<DoctorCheck> &out) const;
    void tenantCopies(QList<DoctorCheck> &out) const;
    void schedule(QList<DoctorCheck> &out) const;
    void citus(QList<DoctorCheck> &out) const;
    void privileges(QList<DoctorCheck> &out) const;

    QSqlDatabase db_;
    DoctorSettings settings_;
    // what the server has (found by run()): Citus's and pg_cron's checks run only then
    mutable bool citus_ = false, pgCron_ = false;
};

} // namespace mvdash
