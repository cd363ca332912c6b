#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

class QChart;
class QChartView;
class QWidget;

namespace mvdash {

class TimeSeriesModel;

// A chart view as the panels draw them: titled, legend below, no animation.
QChartView *makeChartView(const QString &title, QWidget *parent);
// Takes every series and axis off the chart, to draw it anew.
void clearChart(QChart *chart);
// A bar chart's data: one set per series, one value per category.
struct BarSet {
    QString name;
    QList<double> values;
};
enum class BarLayout { Vertical, Horizontal, HorizontalStacked };
// Draws bars anew: categories along one axis (for horizontal bars the first category at the
// top), values along the other from 0, labelled with `labelFormat` ("%.0f").
void drawBars(QChart *chart, BarLayout layout, const QStringList &categories,
              const QList<BarSet> &sets, const QString &labelFormat, int tickCount = 0);
// One line per series over time, from a TimeSeriesModel (a chart and its data never disagree).
// A series whose key is in names is shown under that name in the legend (a key the query
// gives, such as the Refresh chart's 'live step', in the user's language). A pause in a
// series (a step between points more than 4 times its median step) is a gap in its line.
void drawTimeSeries(QChart *chart, const TimeSeriesModel *model, const QString &unit,
                    const QHash<QString, QString> &names = {});

} // namespace mvdash
