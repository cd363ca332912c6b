#include "charts.h"

#include "timeseriesmodel.h"

#include <QChart>
#include <QChartView>
#include <QDateTimeAxis>
#include <QLineSeries>
#include <QValueAxis>

namespace mvdash {

QChartView *makeChartView(const QString &title, QWidget *parent) {
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
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

// One line per series over time, from a TimeSeriesModel (a chart and its data never disagree).
void drawTimeSeries(QChart *chart, const TimeSeriesModel *model, const QString &unit) {
    clearChart(chart);
    QMap<QString, QLineSeries *> lines;
    QDateTime first, last;
    double top = 0;
    for (const TimePoint &p : model->points()) {
        QLineSeries *&line = lines[p.series];
        if (!line) {
            line = new QLineSeries;
            line->setName(p.series);
            line->setPointsVisible(true);
        }
        line->append(double(p.at.toMSecsSinceEpoch()), p.value);
        first = first.isValid() ? std::min(first, p.at) : p.at;
        last = last.isValid() ? std::max(last, p.at) : p.at;
        top = std::max(top, p.value);
    }
    if (lines.isEmpty())
        return;
    auto *time = new QDateTimeAxis;
    time->setFormat(first.daysTo(last) >= 1 ? QStringLiteral("dd MMM HH:mm")
                                            : QStringLiteral("HH:mm:ss"));
    time->setTickCount(5);
    time->setRange(first.addSecs(-30), last.addSecs(30));
    auto *values = new QValueAxis;
    values->setTitleText(unit);
    values->setRange(0, top * 1.1 + 1e-9);
    values->setLabelFormat(QStringLiteral("%.0f"));
    values->applyNiceNumbers();
    chart->addAxis(time, Qt::AlignBottom);
    chart->addAxis(values, Qt::AlignLeft);
    chart->legend()->setAlignment(Qt::AlignRight); // view names are long: a column, not a row
    for (QLineSeries *line : std::as_const(lines)) {
        chart->addSeries(line);
        line->attachAxis(time);
        line->attachAxis(values);
    }
}

} // namespace mvdash
