#pragma once

#include "connectionsettings.h"

#include <QObject>

namespace mvdash {

class BetStatusModel;
class DoctorModel;
class TenantCopiesModel;
class TenantFreshnessModel;
class DatabaseWorker;
class JobRunner;
class PaymentsModel;
class RefreshController;
class RefreshHealthModel;
class SessionInfoModel;
class TenantSummaryModel;
class TimeSeriesModel;
class TopPlayersModel;
class UserLookup;
class ViewSizeModel;

// Everything the dashboard reads and runs, wired once for one connection: the reading worker
// every model shares, the export worker, the refresh controller (its own sessions), and the
// item models with the user's thresholds. app/ builds it and hands it to the window, which
// only shows what it holds; tests and the GUI probe build the same one.
class DashboardModels : public QObject {
    Q_OBJECT
public:
    explicit DashboardModels(const ConnectionSettings &settings, QObject *parent = nullptr);
    ~DashboardModels() override;

    JobRunner *reader() const;
    JobRunner *exporter() const;
    TenantSummaryModel *tenants() const { return tenants_; }
    RefreshHealthModel *health() const { return health_; }
    ViewSizeModel *sizes() const { return sizes_; }
    RefreshController *refresher() const { return refresher_; }
    PaymentsModel *payments() const { return payments_; }
    TopPlayersModel *players() const { return players_; }
    UserLookup *userLookup() const { return userLookup_; }
    BetStatusModel *betStatuses() const { return betStatuses_; }
    TimeSeriesModel *durations() const { return durations_; }
    TimeSeriesModel *sizeTrend() const { return sizeTrend_; }
    SessionInfoModel *sessionInfo() const { return sessionInfo_; }
    DoctorModel *doctor() const { return doctor_; }
    TenantCopiesModel *tenantCopies() const { return tenantCopies_; }
    // a tenant administrator's lag (ops read the platform's from health())
    TenantFreshnessModel *tenantFreshness() const { return tenantFreshness_; }

    // What every role reads (the tenant's figures), and what only ops read.
    void reloadTenantData();
    void reloadOps();
    // The doctor's checks and the per-tenant copies: a dozen catalog queries, run when
    // somebody looks at them, not with every automatic reload.
    void reloadDiagnostics();

private:
    DatabaseWorker *reader_;
    DatabaseWorker *exporter_;
    // the Diagnostics panel's session, without the panels' limit for one read: the doctor's
    // bloat check reads every index of the read models, and an operator's change (a tenant's
    // copy over all of its rows, a unique index) takes as long as it takes at scale
    DatabaseWorker *diagnoser_;
    TenantSummaryModel *tenants_;
    RefreshHealthModel *health_;
    ViewSizeModel *sizes_;
    RefreshController *refresher_;
    PaymentsModel *payments_;
    TopPlayersModel *players_;
    UserLookup *userLookup_;
    BetStatusModel *betStatuses_;
    TimeSeriesModel *durations_;
    TimeSeriesModel *sizeTrend_;
    SessionInfoModel *sessionInfo_;
    DoctorModel *doctor_;
    TenantCopiesModel *tenantCopies_;
    TenantFreshnessModel *tenantFreshness_;
};

} // namespace mvdash
