#include "migrationrunner.h"

#include "database.h"
#include "dberror.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QSqlQuery>
#include <QVariant>

namespace mvdash {

namespace {
constexpr auto kCreateTable = "CREATE TABLE IF NOT EXISTS schema_migrations ("
                              " version integer PRIMARY KEY,"
                              " name text NOT NULL,"
                              " checksum text NOT NULL,"
                              " applied_at timestamptz NOT NULL DEFAULT now(),"
                              " applied_by text NOT NULL DEFAULT session_user)";
// serializes migrators of one database (an arbitrary constant, "mvdm")
constexpr auto kLock = "SELECT pg_advisory_lock(1836475501)";
constexpr auto kUnlock = "SELECT pg_advisory_unlock(1836475501)";
} // namespace

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
    QSqlQuery exists(db_);
    if (!exists.exec(QStringLiteral("SELECT to_regclass('schema_migrations') IS NOT NULL")))
        throw DbError::fromSqlError(QStringLiteral("reading migrations"), exists.lastError());
    if (exists.next() && exists.value(0).toBool()) {
        QSqlQuery q(db_);
        if (!q.exec(QStringLiteral("SELECT version, checksum FROM schema_migrations")))
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
        if (*it != m.checksum)
            state.changed << QStringLiteral("%1 was applied with checksum %2 but the file now "
                                            "has %3")
                                 .arg(m.name, it->left(12), m.checksum.left(12));
    }
    return state;
}

QList<Migration> MigrationRunner::migrate() {
    execScript(db_, QString::fromLatin1(kLock), QStringLiteral("locking migrations"));
    struct Unlock {
        QSqlDatabase db;
        ~Unlock() { QSqlQuery(db).exec(QString::fromLatin1(kUnlock)); }
    } unlock{db_};

    execScript(db_, QString::fromLatin1(kCreateTable),
               QStringLiteral("creating schema_migrations"));
    const State current = state();
    if (!current.changed.isEmpty())
        throw DbError(QStringLiteral("an applied migration was edited, refusing to go on: ") +
                      current.changed.join(QStringLiteral("; ")));

    QList<Migration> done;
    for (const Migration &m : current.pending) {
        if (!db_.transaction())
            throw DbError::fromSqlError(m.name, db_.lastError());
        try {
            execScript(db_, QStringLiteral("SET LOCAL search_path = %1, pg_temp").arg(schema()),
                       m.name);
            execScript(db_, QString::fromUtf8(m.sql), m.name);
            QSqlQuery record(db_);
            record.prepare(QStringLiteral(
                "INSERT INTO schema_migrations (version, name, checksum) VALUES (?, ?, ?)"));
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
    return done;
}

} // namespace mvdash
