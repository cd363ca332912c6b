#include "migrationrunner.h"

#include "database.h"
#include "dberror.h"

#include <algorithm>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QSqlQuery>
#include <QVariant>

namespace mvdash {

namespace {
// Where the record of applied migrations lives: in public until 010 moves it into mvdash
constexpr auto kCreateTable = "CREATE TABLE IF NOT EXISTS public.schema_migrations ("
                              " version integer PRIMARY KEY,"
                              " name text NOT NULL,"
                              " checksum text NOT NULL,"
                              " applied_at timestamptz NOT NULL DEFAULT now(),"
                              " applied_by text NOT NULL DEFAULT session_user)";
constexpr auto kLocate = "SELECT coalesce(to_regclass('mvdash.schema_migrations'),"
                         " to_regclass('public.schema_migrations'))::text";
// serializes migrators of one database (an arbitrary constant, "mvdm")
constexpr auto kLock = "SELECT pg_advisory_lock(1836475501)";
constexpr auto kUnlock = "SELECT pg_advisory_unlock(1836475501)";
// 001-009 were written for the schema public; 010 moves everything of mvdash into its own
// schema, where every later migration installs.
constexpr int kFirstOwnSchemaVersion = 10;

// The schema_migrations table as a qualified name, or empty when there is none yet
QString migrationsTable(const QSqlDatabase &db) {
    QSqlQuery q(db);
    if (!q.exec(QString::fromLatin1(kLocate)) || !q.next())
        throw DbError::fromSqlError(QStringLiteral("reading migrations"), q.lastError());
    return q.value(0).toString();
}
} // namespace

QString MigrationRunner::schemaFor(int version) {
    return version < kFirstOwnSchemaVersion ? QStringLiteral("public") : schema();
}

MigrationRunner::MigrationRunner(QSqlDatabase db)
    : db_(std::move(db)) {}

QList<Migration> MigrationRunner::bundled() {
    QList<Migration> list;
    const QDir dir(QStringLiteral(":/sql/migrations"));
    for (const QString &file : dir.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name)) {
        QFile f(dir.filePath(file));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        Migration m;
        m.version = file.section(u'_', 0, 0).toInt();
        m.name = file;
        m.sql = f.readAll();
        m.checksum = QString::fromLatin1(
            QCryptographicHash::hash(m.sql, QCryptographicHash::Sha256).toHex());
        list << m;
    }
    return list;
}

MigrationRunner::State MigrationRunner::state() const {
    State state;
    QHash<int, QString> appliedChecksums;
    if (const QString table = migrationsTable(db_); !table.isEmpty()) {
        QSqlQuery q(db_);
        if (!q.exec(QStringLiteral("SELECT version, checksum FROM %1").arg(table)))
            throw DbError::fromSqlError(QStringLiteral("reading migrations"), q.lastError());
        while (q.next())
            appliedChecksums.insert(q.value(0).toInt(), q.value(1).toString());
    }
    for (const Migration &m : bundled()) {
        auto it = appliedChecksums.constFind(m.version);
        if (it == appliedChecksums.constEnd()) {
            state.pending << m;
            continue;
        }
        ++state.applied;
        if (*it != m.checksum) {
            const char *source =
                QT_TRANSLATE_NOOP("mvdash::MigrationRunner",
                                  "%1 was applied with checksum %2 but the file now has %3");
            state.changed << QString::fromUtf8(source).arg(m.name, it->left(12),
                                                           m.checksum.left(12));
            state.changedTranslated << tr(source).arg(m.name, it->left(12), m.checksum.left(12));
        }
    }
    return state;
}

QList<Migration> MigrationRunner::migrate(int throughVersion) {
    execScript(db_, QString::fromLatin1(kLock), QStringLiteral("locking migrations"));
    struct Unlock {
        QSqlDatabase db;
        ~Unlock() { QSqlQuery(db).exec(QString::fromLatin1(kUnlock)); }
    } unlock{db_};

    // before anything is read from them: a schema made in advance could hold a
    // schema_migrations that says every migration is applied
    refuseForeignSchemas();
    State current = state();
    current.pending.removeIf(
        [throughVersion](const Migration &m) { return m.version > throughVersion; });
    if (!current.changed.isEmpty())
        throw DbError(QStringLiteral("an applied migration was edited, refusing to go on: %1")
                          .arg(current.changed.join(QStringLiteral("; "))),
                      tr("an applied migration was edited, refusing to go on: %1")
                          .arg(current.changedTranslated.join(QStringLiteral("; "))),
                      QString());
    if (current.pending.isEmpty())
        return {};
    refuseUnsafeSchemas(current.pending);
    // 001 on a database whose platform made the event tables: they are adopted, not created,
    // once found to be the spec's (checked before anything is changed)
    bool adoptEventStore = false, citus = false;
    if (current.pending.first().version == 1) {
        QSqlQuery present = runQuery(db_, QStringLiteral("event_store_present"));
        present.next();
        adoptEventStore = present.value(0).toBool();
        citus = present.value(1).toBool();
    }
    if (adoptEventStore)
        refuseForeignEventStore(citus);
    if (migrationsTable(db_).isEmpty())
        execScript(db_, QString::fromLatin1(kCreateTable),
                   QStringLiteral("creating schema_migrations"));

    QList<Migration> done;
    for (const Migration &m : current.pending) {
        if (!db_.transaction())
            throw DbError::fromSqlError(m.name, db_.lastError());
        try {
            execScript(
                db_,
                QStringLiteral("SET LOCAL search_path = %1, pg_temp").arg(schemaFor(m.version)),
                m.name);
            if (m.version == 1 && adoptEventStore) {
                // checked again under a lock that keeps the tables so until the commit
                execScript(db_, catalogQuery(QStringLiteral("event_store_lock")), m.name);
                refuseForeignEventStore(citus);
                execScript(db_, catalogQuery(QStringLiteral("event_store_adopt")), m.name);
            } else {
                execScript(db_, QString::fromUtf8(m.sql), m.name);
            }
            // again before the commit: a schema made by another role after the check above
            // (while 001-009 ran) would have been taken by 010's CREATE SCHEMA IF NOT EXISTS
            refuseForeignSchemas();
            QSqlQuery record(db_);
            // 010 moves the table: where it is after the migration ran
            record.prepare(
                QStringLiteral("INSERT INTO %1 (version, name, checksum) VALUES (?, ?, ?)")
                    .arg(migrationsTable(db_)));
            record.addBindValue(m.version);
            record.addBindValue(m.name);
            record.addBindValue(m.checksum);
            if (!record.exec())
                throw DbError::fromSqlError(m.name, record.lastError());
            if (!db_.commit())
                throw DbError::fromSqlError(m.name, db_.lastError());
        } catch (...) {
            db_.rollback();
            throw;
        }
        done << m;
    }
    // this session was opened before the schema existed: read it from now on
    applySessionSearchPath(db_);
    return done;
}

void MigrationRunner::refuseForeignEventStore(bool citus) const {
    QStringList problems;
    QStringList checks{QStringLiteral("event_store_adoption_problems")};
    if (citus)
        checks << QStringLiteral("event_store_adoption_problems_citus");
    for (const QString &check : std::as_const(checks)) {
        QSqlQuery q = runQuery(db_, check);
        while (q.next())
            problems << q.value(0).toString();
    }
    if (problems.isEmpty())
        return;
    //: %1: what differs ("public.payment_events.amount is text, the spec's is numeric(18,2); ...")
    const char *refusal = QT_TRANSLATE_NOOP(
        "mvdash::MigrationRunner",
        "refusing to migrate: the database has event tables that are not the spec's (%1). "
        "mvdash adopts the platform's event tables when they are; nothing was changed.");
    const QString list = problems.join(QStringLiteral("; "));
    throw DbError(QString::fromUtf8(refusal).arg(list), tr(refusal).arg(list),
                  QStringLiteral("42P07"));
}

void MigrationRunner::refuseUnsafeSchemas(const QList<Migration> &pending) const {
    QStringList schemas{schema(), QStringLiteral("tenant_scope")};
    if (std::any_of(pending.cbegin(), pending.cend(),
                    [](const Migration &m) { return schemaFor(m.version) != schema(); }))
        schemas << QStringLiteral("public");
    QSqlQuery q = runQuery(db_, QStringLiteral("migration_unsafe_schemas"), {schemas.join(u',')});
    //: "schema <schema> (<roles> may create in it)"
    const char *schemaSource =
        QT_TRANSLATE_NOOP("mvdash::MigrationRunner", "schema %1 (%2 may create in it)");
    //: %1: the schemas ("schema public (alice may create in it); ..."); keep the SQL as it is
    const char *refusal = QT_TRANSLATE_NOOP(
        "mvdash::MigrationRunner",
        "refusing to migrate: roles other than the owner can create objects in %1. Such a role "
        "could plant a function that mvdash's functions would run with the owner's rights. "
        "Nothing was changed. Take the privilege back first, e.g. REVOKE CREATE ON SCHEMA "
        "public FROM PUBLIC;");
    QStringList unsafe, unsafeTranslated;
    while (q.next()) {
        const QString name = q.value(0).toString(), roles = q.value(1).toString();
        unsafe << QString::fromUtf8(schemaSource).arg(name, roles);
        unsafeTranslated << tr(schemaSource).arg(name, roles);
    }
    if (!unsafe.isEmpty())
        throw DbError(QString::fromUtf8(refusal).arg(unsafe.join(QStringLiteral("; "))),
                      tr(refusal).arg(unsafeTranslated.join(QStringLiteral("; "))),
                      QStringLiteral("42501"));
}

void MigrationRunner::refuseForeignSchemas() const {
    const QString schemas = schema() + QStringLiteral(",tenant_scope");
    QSqlQuery foreign = runQuery(db_, QStringLiteral("migration_foreign_schemas"), {schemas});
    if (!foreign.next())
        return;
    //: what migrate found made by another role: "schema mvdash"
    const char *schemaWord = QT_TRANSLATE_NOOP("mvdash::MigrationRunner", "schema %1");
    //: what migrate found made by another role: "table public.schema_migrations"
    const char *tableWord = QT_TRANSLATE_NOOP("mvdash::MigrationRunner", "table %1");
    //: %1 "schema mvdash" or "table public.schema_migrations", %2 its owner, %3 the role
    //: migrating; keep the SQL as it is
    const char *refusal = QT_TRANSLATE_NOOP(
        "mvdash::MigrationRunner",
        "refusing to migrate: %1 exists already and belongs to %2, not to %3, the role "
        "migrating. %2 could replace what mvdash installs there or record migrations as "
        "applied, and what it put there would run in the sessions of mvdash's users. Nothing "
        "was changed. Migrate as %2; or, if it was not made for mvdash, look at what it holds "
        "and drop it (DROP SCHEMA or DROP TABLE), then migrate again.");
    const bool isSchema = foreign.value(0).toString() == u"schema";
    const QString name = foreign.value(1).toString(), owner = foreign.value(2).toString(),
                  migrator = foreign.value(3).toString();
    const char *word = isSchema ? schemaWord : tableWord;
    throw DbError(
        QString::fromUtf8(refusal).arg(QString::fromUtf8(word).arg(name), owner, migrator),
        tr(refusal).arg(tr(word).arg(name), owner, migrator), QStringLiteral("42501"));
}

} // namespace mvdash
