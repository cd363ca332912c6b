// mvdash: the desktop dashboard.
//   mvdash [--dsn DSN]                 connect the libpq way (DSN, PG* variables, service file)
//   mvdash --demo [--citus]            start (or reuse) the private demo database and open it
//   mvdash ... --screenshot DIR        render every panel to DIR/*.png and exit

#include "connectiondialog.h"
#include "connectionsettings.h"
#include "dashboardmodels.h"
#include "demodatabase.h"
#include "logging.h"
#include "mainwindow.h"
#include "mvdash_version.h"
#include "panels/userpanel.h"
#include "qtfmt.h"
#include "settingsfile.h"
#include "translations.h"

#include <cstdio>
#include <functional>
#include <memory>
#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QIcon>
#include <QMessageBox>
#include <QSettings>
#include <QTimer>
#include <spdlog/spdlog.h>

using namespace mvdash;

namespace {

// A panel's screenshot file name: the same in every language (the panels' names are
// translated; docs and scripts name these files).
QString fileNameOf(Panel panel) {
    switch (panel) {
    case Panel::Summary:
        return QStringLiteral("summary");
    case Panel::Players:
        return QStringLiteral("players");
    case Panel::Payments:
        return QStringLiteral("payments");
    case Panel::User:
        return QStringLiteral("user");
    case Panel::Tenants:
        return QStringLiteral("all-tenants");
    case Panel::Refresh:
        return QStringLiteral("refresh");
    case Panel::Sizes:
        return QStringLiteral("sizes");
    case Panel::Diagnostics:
        break;
    }
    return QStringLiteral("diagnostics");
}

// Shows each panel, waits until its data has arrived, and saves the window as a PNG.
int takeScreenshots(MainWindow &window, const QString &directory) {
    // the first answers (the role among them) decide which panels the window offers
    QElapsedTimer started;
    started.start();
    do {
        QApplication::processEvents(QEventLoop::AllEvents, 50);
    } while ((window.isLoading() || started.elapsed() < 700) && started.elapsed() < 20000);
    // pictures of empty panels are not what was asked for
    if (!window.isConnected() || !window.hasSchema()) {
        const QString why = window.isConnected()
                                ? window.bannerText()
                                : QStringLiteral("not connected: %1").arg(window.bannerText());
        spdlog::error("no screenshots: {}", why);
        std::fprintf(stderr, "mvdash: no screenshots: %s\n", qPrintable(why));
        return 1;
    }
    QDir().mkpath(directory);
    const QList<Panel> panels = window.panels();
    for (int i = 0; i < panels.size(); ++i) {
        window.showPanel(panels[i]);
        if (window.currentPanel() == window.userPanel())
            window.userPanel()->lookUp(window.topPlayer()); // an empty lookup shows nothing useful
        QElapsedTimer waited;
        waited.start();
        // let the first answers arrive and the charts lay out
        do {
            QApplication::processEvents(QEventLoop::AllEvents, 50);
        } while ((window.isLoading() || waited.elapsed() < 700) && waited.elapsed() < 20000);
        const QString file = QStringLiteral("%1/%2-%3.png")
                                 .arg(directory)
                                 .arg(i + 1, 2, 10, QChar(u'0'))
                                 .arg(fileNameOf(panels[i]));
        if (!window.grab().save(file)) {
            spdlog::error("cannot write {}", file);
            return 1;
        }
        spdlog::info("saved {}", file);
    }
    return 0;
}

// --help and --version only print: they need no display, and a QApplication without one
// aborts (over ssh, in a container, in a packaging check). QApplication's documented way.
std::unique_ptr<QCoreApplication> createApplication(int &argc, char *argv[]) {
    for (int i = 1; i < argc; ++i) {
        const QByteArrayView arg(argv[i]);
        if (arg == "-h" || arg == "-?" || arg == "--help" || arg == "--help-all" || arg == "-v" ||
            arg == "--version")
            return std::make_unique<QCoreApplication>(argc, argv);
    }
    return std::make_unique<QApplication>(argc, argv);
}

} // namespace

int main(int argc, char *argv[]) {
    const std::unique_ptr<QCoreApplication> application = createApplication(argc, argv);
    QCoreApplication &app = *application;
    QCoreApplication::setApplicationName(QStringLiteral("mvdash"));
    QCoreApplication::setOrganizationName(QStringLiteral("mvdash"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MVDASH_VERSION));
    if (qobject_cast<QApplication *>(&app)) {
        // the desktop entry and the icon of the window and its dialogs (the same drawing)
        QApplication::setDesktopFileName(QStringLiteral("org.mvdash.Dashboard"));
        QIcon icon;
        for (int size : {16, 22, 24, 32, 48, 64, 128, 256, 512})
            icon.addFile(QStringLiteral(":/icons/hicolor/%1x%1/apps/mvdash.png").arg(size));
        QApplication::setWindowIcon(icon);
    }

    // Before anything reads the settings: Qt keeps the file as first parsed, so only the
    // first reader sees that it is damaged (logged below, once the log is set up).
    const SettingsSetAside settingsSetAside = setAsideCorruptSettings();

    // the language first: the help texts below are translated. --lang, else the setting
    // (View > Language), else the system's.
    const QString language =
        chooseLanguage(requestedLanguage(app.arguments()),
                       QSettings().value(QStringLiteral("ui/language")).toString());
    if (!isAvailableLanguage(language)) {
        std::fprintf(stderr, "mvdash: unknown language \"%s\" (--lang %s)\n", qPrintable(language),
                     qPrintable(availableLanguages().join(u'|')));
        return 2;
    }
    const QString translationProblem = installTranslations(app, language);

    QCommandLineParser parser;
    // the descriptions are shown by --help: translated (the option and value names are not,
    // they are what people type)
    parser.setApplicationDescription(QCoreApplication::translate(
        "mvdash::Main", "Dashboard of an event-sourced betting platform's materialized views."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption(
        {QStringLiteral("dsn"),
         QCoreApplication::translate(
             "mvdash::Main", "libpq connection string or URI (no password: use ~/.pgpass)."),
         QStringLiteral("dsn")});
    parser.addOption(
        {QStringLiteral("demo"),
         QCoreApplication::translate(
             "mvdash::Main", "Open the private demo database (started and seeded if needed).")});
    parser.addOption(
        {QStringLiteral("citus"),
         QCoreApplication::translate("mvdash::Main", "With --demo: on a local Citus 13 cluster.")});
    parser.addOption(
        {QStringLiteral("events"),
         QCoreApplication::translate("mvdash::Main",
                                     "With --demo: events to seed a new demo (default 1000000)."),
         QStringLiteral("n"), QStringLiteral("1000000")});
    parser.addOption({QStringLiteral("screenshot"),
                      QCoreApplication::translate(
                          "mvdash::Main", "Render every panel to PNG files in DIR and exit."),
                      QStringLiteral("dir")});
    parser.addOption({QStringLiteral("lang"),
                      QCoreApplication::translate("mvdash::Main",
                                                  "Language of the interface: en or ru (default: "
                                                  "the setting, else the system's)."),
                      QStringLiteral("language")});
    parser.addOption({QStringLiteral("verbose"),
                      QCoreApplication::translate("mvdash::Main", "Log to the console too.")});
    parser.process(app);
    if (!qobject_cast<QApplication *>(&app)) { // e.g. "--dsn -v": the value was taken for --version
        std::fprintf(stderr, "mvdash: %s\n",
                     qPrintable(QCoreApplication::translate(
                         "mvdash::Main", "-h, -v and their long forms are options, not values")));
        return 2;
    }

    const QString logFile =
        setUpLogging(QStringLiteral("mvdash"), parser.isSet(QStringLiteral("verbose")));
    spdlog::info("mvdash {} starting, log in {}, language {}", QApplication::applicationVersion(),
                 logFile, language);
    if (!translationProblem.isEmpty())
        spdlog::warn("{}", translationProblem);
    const QString settingsProblem = settingsSetAside.message();
    if (!settingsProblem.isEmpty())
        spdlog::warn("{}", settingsProblem);

    std::optional<ConnectionSettings> settings;
    QString error;
    if (parser.isSet(QStringLiteral("demo"))) {
        DemoDatabase::Options options;
        options.events = parser.value(QStringLiteral("events")).toLongLong();
        options.citus = parser.isSet(QStringLiteral("citus"));
        settings = DemoDatabase::prepare(
            options,
            [verbose = parser.isSet(QStringLiteral("verbose"))](const QString &step) {
                // before any window: minutes for a new demo, so each step is said on the
                // console too (--verbose logs it there already)
                if (!verbose)
                    std::fprintf(stderr, "mvdash demo: %s\n", qPrintable(step));
                spdlog::info("demo: {}", step);
            },
            &error);
    } else if (parser.isSet(QStringLiteral("dsn")) || parser.isSet(QStringLiteral("screenshot"))) {
        settings = ConnectionSettings::fromDsn(parser.value(QStringLiteral("dsn")), &error);
    } else {
        ConnectionDialog dialog;
        if (dialog.exec() != QDialog::Accepted)
            return 0;
        settings = dialog.settings();
    }
    if (!settings) {
        spdlog::error("{}", error);
        if (parser.isSet(QStringLiteral("screenshot"))) { // no window to say it in
            std::fprintf(stderr, "mvdash: %s\n", qPrintable(error));
            return 1;
        }
        QMessageBox::critical(nullptr, QStringLiteral("mvdash"), error); // title: the app's name
        return 1;
    }

    // A dashboard is the models of one connection and the window showing them; File >
    // Connect… replaces it with one on the chosen database.
    struct Dashboard {
        std::unique_ptr<DashboardModels> models;
        std::unique_ptr<MainWindow> window;
    };
    Dashboard current;
    std::function<void(const ConnectionSettings &)> open = [&](const ConnectionSettings &chosen) {
        Dashboard next{std::make_unique<DashboardModels>(chosen), nullptr};
        next.window = std::make_unique<MainWindow>(next.models.get());
        // after the signal's emitter has returned: the old window is deleted in there
        QObject::connect(next.window.get(), &MainWindow::connectionChosen, &app,
                         [&](const ConnectionSettings &other) {
                             QTimer::singleShot(0, &app, [&, other] { open(other); });
                         });
        if (current.window) {
            next.window->show();     // first: closing the last window would quit
            current.window->close(); // saves its layout
            spdlog::info("connected to another database: {}", chosen.connectOptions());
        }
        current.window.reset(); // the old window before the models it shows
        current.models.reset();
        current = std::move(next);
    };
    open(*settings);
    MainWindow &window = *current.window;
    if (!settingsProblem.isEmpty())
        window.showNotice(settingsProblem);
    if (parser.isSet(QStringLiteral("screenshot"))) {
        window.resize(1360, 860);
        window.show();
        return takeScreenshots(window, parser.value(QStringLiteral("screenshot")));
    }
    window.show();
    return QApplication::exec();
}
