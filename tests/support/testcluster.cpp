#include "testcluster.h"

#include "dberror.h"
#include "migrationrunner.h"
#include "seeder.h"

#include <QSqlDriver>

namespace mvdash::test {

namespace {
LocalCluster::Options withEngine(LocalCluster::Options options) {
    options.citus = TestCluster::citusRequested() && !options.passwordLogins &&
                    !options.withPgCron && !options.tls;
    return options;
}
} // namespace

TestCluster::TestCluster(LocalCluster::Options options)
    : cluster_(withEngine(std::move(options))) {
    // the suites write and read the event store with unqualified SQL; tst_security and
    // tst_tenant_isolation switch this off to run as mvdash's programs do
    setSessionsSearchPublic(true);
}

bool TestCluster::start(QString *error) {
    return cluster_.start(error);
}

ConnectionSettings TestCluster::createDatabase(const QString &name, bool migrate) {
    QString error;
    if (!cluster_.createDatabase(name, &error))
        throw DbError(error);
    const ConnectionSettings settings = cluster_.settings(name);
    if (migrate) {
        Connection connection(settings, QStringLiteral("test-migrate"));
        MigrationRunner(connection.db()).migrate();
    }
    return settings;
}

ConnectionSettings TestCluster::createSeededDatabase(const QString &name, qint64 events) {
    const ConnectionSettings settings = createDatabase(name);
    EventGenerator::Options options;
    options.events = events;
    seedDatabase(settings, options);
    Connection c(settings, QStringLiteral("test-seed"));
    exec(c.db(), QStringLiteral("SELECT count(*) FROM refresh_aggregate_views()"));
    return settings;
}

void exec(const QSqlDatabase &db, const QString &sql) {
    execScript(db, sql, QString());
}

QVariant scalar(const QSqlDatabase &db, const QString &sql, const QVariantList &values) {
    QSqlQuery q(db);
    if (!q.prepare(sql))
        throw DbError::fromSqlError(sql.left(60), q.lastError());
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec())
        throw DbError::fromSqlError(sql.left(60), q.lastError());
    return q.next() ? q.value(0) : QVariant();
}

QMap<QString, QString> refreshAll(const QSqlDatabase &db, QMap<QString, QString> *errors) {
    // not prepared: pg_stat_activity then shows the call itself (tests wait on that text)
    const QString sql = catalogQuery(QStringLiteral("refresh_all_outcomes"));
    QSqlQuery q(db);
    if (!q.exec(sql))
        throw DbError::fromSqlError(QStringLiteral("refresh"), q.lastError());
    QMap<QString, QString> outcomes;
    while (q.next()) {
        outcomes.insert(q.value(0).toString(), q.value(1).toString());
        if (errors)
            errors->insert(q.value(0).toString(), q.value(2).toString());
    }
    return outcomes;
}

void createSlowView(const QSqlDatabase &db, const QString &name, double seconds, bool keyed) {
    // the names are the tests' own literals; quoted all the same
    const QString view = db.driver()->escapeIdentifier(name, QSqlDriver::TableName);
    exec(db, QStringLiteral("CREATE MATERIALIZED VIEW %1 AS SELECT 1 AS id, pg_sleep(%2) IS NULL "
                            "AS slept")
                 .arg(view)
                 .arg(seconds));
    if (keyed)
        exec(db, QStringLiteral("CREATE UNIQUE INDEX ON %1 (id)").arg(view));
}

} // namespace mvdash::test
