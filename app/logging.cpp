#include "logging.h"

#include <QDir>
#include <QStandardPaths>
#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

namespace mvdash {

QString setUpLogging(const QString &appName, bool verbose) {
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
    QDir().mkpath(dir);
    const QString path = dir + u'/' + appName + QStringLiteral(".log");
    std::vector<spdlog::sink_ptr> sinks;
    try {
        sinks.push_back(std::make_shared<spdlog::sinks::rotating_file_sink_mt>(path.toStdString(),
                                                                               5 * 1024 * 1024, 5));
    } catch (const spdlog::spdlog_ex &) {
        // an unwritable home still gets a working app; the console says why if verbose
    }
    if (verbose)
        sinks.push_back(std::make_shared<spdlog::sinks::stderr_color_sink_mt>());
    auto logger =
        std::make_shared<spdlog::logger>(appName.toStdString(), sinks.begin(), sinks.end());
    logger->set_level(verbose ? spdlog::level::debug : spdlog::level::info);
    logger->flush_on(spdlog::level::warn);
    spdlog::set_default_logger(logger);
    return path;
}

} // namespace mvdash
