#pragma once

// Statements of the query catalog run side by side on several sessions of one database, each
// committed on its own (autocommit). A live rebuild on plain PostgreSQL hands its phases to it
// (migration 013): the rebuild's own transaction waits, or runs its share, meanwhile.

#include "connectionsettings.h"

#include <functional>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QVariantList>

namespace mvdash {

struct PooledStatement {
    QString label;       // for progress lines
    QString catalogName; // sql/queries/<name>.sql
    QVariantList values;
};

class StatementPool {
public:
    // `sessions` connections with the settings of `db` (its role, database and options).
    StatementPool(const QSqlDatabase &db, int sessions);

    int sessions() const { return sessions_; }

    // Runs every statement on the pool's sessions, in the given order (longest first fills
    // best), and `alongside` on the calling thread meanwhile. The sessions are opened for the
    // call and closed after it (a rebuild makes a handful of calls: milliseconds each). `onDone` is
    // called once per finished statement, one call at a time, from any thread. Returns when all
    // have finished; after a failure the sessions take no new statement and the first error (a
    // DbError, or what a callback threw) is rethrown.
    void run(const QList<PooledStatement> &statements,
             const std::function<void(const PooledStatement &, qint64 ms)> &onDone,
             const std::function<void()> &alongside = {}) const;

private:
    ConnectionSettings settings_;
    int sessions_;
};

} // namespace mvdash
