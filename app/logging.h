#pragma once

#include <QString>

namespace mvdash {

// spdlog for the apps: a rotating file in the per-user data location (5 x 5 MB), and the
// console too when verbose. Returns the log file's path.
QString setUpLogging(const QString &appName, bool verbose);

} // namespace mvdash
