// mvdash-bench-charts: draws the benchmark's charts from its JSON results.
//   mvdash-bench-charts --out docs/benchmarks bench/results/results-1000000.json ...
// ratios.png: the guide's comparisons for the largest tenant, measured at each size, beside
// the guide's claim (log scale); refresh-<events>.png: refresh time per view.

#include <cmath>
#include <cstdio>
#include <QApplication>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QValueAxis>

namespace {

QString sizeLabel(double events) {
    return events >= 1e6 ? QStringLiteral("%1M events").arg(std::round(events / 1e6))
                         : QStringLiteral("%1 events").arg(events);
}

bool save(QChart *chart, const QString &path) {
    QChartView view(chart);
    view.setRenderHint(QPainter::Antialiasing);
    view.resize(1100, 560);
    chart->legend()->setAlignment(Qt::AlignBottom);
    return view.grab().save(path);
}

// Bars over named categories, the value axis from 0.
QChart *barChart(const QString &title, QBarSeries *series, const QStringList &names,
                 const QString &valueTitle) {
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->addSeries(series);
    auto *x = new QBarCategoryAxis;
    x->append(names);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    auto *y = new QValueAxis;
    y->setTitleText(valueTitle);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    y->setMin(0);
    return chart;
}

} // namespace

int main(int argc, char *argv[]) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("out"), QStringLiteral("Directory for the PNG files."),
                      QStringLiteral("dir"), QStringLiteral("docs/benchmarks")});
    parser.addPositionalArgument(QStringLiteral("results"), QStringLiteral("results-N.json"));
    parser.process(app);
    const QString out = parser.value(QStringLiteral("out"));
    QDir().mkpath(out);

    QList<QJsonObject> results;
    for (const QString &file : parser.positionalArguments()) {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "cannot read %s\n", qPrintable(file));
            return 1;
        }
        results << QJsonDocument::fromJson(f.readAll()).object();
    }
    std::sort(results.begin(), results.end(), [](const QJsonObject &a, const QJsonObject &b) {
        return a[QStringLiteral("events")].toDouble() < b[QStringLiteral("events")].toDouble();
    });

    // ratios, log10, largest tenant
    const QStringList comparisons{QStringLiteral("bet state"), QStringLiteral("user balance"),
                                  QStringLiteral("top 10 players"),
                                  QStringLiteral("dashboard statistics")};
    auto *ratios = new QBarSeries;
    QBarSet *guide = nullptr;
    for (const QJsonObject &r : results) {
        auto *set = new QBarSet(sizeLabel(r[QStringLiteral("events")].toDouble()));
        QList<qreal> claims;
        for (const QString &name : comparisons)
            for (const QJsonValue &v : r[QStringLiteral("comparisons")].toArray()) {
                const QJsonObject c = v.toObject();
                if (c[QStringLiteral("name")].toString() == name &&
                    c[QStringLiteral("tenant")].toString() == QStringLiteral("largest")) {
                    *set << std::log10(c[QStringLiteral("ratio_server")].toDouble());
                    claims << std::log10(c[QStringLiteral("guide_claim")].toDouble());
                }
            }
        ratios->append(set);
        if (!guide) {
            guide = new QBarSet(QStringLiteral("the guide's claim"));
            guide->append(claims);
        }
    }
    if (guide)
        ratios->append(guide);
    QChart *ratioChart = barChart(
        QStringLiteral("Reading the view vs folding the events (largest tenant, server time): "
                       "log10 of the ratio — 2 = 100x, 5 = 100,000x"),
        ratios, comparisons, QStringLiteral("log10(ratio)"));
    if (!save(ratioChart, out + QStringLiteral("/ratios.png")))
        return 1;

    // refresh per view, one chart per size
    for (const QJsonObject &r : results) {
        const QJsonObject refresh = r[QStringLiteral("refresh")].toObject();
        QStringList views;
        auto *plain = new QBarSet(QStringLiteral("plain"));
        auto *concurrent = new QBarSet(QStringLiteral("concurrently"));
        auto *after = new QBarSet(QStringLiteral("concurrently after +0.1% events"));
        for (const QJsonValue &v : refresh[QStringLiteral("views")].toArray()) {
            const QJsonObject o = v.toObject();
            views << o[QStringLiteral("view")].toString();
            *plain << o[QStringLiteral("plain_ms")].toDouble() / 1000.0;
            *concurrent << o[QStringLiteral("concurrent_ms")].toDouble() / 1000.0;
            *after << o[QStringLiteral("concurrent_after_append_ms")].toDouble() / 1000.0;
        }
        auto *series = new QBarSeries;
        series->append({plain, concurrent, after});
        const QJsonObject engine = refresh[QStringLiteral("engine")].toObject();
        const auto seconds = [](const QJsonObject &o, const char *key) {
            return QString::number(o[QLatin1String(key)].toDouble() / 1000.0, 'f', 1);
        };
        QChart *chart = barChart(
            QStringLiteral("Refresh time per view, %1 (all, one after another: plain %2 s, "
                           "concurrently %3 s; Refresh all on 2 sessions: plain %4 s, "
                           "concurrently %5 s)")
                .arg(sizeLabel(r[QStringLiteral("events")].toDouble()),
                     seconds(refresh, "plain_total_ms"), seconds(refresh, "concurrent_total_ms"),
                     seconds(engine, "plain_2_sessions_ms"),
                     seconds(engine, "concurrent_2_sessions_ms")),
            series, views, QStringLiteral("seconds"));
        const QString file = QStringLiteral("%1/refresh-%2.png")
                                 .arg(out)
                                 .arg(qint64(r[QStringLiteral("events")].toDouble()));
        if (!save(chart, file))
            return 1;
        std::printf("%s\n", qPrintable(file));
    }
    std::printf("%s/ratios.png\n", qPrintable(out));
    return 0;
}
