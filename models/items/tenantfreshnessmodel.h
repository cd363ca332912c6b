#pragma once

#include "jobrunner.h"
#include "livereadmodels.h"

namespace mvdash {

// A tenant administrator's freshness: whether the read models are live and how many of its
// own committed events they lack (migration 035). Ops read the platform's figures from the
// refresh health instead; `changed` with each answer.
class TenantFreshnessModel : public QObject {
    Q_OBJECT
public:
    explicit TenantFreshnessModel(JobRunner *runner, QObject *parent = nullptr);

    void reload();
    bool isLoading() const { return latest_.isPending(); }
    // Nothing until the first answer (a matview answer says "not live"; a database before
    // migration 035 answers told = false, logged once).
    const std::optional<TenantFreshness> &freshness() const { return freshness_; }
    bool live() const { return freshness_ && freshness_->mode == ReadModelMode::Live; }

signals:
    void changed();
    void failed(const QString &message); // not for a lost connection (the runner tells that)

private:
    JobRunner *runner_;
    LatestRequest latest_;
    std::optional<TenantFreshness> freshness_;
    bool toldUntold_ = false; // the log has said once that the database cannot tell
};

} // namespace mvdash

Q_DECLARE_METATYPE(mvdash::TenantFreshness)
