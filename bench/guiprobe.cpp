// mvdash-gui-probe: the dashboard's GUI figures, run by mvdash-bench in a fresh process.
//   mvdash-gui-probe --dsn DSN --tenant ID [--startup-only]
// Prints "painted" as soon as the first dashboard with data is on screen (the parent times
// that from the moment it started the process: a cold start), then one JSON line: the
// longest stall of the GUI thread while "Refresh all" runs and while the Payments panel is
// scrolled through every payment of the tenant, and the peak RSS.

#include "dashboardmodels.h"
#include "mainwindow.h"
#include "panels/paymentspanel.h"
#include "paymentsmodel.h"

#include <cstdio>
#include <QAbstractProxyModel>
#include <QApplication>
#include <QComboBox>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPushButton>
#include <QScrollBar>
#include <QTableView>
#include <QTimer>
#include <sys/resource.h>

using namespace mvdash;

namespace {

// The longest gap between two turns of the event loop, seen by a 5 ms timer.
class StallProbe {
public:
    StallProbe() {
        QObject::connect(&timer_, &QTimer::timeout, [this] {
            longest_ = std::max(longest_, clock_.nsecsElapsed() - last_);
            last_ = clock_.nsecsElapsed();
        });
    }
    void start() {
        longest_ = 0;
        clock_.start();
        last_ = 0;
        timer_.start(5);
    }
    double stopMs() {
        timer_.stop();
        return double(longest_) / 1e6;
    }

private:
    QTimer timer_;
    QElapsedTimer clock_;
    qint64 last_ = 0, longest_ = 0;
};

bool waitFor(const std::function<bool()> &done, int timeoutMs) {
    QElapsedTimer waited;
    waited.start();
    while (!done()) {
        if (waited.elapsed() > timeoutMs)
            return false;
        QApplication::processEvents(QEventLoop::WaitForMoreEvents, 10);
    }
    return true;
}

double peakRssMb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024.0; // kilobytes on Linux
}

void fail(const QString &why) {
    std::fprintf(stderr, "gui probe: %s\n", qPrintable(why));
    std::exit(1);
}

} // namespace

int main(int argc, char *argv[]) {
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("dsn"), QStringLiteral("Database."), QStringLiteral("dsn")});
    parser.addOption(
        {QStringLiteral("tenant"), QStringLiteral("Tenant to scroll."), QStringLiteral("id")});
    parser.addOption({QStringLiteral("startup-only"), QStringLiteral("Only the cold start.")});
    parser.process(app);
    QString error;
    const auto settings = ConnectionSettings::fromDsn(parser.value(QStringLiteral("dsn")), &error);
    if (!settings)
        fail(error);

    DashboardModels models(*settings);
    MainWindow window(&models);
    window.resize(1360, 860);
    window.show();
    auto *picker = window.findChild<QComboBox *>();
    if (!waitFor([&] { return !window.isLoading() && picker && picker->currentIndex() >= 0; },
                 60000))
        fail(QStringLiteral("the dashboard did not load: ") + window.bannerText());
    window.repaint(); // painted with its data before we say so
    std::puts("painted");
    std::fflush(stdout);
    if (parser.isSet(QStringLiteral("startup-only")))
        return 0;

    QJsonObject out;
    StallProbe probe;

    // Refresh all, from the Refresh panel, as an operator would
    window.showPanel(Panel::Refresh);
    QPushButton *all = nullptr;
    for (QPushButton *b : window.findChildren<QPushButton *>())
        if (b->text() == QStringLiteral("Refresh all"))
            all = b;
    if (!all || !waitFor([&] { return all->isEnabled(); }, 30000))
        fail(QStringLiteral("Refresh all is not available"));
    QElapsedTimer took;
    took.start();
    probe.start();
    all->click();
    if (!waitFor([&] { return all->isEnabled(); }, 30 * 60 * 1000))
        fail(QStringLiteral("Refresh all did not finish"));
    out[QStringLiteral("refresh_all_max_stall_ms")] = probe.stopMs();
    out[QStringLiteral("refresh_all_seconds")] = double(took.elapsed()) / 1000.0;

    // Scroll through every payment of the tenant: to the end page by page as the view asks
    // for more, then back through the middle and to the top (dropped pages come back).
    window.selectTenant(parser.value(QStringLiteral("tenant")).toLongLong());
    window.showPanel(Panel::Payments);
    QTableView *table = window.paymentsPanel()->table();
    auto *model = qobject_cast<PaymentsModel *>(
        qobject_cast<QAbstractProxyModel *>(table->model())->sourceModel());
    if (!model || !waitFor([&] { return model->rowCount() > 0 && !model->isLoading(); }, 60000))
        fail(QStringLiteral("no payments to scroll"));
    took.restart();
    probe.start();
    QScrollBar *bar = table->verticalScrollBar();
    while (!model->isComplete()) {
        if (took.elapsed() > 30 * 60 * 1000)
            fail(QStringLiteral("scrolling did not reach the end"));
        bar->setValue(bar->maximum());
        QApplication::processEvents(QEventLoop::AllEvents, 16);
    }
    for (int step = 0; step <= 20; ++step) { // back up through the list, 5% at a time
        bar->setValue(bar->maximum() - bar->maximum() * step / 20);
        waitFor([&] { return false; }, 50);
    }
    out[QStringLiteral("scroll_max_stall_ms")] = probe.stopMs();
    out[QStringLiteral("scroll_seconds")] = double(took.elapsed()) / 1000.0;
    out[QStringLiteral("rows_browsed")] = double(model->rowCount());
    out[QStringLiteral("cached_pages")] = model->cachedPages();
    out[QStringLiteral("peak_rss_mb")] = peakRssMb();
    std::puts(QJsonDocument(out).toJson(QJsonDocument::Compact).constData());
    return 0;
}
