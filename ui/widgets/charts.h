#pragma once

#include <QString>

class QChart;
class QChartView;
class QWidget;

namespace mvdash {

class TimeSeriesModel;

// A chart view as the panels draw them: titled, legend below, no animation.
QChartView *makeChartView(const QString &title, QWidget *parent);
// Takes every series and axis off the chart, to draw it anew.
void clearChart(QChart *chart);
// One line per series over time, from a TimeSeriesModel (a chart and its data never disagree).
void drawTimeSeries(QChart *chart, const TimeSeriesModel *model, const QString &unit);

} // namespace mvdash
