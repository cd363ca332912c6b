#include "eventwriter.h"

#include "database.h"
#include "dberror.h"

#include <libpq-fe.h>
#include <QSqlQuery>

namespace mvdash {

namespace {

// COPY text format: \N for null, backslash escapes for the few special characters
void field(QByteArray &line, const QString &value) {
    const QByteArray utf8 = value.toUtf8();
    for (char c : utf8) {
        switch (c) {
        case '\\':
            line += "\\\\";
            break;
        case '\t':
            line += "\\t";
            break;
        case '\n':
            line += "\\n";
            break;
        case '\r':
            line += "\\r";
            break;
        default:
            line += c;
        }
    }
    line += '\t';
}
void field(QByteArray &line, const OptText &value) {
    if (value)
        field(line, *value);
    else
        line += "\\N\t";
}
void field(QByteArray &line, const OptDecimal &value) {
    if (value)
        line += value->toShortString().toLatin1();
    else
        line += "\\N";
    line += '\t';
}
void field(QByteArray &line, qint64 value) {
    line += QByteArray::number(value);
    line += '\t';
}
void endLine(QByteArray &line) {
    line[line.size() - 1] = '\n';
}

constexpr qsizetype kFlushBytes = 1 << 20;

} // namespace

// One event table's COPY on a connection of its own, opened at the first event and kept
// from one commit to the next (a writer that commits a batch every quarter second should not
// pay a new session per batch: on Citus each new session also opens its own worker sessions).
struct EventWriter::Stream {
    Stream(ConnectionSettings settings, const char *copySql)
        : settings(std::move(settings))
        , copySql(copySql) {}
    // BEGIN and COPY, when the table gets its first event since the last commit
    void begin() {
        if (connection && PQstatus(conn) != CONNECTION_OK) {
            // the server ended the kept session since the last batch: a new one
            conn = nullptr;
            connection.reset();
        }
        if (!connection) {
            // kept only once set up, so that a failed setup is tried again next time
            auto opened = std::make_unique<Connection>(settings, QStringLiteral("seed"));
            runQuery(opened->db(), QStringLiteral("writer_session_setup"));
            // plain libpq from here on: a QSqlQuery would read results in the middle of the COPY
            conn = nativeHandle(opened->db());
            connection = std::move(opened);
        }
        finish("BEGIN");
        inTransaction = true;
        PGresult *res = PQexec(conn, copySql);
        const bool ok = PQresultStatus(res) == PGRES_COPY_IN;
        const QString error = QString::fromUtf8(PQerrorMessage(conn)).trimmed();
        PQclear(res);
        if (!ok) {
            end("ROLLBACK");
            throw DbError(QStringLiteral("seed: ") + error);
        }
        copying = true;
    }
    void flush() {
        if (buffer.isEmpty())
            return;
        if (PQputCopyData(conn, buffer.constData(), int(buffer.size())) != 1)
            throw DbError(QStringLiteral("seed: ") + QString::fromUtf8(PQerrorMessage(conn)));
        buffer.clear();
    }
    // Ends the COPY; the transaction stays open until end().
    void endCopy() {
        flush();
        if (PQputCopyEnd(conn, nullptr) != 1)
            throw DbError(QStringLiteral("seed: ") + QString::fromUtf8(PQerrorMessage(conn)));
        PGresult *res = PQgetResult(conn);
        const bool ok = PQresultStatus(res) == PGRES_COMMAND_OK;
        const QString error = QString::fromUtf8(PQresultErrorMessage(res)).trimmed();
        PQclear(res);
        while ((res = PQgetResult(conn)))
            PQclear(res);
        copying = false;
        if (!ok)
            throw DbError(QStringLiteral("seed: ") +
                          error.section(u'\n', 0, 0).remove(QStringLiteral("ERROR:  ")));
    }
    // Aborts a COPY still under way and drops what it sent.
    void cancelCopy() {
        if (!copying)
            return;
        buffer.clear();
        PQputCopyEnd(conn, "cancelled");
        while (PGresult *res = PQgetResult(conn))
            PQclear(res);
        copying = false;
    }
    void finish(const char *command) {
        PGresult *res = PQexec(conn, command);
        const bool ok = PQresultStatus(res) == PGRES_COMMAND_OK;
        PQclear(res);
        if (!ok)
            throw DbError(QStringLiteral("seed: ") + QString::fromUtf8(PQerrorMessage(conn)));
    }
    // COMMIT or ROLLBACK; the stream is ready for the next begin() either way.
    void end(const char *command) {
        inTransaction = false;
        finish(command);
    }
    // Drops whatever is under way, where an error is already being reported (or nobody is
    // left to hear one): a second error (a lost session fails both) must not hide the first.
    void abandon() {
        cancelCopy();
        if (inTransaction) {
            inTransaction = false;
            PQclear(PQexec(conn, "ROLLBACK"));
        }
    }
    ~Stream() { abandon(); }

    const ConnectionSettings settings;
    const char *copySql;
    std::unique_ptr<Connection> connection;
    PGconn *conn = nullptr;
    QByteArray buffer;
    bool inTransaction = false;
    bool copying = false;
};

EventWriter::EventWriter(const ConnectionSettings &settings)
    : bets_(std::make_unique<Stream>(
          settings,
          "COPY public.bet_events (tenant_id, event_id, bet_id, user_id, event_type, stake, "
          "odds, fixture_id, result, payout, event_timestamp) FROM STDIN"))
    , balances_(std::make_unique<Stream>(
          settings, "COPY public.balance_events (tenant_id, event_id, user_id, amount, reason, "
                    "reference_id, event_timestamp) FROM STDIN"))
    , payments_(std::make_unique<Stream>(
          settings,
          "COPY public.payment_events (tenant_id, event_id, payment_id, user_id, event_type, "
          "amount, currency, payment_method, external_id, payment_type, "
          "event_timestamp) FROM STDIN")) {}

EventWriter::~EventWriter() = default;

void EventWriter::append(Stream &stream, const QByteArray &line) {
    if (!stream.copying)
        stream.begin();
    stream.buffer += line;
    ++written_;
    if (stream.buffer.size() >= kFlushBytes)
        stream.flush();
}

void EventWriter::add(const BetEvent &e) {
    QByteArray line;
    line.reserve(128);
    field(line, e.tenantId);
    field(line, e.eventId);
    field(line, e.betId);
    field(line, e.userId);
    field(line, e.eventType);
    field(line, e.stake);
    field(line, e.odds);
    field(line, e.fixtureId);
    field(line, e.result);
    field(line, e.payout);
    field(line, e.timestamp);
    endLine(line);
    append(*bets_, line);
}

void EventWriter::add(const BalanceEvent &e) {
    QByteArray line;
    line.reserve(96);
    field(line, e.tenantId);
    field(line, e.eventId);
    field(line, e.userId);
    field(line, OptDecimal(e.amount));
    field(line, e.reason);
    field(line, e.referenceId);
    field(line, e.timestamp);
    endLine(line);
    append(*balances_, line);
}

void EventWriter::add(const PaymentEvent &e) {
    QByteArray line;
    line.reserve(128);
    field(line, e.tenantId);
    field(line, e.eventId);
    field(line, e.paymentId);
    field(line, e.userId);
    field(line, e.eventType);
    field(line, e.amount);
    field(line, e.currency);
    field(line, e.paymentMethod);
    field(line, e.externalId);
    field(line, e.paymentType);
    field(line, e.timestamp);
    endLine(line);
    append(*payments_, line);
}

void EventWriter::commit() {
    // only the tables that got events since the last commit
    QList<Stream *> streams;
    for (Stream *s : allStreams()) {
        if (s->inTransaction)
            streams << s;
    }
    try {
        for (Stream *s : streams)
            s->endCopy();
    } catch (...) {
        rollback();
        throw;
    }
    // one COMMIT per table: if one fails after another went through, the batch is partly in
    // (three sessions cannot commit together); the rest is rolled back and the error says so
    for (qsizetype i = 0; i < streams.size(); ++i) {
        try {
            streams[i]->end("COMMIT");
        } catch (const DbError &e) {
            rollback(); // the tables after it
            if (i == 0)
                throw;
            throw DbError(e.message() + QStringLiteral(" (the batch is partly committed: %1 of "
                                                       "%2 event tables)")
                                            .arg(i)
                                            .arg(streams.size()));
        }
    }
}

void upsertTenants(const QSqlDatabase &db, const QList<Tenant> &tenants) {
    Transaction transaction(db);
    for (const Tenant &t : tenants)
        runQuery(db, QStringLiteral("upsert_tenant"),
                 {t.tenantId, t.name, t.slug, t.status, t.plan});
    transaction.commit();
}

void upsertTenants(const ConnectionSettings &settings, const QList<Tenant> &tenants) {
    Connection connection(settings, QStringLiteral("seed"));
    upsertTenants(connection.db(), tenants);
}

void EventWriter::rollback() {
    for (Stream *s : allStreams())
        s->abandon();
}

std::array<EventWriter::Stream *, 3> EventWriter::allStreams() const {
    return {bets_.get(), balances_.get(), payments_.get()};
}

} // namespace mvdash
