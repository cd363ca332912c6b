#include "statementpool.h"

#include "database.h"
#include "dberror.h"

#include <algorithm>
#include <exception>
#include <mutex>
#include <optional>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlQuery>
#include <thread>
#include <vector>

namespace mvdash {

StatementPool::StatementPool(const QSqlDatabase &db, int sessions)
    : sessions_(std::max(1, sessions)) {
    QString error;
    // Connection put everything it connected with into the options (never a password: the
    // helpers find it where libpq found it for `db`, in PGPASSWORD or ~/.pgpass)
    std::optional<ConnectionSettings> parsed =
        ConnectionSettings::fromDsn(db.connectOptions(), &error);
    if (!parsed)
        throw DbError(QStringLiteral("cannot open more sessions like this one: %1").arg(error),
                      //: "cannot open more sessions like this one: <why>"
                      QCoreApplication::translate("mvdash::StatementPool",
                                                  "cannot open more sessions like this one: %1")
                          .arg(error),
                      QString());
    settings_ = *parsed;
    settings_.set(QStringLiteral("application_name"), QStringLiteral("mvdash rebuild helper"));
}

void StatementPool::run(const QList<PooledStatement> &statements,
                        const std::function<void(const PooledStatement &, qint64 ms)> &onDone,
                        const std::function<void()> &alongside) const {
    std::mutex mutex;
    qsizetype next = 0;
    std::exception_ptr error;
    const auto fail = [&](std::exception_ptr e) {
        std::lock_guard lock(mutex);
        if (!error)
            error = std::move(e);
    };
    const auto take = [&]() -> const PooledStatement * {
        std::lock_guard lock(mutex);
        if (error || next >= statements.size())
            return nullptr;
        return &statements[next++];
    };
    const auto session = [&] {
        try {
            const Connection connection(settings_, QStringLiteral("rebuild-helper"));
            while (const PooledStatement *statement = take()) {
                QElapsedTimer timer;
                timer.start();
                runQuery(connection.db(), statement->catalogName, statement->values).finish();
                std::lock_guard lock(mutex);
                if (onDone)
                    onDone(*statement, timer.elapsed());
            }
        } catch (...) {
            fail(std::current_exception());
        }
    };

    std::vector<std::thread> threads;
    const qsizetype count = std::min<qsizetype>(sessions_, statements.size());
    for (qsizetype i = 0; i < count; ++i)
        threads.emplace_back(session);
    if (alongside) {
        try {
            alongside();
        } catch (...) {
            fail(std::current_exception());
        }
    }
    for (std::thread &t : threads)
        t.join();
    if (error)
        std::rethrow_exception(error);
}

} // namespace mvdash
