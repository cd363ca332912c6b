#pragma once

#include "jobrunner.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QPointer>

namespace mvdash {

// A table model filled from the database by a JobRunner. Only the answer to its latest
// request is applied (LatestRequest), so a slow old answer never replaces a newer one
// (tenant switch during a load, reload during reload).
class ReloadableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    explicit ReloadableModel(JobRunner *runner, QObject *parent = nullptr);
    // A table with these column titles (untranslated, marked with QT_TRANSLATE_NOOP in
    // `titleContext`): columnCount and headerData follow them. headerData translates them
    // when asked, not here: a model may be built before the translator is installed.
    ReloadableModel(JobRunner *runner, const char *titleContext, QList<const char *> columnTitles,
                    QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override {
        return parent.isValid() ? 0 : int(columnTitles_.size());
    }
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    bool isLoading() const { return latest_.isPending(); }
    QDateTime lastLoaded() const { return lastLoaded_; }
    QString lastError() const { return lastError_; }

public slots:
    virtual void reload() = 0;

signals:
    void loadingChanged(bool loading);
    void loaded();
    void loadFailed(const QString &message, bool connectionLost);
    // A change made by runChange() ended: what was done, or why it failed.
    void changeFinished(const QString &message, bool failed);

protected:
    // Queues `job`; its result arrives in apply() unless a newer request was made meanwhile.
    // `scope` says what the answer is about (a tenant, a filter): when a request for another
    // scope than the rows shown fails, the rows are dropped (discardRows) rather than left
    // standing under the new scope's name (tenant A's players under tenant B).
    void request(JobRunner::Job job, QVariant scope = {});
    virtual void apply(const QVariant &result) = 0;
    // Empties the model; a model that is never scoped needs none.
    virtual void discardRows() {}
    // The scope of the rows shown: the latest answer's, or the failed request's after a
    // discard (set before apply() and discardRows() run).
    const QVariant &shownScope() const { return shownScope_; }
    JobRunner *runner() const { return runner_; }
    // Tells the watchers about a failure of a request of the subclass's own (a page fetched
    // again): the same signal as a failed reload.
    void reportFailure(const JobFailure &failure);
    // Runs a change on the worker (`what` says it for people), tells how it went
    // (changeFinished), then loads again: the rows show what the change did.
    void runChange(const QString &what, JobRunner::Job job);

private:
    QPointer<JobRunner> runner_;
    const char *titleContext_ = nullptr;
    QList<const char *> columnTitles_;
    LatestRequest latest_;
    QDateTime lastLoaded_;
    QString lastError_;
    QVariant shownScope_; // the scope of the rows shown
};

} // namespace mvdash
