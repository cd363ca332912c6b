#include "testcluster.h"

#include "dberror.h"
#include "migrationrunner.h"
#include "seeder.h"

namespace mvdash::test {

namespace {
LocalCluster::Options withEngine(LocalCluster::Options options) {
    options.citus = TestCluster::citusRequested() && !options.passwordLogins &&
                    !options.withPgCron && !options.tls;
    return options;
}
} // namespace

TestCluster::TestCluster(LocalCluster::Options options)
    : cluster_(withEngine(std::move(options))) {}

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

} // namespace mvdash::test
