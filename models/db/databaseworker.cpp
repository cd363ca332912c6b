#include "databaseworker.h"

#include "database.h"
#include "dberror.h"
#include "qtfmt.h"

#include <libpq-fe.h>
#include <memory>
#include <QAtomicInteger>
#include <spdlog/spdlog.h>

namespace mvdash {

class DatabaseWorker::Executor : public QObject {
public:
    Executor(DatabaseWorker *owner, ConnectionSettings settings, QString purpose)
        : owner_(owner)
        , settings_(std::move(settings))
        , purpose_(std::move(purpose)) {}

    void run(quint64 ticket, const Job &job) {
        if (!connection_) {
            try {
                connection_ = std::make_unique<Connection>(settings_, purpose_);
                emit owner_->connectionChanged(true, connection_->describe());
            } catch (const DbError &e) {
                spdlog::warn("{}: {}", purpose_, e.message());
                emit owner_->connectionChanged(false, e.message());
                emit owner_->failed(ticket, e.message(), true);
                return;
            }
        }
        try {
            const QVariant result = job(connection_->db());
            emit owner_->finished(ticket, result);
        } catch (const DbError &e) {
            const bool lost = connectionLost();
            spdlog::warn("{}: {}{}", purpose_, e.message(), lost ? " (connection lost)" : "");
            if (lost) {
                connection_.reset();
                emit owner_->connectionChanged(false, e.message());
            }
            emit owner_->failed(ticket, e.message(), lost);
        }
    }

    void close() { connection_.reset(); }

private:
    bool connectionLost() const {
        pg_conn *conn = nativeHandle(connection_->db());
        return !conn || PQstatus(conn) != CONNECTION_OK;
    }

    DatabaseWorker *owner_;
    ConnectionSettings settings_;
    QString purpose_;
    std::unique_ptr<Connection> connection_;
};

quint64 DatabaseWorker::newTicket() {
    static QAtomicInteger<quint64> counter;
    return counter.fetchAndAddRelaxed(1) + 1;
}

DatabaseWorker::DatabaseWorker(ConnectionSettings settings, QString purpose, QObject *parent)
    : QObject(parent)
    , executor_(new Executor(this, std::move(settings), purpose)) {
    thread_.setObjectName(QStringLiteral("db-") + purpose);
    executor_->moveToThread(&thread_);
    connect(&thread_, &QThread::finished, executor_, &QObject::deleteLater);
    thread_.start();
}

DatabaseWorker::~DatabaseWorker() {
    QMetaObject::invokeMethod(
        executor_, [e = executor_] { e->close(); }, Qt::BlockingQueuedConnection);
    thread_.quit();
    thread_.wait();
}

void DatabaseWorker::submit(quint64 ticket, Job job) {
    QMetaObject::invokeMethod(
        executor_, [e = executor_, ticket, job = std::move(job)] { e->run(ticket, job); },
        Qt::QueuedConnection);
}

} // namespace mvdash
