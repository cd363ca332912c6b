#include "charts.h"

#include "theme.h"
#include "timeseriesmodel.h"

#include <algorithm>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QDateTimeAxis>
#include <QHorizontalBarSeries>
#include <QHorizontalStackedBarSeries>
#include <QLegendMarker>
#include <QLineSeries>
#include <QValueAxis>

namespace mvdash {

QChartView *makeChartView(const QString &title, QWidget *parent) {
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    // axis labels (numbers, month names) in the user's language, as the tables show them:
    // QChart uses the system locale and C-style numbers unless told otherwise
    chart->setLocale(QLocale());
    chart->setLocalizeNumbers(true);
    auto *view = new QChartView(chart, parent);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(260);
    return view;
}

void clearChart(QChart *chart) {
    chart->removeAllSeries();
    for (QAbstractAxis *axis : chart->axes())
        chart->removeAxis(axis);
}

namespace {
// A pause in a series (the CronJob or the follower stopped, the server down) leaves a gap in
// its line instead of a straight line across it: a step between two points more than this
// many times the series' median step.
constexpr qint64 kGapFactor = 4;

// One series' points in time order, cut where it paused.
QList<QList<QPointF>> segmentsOf(QList<QPointF> points) {
    std::stable_sort(points.begin(), points.end(),
                     [](const QPointF &a, const QPointF &b) { return a.x() < b.x(); });
    QList<qreal> steps;
    for (qsizetype i = 1; i < points.size(); ++i)
        steps << points[i].x() - points[i - 1].x();
    qreal median = 0;
    if (steps.size() >= 2) { // (one step says nothing about the usual one)
        QList<qreal> sorted = steps;
        std::nth_element(sorted.begin(), sorted.begin() + sorted.size() / 2, sorted.end());
        median = sorted[sorted.size() / 2];
    }
    QList<QList<QPointF>> segments{{}};
    for (qsizetype i = 0; i < points.size(); ++i) {
        if (i > 0 && median > 0 && steps[i - 1] > median * kGapFactor)
            segments.append(QList<QPointF>());
        segments.last() << points[i];
    }
    return segments;
}
} // namespace

// One line per series over time, from a TimeSeriesModel (a chart and its data never disagree).
void drawTimeSeries(QChart *chart, const TimeSeriesModel *model, const QString &unit,
                    const QHash<QString, QString> &names) {
    clearChart(chart);
    QMap<QString, QList<QPointF>> pointsBySeries;
    QDateTime first, last;
    double top = 0;
    for (const TimePoint &p : model->points()) {
        pointsBySeries[p.series] << QPointF(double(p.at.toMSecsSinceEpoch()), p.value);
        first = first.isValid() ? std::min(first, p.at) : p.at;
        last = last.isValid() ? std::max(last, p.at) : p.at;
        top = std::max(top, p.value);
    }
    if (pointsBySeries.isEmpty())
        return;
    auto *time = new QDateTimeAxis;
    const bool days = first.daysTo(last) >= 1;
    time->setFormat(days ? QStringLiteral("dd MMM HH:mm") : QStringLiteral("HH:mm:ss"));
    // a margin of 2% of the span each side (a second at least), so that the points fill the
    // width: a fixed 30 s left a live minute of steps in the middle third
    const qint64 margin = std::max<qint64>(1000, first.msecsTo(last) / 50);
    time->setRange(first.addMSecs(-margin), last.addMSecs(margin));
    // up to 5 ticks, at least the format's unit apart: over a few seconds 5 ticks read
    // "01:02:27, 01:02:27"
    const qint64 unitMs = days ? 60'000 : 1'000;
    time->setTickCount(
        int(std::clamp<qint64>((first.msecsTo(last) + 2 * margin) / unitMs + 1, 2, 5)));
    auto *values = new QValueAxis;
    values->setTitleText(unit);
    values->setRange(0, top * 1.1 + 1e-9);
    values->setLabelFormat(QStringLiteral("%.0f"));
    values->applyNiceNumbers();
    chart->addAxis(time, Qt::AlignBottom);
    chart->addAxis(values, Qt::AlignLeft);
    chart->legend()->setAlignment(Qt::AlignRight); // view names are long: a column, not a row
    int colour = 0;
    for (auto it = pointsBySeries.cbegin(); it != pointsBySeries.cend(); ++it, ++colour) {
        bool named = false; // one legend entry per series, whatever its gaps
        for (const QList<QPointF> &segment : segmentsOf(*it)) {
            auto *line = new QLineSeries;
            line->setName(names.value(it.key(), it.key()));
            line->setPointsVisible(true);
            line->append(segment);
            chart->addSeries(line);
            line->setColor(theme::seriesColour(colour)); // (after: adding applies the theme's)
            line->attachAxis(time);
            line->attachAxis(values);
            for (QLegendMarker *marker : chart->legend()->markers(line))
                marker->setVisible(!named);
            named = true;
        }
    }
}

void drawBars(QChart *chart, BarLayout layout, const QStringList &categories,
              const QList<BarSet> &sets, const QString &labelFormat, int tickCount) {
    clearChart(chart);
    const bool horizontal = layout != BarLayout::Vertical;
    QAbstractBarSeries *series = layout == BarLayout::Vertical ? new QBarSeries
                                 : layout == BarLayout::Horizontal
                                     ? static_cast<QAbstractBarSeries *>(new QHorizontalBarSeries)
                                     : new QHorizontalStackedBarSeries;
    auto *axis = new QBarCategoryAxis;
    // a horizontal chart draws its first category at the bottom: reversed, the first is on top
    QStringList order = categories;
    if (horizontal)
        std::reverse(order.begin(), order.end());
    axis->append(order);
    for (const BarSet &data : sets) {
        auto *set = new QBarSet(data.name);
        QList<double> values = data.values;
        if (horizontal)
            std::reverse(values.begin(), values.end());
        set->append(values);
        series->append(set);
    }
    chart->addSeries(series);
    chart->addAxis(axis, horizontal ? Qt::AlignLeft : Qt::AlignBottom);
    series->attachAxis(axis);
    auto *values = new QValueAxis;
    values->setLabelFormat(labelFormat);
    values->setMin(0);
    if (tickCount > 0)
        values->setTickCount(tickCount);
    chart->addAxis(values, horizontal ? Qt::AlignBottom : Qt::AlignLeft);
    series->attachAxis(values);
    values->applyNiceNumbers();
}

} // namespace mvdash
