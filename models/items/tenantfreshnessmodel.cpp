#include "tenantfreshnessmodel.h"

namespace mvdash {

TenantFreshnessModel::TenantFreshnessModel(JobRunner *runner, QObject *parent)
    : QObject(parent)
    , runner_(runner) {}

// A failed answer keeps the last one shown: the badge's lag stays as it was, and the failure
// is told (a lost connection by the runner, which reconnects and the next reload asks again).
void TenantFreshnessModel::reload() {
    latest_.submit(
        runner_, this,
        [](const QSqlDatabase &db) { return QVariant::fromValue(fetchTenantFreshness(db)); },
        [this](const QVariant &result) {
            freshness_ = result.value<TenantFreshness>();
            emit changed();
        },
        [this](const JobFailure &failure) {
            if (!failure.connectionLost() && !failure.cancelled())
                emit failed(failure.message);
        });
}

} // namespace mvdash
