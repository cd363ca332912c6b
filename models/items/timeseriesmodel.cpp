#include "timeseriesmodel.h"

#include "database.h"
#include "roles.h"

#include <QSqlQuery>

namespace mvdash {

void TimeSeriesModel::reload() {
    request([query = query_](const QSqlDatabase &db) {
        QList<TimePoint> points;
        QSqlQuery q = runQuery(db, query);
        const int series = columnOf(q, "series"), at = columnOf(q, "at"),
                  value = columnOf(q, "value");
        while (q.next())
            points << TimePoint{q.value(series).toString(), q.value(at).toDateTime(),
                                q.value(value).toString().toDouble()};
        return QVariant::fromValue(points);
    });
}

void TimeSeriesModel::apply(const QVariant &result) {
    auto fresh = result.value<QList<TimePoint>>();
    if (fresh == points_)
        return; // unchanged: no reset, the chart stays as it is
    beginResetModel();
    points_ = std::move(fresh);
    endResetModel();
}

QVariant TimeSeriesModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= points_.size() ||
        (role != Qt::DisplayRole && role != SortRole))
        return {};
    const TimePoint &p = points_[index.row()];
    switch (index.column()) {
    case Series:
        return p.series;
    case At:
        return p.at;
    case Value:
        return p.value;
    default:
        return {};
    }
}

} // namespace mvdash
