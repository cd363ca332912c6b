#pragma once

// Statements of the query catalog run side by side on several sessions of one database, each
// committed on its own (autocommit), each as soon as the statements it reads the work of have
// finished. A live rebuild on plain PostgreSQL hands its build to it (migrations 013, 021):
// the rebuild's own transaction runs its share on the calling thread meanwhile.

#include "connectionsettings.h"

#include <functional>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QVariantList>

namespace mvdash {

struct PooledStatement {
    QString label;       // for progress lines
    QString catalogName; // sql/queries/<name>.sql, run on one of the pool's sessions
    QVariantList values;
    QList<qsizetype> after; // positions in the list of the statements that must finish first
    // Set: the statement runs on the calling thread by this call instead (in the caller's own
    // session and transaction), still in its turn.
    std::function<void()> onCaller;
};

class StatementPool {
public:
    // `sessions` connections with the settings of `db` (its role, database and options).
    StatementPool(const QSqlDatabase &db, int sessions);

    int sessions() const { return sessions_; }

    // Runs every statement once the ones it comes after have finished: the pool's on its
    // sessions, the caller's on the calling thread; of those ready, the first in the list
    // first (longest first fills best). The sessions are opened for the call and closed after
    // it. `onDone` is called once per finished statement, one call at a time, from any thread.
    // Returns when all have finished; after a failure no statement starts any more and the first
    // error (a DbError, or what a callback threw) is rethrown. A list whose statements wait on
    // each other in a circle fails instead of waiting forever.
    void run(const QList<PooledStatement> &statements,
             const std::function<void(const PooledStatement &, qint64 ms)> &onDone) const;

private:
    ConnectionSettings settings_;
    int sessions_;
};

} // namespace mvdash
