#pragma once

#include "connectionsettings.h"
#include "database.h"
#include "dberror.h"
#include "localcluster.h"

#include <memory>
#include <QMap>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

namespace mvdash::test {

// A real, empty PostgreSQL cluster for one test suite: started in initTestCase, removed
// when the suite ends. A suite that cannot get one fails (never skips). With
// MVDASH_TEST_ENGINE=citus (the suites' "_citus" twins in CTest) it is a Citus cluster,
// unless the suite needs something only a plain server here has (password logins, pg_cron).
class TestCluster {
public:
    explicit TestCluster(LocalCluster::Options options = {});

    static bool citusRequested() { return qEnvironmentVariable("MVDASH_TEST_ENGINE") == u"citus"; }
    bool isCitus() const { return cluster_.isCitus(); }

    // Starts the cluster; false with the reason in *error.
    bool start(QString *error);
    // A new database (dropped first if it exists), migrated unless told otherwise.
    ConnectionSettings createDatabase(const QString &name, bool migrate = true);
    // A migrated database with `events` generated events and every view refreshed.
    ConnectionSettings createSeededDatabase(const QString &name, qint64 events);
    LocalCluster &cluster() { return cluster_; }

private:
    LocalCluster cluster_;
};

// Runs SQL that needs no result on a connection; throws DbError.
void exec(const QSqlDatabase &db, const QString &sql);
// The first column of the first row.
QVariant scalar(const QSqlDatabase &db, const QString &sql, const QVariantList &values = {});
// Outcome per view of one refresh_aggregate_views() call; each view's error into *errors.
QMap<QString, QString> refreshAll(const QSqlDatabase &db, QMap<QString, QString> *errors = nullptr);
// A materialized view whose refresh sleeps `seconds` (to hold a refresh open); `keyed` gives
// it a unique key, so that it refreshes CONCURRENTLY once populated.
void createSlowView(const QSqlDatabase &db, const QString &name, double seconds, bool keyed);

} // namespace mvdash::test

// Fails the test with the database's message instead of letting an exception escape.
#define MVDASH_TRY(...)                                                                            \
    try {                                                                                          \
        __VA_ARGS__;                                                                               \
    } catch (const mvdash::DbError &e) {                                                           \
        QFAIL(qPrintable(e.message()));                                                            \
    }
