#pragma once

#include "jobrunner.h"

#include <QList>
#include <QPointer>

namespace mvdash {

// A JobRunner without a server, for the unit tests of item models: it keeps every job it is
// given and lets the test answer them (a result or a failure), in any order, as a worker
// would deliver them (in this thread, only while the caller still exists). The job itself
// never runs: the test says what it returned.
class FakeRunner : public JobRunner {
public:
    void submit(QObject *context, Job job, ResultHandler onResult,
                FailureHandler onFailure) override {
        pending_ << Pending{context, std::move(job), std::move(onResult), std::move(onFailure)};
    }

    qsizetype pendingCount() const { return pending_.size(); }

    // Answers the `index`-th oldest job still pending.
    void answer(qsizetype index, const QVariant &result) {
        const Pending p = pending_.takeAt(index);
        if (p.context)
            p.onResult(result);
    }
    void fail(qsizetype index, JobFailure::Kind kind, const QString &message) {
        const Pending p = pending_.takeAt(index);
        if (p.context && p.onFailure)
            p.onFailure(JobFailure{kind, message});
    }
    void answerLast(const QVariant &result) { answer(pending_.size() - 1, result); }

private:
    struct Pending {
        QPointer<QObject> context;
        Job job;
        ResultHandler onResult;
        FailureHandler onFailure;
    };
    QList<Pending> pending_;
};

} // namespace mvdash
