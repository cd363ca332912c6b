#pragma once

#include "connectionsettings.h"
#include "dberror.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>

struct pg_conn;

namespace mvdash {

// libpq's connection behind a QPSQL connection (for COPY, cancel, notices); null if none.
pg_conn *nativeHandle(const QSqlDatabase &db);
// A connection option as libpq applied it (DSN, PG* variable or default), e.g. "sslmode";
// empty when unknown. Never use it for "password".
QString effectiveOption(const QSqlDatabase &db, const char *keyword);

// One QPSQL connection owned by the thread that opened it; closed and unregistered when
// this object goes away. Every thread (worker, CLI, test) opens its own.
class Connection {
public:
    // Throws DbError with libpq's one-line reason when the server cannot be reached or
    // refuses the login. `purpose` becomes part of application_name and the Qt name.
    Connection(const ConnectionSettings &settings, const QString &purpose);
    ~Connection();
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;

    QSqlDatabase db() const { return QSqlDatabase::database(name_, false); }
    // "user@host:port/dbname" as libpq resolved it (never the password)
    QString describe() const;
    int backendPid() const;

private:
    QString name_;
};

// Runs a statement from the query catalog (sql/queries/<name>.sql) with bound values,
// streaming rows (forward only). Throws DbError on failure. The catalog names its
// placeholders (:tenant_id); `values` go to them in their order of appearance.
QSqlQuery runQuery(const QSqlDatabase &db, const QString &catalogName,
                   const QVariantList &values = {});
// Where the column called `name` is in `query`'s result: found once per result, then read by
// position (pgModeler's ResultSet::getColumnValue(name)). DbError when the result has no
// such column: the SQL and the code reading it disagree, said with the name.
int columnOf(const QSqlQuery &query, const char *name);
// Puts mvdash's schema first on the session's search_path (tenant_scope for a tenant
// administrator's role), whatever the role's settings say. Every Connection does it.
void applySessionSearchPath(const QSqlDatabase &db);
// The session gives up on a lock after `ms` milliseconds (lock_timeout); 0 waits as long as
// the server's own setting says. Throws DbError.
void applySessionLockTimeout(const QSqlDatabase &db, int ms);
// The server stops a statement of the session that runs longer than `ms` milliseconds
// (statement_timeout); 0 lets it run as long as the role's, the database's or the server's
// setting says. Throws DbError.
void applySessionStatementTimeout(const QSqlDatabase &db, int ms);
// What to tell a person when the server stopped a statement at the session's limit of `ms`.
DbError statementLimitError(int ms);
// What to tell a person when a statement on `db` gave up waiting `waitedMs` for a lock
// (SQLSTATE 55P03): which sessions hold the locks that stop reads, asked on the same
// session, or "another session" when they are gone by then.
DbError lockWaitError(const QSqlDatabase &db, int waitedMs);
// Tests that write the event store with unqualified SQL put public after mvdash on their
// sessions' path; mvdash's programs never do (a writable public could offer look-alikes).
void setSessionsSearchPublic(bool on);
// Runs SQL text that cannot be prepared (DDL, REFRESH, scripts). Throws DbError.
void execScript(const QSqlDatabase &db, const QString &sql, const QString &context);

// A transaction on `db` that rolls back unless committed (the rebuild, the read models' switch,
// a writer's tenants rows on a session it keeps). Throws DbError when BEGIN or COMMIT fails.
class Transaction {
public:
    explicit Transaction(const QSqlDatabase &db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;
    void commit();

private:
    QSqlDatabase db_;
    bool open_ = true;
};

// A savepoint in the open transaction: rollback() undoes what came after it and keeps the
// transaction going (after an error too); release() keeps what came after it.
class Savepoint {
public:
    Savepoint(const QSqlDatabase &db, const QString &name);
    void release();
    void rollback();

private:
    QSqlDatabase db_;
    QString name_; // (an identifier of the code's own, never a user's)
};

// The text of sql/queries/<name>.sql from the compiled-in resource.
QString catalogQuery(const QString &name);

} // namespace mvdash
