#include "reloadablemodel.h"

namespace mvdash {

ReloadableModel::ReloadableModel(DatabaseWorker *worker, QObject *parent)
    : QAbstractTableModel(parent)
    , worker_(worker) {
    connect(worker, &DatabaseWorker::finished, this, &ReloadableModel::onFinished);
    connect(worker, &DatabaseWorker::failed, this, &ReloadableModel::onFailed);
}

ReloadableModel::ReloadableModel(DatabaseWorker *worker, QStringList columnTitles, QObject *parent)
    : ReloadableModel(worker, parent) {
    columnTitles_ = std::move(columnTitles);
}

QVariant ReloadableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole && section >= 0 &&
        section < columnTitles_.size())
        return columnTitles_[section];
    return QAbstractTableModel::headerData(section, orientation, role);
}

void ReloadableModel::request(DatabaseWorker::Job job) {
    const bool wasLoading = isLoading();
    pending_ = DatabaseWorker::newTicket();
    if (worker_)
        worker_->submit(pending_, std::move(job));
    if (!wasLoading)
        emit loadingChanged(true);
}

void ReloadableModel::onFinished(quint64 ticket, const QVariant &result) {
    if (ticket != pending_)
        return; // another model's answer, or an old one of ours
    pending_ = 0;
    lastError_.clear();
    lastLoaded_ = QDateTime::currentDateTime();
    apply(result);
    emit loadingChanged(false);
    emit loaded();
}

void ReloadableModel::onFailed(quint64 ticket, const QString &message, bool connectionLost) {
    if (ticket != pending_)
        return;
    pending_ = 0;
    lastError_ = message;
    emit loadingChanged(false);
    emit loadFailed(message, connectionLost);
}

} // namespace mvdash
