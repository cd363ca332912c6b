#include "dashboardmodels.h"

#include "betstatusmodel.h"
#include "databaseworker.h"
#include "doctormodel.h"
#include "paymentsmodel.h"
#include "playersmodel.h"
#include "refreshcontroller.h"
#include "refreshhealthmodel.h"
#include "sessioninfomodel.h"
#include "tenantcopiesmodel.h"
#include "tenantfreshnessmodel.h"
#include "tenantsummarymodel.h"
#include "timeseriesmodel.h"
#include "userlookup.h"

#include <algorithm>
#include <QSettings>

namespace mvdash {

DashboardModels::DashboardModels(const ConnectionSettings &settings, QObject *parent)
    : QObject(parent)
    , reader_(new DatabaseWorker(settings, QStringLiteral("read"), this))
    , exporter_(new DatabaseWorker(settings, QStringLiteral("export"), this))
    , diagnoser_(new DatabaseWorker(settings, QStringLiteral("diagnose"), this))
    , tenants_(new TenantSummaryModel(reader_, this))
    , health_(new RefreshHealthModel(reader_, this))
    , sizes_(new ViewSizeModel(reader_, this))
    , refresher_(new RefreshController(settings, this))
    , payments_(new PaymentsModel(reader_, this))
    , players_(new TopPlayersModel(reader_, this))
    , userLookup_(new UserLookup(reader_, this))
    , betStatuses_(new BetStatusModel(reader_, this))
    , durations_(new TimeSeriesModel(reader_, QStringLiteral("refresh_duration_history"), this))
    , sizeTrend_(new TimeSeriesModel(reader_, QStringLiteral("size_trend"), this))
    , sessionInfo_(new SessionInfoModel(reader_, this))
    , doctor_(new DoctorModel(diagnoser_, this))
    , tenantCopies_(new TenantCopiesModel(diagnoser_, this))
    , tenantFreshness_(new TenantFreshnessModel(reader_, this)) {
    const QSettings prefs;
    RefreshHealthModel::Thresholds thresholds;
    thresholds.intervalSeconds =
        prefs.value(QStringLiteral("thresholds/refreshIntervalSeconds"), 300).toLongLong();
    thresholds.slowMs = prefs.value(QStringLiteral("thresholds/slowRefreshMs"), 500).toDouble();
    thresholds.live.lateSeconds =
        prefs.value(QStringLiteral("thresholds/liveLateSeconds"), thresholds.live.lateSeconds)
            .toDouble();
    thresholds.live.staleSeconds =
        prefs.value(QStringLiteral("thresholds/liveStaleSeconds"), thresholds.live.staleSeconds)
            .toDouble();
    // (a word in the file, or limits the wrong way round: the defaults' order is kept)
    thresholds.live.lateSeconds = std::max(1.0, thresholds.live.lateSeconds);
    thresholds.live.staleSeconds =
        std::max(thresholds.live.lateSeconds, thresholds.live.staleSeconds);
    health_->setThresholds(thresholds);
    DoctorSettings doctorSettings;
    doctorSettings.scheduleSeconds = thresholds.intervalSeconds;
    doctorSettings.slowMs = thresholds.slowMs;
    doctorSettings.live = thresholds.live;
    doctorSettings.holdingSeconds = std::max(
        0, prefs.value(QStringLiteral("thresholds/holdingSeconds"), doctorSettings.holdingSeconds)
               .toInt());
    doctor_->setSettings(doctorSettings);
    // the Diagnostics panel's "refresh now": the refresh controller runs it, then the doctor
    // looks again
    connect(doctor_, &DoctorModel::refreshRequested, refresher_, &RefreshController::refresh);
    connect(refresher_, &RefreshController::finished, doctor_, &DoctorModel::reload);
    // a copy made or dropped changes what the doctor sees, and the other way round
    connect(tenantCopies_, &TenantCopiesModel::changeFinished, doctor_, &DoctorModel::reload);
    connect(doctor_, &DoctorModel::changeFinished, tenantCopies_, &TenantCopiesModel::reload);
    refresher_->setLockTimeoutMs(
        prefs.value(QStringLiteral("refresh/lockTimeoutMs"), 10000).toInt());
    // Panels read on one session, a statement at a time: a read stuck behind a REFRESH
    // without CONCURRENTLY would stop every panel, the freshness badge too. The locks mvdash
    // itself takes in passing (convert's switch, a plain-PostgreSQL rebuild's swap) last
    // about a second; a REFRESH ... CONCURRENTLY does not stop readers at all.
    const int readLockTimeoutMs =
        std::max(0, prefs.value(QStringLiteral("reader/lockTimeoutMs"), 3000).toInt());
    reader_->setLockTimeoutMs(readLockTimeoutMs);
    exporter_->setLockTimeoutMs(readLockTimeoutMs);
    diagnoser_->setLockTimeoutMs(readLockTimeoutMs);
    // ... and a read that runs on without waiting for anyone (a plan gone wrong on a grown
    // table, a swamped server) would do the same: the server stops it after a minute, far
    // beyond what a panel's read takes (milliseconds at 10M events), and the banner says so.
    // Exports stream for as long as they need (their own session, with a Cancel button), and
    // the Diagnostics panel (the doctor's checks, an operator's changes) has its own too.
    reader_->setStatementTimeoutMs(
        std::max(0, prefs.value(QStringLiteral("reader/statementTimeoutMs"), 60000).toInt()));
    // the server may have changed under the same DSN: ask who we are after every reconnect
    connect(reader_, &JobRunner::connectionChanged, this, [this](bool connected) {
        if (connected)
            sessionInfo_->reload();
    });
}

DashboardModels::~DashboardModels() = default;

JobRunner *DashboardModels::reader() const {
    return reader_;
}

JobRunner *DashboardModels::exporter() const {
    return exporter_;
}

namespace {
// A reload does not queue a second request behind one still on its way: offline, or on a
// busy server, every tick would add one more and the queue would only grow.
void reloadUnlessLoading(ReloadableModel *model) {
    if (!model->isLoading())
        model->reload();
}
} // namespace

void DashboardModels::reloadTenantData() {
    reloadUnlessLoading(tenants_);
    reloadUnlessLoading(betStatuses_);
    reloadUnlessLoading(players_);
    // the payments list keeps its place (pages fetched as scrolled): asked again only when
    // it has no rows because its first page failed (a failed later page is asked for again
    // when shown, in place)
    if (!payments_->lastError().isEmpty() && payments_->rowCount() == 0)
        reloadUnlessLoading(payments_);
}

void DashboardModels::reloadOps() {
    for (ReloadableModel *model : QList<ReloadableModel *>{durations_, sizeTrend_, health_, sizes_})
        reloadUnlessLoading(model);
}

void DashboardModels::reloadDiagnostics() {
    reloadUnlessLoading(doctor_);
    reloadUnlessLoading(tenantCopies_);
}

} // namespace mvdash
