#include "demodatabase.h"

#include "database.h"
#include "dberror.h"
#include "localcluster.h"
#include "migrationrunner.h"
#include "refreshrunner.h"
#include "seeder.h"

#include <QDir>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QVariant>
#include <unistd.h>

namespace mvdash {

namespace {
constexpr auto kDatabase = "mvdash_demo";

QVariant scalar(const QSqlDatabase &db, const QString &sql) {
    QSqlQuery q(db);
    if (!q.exec(sql))
        throw DbError::fromSqlError(QString(), q.lastError());
    return q.next() ? q.value(0) : QVariant();
}
} // namespace

QString DemoDatabase::defaultDirectory(bool citus) {
    const QString suffix = citus ? QStringLiteral("-citus") : QString();
    // root's home is closed to the postgres user the server runs as: use a shared place
    if (geteuid() == 0)
        return QStringLiteral("/var/tmp/mvdash-demo") + suffix;
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           QStringLiteral("/mvdash/demo-cluster") + suffix;
}

std::optional<ConnectionSettings> DemoDatabase::prepare(const Options &options,
                                                        const Progress &progress, QString *error) {
    auto say = [&](const QString &step) {
        if (progress)
            progress(step);
    };
    const QString directory =
        options.directory.isEmpty() ? defaultDirectory(options.citus) : options.directory;
    LocalCluster::Options clusterOptions;
    clusterOptions.directory = directory;
    clusterOptions.citus = options.citus;
    LocalCluster cluster(clusterOptions);
    say(QStringLiteral("starting the demo cluster in %1").arg(directory));
    if (!cluster.start(error))
        return std::nullopt;
    try {
        {
            Connection admin(cluster.settings(), QStringLiteral("demo"));
            if (!scalar(admin.db(),
                        QStringLiteral("SELECT count(*) FROM pg_database WHERE datname = '%1'")
                            .arg(QLatin1String(kDatabase)))
                     .toInt()) {
                say(QStringLiteral("creating database %1").arg(QLatin1String(kDatabase)));
                if (!cluster.createDatabase(QLatin1String(kDatabase), error))
                    return std::nullopt;
            }
        }
        const ConnectionSettings settings = cluster.settings(QLatin1String(kDatabase));
        Connection connection(settings, QStringLiteral("demo"));
        for (const Migration &m : MigrationRunner(connection.db()).migrate())
            say(QStringLiteral("applied %1").arg(m.name));
        if (!scalar(connection.db(),
                    QStringLiteral("SELECT EXISTS (SELECT 1 FROM public.bet_events)"))
                 .toBool()) {
            say(QStringLiteral("seeding %1 events").arg(options.events));
            EventGenerator::Options seed;
            seed.events = options.events;
            const SeedReport report = seedDatabase(settings, seed);
            say(QStringLiteral("seeded %1 events in %2 s")
                    .arg(report.events)
                    .arg(report.seconds, 0, 'f', 1));
        }
        if (!scalar(connection.db(),
                    QStringLiteral("SELECT EXISTS (SELECT 1 FROM materialized_views_refresh_log)"))
                 .toBool()) {
            say(QStringLiteral("refreshing the views"));
            RefreshRunner(connection.db()).run({}, {}, [&](const RefreshOutcome &o) {
                say(QStringLiteral("  %1 %2 %3 ms")
                        .arg(o.view, runOutcomeWord(o.outcome), o.durationMs));
            });
        }
        return settings;
    } catch (const DbError &e) {
        if (error)
            *error = e.message();
        return std::nullopt;
    }
}

} // namespace mvdash
