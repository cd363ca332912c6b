#pragma once

#include "databaseworker.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QPointer>

namespace mvdash {

// A table model filled from the database by a DatabaseWorker. Each reload takes a new ticket
// (unique across models); an answer carrying any other ticket is stale and dropped, so a slow
// old answer never replaces a newer one (tenant switch during a load, reload during reload).
class ReloadableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    explicit ReloadableModel(DatabaseWorker *worker, QObject *parent = nullptr);
    // A table with these (translated) column titles: columnCount and headerData follow them.
    ReloadableModel(DatabaseWorker *worker, QStringList columnTitles, QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override {
        return parent.isValid() ? 0 : int(columnTitles_.size());
    }
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    bool isLoading() const { return pending_ != 0; }
    QDateTime lastLoaded() const { return lastLoaded_; }
    QString lastError() const { return lastError_; }

public slots:
    virtual void reload() = 0;

signals:
    void loadingChanged(bool loading);
    void loaded();
    void loadFailed(const QString &message, bool connectionLost);

protected:
    // Queues `job`; its result arrives in apply() unless a newer request was made meanwhile.
    void request(DatabaseWorker::Job job);
    virtual void apply(const QVariant &result) = 0;
    DatabaseWorker *worker() const { return worker_; }

private:
    void onFinished(quint64 ticket, const QVariant &result);
    void onFailed(quint64 ticket, const QString &message, bool connectionLost);

    QPointer<DatabaseWorker> worker_;
    QStringList columnTitles_;
    quint64 pending_ = 0;
    QDateTime lastLoaded_;
    QString lastError_;
};

} // namespace mvdash
