#pragma once

#include "connectionsettings.h"
#include "database.h"
#include "dberror.h"
#include "localcluster.h"

#include <memory>
#include <QList>
#include <QMap>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVariant>
#include <thread>

namespace mvdash::test {

// How long a test waits for a database or GUI condition. Only to end a hang: the tests assert
// what happens and in which order, never how fast (a busy machine may take its time).
constexpr int kPatienceMs = 120000;

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
// Test SQL (not the catalog's) prepared, bound in order and run, rows streamed; throws DbError.
QSqlQuery runSql(const QSqlDatabase &db, const QString &sql, const QVariantList &values = {});
// The SQLSTATE a statement fails with; empty when it succeeds.
QString sqlStateOf(const QSqlDatabase &db, const QString &sql);
// Outcome per view of one refresh_aggregate_views() call; each view's error into *errors.
QMap<QString, QString> refreshAll(const QSqlDatabase &db, QMap<QString, QString> *errors = nullptr);
// The shell script the follower Deployment of packaging/k8s runs (its container's command: the
// block scalar after "- |"), to run it with sh and psql as the pod does; empty if not found.
QString followerDeploymentScript();
// A materialized view whose refresh waits while a Gate is closed (it takes the gate's lock,
// shared); `keyed` gives it a unique key, so that it refreshes CONCURRENTLY once populated.
// With `after`, it reads that view, so the refresh plan puts it after that one.
void createGatedView(const QSqlDatabase &db, const QString &name, bool keyed,
                     const QString &after = QString());

// Holds back every refresh of a gated view while closed, so that a test decides when a
// refresh may go on instead of guessing how long it lasts. Closed from its construction (an
// advisory lock on a connection and thread of its own) until open() or its destruction. After
// kPatienceMs it opens by itself, only to end a hang; openedByItself() then says so.
class Gate {
public:
    explicit Gate(const ConnectionSettings &settings); // throws DbError
    ~Gate();
    Gate(const Gate &) = delete;
    Gate &operator=(const Gate &) = delete;

    void open(); // returns once the lock is released
    bool isOpen() const;
    bool openedByItself() const;

    // The backends waiting at the gate now (pg_locks, seen from `db`).
    static QList<int> waiting(const QSqlDatabase &db);

private:
    struct State;
    std::shared_ptr<State> state_;
    std::thread thread_;
};

} // namespace mvdash::test

// Fails the test with the database's message instead of letting an exception escape.
#define MVDASH_TRY(...)                                                                            \
    try {                                                                                          \
        __VA_ARGS__;                                                                               \
    } catch (const mvdash::DbError &e) {                                                           \
        QFAIL(qPrintable(e.message()));                                                            \
    }
