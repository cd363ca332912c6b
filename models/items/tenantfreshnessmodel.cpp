#include "tenantfreshnessmodel.h"

#include <spdlog/spdlog.h>

namespace mvdash {

TenantFreshnessModel::TenantFreshnessModel(JobRunner *runner, QObject *parent)
    : QObject(parent)
    , runner_(runner) {}

// A failed answer drops the last one: a lag shown from before would stand still and look
// current. The failure is told (a lost connection by the runner, which reconnects; the next
// reload asks again).
void TenantFreshnessModel::reload() {
    latest_.submit(
        runner_, this,
        [](const QSqlDatabase &db) { return QVariant::fromValue(fetchTenantFreshness(db)); },
        [this](const QVariant &result) {
            freshness_ = result.value<TenantFreshness>();
            if (!freshness_->told && !toldUntold_) {
                toldUntold_ = true;
                spdlog::warn("the database has no tenant_scope.read_model_freshness() (migration "
                             "035): a tenant administrator's badge shows no lag until an "
                             "operator runs mvdash-admin migrate");
            }
            emit changed();
        },
        [this](const JobFailure &failure) {
            if (failure.cancelled())
                return;
            freshness_.reset();
            emit changed();
            if (!failure.connectionLost())
                emit failed(failure.message);
        });
}

} // namespace mvdash
