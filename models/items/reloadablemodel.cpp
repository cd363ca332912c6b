#include "reloadablemodel.h"

#include <QCoreApplication>

namespace mvdash {

ReloadableModel::ReloadableModel(JobRunner *runner, QObject *parent)
    : QAbstractTableModel(parent)
    , runner_(runner) {}

ReloadableModel::ReloadableModel(JobRunner *runner, const char *titleContext,
                                 QList<const char *> columnTitles, QObject *parent)
    : ReloadableModel(runner, parent) {
    titleContext_ = titleContext;
    columnTitles_ = std::move(columnTitles);
}

QVariant ReloadableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole && section >= 0 &&
        section < columnTitles_.size())
        return QCoreApplication::translate(titleContext_, columnTitles_[section]);
    return QAbstractTableModel::headerData(section, orientation, role);
}

void ReloadableModel::request(JobRunner::Job job, QVariant scope) {
    if (!runner_)
        return;
    const bool wasLoading = isLoading();
    latest_.submit(
        runner_, this, std::move(job),
        [this, scope](const QVariant &result) {
            lastError_.clear();
            lastLoaded_ = QDateTime::currentDateTime();
            shownScope_ = scope;
            apply(result);
            emit loadingChanged(false);
            emit loaded();
        },
        [this, scope](const JobFailure &failure) {
            if (!failure.cancelled() && scope != shownScope_) {
                shownScope_ = scope; // nothing shown now, which is true of any scope
                discardRows();
            }
            emit loadingChanged(false);
            reportFailure(failure);
        });
    if (!wasLoading)
        emit loadingChanged(true);
}

void ReloadableModel::runChange(const QString &what, JobRunner::Job job) {
    if (!runner_)
        return;
    runner_->submit(
        this, std::move(job),
        [this, what](const QVariant &) {
            emit changeFinished(tr("%1: done").arg(what), false);
            reload();
        },
        [this, what](const JobFailure &failure) {
            emit changeFinished(tr("%1 failed: %2").arg(what, failure.message), true);
            reload();
        });
}

void ReloadableModel::reportFailure(const JobFailure &failure) {
    if (failure.cancelled())
        return; // somebody asked for it: nothing went wrong
    lastError_ = failure.message;
    emit loadFailed(failure.message, failure.connectionLost());
}

} // namespace mvdash
