#include "database.h"

#include "dberror.h"
#include "qtfmt.h"

#include <atomic>
#include <libpq-fe.h>
#include <QAtomicInteger>
#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QLocale>
#include <QMutex>
#include <QRegularExpression>
#include <QSqlDriver>
#include <QSqlRecord>
#include <QThread>
#include <spdlog/spdlog.h>

namespace mvdash {

DbError DbError::fromSqlError(const QString &context, const QSqlError &error) {
    QString text = error.databaseText().trimmed();
    if (text.isEmpty())
        text = error.driverText().trimmed();
    // libpq prefixes server messages with "ERROR:  " and adds lines: DETAIL and HINT are for
    // the person (our functions' hints say what to do); QUERY and CONTEXT, which come after
    // them, are the PL/pgSQL call stack ("PL/pgSQL function grant_tenant(text,bigint) line 12
    // at RAISE"), which says nothing to a user and stays in the server's log.
    // (QPSQL appends the SQLSTATE, "(42704)", after them: it stays)
    static const QRegularExpression internals(
        QStringLiteral("\\n(QUERY|CONTEXT): .*?(?=\\n?\\([0-9A-Z]{5}\\)$|$)"),
        QRegularExpression::DotMatchesEverythingOption);
    text.remove(internals);
    text.remove(QStringLiteral("ERROR:  "));
    text.remove(QStringLiteral("FATAL:  "));
    text = text.simplified();
    // The two states of a read model that a person can fix, said so that they know how
    static const QRegularExpression notPopulated(
        QStringLiteral("materialized view \"([^\"]+)\" has not been populated"));
    static const QRegularExpression missing(
        QStringLiteral("relation \"([^\"]+_view[^\"]*)\" does not exist"));
    const char *source = nullptr;
    QString view;
    if (const auto m = notPopulated.match(text); m.hasMatch()) {
        //: keep the command as it is; "Refresh" and "Refresh panel" as the dashboard calls them
        source = QT_TRANSLATE_NOOP("mvdash::Database",
                                   "view %1 is not populated yet — run Refresh (Refresh panel or "
                                   "`mvdash-admin refresh %1`)");
        view = m.captured(1);
    } else if (const auto m = missing.match(text); m.hasMatch()) {
        //: keep the command as it is
        source = QT_TRANSLATE_NOOP("mvdash::Database",
                                   "view %1 does not exist in this database — is it migrated? "
                                   "(`mvdash-admin migrate`)");
        view = m.captured(1);
    }
    const auto withContext = [&context](const QString &message) {
        return context.isEmpty() ? message : context + QStringLiteral(": ") + message;
    };
    if (!source)
        return DbError(withContext(text), error.nativeErrorCode());
    return DbError(withContext(QString::fromUtf8(source).arg(view)),
                   withContext(QCoreApplication::translate("mvdash::Database", source).arg(view)),
                   error.nativeErrorCode());
}

QString effectiveOption(const QSqlDatabase &db, const char *keyword) {
    PGconn *conn = nativeHandle(db);
    if (!conn)
        return {};
    PQconninfoOption *options = PQconninfo(conn);
    QString value;
    for (PQconninfoOption *o = options; o && o->keyword; ++o)
        if (qstrcmp(o->keyword, keyword) == 0 && o->val)
            value = QString::fromUtf8(o->val);
    PQconninfoFree(options);
    return value;
}

PGconn *nativeHandle(const QSqlDatabase &db) {
    if (!db.isValid() || !db.driver())
        return nullptr;
    const QVariant handle = db.driver()->handle();
    // QPSQL registers the handle under libpq's struct name
    if (qstrcmp(handle.typeName(), "pg_conn*") != 0 && qstrcmp(handle.typeName(), "PGconn*") != 0)
        return nullptr;
    return *static_cast<PGconn *const *>(handle.data());
}

namespace {
// libpq keeps no SQLSTATE for a failed connection: the server's words give it, for the
// failures that a retry alone does not mend. In English, and in Russian (a server whose
// lc_messages is Russian, or libpq's own message on a Russian desktop); in another language
// a refusal is taken for a connection that may come back, and retried.
QString loginFailureState(const QString &reason) {
    static const QList<QPair<QString, QString>> states = {
        {QStringLiteral("password authentication failed"), QStringLiteral("28P01")},
        // a password checked by a directory (pg_hba.conf's ldap, pam, radius, bsd): the
        // accounts a few failures lock; the other methods send no password (ident, peer, cert)
        {QStringLiteral("LDAP authentication failed"), QStringLiteral("28P01")},
        {QStringLiteral("PAM authentication failed"), QStringLiteral("28P01")},
        {QStringLiteral("RADIUS authentication failed"), QStringLiteral("28P01")},
        {QStringLiteral("BSD authentication failed"), QStringLiteral("28P01")},
        // none sent, none rejected: retried (it may be in ~/.pgpass by then)
        {QStringLiteral("no password supplied"), QStringLiteral("28000")},
        {QStringLiteral("authentication failed"), QStringLiteral("28000")},
        {QStringLiteral("no pg_hba.conf entry"), QStringLiteral("28000")},
        {QStringLiteral("pg_hba.conf rejects connection"), QStringLiteral("28000")},
        {QStringLiteral("is not permitted to log in"), QStringLiteral("28000")},
        {QStringLiteral("permission denied for database"), QStringLiteral("42501")},
        {QStringLiteral("не прошёл проверку подлинности"), QStringLiteral("28P01")},
        {QStringLiteral("пароль не указан"), QStringLiteral("28000")},
        {QStringLiteral("в pg_hba.conf нет записи"), QStringLiteral("28000")},
        {QStringLiteral("pg_hba.conf отвергает подключение"), QStringLiteral("28000")},
    };
    for (const auto &[words, state] : states)
        if (reason.contains(words))
            return state;
    static const QRegularExpression missing(QStringLiteral(
        R"((role|database|роль|база данных) "[^"]*" (does not exist|не существует))"));
    const QRegularExpressionMatch m = missing.match(reason);
    if (m.hasMatch())
        return m.captured(1) == QLatin1String("role") || m.captured(1) == QStringLiteral("роль")
                   ? QStringLiteral("28000")
                   : QStringLiteral("3D000");
    return {};
}

// Server notices (NOTICE: relation exists, skipping ...) go to the log, not to stderr.
void logNotice(void *, const char *message) {
    spdlog::debug("server: {}", QString::fromUtf8(message).trimmed());
}
} // namespace

Connection::Connection(const ConnectionSettings &settings, const QString &purpose) {
    static QAtomicInteger<quint64> counter;
    name_ = QStringLiteral("mvdash-%1-%2").arg(purpose).arg(counter.fetchAndAddRelaxed(1));
    ConnectionSettings effective = settings;
    if (effective.value(QStringLiteral("application_name")).isEmpty())
        effective.set(QStringLiteral("application_name"), QStringLiteral("mvdash ") + purpose);
    if (effective.value(QStringLiteral("connect_timeout")).isEmpty())
        effective.set(QStringLiteral("connect_timeout"), QStringLiteral("10"));
    // Over TCP, a server that went away without a word (a VPN dropped, a node lost) is noticed
    // within about a minute, not after the system's two hours: the dashboard says "offline"
    // instead of "connected" over a dead socket, a follower reconnects. (Not for a unix
    // socket; a setting of the DSN's own wins.)
    for (const auto &[keyword, value] :
         {std::pair{"keepalives_idle", "30"}, std::pair{"keepalives_interval", "10"},
          std::pair{"keepalives_count", "3"}, std::pair{"tcp_user_timeout", "60000"}})
        if (effective.value(QLatin1String(keyword)).isEmpty())
            effective.set(QLatin1String(keyword), QLatin1String(value));
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name_);
    db.setConnectOptions(effective.connectOptions());
    if (!effective.password().isEmpty())
        db.setPassword(effective.password()); // (else libpq finds it: PGPASSWORD, ~/.pgpass)
    // numeric values arrive as exact text, never as double
    db.setNumericalPrecisionPolicy(QSql::HighPrecision);
    if (!db.open()) {
        const QSqlError error = db.lastError();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(name_);
        QString text = error.databaseText().trimmed().simplified();
        text.remove(QStringLiteral("FATAL:  "));
        text.remove(QStringLiteral("FATAL: "));
        const QString reason = text.isEmpty() ? error.driverText() : text;
        //: "cannot connect: <the server's or the driver's message>"
        throw DbError(
            QStringLiteral("cannot connect: %1").arg(reason),
            QCoreApplication::translate("mvdash::Database", "cannot connect: %1").arg(reason),
            loginFailureState(reason));
    }
    if (PGconn *conn = nativeHandle(db))
        PQsetNoticeProcessor(conn, logNotice, nullptr);
    try {
        applySessionSearchPath(db);
    } catch (...) {
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(name_);
        throw;
    }
}

namespace {
std::atomic_bool searchPublic{false};
} // namespace

void setSessionsSearchPublic(bool on) {
    searchPublic = on;
}

void applySessionSearchPath(const QSqlDatabase &db) {
    // SHOW and SET are utility statements: nothing in them is looked up on the path
    QSqlQuery show(db);
    if (!show.exec(QStringLiteral("SHOW search_path")) || !show.next())
        throw DbError::fromSqlError(QStringLiteral("search_path"), show.lastError());
    const QString original = show.value(0).toString();
    show.finish();
    execScript(db, QStringLiteral("SET search_path = pg_catalog, pg_temp"),
               QStringLiteral("search_path"));
    QSqlQuery q = runQuery(db, QStringLiteral("session_search_path"), {bool(searchPublic)});
    const QString path = q.next() && !q.isNull(0) ? q.value(0).toString() : original;
    q.finish();
    QSqlQuery set(db);
    set.prepare(QStringLiteral("SELECT pg_catalog.set_config('search_path', ?, false)"));
    set.addBindValue(path);
    if (!set.exec())
        throw DbError::fromSqlError(QStringLiteral("search_path"), set.lastError());
}

void applySessionLockTimeout(const QSqlDatabase &db, int ms) {
    runQuery(db, QStringLiteral("session_lock_timeout"), {QStringLiteral("%1ms").arg(ms)}).finish();
}

void applySessionStatementTimeout(const QSqlDatabase &db, int ms) {
    runQuery(db, QStringLiteral("session_statement_timeout"), {ms}).finish();
}

DbError statementLimitError(int ms) {
    const QString seconds = QString::number(ms / 1000.0, 'g', 6);
    return DbError(QStringLiteral("stopped after %1 s, the limit for one read "
                                  "(setting reader/statementTimeoutMs)")
                       .arg(seconds),
                   //: a panel's read that the server stopped at the dashboard's limit; %1 the
                   //: limit in seconds ("60"); keep the setting's name
                   QCoreApplication::translate("mvdash::Database",
                                               "stopped after %1 s, the limit for one read "
                                               "(setting reader/statementTimeoutMs)")
                       .arg(QLocale().toString(ms / 1000.0, 'g', 6)),
                   QStringLiteral("57014"));
}

DbError lockWaitError(const QSqlDatabase &db, int waitedMs) {
    // English for the log, translated for the window: built twice from the same parts
    const auto text = [](const char *source, bool translated) {
        return translated ? QCoreApplication::translate("mvdash::Database", source)
                          : QString::fromUtf8(source);
    };
    struct Holder {
        QString pid, relation, application, role, heldSeconds;
    };
    QList<Holder> holders;
    try {
        QSqlQuery q = runQuery(db, QStringLiteral("lock_holders"));
        const int pid = columnOf(q, "pid"), relation = columnOf(q, "relations"),
                  application = columnOf(q, "application_name"), role = columnOf(q, "role"),
                  held = columnOf(q, "held_seconds");
        while (q.next())
            holders.append({q.value(pid).toString(), q.value(relation).toString(),
                            q.value(application).toString(), q.value(role).toString(),
                            q.isNull(held) ? QString() : q.value(held).toString()});
    } catch (const DbError &e) {
        spdlog::warn("lock holders: {}", e.englishMessage()); // the message goes without them
    }
    const auto say = [&](bool translated) {
        QStringList who;
        for (const Holder &h : holders) {
            //: a session holding a lock: "session <pid> (<application>, role <role>) on <relation>"
            QString one =
                text(QT_TRANSLATE_NOOP("mvdash::Database", "session %1"), translated).arg(h.pid);
            QStringList about;
            if (!h.application.isEmpty())
                about << h.application;
            if (!h.role.isEmpty())
                about << text(QT_TRANSLATE_NOOP("mvdash::Database", "role %1"), translated)
                             .arg(h.role);
            if (!about.isEmpty())
                one += QStringLiteral(" (") + about.join(QStringLiteral(", ")) + u')';
            one += u' ' +
                   text(QT_TRANSLATE_NOOP("mvdash::Database", "on %1"), translated).arg(h.relation);
            if (!h.heldSeconds.isEmpty())
                one += u' ' +
                       text(QT_TRANSLATE_NOOP("mvdash::Database", "in a transaction open for %1 s"),
                            translated)
                           .arg(h.heldSeconds);
            who << one;
        }
        const QString holder =
            who.isEmpty()
                ? text(QT_TRANSLATE_NOOP("mvdash::Database",
                                         "another session (a REFRESH without CONCURRENTLY, a "
                                         "migration or a LOCK held in a transaction)"),
                       translated)
                : who.join(QStringLiteral("; "));
        //: %1 seconds waited, %2 who holds the lock
        return text(QT_TRANSLATE_NOOP("mvdash::Database",
                                      "gave up after waiting %1 s for a lock held by %2 — "
                                      "what was shown stays, the next reload tries again"),
                    translated)
            .arg(QString::number(waitedMs / 1000.0, 'g', 3), holder);
    };
    return DbError(say(false), say(true), QStringLiteral("55P03"));
}

Connection::~Connection() {
    {
        QSqlDatabase db = QSqlDatabase::database(name_, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(name_);
}

QString Connection::describe() const {
    PGconn *conn = nativeHandle(db());
    if (!conn)
        return name_;
    const QString host = QString::fromUtf8(PQhost(conn));
    return QStringLiteral("%1@%2:%3/%4")
        .arg(QString::fromUtf8(PQuser(conn)), host, QString::fromUtf8(PQport(conn)),
             QString::fromUtf8(PQdb(conn)));
}

int Connection::backendPid() const {
    PGconn *conn = nativeHandle(db());
    return conn ? PQbackendPID(conn) : 0;
}

QString catalogQuery(const QString &name) {
    static QMutex mutex;
    static QHash<QString, QString> cache;
    QMutexLocker lock(&mutex);
    auto it = cache.constFind(name);
    if (it != cache.constEnd())
        return *it;
    QFile file(QStringLiteral(":/sql/queries/%1.sql").arg(name));
    if (!file.open(QIODevice::ReadOnly))
        throw DbError(QStringLiteral("internal error: no query named %1 in the catalog").arg(name));
    // Whole-line comments are dropped: Qt scans the statement for :name placeholders and
    // quotes without knowing SQL comments, so an apostrophe there would swallow the rest.
    QStringList lines;
    for (const QString &line : QString::fromUtf8(file.readAll()).split(u'\n'))
        if (!line.trimmed().startsWith(QStringLiteral("--")))
            lines << line;
    const QString text = lines.join(u'\n').trimmed();
    cache.insert(name, text);
    return text;
}

QSqlQuery runQuery(const QSqlDatabase &db, const QString &catalogName, const QVariantList &values) {
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.prepare(catalogQuery(catalogName)))
        throw DbError::fromSqlError(catalogName, query.lastError());
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec())
        throw DbError::fromSqlError(QString(), query.lastError());
    return query;
}

void execScript(const QSqlDatabase &db, const QString &sql, const QString &context) {
    // libpq itself for scripts of several statements: QPSQL reports only how the last one
    // went, so an error in the middle of a migration came out as "current transaction is
    // aborted" from the next statement instead of its own message
    if (PGconn *conn = nativeHandle(db)) {
        PGresult *result = PQexec(conn, sql.toUtf8().constData());
        const ExecStatusType status = PQresultStatus(result);
        if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK ||
            status == PGRES_EMPTY_QUERY) {
            PQclear(result);
            return;
        }
        QString text = QString::fromUtf8(PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY));
        if (text.isEmpty())
            text = QString::fromUtf8(PQerrorMessage(conn)).trimmed();
        const QString state = QString::fromLatin1(PQresultErrorField(result, PG_DIAG_SQLSTATE));
        PQclear(result);
        throw DbError(context.isEmpty() ? text : context + QStringLiteral(": ") + text, state);
    }
    QSqlQuery query(db);
    if (!query.exec(sql))
        throw DbError::fromSqlError(context, query.lastError());
}

int columnOf(const QSqlQuery &query, const char *name) {
    const int at = query.record().indexOf(QLatin1String(name));
    if (at < 0)
        throw DbError(QStringLiteral("the result has no column %1: the query and its reader "
                                     "disagree")
                          .arg(QLatin1String(name)));
    return at;
}

Transaction::Transaction(const QSqlDatabase &db)
    : db_(db) {
    execScript(db_, QStringLiteral("BEGIN"), QStringLiteral("begin"));
}

Transaction::~Transaction() {
    if (open_)
        QSqlQuery(db_).exec(QStringLiteral("ROLLBACK"));
}

void Transaction::commit() {
    execScript(db_, QStringLiteral("COMMIT"), QStringLiteral("commit"));
    open_ = false;
}

Savepoint::Savepoint(const QSqlDatabase &db, const QString &name)
    : db_(db)
    , name_(name) {
    execScript(db_, QStringLiteral("SAVEPOINT ") + name_, QStringLiteral("savepoint"));
}

void Savepoint::release() {
    execScript(db_, QStringLiteral("RELEASE SAVEPOINT ") + name_, QStringLiteral("savepoint"));
}

void Savepoint::rollback() {
    execScript(db_, QStringLiteral("ROLLBACK TO SAVEPOINT ") + name_, QStringLiteral("savepoint"));
}

} // namespace mvdash
