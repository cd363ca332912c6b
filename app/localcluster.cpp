#include "localcluster.h"

#include <arpa/inet.h>
#include <cerrno>
#include <csignal>
#include <netinet/in.h>
#include <pwd.h>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <sys/socket.h>
#include <unistd.h>

namespace mvdash {

namespace {
bool runningAsRoot() {
    return geteuid() == 0;
}

// Run as root, the cluster's files go to the postgres user (PostgreSQL refuses root): false
// when that failed (errno says why).
bool chownToPostgres(const QString &path) {
    if (!runningAsRoot())
        return true;
    const passwd *pw = getpwnam("postgres");
    return pw && chown(QFile::encodeName(path).constData(), pw->pw_uid, pw->pw_gid) == 0;
}
// A temporary cluster's directory names the process that made it, for stopAbandoned().
constexpr auto kTemporaryPattern = "mvdash-pg-*";
constexpr auto kOwnerFile = "mvdash-owner.pid";

bool processAlive(qint64 pid) {
    // (EPERM: alive, someone else's)
    if (pid <= 0 || (kill(pid_t(pid), 0) != 0 && errno != EPERM))
        return false;
    // a killed program its parent has not waited for yet is a zombie: gone all the same
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return true;
    const QByteArray line = stat.readAll();
    const qsizetype state = line.lastIndexOf(") ") + 2; // after the program's name
    return state < 2 || state >= line.size() || line.at(state) != 'Z';
}

bool portFree(int port) {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return false;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(quint16(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const bool free = bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0;
    close(fd);
    return free;
}

// Three consecutive free loopback ports (coordinator, two workers), spread by process id so
// that suites starting at the same moment do not race for the same ones, and below Linux's
// ephemeral range (32768-60999): there a client connection's own port (Citus's, psql's) could
// take one between the check and the server's start, which then fails to bind (seen once in a
// CI run of the whole suite).
int freePortTriple() {
    for (int attempt = 0; attempt < 500; ++attempt) {
        const int base = 20000 + ((int(getpid()) * 7 + attempt * 3) % 4250) * 3;
        if (portFree(base) && portFree(base + 1) && portFree(base + 2))
            return base;
    }
    return 0;
}
} // namespace

bool LocalCluster::citusInstalled() {
    QProcess config;
    config.start(binDirectory() + QStringLiteral("/pg_config"), {QStringLiteral("--pkglibdir")});
    if (!config.waitForFinished(10000))
        return false;
    return QFile::exists(QString::fromLocal8Bit(config.readAllStandardOutput()).trimmed() +
                         QStringLiteral("/citus.so"));
}

QString LocalCluster::citusScript() {
    const QString fromEnvironment = qEnvironmentVariable("MVDASH_CITUS_SCRIPT");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    return QStringLiteral(MVDASH_CITUS_SCRIPT);
}

bool LocalCluster::runCitusScript(const QStringList &args, QString *error) const {
    QProcess process;
    process.start(QStringLiteral("bash"), QStringList{citusScript()} + args);
    const bool finished = process.waitForFinished(180000);
    if (finished && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0)
        return true;
    if (error) {
        const QString output = QString::fromLocal8Bit(process.readAllStandardError()).trimmed();
        //: "citus-local.sh <init|start|stop> failed: <its last error line>"; keep the script's
        //: name
        *error = tr("citus-local.sh %1 failed: %2")
                     .arg(args.value(0),
                          output.isEmpty() ? process.errorString() : output.section(u'\n', -1));
    }
    return false;
}

QString LocalCluster::serverLogTail() const {
    QString tail;
    for (const char *node : {"coord", "w1", "w2"}) {
        QFile log(directory_ + QStringLiteral("/logs/%1.log").arg(QLatin1String(node)));
        if (!log.open(QIODevice::ReadOnly))
            continue;
        const QStringList lines =
            QString::fromLocal8Bit(log.readAll()).trimmed().split(u'\n', Qt::SkipEmptyParts);
        if (!lines.isEmpty())
            tail += QStringLiteral("; %1: %2").arg(QLatin1String(node), lines.last());
    }
    return tail;
}

bool LocalCluster::createDatabase(const QString &name, QString *error) {
    if (options_.citus)
        return runCitusScript(
            {QStringLiteral("createdb"), directory_, QString::number(citusPort_), name}, error);
    QProcess psql;
    psql.start(binDirectory() + QStringLiteral("/psql"),
               {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-h"), directory_,
                QStringLiteral("-p"), QString::number(tlsPort_ ? tlsPort_ : 5432),
                QStringLiteral("-U"), QStringLiteral("postgres"), QStringLiteral("-d"),
                QStringLiteral("postgres"), QStringLiteral("-c"),
                QStringLiteral("DROP DATABASE IF EXISTS \"%1\" WITH (FORCE)").arg(name),
                QStringLiteral("-c"), QStringLiteral("CREATE DATABASE \"%1\"").arg(name)});
    if (psql.waitForFinished(60000) && psql.exitCode() == 0)
        return true;
    if (error)
        *error = QString::fromLocal8Bit(psql.readAllStandardError()).trimmed();
    return false;
}

LocalCluster::LocalCluster(Options options)
    : options_(std::move(options)) {
    if (options_.directory.isEmpty()) {
        stopAbandoned();
        temporary_ =
            std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/mvdash-pg-XXXXXX"));
        directory_ = temporary_->path();
        QFile owner(directory_ + u'/' + QLatin1String(kOwnerFile));
        if (owner.open(QIODevice::WriteOnly))
            owner.write(QByteArray::number(QCoreApplication::applicationPid()));
    } else {
        directory_ = QDir(options_.directory).absolutePath();
        QDir().mkpath(directory_);
    }
    // (if this fails, initdb or pg_ctl says so at start, with the directory they could not use)
    chownToPostgres(directory_);
}

int LocalCluster::stopAbandoned() {
    const QDir temp(QDir::tempPath());
    int stopped = 0;
    for (const QString &name :
         temp.entryList({QLatin1String(kTemporaryPattern)}, QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QString directory = temp.filePath(name);
        QFile owner(directory + u'/' + QLatin1String(kOwnerFile));
        // no owner named (still being made, or not one of ours): not ours to judge
        if (!owner.open(QIODevice::ReadOnly))
            continue;
        bool isNumber = false;
        const qint64 pid = owner.readAll().trimmed().toLongLong(&isNumber);
        if (!isNumber || processAlive(pid))
            continue;
        Options options;
        options.directory = directory;
        options.citus = QDir(directory + QStringLiteral("/coord")).exists();
        LocalCluster abandoned(options);
        if (abandoned.isRunning())
            ++stopped;
        abandoned.stop(nullptr, true);
        QDir(directory).removeRecursively();
    }
    return stopped;
}

LocalCluster::~LocalCluster() {
    if (temporary_)
        stop(nullptr, true);
}

QString LocalCluster::binDirectory() {
    QDir root(QStringLiteral("/usr/lib/postgresql"));
    QStringList versions = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    std::sort(versions.begin(), versions.end(),
              [](const QString &a, const QString &b) { return a.toInt() > b.toInt(); });
    for (const QString &v : versions) {
        const QString bin = root.filePath(v + QStringLiteral("/bin"));
        if (QFile::exists(bin + QStringLiteral("/initdb")))
            return bin;
    }
    return {};
}

bool LocalCluster::run(const QString &program, const QStringList &args, QString *error,
                       int timeoutMs) const {
    QProcess process;
    process.setWorkingDirectory(directory_);
    const QString bin = binDirectory() + u'/' + program;
    if (runningAsRoot())
        process.start(QStringLiteral("runuser"),
                      QStringList{QStringLiteral("-u"), QStringLiteral("postgres"),
                                  QStringLiteral("--"), bin} +
                          args);
    else
        process.start(bin, args);
    const bool finished = process.waitForFinished(timeoutMs);
    if (finished && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0)
        return true;
    if (error) {
        const QString output = QString::fromLocal8Bit(process.readAllStandardError()).trimmed();
        *error =
            //: "<initdb|pg_ctl|...> failed: <its last error line>"
            tr("%1 failed: %2")
                .arg(program, output.isEmpty() ? process.errorString() : output.section(u'\n', -1));
    }
    if (!finished)
        process.kill();
    return false;
}

bool LocalCluster::start(QString *error) {
    if (binDirectory().isEmpty()) {
        if (error)
            //: keep the path and the package name as they are
            *error = tr("PostgreSQL server binaries not found under /usr/lib/postgresql "
                        "(install postgresql-15)");
        return false;
    }
    if (options_.citus) {
        if (!citusInstalled()) {
            if (error)
                //: "... (run <script> build)": keep the command as it is
                *error =
                    tr("Citus is not installed into PostgreSQL (run %1 build)").arg(citusScript());
            return false;
        }
        QFile portFile(directory_ + QStringLiteral("/port"));
        if (portFile.open(QIODevice::ReadOnly)) { // an existing cluster: start it again
            citusPort_ = portFile.readAll().trimmed().toInt();
            return isRunning() || runCitusScript({QStringLiteral("start"), directory_}, error);
        }
        // a port taken by someone else between the check and the start fails the init: once
        // more on other ports, from a clean directory
        bool initialized = false;
        for (int attempt = 0; attempt < 2 && !initialized; ++attempt) {
            citusPort_ = freePortTriple();
            if (!citusPort_) {
                if (error)
                    *error = tr("no three free loopback ports for a Citus cluster");
                return false;
            }
            if (attempt > 0) {
                runCitusScript({QStringLiteral("stop"), directory_}, nullptr);
                QDir(directory_).removeRecursively();
            }
            initialized = runCitusScript(
                {QStringLiteral("init"), directory_, QString::number(citusPort_)}, error);
            if (!initialized && error)
                *error += serverLogTail();
        }
        if (!initialized)
            return false;
        // Citus runs a maintenance worker per database: the default 8 background workers run
        // out as soon as a suite creates a few databases. And the WAL of logical replication,
        // which Citus moves shards with by default (a rebalance), as a production cluster has it
        for (int node = 0; node < 3; ++node) {
            QProcess psql;
            psql.start(binDirectory() + QStringLiteral("/psql"),
                       {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-h"),
                        QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
                        QString::number(citusPort_ + node), QStringLiteral("-U"),
                        QStringLiteral("postgres"), QStringLiteral("-c"),
                        QStringLiteral("ALTER SYSTEM SET max_worker_processes = 64"),
                        QStringLiteral("-c"),
                        QStringLiteral("ALTER SYSTEM SET wal_level = logical")});
            psql.waitForFinished(30000);
        }
        return runCitusScript({QStringLiteral("stop"), directory_}, error) &&
               runCitusScript({QStringLiteral("start"), directory_}, error);
    }
    if (!QFile::exists(dataDirectory() + QStringLiteral("/PG_VERSION"))) {
        if (!run(QStringLiteral("initdb"),
                 {QStringLiteral("-D"), dataDirectory(), QStringLiteral("-U"),
                  QStringLiteral("postgres"), QStringLiteral("-A"), QStringLiteral("trust"),
                  QStringLiteral("-E"), QStringLiteral("UTF8"), QStringLiteral("--locale=C.UTF-8")},
                 error))
            return false;
        QFile conf(dataDirectory() + QStringLiteral("/postgresql.conf"));
        if (!conf.open(QIODevice::Append)) {
            if (error)
                *error = tr("cannot write %1").arg(conf.fileName());
            return false;
        }
        QByteArray text = "\n# mvdash private cluster\n"
                          "listen_addresses = ''\n"
                          "unix_socket_directories = '" +
                          QFile::encodeName(directory_) +
                          "'\n"
                          "fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n"
                          "shared_buffers = 256MB\nwork_mem = 64MB\nmaintenance_work_mem = 256MB\n"
                          "max_connections = 200\n";
        // pg_stat_statements: what a production server usually has, and what tells the
        // refreshes' own temporary files (doctor's memory.refresh_temp)
        if (options_.withPgCron)
            // pg_cron connects over libpq like a client (so CALL may COMMIT), here by the socket
            text += "shared_preload_libraries = 'pg_cron,pg_stat_statements'\n"
                    "cron.database_name = 'postgres'\ncron.host = '" +
                    QFile::encodeName(directory_) + "'\n";
        else
            text += "shared_preload_libraries = 'pg_stat_statements'\n";
        if (options_.tls) {
            tlsPort_ = freePortTriple();
            if (!tlsPort_ || !makeCertificate(error))
                return false;
            text += "listen_addresses = '127.0.0.1'\nport = " + QByteArray::number(tlsPort_) +
                    "\nssl = on\n";
            QFile hba(dataDirectory() + QStringLiteral("/pg_hba.conf"));
            if (hba.open(QIODevice::WriteOnly | QIODevice::Truncate))
                hba.write("local all all trust\nhostssl all all 127.0.0.1/32 trust\n"
                          "hostnossl all all 127.0.0.1/32 reject\n");
        }
        conf.write(text);
        conf.close();
        if (options_.passwordLogins) {
            QFile hba(dataDirectory() + QStringLiteral("/pg_hba.conf"));
            if (hba.open(QIODevice::WriteOnly | QIODevice::Truncate))
                hba.write("local all postgres trust\nlocal all all scram-sha-256\n");
        }
    }
    if (isRunning())
        return true;
    return run(QStringLiteral("pg_ctl"),
               {QStringLiteral("-D"), dataDirectory(), QStringLiteral("-l"),
                directory_ + QStringLiteral("/server.log"), QStringLiteral("-w"),
                QStringLiteral("-t"), QStringLiteral("60"), QStringLiteral("start")},
               error, 90000);
}

// server.crt / server.key in the data directory, owned by the server's user, key mode 0600
bool LocalCluster::makeCertificate(QString *error) const {
    const QString crt = dataDirectory() + QStringLiteral("/server.crt");
    const QString key = dataDirectory() + QStringLiteral("/server.key");
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-x509"),
                   QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-nodes"),
                   QStringLiteral("-subj"), QStringLiteral("/CN=localhost"),
                   QStringLiteral("-keyout"), key, QStringLiteral("-out"), crt});
    if (!openssl.waitForFinished(60000) || openssl.exitCode() != 0) {
        if (error)
            *error = tr("openssl could not make a test certificate: %1")
                         .arg(QString::fromLocal8Bit(openssl.readAllStandardError()).trimmed());
        return false;
    }
    QFile::setPermissions(key, QFile::ReadOwner | QFile::WriteOwner);
    if (!chownToPostgres(crt) || !chownToPostgres(key)) {
        if (error)
            //: a test certificate for the private cluster: chown failed
            *error = tr("could not give the test certificate to the postgres user: %1")
                         .arg(qt_error_string(errno));
        return false;
    }
    return true;
}

bool LocalCluster::isRunning() const {
    if (options_.citus)
        return QFile::exists(directory_ + QStringLiteral("/coord/postmaster.pid"));
    return run(QStringLiteral("pg_ctl"),
               {QStringLiteral("-D"), dataDirectory(), QStringLiteral("status")}, nullptr);
}

bool LocalCluster::stop(QString *error, bool immediate) {
    if (options_.citus) {
        if (!isRunning())
            return true;
        return runCitusScript({QStringLiteral("stop"), directory_}, error);
    }
    if (!QFile::exists(dataDirectory() + QStringLiteral("/postmaster.pid")))
        return true;
    return run(QStringLiteral("pg_ctl"),
               {QStringLiteral("-D"), dataDirectory(), QStringLiteral("-m"),
                immediate ? QStringLiteral("immediate") : QStringLiteral("fast"),
                QStringLiteral("-w"), QStringLiteral("stop")},
               error);
}

ConnectionSettings LocalCluster::settings(const QString &database, const QString &user) const {
    ConnectionSettings s;
    if (options_.citus) {
        s.set(QStringLiteral("host"), QStringLiteral("127.0.0.1"));
        s.set(QStringLiteral("port"), QString::number(citusPort_));
    } else if (options_.tls) {
        s.set(QStringLiteral("host"), QStringLiteral("127.0.0.1"));
        s.set(QStringLiteral("port"), QString::number(tlsPort_));
    } else {
        s.set(QStringLiteral("host"), directory_);
    }
    s.set(QStringLiteral("dbname"), database);
    s.set(QStringLiteral("user"), user);
    return s;
}

QString LocalCluster::dsn(const QString &database, const QString &user) const {
    return settings(database, user).connectOptions();
}

} // namespace mvdash
