#pragma once

#include "connectionsettings.h"

#include <functional>
#include <optional>
#include <QCoreApplication>
#include <QString>

namespace mvdash {

// The private demo: a local cluster in a per-user directory, reused between runs, holding
// the database "mvdash_demo" migrated, seeded once and refreshed. What `scripts/demo`,
// `mvdash-admin demo` and (later) `mvdash --demo` open.
class DemoDatabase {
    Q_DECLARE_TR_FUNCTIONS(mvdash::DemoDatabase)

public:
    struct Options {
        qint64 events = 1000000;
        QString directory;  // empty: defaultDirectory()
        bool citus = false; // a local Citus 13 cluster (coordinator + 2 workers) instead
    };
    using Progress = std::function<void(const QString &step)>;

    // Starts (or reuses) the cluster and brings the database up to date. nullopt and a
    // one-line reason on failure.
    static std::optional<ConnectionSettings> prepare(const Options &options,
                                                     const Progress &progress, QString *error);
    static QString defaultDirectory(bool citus = false);
};

} // namespace mvdash
