#include "testcluster.h"

#include "dberror.h"
#include "migrationrunner.h"
#include "seeder.h"

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <QFile>
#include <QSqlDriver>

namespace mvdash::test {

namespace {
// The gate's advisory lock (two int4 keys; the refresh engine's own locks use 1836475506).
constexpr int kGateKey1 = 1836475600;
constexpr int kGateKey2 = 1;

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

QSqlQuery runSql(const QSqlDatabase &db, const QString &sql, const QVariantList &values) {
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        throw DbError::fromSqlError(sql.left(60), q.lastError());
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec())
        throw DbError::fromSqlError(sql.left(60), q.lastError());
    return q;
}

QVariant scalar(const QSqlDatabase &db, const QString &sql, const QVariantList &values) {
    QSqlQuery q = runSql(db, sql, values);
    return q.next() ? q.value(0) : QVariant();
}

QString followerDeploymentScript() {
    QFile yaml(QStringLiteral(MVDASH_SOURCE_DIR "/packaging/k8s/deployment-follower.yaml"));
    if (!yaml.open(QIODevice::ReadOnly))
        return QString();
    QString script;
    int indent = -1;
    for (const QString &line : QString::fromUtf8(yaml.readAll()).split(u'\n')) {
        if (indent < 0 && line.trimmed() == u"- |") {
            indent = int(line.indexOf(u'-')) + 2;
            continue;
        }
        if (indent < 0)
            continue;
        if (!line.trimmed().isEmpty() && !line.startsWith(QString(indent, u' ')))
            break;
        script += line.mid(indent) + u'\n';
    }
    return script;
}

QString sqlStateOf(const QSqlDatabase &db, const QString &sql) {
    try {
        scalar(db, sql);
    } catch (const DbError &e) {
        return e.sqlState();
    }
    return QString();
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

void createGatedView(const QSqlDatabase &db, const QString &name, bool keyed,
                     const QString &after) {
    // the names are the tests' own literals; quoted all the same
    const auto quoted = [&db](const QString &identifier) {
        return db.driver()->escapeIdentifier(identifier, QSqlDriver::TableName);
    };
    const QString view = quoted(name);
    exec(db, QStringLiteral("CREATE MATERIALIZED VIEW %1 AS SELECT 1 AS id, "
                            "pg_advisory_xact_lock_shared(%2, %3) IS NULL AS passed%4")
                 .arg(view)
                 .arg(kGateKey1)
                 .arg(kGateKey2)
                 .arg(after.isEmpty() ? QString()
                                      : QStringLiteral(", (SELECT count(*) FROM %1) AS rows_after")
                                            .arg(quoted(after))));
    if (keyed)
        exec(db, QStringLiteral("CREATE UNIQUE INDEX ON %1 (id)").arg(view));
}

struct Gate::State {
    std::mutex mutex;
    std::condition_variable changed;
    bool closed = false;
    bool openAsked = false;
    bool open = false;
    bool openedByItself = false;
    QString error;
};

Gate::Gate(const ConnectionSettings &settings)
    : state_(std::make_shared<State>()) {
    thread_ = std::thread([settings, state = state_] {
        std::optional<Connection> own;
        try {
            own.emplace(settings, QStringLiteral("gate"));
            exec(own->db(),
                 QStringLiteral("SELECT pg_advisory_lock(%1, %2)").arg(kGateKey1).arg(kGateKey2));
        } catch (const DbError &e) {
            const std::lock_guard lock(state->mutex);
            state->error = e.message();
            state->open = true;
            state->changed.notify_all();
            return;
        }
        std::unique_lock lock(state->mutex);
        state->closed = true;
        state->changed.notify_all();
        state->openedByItself = !state->changed.wait_for(
            lock, std::chrono::milliseconds(kPatienceMs), [&] { return state->openAsked; });
        lock.unlock();
        try {
            exec(own->db(),
                 QStringLiteral("SELECT pg_advisory_unlock(%1, %2)").arg(kGateKey1).arg(kGateKey2));
        } catch (const DbError &) {
            // the server went away (a test stopped it): the lock went with the session
        }
        own.reset();
        lock.lock();
        state->open = true;
        state->changed.notify_all();
    });
    std::unique_lock lock(state_->mutex);
    state_->changed.wait(lock, [this] { return state_->closed || state_->open; });
    if (!state_->error.isEmpty()) {
        const QString error = state_->error;
        lock.unlock();
        thread_.join();
        throw DbError(QStringLiteral("gate: ") + error);
    }
}

Gate::~Gate() {
    open();
    thread_.join();
}

void Gate::open() {
    std::unique_lock lock(state_->mutex);
    state_->openAsked = true;
    state_->changed.notify_all();
    state_->changed.wait(lock, [this] { return state_->open; });
}

bool Gate::isOpen() const {
    const std::lock_guard lock(state_->mutex);
    return state_->open;
}

bool Gate::openedByItself() const {
    const std::lock_guard lock(state_->mutex);
    return state_->openedByItself;
}

QList<int> Gate::waiting(const QSqlDatabase &db) {
    QSqlQuery q(db);
    const QString sql =
        QStringLiteral("SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND classid = %1 "
                       "AND objid = %2 AND objsubid = 2 AND NOT granted ORDER BY pid")
            .arg(kGateKey1)
            .arg(kGateKey2);
    if (!q.exec(sql))
        throw DbError::fromSqlError(QStringLiteral("gate"), q.lastError());
    QList<int> pids;
    while (q.next())
        pids << q.value(0).toInt();
    return pids;
}

} // namespace mvdash::test
