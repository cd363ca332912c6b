#pragma once

#include "reloadablemodel.h"

namespace mvdash {

struct TimePoint {
    QString series;
    QDateTime at;
    double value = 0; // for charts only (durations in ms, sizes in MB)
    bool operator==(const TimePoint &) const = default;
};

// Points of several named series over time from one catalog query returning
// (series, timestamptz, number): refresh durations per view, size per view.
class TimeSeriesModel : public ReloadableModel {
    Q_OBJECT
public:
    enum Column { Series, At, Value, ColumnCount };
    TimeSeriesModel(JobRunner *runner, QString catalogQuery, QObject *parent = nullptr)
        : ReloadableModel(runner, parent)
        , query_(std::move(catalogQuery)) {}

    int rowCount(const QModelIndex &parent = {}) const override {
        return parent.isValid() ? 0 : int(points_.size());
    }
    int columnCount(const QModelIndex &parent = {}) const override {
        return parent.isValid() ? 0 : ColumnCount;
    }
    QVariant data(const QModelIndex &index, int role) const override;
    const QList<TimePoint> &points() const { return points_; }
    void reload() override;

protected:
    void apply(const QVariant &result) override;

private:
    QString query_;
    QList<TimePoint> points_;
};

} // namespace mvdash
