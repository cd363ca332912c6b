#pragma once

#include "connectionsettings.h"

#include <memory>
#include <QCoreApplication>
#include <QString>
#include <QTemporaryDir>

namespace mvdash {

// A private PostgreSQL cluster on this machine: initdb + pg_ctl (as the postgres user when
// running as root, since PostgreSQL refuses root), listening only on a unix socket in its
// own directory, so that any number of them run side by side. Used by every database test
// (a fresh one per suite) and by the demo (a persistent one, reused between runs).
class LocalCluster {
    Q_DECLARE_TR_FUNCTIONS(mvdash::LocalCluster)

public:
    struct Options {
        QString directory;           // empty: a temporary directory removed afterwards
        bool withPgCron = false;     // preload pg_cron (cron.database_name = postgres)
        bool passwordLogins = false; // scram-sha-256 for every role but postgres
        // A Citus 13 cluster instead: a coordinator and two workers on loopback TCP ports,
        // made by citusScript() (../shared/citus/citus-local.sh); Citus must be installed.
        bool citus = false;
        // TLS on loopback TCP with a fresh self-signed certificate; TCP clients must use TLS
        // (hostssl, a hostnossl reject); the unix socket stays for administration.
        bool tls = false;
    };

    explicit LocalCluster(Options options);
    LocalCluster()
        : LocalCluster(Options{}) {}
    ~LocalCluster();
    LocalCluster(const LocalCluster &) = delete;
    LocalCluster &operator=(const LocalCluster &) = delete;

    // Creates the cluster when its directory holds none, then starts it (a running one is
    // reused). False with a one-line reason on failure.
    bool start(QString *error);
    bool stop(QString *error = nullptr, bool immediate = false);
    bool isRunning() const;

    QString socketDirectory() const { return directory_; }
    QString dataDirectory() const { return directory_ + QStringLiteral("/data"); }
    // Connection to `database` as `user` over the socket.
    ConnectionSettings settings(const QString &database = QStringLiteral("postgres"),
                                const QString &user = QStringLiteral("postgres")) const;
    QString dsn(const QString &database = QStringLiteral("postgres"),
                const QString &user = QStringLiteral("postgres")) const;

    // Creates a database (on every node for Citus, with the extension and the workers).
    bool createDatabase(const QString &name, QString *error);
    bool isCitus() const { return options_.citus; }

    // The directory of initdb, pg_ctl and psql of the newest installed PostgreSQL.
    static QString binDirectory();
    // Whether Citus is installed into that PostgreSQL, and the script that runs clusters.
    static bool citusInstalled();
    static QString citusScript();

    // A temporary cluster outlives its program when that is killed (a test's timeout, a
    // crash): its servers go on running. Stops the temporary clusters whose program is gone
    // and removes their directories; every new temporary cluster calls it first. Returns how
    // many it stopped.
    static int stopAbandoned();

private:
    bool makeCertificate(QString *error) const;
    bool run(const QString &program, const QStringList &args, QString *error,
             int timeoutMs = 60000) const;
    bool runCitusScript(const QStringList &args, QString *error) const;
    // "; <node>: <last line of its server log>" for the Citus nodes that logged (empty when
    // none): why a start failed, which pg_ctl leaves in the log
    QString serverLogTail() const;
    Options options_;
    std::unique_ptr<QTemporaryDir> temporary_;
    QString directory_;
    int citusPort_ = 0;
    int tlsPort_ = 0;
};

} // namespace mvdash
