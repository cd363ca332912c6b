#pragma once

#include "monitoring.h"
#include "reloadablemodel.h"
#include "states.h"

namespace mvdash {

// Every materialized view of the catalog with its refresh health: one row per view.
class RefreshHealthModel : public ReloadableModel {
    Q_OBJECT
public:
    enum Column {
        View,
        Populated,
        Method,
        LastRefresh,
        Age,
        Behind,        // committed events not applied yet (matview mode: arrivals since, about)
        BehindSeconds, // live mode: how far behind in time the read models are then
        AvgMs,
        LastMs,
        Count,
        Progress,
        LastError,
        ColumnCount
    };

    struct Thresholds {
        qint64 intervalSeconds = 300; // the CronJob's */5
        double slowMs = 500;          // the guide's alert
        LiveLagLimits live;           // live mode: judged by the lag, not the age
    };

    explicit RefreshHealthModel(JobRunner *runner, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override {
        return parent.isValid() ? 0 : int(rows_.size());
    }
    QVariant data(const QModelIndex &index, int role) const override;

    void setThresholds(Thresholds t);
    Thresholds thresholds() const { return thresholds_; }
    // Late: past the interval; stale: past twice the interval, or never refreshed.
    Freshness freshness(const ViewStatus &s) const;
    // The same rule for any age in seconds (the header's "data as of" badge).
    Freshness freshnessOfAge(qint64 ageSeconds) const;
    // live mode: how long committed events have waited for a step (the limits stretched to
    // the steps' interval when known)
    Freshness freshnessOfLag(double lagSeconds,
                             std::optional<double> stepInterval = std::nullopt) const;
    const QList<ViewStatus> &rows() const { return rows_; }
    // Whether the read models are live (the Behind columns apply).
    bool live() const;

    // Per-view progress text shown while a refresh runs ("refreshing…", "ok 120 ms").
    void setProgress(const QString &view, const QString &text);
    void clearProgress();

    void reload() override;

protected:
    void apply(const QVariant &result) override;

private:
    QList<ViewStatus> rows_;
    QHash<QString, QString> progress_;
    Thresholds thresholds_;
};

// Size of every view and its share of the event tables.
class ViewSizeModel : public ReloadableModel {
    Q_OBJECT
public:
    enum Column { View, Total, Table, Indexes, IndexCount, Rows, Share, ColumnCount };
    explicit ViewSizeModel(JobRunner *runner, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override {
        return parent.isValid() ? 0 : int(rows_.size());
    }
    QVariant data(const QModelIndex &index, int role) const override;
    SizeRatio ratio() const { return ratio_; }
    // when the sizes shown were measured: invalid when at the last reload, else the time of
    // the sample they come from (Citus)
    QDateTime sizesAsOf() const { return rows_.isEmpty() ? QDateTime() : rows_.first().sizesAsOf; }

    void reload() override;

protected:
    void apply(const QVariant &result) override;

private:
    QList<ViewSize> rows_;
    SizeRatio ratio_;
};

} // namespace mvdash
