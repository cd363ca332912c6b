#pragma once

#include <limits>
#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace mvdash {

struct Migration {
    int version = 0;
    QString name; // file name, e.g. "002_read_models.sql"
    QByteArray sql;
    QString checksum; // sha256 of the file, hex
};

// Applies the numbered migrations compiled in from sql/migrations, in order, each in its
// own transaction, and records them with a checksum in schema_migrations. Concurrent
// runners are serialized by an advisory lock. An applied migration whose file changed
// since is reported and stops everything: nothing is re-run or applied past it.
class MigrationRunner {
    Q_DECLARE_TR_FUNCTIONS(mvdash::MigrationRunner)

public:
    explicit MigrationRunner(QSqlDatabase db);

    static QList<Migration> bundled();

    struct State {
        QList<Migration> pending;
        QStringList changed;           // "002_read_models.sql: applied with checksum X, file has Y"
        QStringList changedTranslated; // the same for people
        int applied = 0;
    };
    State state() const;

    // Applies the pending migrations (up to and including `throughVersion`: tests of the
    // upgrade path); returns them. Throws DbError (nothing of the failing migration stays)
    // or when an applied migration changed.
    QList<Migration> migrate(int throughVersion = std::numeric_limits<int>::max());

    // mvdash's own schema (migration 010): only its owner can create in it.
    static QString schema() { return QStringLiteral("mvdash"); }
    // The schema a migration installs into (its search_path while it runs): public for
    // 001-009, which were written for it (010 moves their objects), mvdash from 010 on.
    static QString schemaFor(int version);

private:
    // Throws, before anything is changed, when a schema the pending migrations install into
    // can be written by roles other than its owner.
    void refuseUnsafeSchemas(const QList<Migration> &pending) const;
    // Throws when one of mvdash's own schemas or a schema_migrations table belongs to a role
    // other than the migrating one (not a superuser): made in advance by somebody else, or
    // migrated by another role before.
    void refuseForeignSchemas() const;
    // Throws, before anything is changed, when the event tables a database already has (the
    // platform's, which 001 then adopts instead of creating) are not the spec's.
    void refuseForeignEventStore(bool citus) const;

    QSqlDatabase db_;
};

} // namespace mvdash
