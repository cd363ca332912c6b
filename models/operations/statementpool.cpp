#include "statementpool.h"

#include "database.h"
#include "dberror.h"

#include <algorithm>
#include <condition_variable>
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
    // Connection put everything it connected with into the options but a password: one typed
    // in the dashboard is the driver's; else the helpers find it where libpq found it for
    // `db`, in PGPASSWORD or ~/.pgpass
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
    settings_.setPassword(db.password());
    settings_.set(QStringLiteral("application_name"), QStringLiteral("mvdash rebuild helper"));
}

void StatementPool::run(
    const QList<PooledStatement> &statements,
    const std::function<void(const PooledStatement &, qint64 ms)> &onDone) const {
    const qsizetype count = statements.size();
    std::mutex mutex;
    std::condition_variable changed; // a statement finished, or the run failed
    std::vector<bool> started(count, false);
    std::vector<bool> finished(count, false);
    qsizetype running = 0;
    std::exception_ptr error;
    const auto isReady = [&](qsizetype i) {
        return !started[i] && std::all_of(statements[i].after.cbegin(), statements[i].after.cend(),
                                          [&](qsizetype before) { return finished[before]; });
    };
    const auto fail = [&](std::exception_ptr e) {
        if (!error)
            error = std::move(e);
        changed.notify_all();
    };
    // The next statement for the caller (onCaller) or for a session: waits until one is ready;
    // nothing when none of that kind is left or the run failed.
    const auto take = [&](bool onCaller) -> std::optional<qsizetype> {
        std::unique_lock lock(mutex);
        for (;;) {
            if (error)
                return std::nullopt;
            bool left = false;
            bool anyReady = false;
            for (qsizetype i = 0; i < count; ++i) {
                const bool ready = isReady(i);
                anyReady = anyReady || ready;
                if (started[i] || bool(statements[i].onCaller) != onCaller)
                    continue;
                left = true;
                if (ready) {
                    started[i] = true;
                    ++running;
                    return i;
                }
            }
            if (!left)
                return std::nullopt;
            if (running == 0 && !anyReady) {
                fail(std::make_exception_ptr(DbError(
                    QStringLiteral("the statements wait on each other in a circle"),
                    //: a rebuild's plan is broken: no statement can start
                    QCoreApplication::translate("mvdash::StatementPool",
                                                "the statements wait on each other in a circle"),
                    QString())));
                return std::nullopt;
            }
            changed.wait(lock);
        }
    };
    const auto runEach = [&](bool onCaller, const QSqlDatabase &db) {
        while (const std::optional<qsizetype> i = take(onCaller)) {
            const PooledStatement &statement = statements[*i];
            QElapsedTimer timer;
            timer.start();
            try {
                if (onCaller)
                    statement.onCaller();
                else
                    runQuery(db, statement.catalogName, statement.values).finish();
            } catch (...) {
                std::lock_guard lock(mutex);
                --running;
                fail(std::current_exception());
                return;
            }
            std::lock_guard lock(mutex);
            --running;
            finished[*i] = true;
            try {
                if (onDone)
                    onDone(statement, timer.elapsed());
            } catch (...) {
                fail(std::current_exception());
            }
            changed.notify_all();
        }
    };
    const auto session = [&] {
        try {
            const Connection connection(settings_, QStringLiteral("rebuild-helper"));
            runEach(false, connection.db());
        } catch (...) {
            std::lock_guard lock(mutex);
            fail(std::current_exception());
        }
    };

    const qsizetype onSessions =
        std::count_if(statements.cbegin(), statements.cend(),
                      [](const PooledStatement &s) { return !s.onCaller; });
    std::vector<std::thread> threads;
    for (qsizetype i = 0; i < std::min<qsizetype>(sessions_, onSessions); ++i)
        threads.emplace_back(session);
    runEach(true, QSqlDatabase());
    for (std::thread &t : threads)
        t.join();
    if (error)
        std::rethrow_exception(error);
}

} // namespace mvdash
