#include "demodatabase.h"

#include "database.h"
#include "dberror.h"
#include "localcluster.h"
#include "migrationrunner.h"
#include "refreshrunner.h"
#include "seeder.h"

#include <algorithm>
#include <limits>
#include <QDateTime>
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

// a count for a %n text (tr() takes an int)
int countArg(qint64 n) {
    return int(std::clamp<qint64>(n, 0, std::numeric_limits<int>::max()));
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
    //: "starting the demo cluster in <directory>"
    say(tr("starting the demo cluster in %1").arg(directory));
    if (!cluster.start(error))
        return std::nullopt;
    try {
        {
            Connection admin(cluster.settings(), QStringLiteral("demo"));
            if (!scalar(admin.db(),
                        QStringLiteral("SELECT count(*) FROM pg_database WHERE datname = '%1'")
                            .arg(QLatin1String(kDatabase)))
                     .toInt()) {
                say(tr("creating database %1").arg(QLatin1String(kDatabase)));
                if (!cluster.createDatabase(QLatin1String(kDatabase), error))
                    return std::nullopt;
            }
        }
        const ConnectionSettings settings = cluster.settings(QLatin1String(kDatabase));
        Connection connection(settings, QStringLiteral("demo"));
        for (const Migration &m : MigrationRunner(connection.db()).migrate())
            //: "applied <migration file>"
            say(tr("applied %1").arg(m.name));
        if (!scalar(connection.db(),
                    QStringLiteral("SELECT EXISTS (SELECT 1 FROM public.bet_events)"))
                 .toBool()) {
            say(tr("seeding %n event(s)", nullptr, countArg(options.events)));
            EventGenerator::Options seed;
            seed.events = options.events;
            // every tenant's history ends now, where the demo's traffic goes on
            seed.historyEndsAtMs = QDateTime::currentMSecsSinceEpoch();
            const SeedReport report = seedDatabase(settings, seed);
            //: "seeded <n events> in <seconds> s"
            say(tr("seeded %n event(s) in %1 s", nullptr, countArg(report.events))
                    .arg(report.seconds, 0, 'f', 1));
        }
        if (!scalar(connection.db(),
                    QStringLiteral("SELECT EXISTS (SELECT 1 FROM materialized_views_refresh_log)"))
                 .toBool()) {
            say(tr("refreshing the views"));
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
