// mvdash-admin as ops use it: the happy path, and every bad input with its message and code.

#include "databaseworker.h"
#include "livereadmodels.h"
#include "statementpool.h"
#include "testcluster.h"

#include <csignal>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace mvdash;
using namespace mvdash::test;

namespace {
struct Run {
    int code = -1;
    QString out;
    QString err;
};

Run runProgram(const QString &program, const QStringList &args, const QMap<QString, QString> &env,
               const QStringList &unset = {}) {
    QProcess p;
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    for (const char *k : {"PGHOST", "PGPORT", "PGDATABASE", "PGUSER", "PGPASSWORD", "PGSERVICE",
                          "LANGUAGE", "LC_MESSAGES", "LANG"})
        e.remove(QString::fromLatin1(k));
    for (const QString &k : unset)
        e.remove(k);
    e.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8")); // English unless --lang
    for (auto it = env.cbegin(); it != env.cend(); ++it) {
        if (!it.value().isEmpty())
            e.insert(it.key(), it.value());
    }
    p.setProcessEnvironment(e);
    p.start(program, args);
    p.waitForFinished(300000);
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

Run admin(const QStringList &args, const QMap<QString, QString> &env = {}) {
    return runProgram(QStringLiteral(MVDASH_ADMIN_BINARY), args, env);
}
} // namespace

#define EXPECT_RUN(run, code_, text)                                                               \
    do {                                                                                           \
        const Run r_ = (run);                                                                      \
        QVERIFY2(r_.code == (code_) && (r_.out + r_.err).contains(text),                           \
                 qPrintable(QStringLiteral("exit %1\n%2%3").arg(r_.code).arg(r_.out, r_.err)));    \
    } while (0)

class TestAdminCli : public QObject {
    Q_OBJECT
    TestCluster cluster_;
    TestCluster passwordCluster_{LocalCluster::Options{QString(), false, true}};
    QString dsn_;

    // A seeded database on the password cluster that alice (who logs in with a password) may
    // read and refresh.
    void seedForAlice(const QString &database, ReadModelMode mode = ReadModelMode::Matview) {
        Connection c(passwordCluster_.createSeededDatabase(database, 2000), QStringLiteral("t"));
        exec(c.db(), "GRANT mvdash_operator TO alice");
        if (mode == ReadModelMode::Live)
            convertReadModels(c.db(), mode, [](const QString &) {});
    }

private slots:
    void initTestCase() {
        QString error;
        QVERIFY2(cluster_.start(&error), qPrintable(error));
        MVDASH_TRY(cluster_.createDatabase(QStringLiteral("cli"), false));
        dsn_ = cluster_.cluster().dsn(QStringLiteral("cli"));
    }

    void usageErrorsExitWithTwo() {
        EXPECT_RUN(admin({}), 2, "no command given");
        EXPECT_RUN(admin({"frobnicate"}), 2, "unknown command: frobnicate");
        EXPECT_RUN(admin({"--no-such-flag", "status"}), 2, "Unknown option");
        EXPECT_RUN(admin({"--dsn", "host=/tmp port", "status"}), 2, "malformed DSN");
        EXPECT_RUN(admin({"--dsn", "postgresql://[oops", "status"}), 2, "malformed DSN");
        EXPECT_RUN(admin({"--dsn", "host=/tmp password=hunter2", "status"}), 2,
                   "never on the command line");
        EXPECT_RUN(admin({"--dsn", dsn_, "seed", "--events", "many"}), 2, "--events");
        EXPECT_RUN(admin({"--dsn", dsn_, "refresh", "--lock-timeout", "soon"}), 2,
                   "--lock-timeout");
        // made-up events never go to a DSN's database (--traffic used to ignore --dsn and
        // seed a new demo cluster)
        EXPECT_RUN(admin({"--dsn", dsn_, "demo", "--traffic", "5/s"}), 2, "takes no --dsn");
        EXPECT_RUN(admin({"--dsn", dsn_, "tenant-view", "create", "bets_view", "x1"}), 2,
                   "TENANT_ID");
        EXPECT_RUN(admin({"--dsn", dsn_, "status", "extra"}), 2, "unexpected argument");
        // the password never shows in what is printed
        QVERIFY(!admin({"--dsn", "host=/tmp password=hunter2", "status"}).err.contains("hunter2"));
    }

    // Every numeric option takes whole numbers in its range, and nothing else: a number too
    // large for its type is refused, never cut down (--jobs 4294967297 used to run as 1).
    // The DSN names a database that does not exist, so that nothing could run even if a
    // value slipped through: the usage error (2) must come before connecting (1).
    void numericOptionsOutOfRangeAreUsageErrors_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        const QString jobs = QStringLiteral("--jobs must be a whole number from 1 to 64");
        for (const char *value :
             {"4294967297", "0", "-1", "65", "1.5", "two", "", "2x", "99999999999999999999"})
            QTest::addRow("refresh --jobs '%s'", value)
                << QStringList{"refresh", "--jobs", value} << jobs;
        const QString events =
            QStringLiteral("--events must be a whole number from 1 to 1000000000");
        for (const char *value : {"0", "-5", "1000000001", "4294967297000", "1e6", "many"})
            QTest::addRow("seed --events '%s'", value)
                << QStringList{"seed", "--events", value} << events;
        QTest::newRow("demo --events huge")
            << QStringList{"demo", "--events", "99999999999999999999"} << events;
        QTest::newRow("demo --events -1") << QStringList{"demo", "--events", "-1"} << events;
        // a rate may be written N or N/s, nothing else
        const QString traffic = QStringLiteral("--traffic must be a whole number from 0 to 100000");
        for (const char *value : {"100001/s", "-1/s", "20/m", "20/s/s", "/s", "fast"})
            QTest::addRow("demo --traffic '%s'", value)
                << QStringList{"demo", "--traffic", value} << traffic;
        const QString seed =
            QStringLiteral("--seed must be a whole number from 0 to 18446744073709551615");
        for (const char *value : {"-1", "18446744073709551616", "0x10", "s"})
            QTest::addRow("seed --seed '%s'", value)
                << QStringList{"seed", "--seed", value} << seed;
        const QString diffs =
            QStringLiteral("--max-diffs must be a whole number from 0 to 1000000");
        for (const char *value : {"4294967297", "-1", "1000001", "lots"})
            QTest::addRow("verify --max-diffs '%s'", value)
                << QStringList{"verify", "--max-diffs", value} << diffs;
        const QString lockTimeout = QStringLiteral("--lock-timeout must be from 0 to 2147483647ms, "
                                                   "with its unit: ms, s, min or h");
        // (a bare number but 0 has no unit: "5" may have meant seconds)
        for (const char *value : {"2147483648ms", "2147484s", "35792min", "99999999999999999999ms",
                                  "-1s", "soon", "1.5s", "", "5"})
            QTest::addRow("refresh --lock-timeout '%s'", value)
                << QStringList{"refresh", "--lock-timeout", value} << lockTimeout;
        const QString lag = QStringLiteral("--lag must be from 1s to 24h");
        for (const char *value : {"0s", "999ms", "25h", "1d"})
            QTest::addRow("doctor --lag '%s'", value)
                << QStringList{"doctor", "--lag", value} << lag;
    }

    // A duration in hours is one (the help offers "1h"): past the options, the run goes on to
    // connect, which fails (refresh 1, doctor 3: its exit codes), not a usage error (2).
    void aDurationInHoursIsAccepted() {
        const QString missing = cluster_.cluster().dsn(QStringLiteral("no_such_db"));
        for (const QStringList &args : {QStringList{"refresh", "--lock-timeout", "1h"},
                                        QStringList{"doctor", "--lag", "1h", "--json"}}) {
            const Run r = admin(QStringList{"--dsn", missing} + args);
            QVERIFY2(r.code == (args.first() == u"doctor" ? 3 : 1) &&
                         !r.err.contains(QStringLiteral("must be from")),
                     qPrintable(QStringLiteral("%1: exit %2\n%3%4")
                                    .arg(args.join(u' '))
                                    .arg(r.code)
                                    .arg(r.out, r.err)));
        }
    }
    void numericOptionsOutOfRangeAreUsageErrors() {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const QString missing = cluster_.cluster().dsn(QStringLiteral("no_such_db"));
        const Run r = admin(QStringList{"--dsn", missing} + args);
        QVERIFY2(r.code == 2 && r.err.contains(message) && r.err.count(u'\n') == 1,
                 qPrintable(QStringLiteral("exit %1\n%2%3").arg(r.code).arg(r.out, r.err)));
    }

    // ... and the whole range is taken: the edges reach the connection (which then fails).
    void numericOptionsTakeTheirWholeRange() {
        const QString missing = cluster_.cluster().dsn(QStringLiteral("no_such_db"));
        const QList<QStringList> accepted{
            {"refresh", "--jobs", "1"},
            {"refresh", "--jobs", "64"},
            {"refresh", "--lock-timeout", "0"},
            {"refresh", "--lock-timeout", "2147483647ms"},
            {"refresh", "--lock-timeout", "2147483s"},
            {"refresh", "--lock-timeout", "35791min"},
            {"seed", "--events", "1", "--seed", "18446744073709551615"},
            {"seed", "--events", "1000000000", "--seed", "0"},
            {"verify", "--max-diffs", "0"},
            {"verify", "--max-diffs", "1000000"}};
        for (const QStringList &args : accepted)
            EXPECT_RUN(admin(QStringList{"--dsn", missing} + args), 1,
                       "database \"no_such_db\" does not exist");
    }

    void connectionProblemsAreOneClearLine() {
        EXPECT_RUN(admin({"--dsn", "host=/nonexistent/socket/dir dbname=x", "status"}), 1,
                   "cannot connect");
        EXPECT_RUN(admin({"--dsn", cluster_.cluster().dsn(QStringLiteral("no_such_db")), "status"}),
                   1, "database \"no_such_db\" does not exist");
        EXPECT_RUN(admin({"--dsn", dsn_, "status"}), 1, "not migrated");
    }

    void wrongPasswordIsRefusedClearly() {
        QString error;
        QVERIFY2(passwordCluster_.start(&error), qPrintable(error));
        MVDASH_TRY({
            Connection c(passwordCluster_.cluster().settings(), QStringLiteral("t"));
            exec(c.db(), "CREATE ROLE alice LOGIN PASSWORD 'right-one'");
        });
        const QString dsn =
            passwordCluster_.cluster().dsn(QStringLiteral("postgres"), QStringLiteral("alice"));
        // 4: a service manager does not restart it (systemd unit, RestartPreventExitStatus)
        const Run wrong = admin({"--dsn", dsn, "status"}, {{"PGPASSWORD", "wrong-one"}});
        EXPECT_RUN(wrong, 4, "password authentication failed for user \"alice\"");
        QVERIFY(!(wrong.out + wrong.err).contains("wrong-one"));
        QCOMPARE(wrong.err.count(u'\n'), 1); // one line
        // the right password through the environment (as libpq reads it) gets in
        EXPECT_RUN(admin({"--dsn", dsn, "status"}, {{"PGPASSWORD", "right-one"}}), 1,
                   "not migrated");
    }

    // The dashboard itself, logged in with a password (as libpq reads it) and refused with a
    // wrong one: neither password is in any file it wrote (settings, log), nor in its output.
    void passwordsNeverReachTheSettingsOrTheLog() {
        MVDASH_TRY(seedForAlice(QStringLiteral("pw")));
        const QString dsn =
            passwordCluster_.cluster().dsn(QStringLiteral("pw"), QStringLiteral("alice"));
        QTemporaryDir home;
        QMap<QString, QString> env{{"XDG_CONFIG_HOME", home.path() + "/config"},
                                   {"XDG_DATA_HOME", home.path() + "/data"},
                                   {"XDG_STATE_HOME", home.path() + "/state"},
                                   {"XDG_CACHE_HOME", home.path() + "/cache"},
                                   {"QT_QPA_PLATFORM", "offscreen"}};
        env.insert("PGPASSWORD", "right-one");
        const Run right = runProgram(QStringLiteral(MVDASH_APP_BINARY),
                                     {"--dsn", dsn, "--screenshot", home.path() + "/shots"}, env);
        QVERIFY2(right.code == 0, qPrintable(right.err));
        env.insert("PGPASSWORD", "wrong-one");
        const Run wrong = runProgram(QStringLiteral(MVDASH_APP_BINARY),
                                     {"--dsn", dsn, "--screenshot", home.path() + "/shots2"}, env);
        // refused: no pictures of empty panels, and the reason on the console
        QCOMPARE(wrong.code, 1);
        QVERIFY2(wrong.err.contains("no screenshots: not connected") &&
                     wrong.err.contains("password authentication failed"),
                 qPrintable(wrong.err));
        QVERIFY(!QDir(home.path() + "/shots2").exists() || QDir(home.path() + "/shots2").isEmpty());
        QStringList written;
        QDirIterator files(home.path(), QDir::Files, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            QFile file(files.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray bytes = file.readAll();
            QVERIFY2(!bytes.contains("right-one") && !bytes.contains("wrong-one"),
                     qPrintable(file.fileName()));
            written << file.fileName();
        }
        // it did write a log and settings (so the check above looked at something)
        QVERIFY2(written.join(u' ').contains(".log"), qPrintable(written.join(u' ')));
        QVERIFY2(written.join(u' ').contains(".conf"), qPrintable(written.join(u' ')));
        for (const Run &r : {right, wrong})
            QVERIFY(!(r.out + r.err).contains("right-one") &&
                    !(r.out + r.err).contains("wrong-one"));
    }

    // A password typed in the dashboard's File > Connect… (no ~/.pgpass, no PGPASSWORD) opens
    // the session and the helper sessions a refresh or rebuild opens like it, and is in no
    // text that is logged or passed on; a wrong one is refused as a login.
    void aTypedPasswordConnectsAndStaysInMemory() {
        MVDASH_TRY(seedForAlice(QStringLiteral("typed")));
        const QByteArray pgpassword = qgetenv("PGPASSWORD");
        qunsetenv("PGPASSWORD");
        const auto restore = qScopeGuard([&] {
            if (!pgpassword.isEmpty())
                qputenv("PGPASSWORD", pgpassword);
        });
        QString error;
        std::optional<ConnectionSettings> settings = ConnectionSettings::fromDsn(
            passwordCluster_.cluster().dsn(QStringLiteral("typed"), QStringLiteral("alice")),
            &error);
        QVERIFY2(settings, qPrintable(error));
        settings->setPassword(QStringLiteral("right-one"));
        QVERIFY(!settings->connectOptions().contains("right-one"));
        MVDASH_TRY({
            Connection c(*settings, QStringLiteral("t"));
            QCOMPARE(scalar(c.db(), "SELECT current_user").toString(), QStringLiteral("alice"));
            StatementPool pool(c.db(), 2);
            int done = 0;
            pool.run({{QStringLiteral("first"), QStringLiteral("session_info"), {}, {}, {}},
                      {QStringLiteral("second"), QStringLiteral("session_info"), {}, {}, {}}},
                     [&done](const PooledStatement &, qint64) { ++done; });
            QCOMPARE(done, 2);
        });
        settings->setPassword(QStringLiteral("wrong-one"));
        try {
            Connection c(*settings, QStringLiteral("t"));
            QFAIL("a wrong password was let in");
        } catch (const DbError &e) {
            QCOMPARE(e.sqlState(), QStringLiteral("28P01"));
            QVERIFY2(!e.message().contains("wrong-one"), qPrintable(e.message()));
        }
        // the dashboard's worker sends a rejected password once, never again (each failure
        // counts toward an account's lockout); none supplied is retried once a minute
        const auto refusals = [](const ConnectionSettings &s, int jobs) {
            DatabaseWorker worker(s, QStringLiteral("typed"));
            QSignalSpy connection(&worker, &DatabaseWorker::connectionChanged);
            QObject context;
            int failed = 0;
            for (int i = 0; i < jobs; ++i)
                worker.submit(
                    &context, [](const QSqlDatabase &) { return QVariant(1); },
                    [](const QVariant &) {}, [&failed](const JobFailure &) { ++failed; });
            if (!QTest::qWaitFor([&failed, jobs] { return failed == jobs; }, kPatienceMs))
                return QList<int>{-2}; // a hang: not every job came back
            QList<int> retries;
            for (const QList<QVariant> &signal : connection)
                retries << signal.at(2).toInt();
            return retries;
        };
        QCOMPARE(refusals(*settings, 3), QList<int>{-1});
        settings->setPassword(QString());
        QCOMPARE(refusals(*settings, 3), QList<int>{60});
    }

    // A running follower whose password the server starts rejecting (rotated, or the account
    // locked) sends it once and stops with 4, and the follower Deployment's loop sends it once
    // and waits: a directory service locks an account after a few failures.
    void aRejectedPasswordIsNotSentAgainByAFollower() {
        MVDASH_TRY(seedForAlice(QStringLiteral("follow"), ReadModelMode::Live));
        const QString dsn =
            passwordCluster_.cluster().dsn(QStringLiteral("follow"), QStringLiteral("alice"));
        const auto superuser = [this](const QString &sql) {
            Connection c(passwordCluster_.cluster().settings(), QStringLiteral("t"));
            exec(c.db(), sql);
        };
        const auto restore = qScopeGuard([&] {
            MVDASH_TRY(superuser(QStringLiteral("ALTER ROLE alice PASSWORD 'right-one'")));
        });
        QProcess follower;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PGPASSWORD"), QStringLiteral("right-one"));
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        follower.setProcessEnvironment(env);
        follower.setProcessChannelMode(QProcess::MergedChannels);
        follower.start(QStringLiteral(MVDASH_ADMIN_BINARY),
                       {QStringLiteral("--dsn"), dsn, QStringLiteral("follow"),
                        QStringLiteral("--interval"), QStringLiteral("100ms")});
        QString output;
        QTRY_VERIFY_WITH_TIMEOUT((output += QString::fromUtf8(follower.readAll()))
                                     .contains(QStringLiteral("connected to")),
                                 kPatienceMs);
        MVDASH_TRY({
            superuser(QStringLiteral("ALTER ROLE alice PASSWORD 'rotated'"));
            superuser(QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                     "WHERE usename = 'alice'"));
        });
        // it ends by itself: no SIGTERM is sent
        QVERIFY2(follower.waitForFinished(kPatienceMs), qPrintable(output));
        output += QString::fromUtf8(follower.readAll());
        QVERIFY2(follower.exitCode() == 4, qPrintable(output));
        QVERIFY2(output.count(QStringLiteral("password authentication failed")) == 1 &&
                     output.contains(QStringLiteral("the password is not sent again")),
                 qPrintable(output));

        QProcess loop;
        env.insert(QStringLiteral("MVDASH_DSN"), dsn);
        env.insert(QStringLiteral("PATH"),
                   LocalCluster::binDirectory() + u':' + env.value(QStringLiteral("PATH")));
        loop.setProcessEnvironment(env);
        loop.setProcessChannelMode(QProcess::MergedChannels);
        loop.start(QStringLiteral("sh"), {QStringLiteral("-c"), followerDeploymentScript()});
        // the loop stays (a Deployment would restart a container that exits, and send the
        // password again every few minutes): it says so once and waits for SIGTERM
        QString loopOutput;
        QTRY_VERIFY2_WITH_TIMEOUT((loopOutput += QString::fromUtf8(loop.readAll()))
                                      .contains(QStringLiteral("not sent again")),
                                  qPrintable(loopOutput), kPatienceMs);
        QTest::qWait(2500); // past the loop's 2 s pause: a second attempt would show by now
        loopOutput += QString::fromUtf8(loop.readAll());
        QVERIFY2(loop.state() == QProcess::Running &&
                     loopOutput.count(QStringLiteral("password authentication failed")) == 1,
                 qPrintable(loopOutput));
        loop.terminate();
        QVERIFY(loop.waitForFinished(kPatienceMs));
        QCOMPARE(loop.exitCode(), 0);
    }

    void migrateSeedRefreshStatusSizesVerify() {
        EXPECT_RUN(admin({"--dsn", dsn_, "migrate"}), 0, "applied 005_roles.sql");
        EXPECT_RUN(admin({"--dsn", dsn_, "migrate"}), 0, "up to date");
        // PG* variables work as with psql
        EXPECT_RUN(admin({"seed", "--events", "20000", "--seed", "3"},
                         {{"PGHOST", cluster_.cluster().settings().value("host")},
                          {"PGPORT", cluster_.cluster().settings().value("port")},
                          {"PGDATABASE", "cli"},
                          {"PGUSER", "postgres"}}),
                   0, "seeded");
        const Run refresh = admin({"--dsn", dsn_, "refresh"});
        QCOMPARE(refresh.code, 0);
        // the five views of the spec, the dashboard's tenant_bet_status_view and
        // user_activity_view's part user_activity_except_bets (migration 020), each before what
        // reads it
        QCOMPARE(refresh.out.count(QStringLiteral(" ok in ")), 7);
        QVERIFY(refresh.out.indexOf("bets_view") < refresh.out.indexOf("user_activity_view"));
        QVERIFY(refresh.out.indexOf("user_activity_except_bets") <
                refresh.out.indexOf("user_activity_view"));

        const Run status = admin({"--dsn", dsn_, "status", "--json"});
        QCOMPARE(status.code, 0);
        const QJsonArray views = QJsonDocument::fromJson(status.out.toUtf8()).array();
        QCOMPARE(views.size(), 7);
        for (const QJsonValue &v : views) {
            QVERIFY(v[QStringLiteral("populated")].toBool());
            QCOMPARE(v[QStringLiteral("refresh_count")].toInt(), 1);
            // durations are numbers, as the freshness's last_step_ms
            QVERIFY(v[QStringLiteral("last_duration_ms")].isDouble() &&
                    v[QStringLiteral("avg_refresh_ms")].isDouble());
            QVERIFY(v[QStringLiteral("row_estimate")].toDouble() > 0);
            // nothing written since the refresh: no arrival taken after it
            QVERIFY2(v[QStringLiteral("arrivals_since_refresh")].isDouble() &&
                         v[QStringLiteral("arrivals_since_refresh")].toDouble() == 0,
                     qPrintable(status.out));
        }
        EXPECT_RUN(admin({"--dsn", dsn_, "status"}), 0, "tenants_summary_view");

        const Run sizes = admin({"--dsn", dsn_, "sizes", "--json"});
        QCOMPARE(sizes.code, 0);
        const QJsonObject sizeDoc = QJsonDocument::fromJson(sizes.out.toUtf8()).object();
        QCOMPARE(sizeDoc[QStringLiteral("views")].toArray().size(), 7);
        QVERIFY(sizeDoc[QStringLiteral("ratio")].toString().toDouble() > 0);
        EXPECT_RUN(admin({"--dsn", dsn_, "sizes"}), 0, "the guide expects 10-30%");

        EXPECT_RUN(admin({"--dsn", dsn_, "verify"}), 0, "user_activity_view");
        EXPECT_RUN(admin({"--dsn", dsn_, "tenant-view", "create", "payments_view", "10002"}), 0,
                   "created payments_view_tenant_10002");
        // again: kept, and not said to be created
        const Run again = admin({"--dsn", dsn_, "tenant-view", "create", "payments_view", "10002"});
        QVERIFY2(again.code == 0 &&
                     again.out.contains(u"payments_view_tenant_10002 exists already"_qs) &&
                     !again.out.contains(u"created"_qs),
                 qPrintable(again.out));
        EXPECT_RUN(admin({"--dsn", dsn_, "refresh", "payments_view_tenant_10002"}), 0, "ok in");
        // a copy is in the refresh plan and among the copies: named once
        const Run listed = admin({"--dsn", dsn_, "list-views"});
        QVERIFY2(listed.code == 0 && listed.out.count(u"payments_view_tenant_10002\n"_qs) == 1,
                 qPrintable(listed.out));
        EXPECT_RUN(admin({"--dsn", dsn_, "tenant-view", "drop", "payments_view", "10002"}), 0,
                   "dropped");
        EXPECT_RUN(admin({"--dsn", dsn_, "tenant-view", "drop", "payments_view", "10002"}), 1,
                   "no per-tenant view");

        // tenant administrators: granted, listed, refused clearly, revoked
        MVDASH_TRY({
            Connection c(cluster_.cluster().settings(QStringLiteral("cli")), QStringLiteral("t"));
            exec(c.db(), "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = "
                         "'cli_tenant') THEN CREATE ROLE cli_tenant LOGIN; END IF; END $$");
        });
        EXPECT_RUN(admin({"--dsn", dsn_, "grant-tenant", "cli_tenant", "10002"}), 0,
                   "cli_tenant may read tenant 10002");
        EXPECT_RUN(admin({"--dsn", dsn_, "tenant-grants"}), 0, "cli_tenant");
        // a grant to a group role reaches its members: the listing names them
        MVDASH_TRY({
            Connection c(cluster_.cluster().settings(QStringLiteral("cli")), QStringLiteral("t"));
            exec(c.db(), "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = "
                         "'cli_team') THEN CREATE ROLE cli_team; CREATE ROLE cli_team_member "
                         "LOGIN IN ROLE cli_team; END IF; END $$");
        });
        EXPECT_RUN(admin({"--dsn", dsn_, "grant-tenant", "cli_team", "10003"}), 0,
                   "cli_team may read tenant 10003");
        {
            const Run listed = admin({"--dsn", dsn_, "tenant-grants"});
            const QString teamLine =
                listed.out.split(u'\n').filter(QStringLiteral("cli_team ")).value(0);
            QVERIFY2(listed.code == 0 && teamLine.contains(QStringLiteral("10003")) &&
                         teamLine.trimmed().endsWith(QStringLiteral("cli_team_member")),
                     qPrintable(listed.out));
        }
        EXPECT_RUN(admin({"--dsn", dsn_, "revoke-tenant", "cli_team", "10003"}), 0, "");
        // the doctor run by the tenant administrator's role: refused by the server, and said
        // to be a matter of the role's privileges, not of the DSN or the server
        const Run asTenant = admin(
            {"--dsn", cluster_.cluster().dsn(QStringLiteral("cli"), QStringLiteral("cli_tenant")),
             "doctor"});
        QVERIFY2(asTenant.code == 3 && asTenant.out.contains(QStringLiteral("role.privileges")) &&
                     asTenant.out.contains(QStringLiteral("mvdash_operator")) &&
                     !asTenant.out.contains(QStringLiteral("pg_hba.conf")),
                 qPrintable(asTenant.out + asTenant.err));
        // a reader's refresh is refused before any view is said to have started
        MVDASH_TRY({
            Connection c(cluster_.cluster().settings(QStringLiteral("cli")), QStringLiteral("t"));
            exec(c.db(), "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = "
                         "'cli_reader') THEN CREATE ROLE cli_reader LOGIN IN ROLE mvdash_reader; "
                         "END IF; END $$");
        });
        const Run refreshAsReader = admin(
            {"--dsn", cluster_.cluster().dsn(QStringLiteral("cli"), QStringLiteral("cli_reader")),
             "refresh"});
        QVERIFY2(refreshAsReader.code == 1 && refreshAsReader.out.isEmpty() &&
                     refreshAsReader.err.contains(
                         QStringLiteral("role cli_reader may not refresh the read models")) &&
                     refreshAsReader.err.contains(QStringLiteral("mvdash_operator")),
                 qPrintable(refreshAsReader.out + refreshAsReader.err));
        EXPECT_RUN(admin({"--dsn", dsn_, "grant-tenant", "no_such_role", "10002"}), 1,
                   "role \"no_such_role\" does not exist");
        // the function's refusal, with its hint and its SQLSTATE, without the PL/pgSQL call
        // stack
        const Run unknownRole = admin({"--dsn", dsn_, "grant-tenant", "no_such_role", "10002"});
        QVERIFY2(unknownRole.code == 1 &&
                     unknownRole.err.contains(QStringLiteral("Create the login role first")) &&
                     unknownRole.err.contains(QStringLiteral("(42704)")) &&
                     !unknownRole.err.contains(QStringLiteral("CONTEXT")) &&
                     !unknownRole.err.contains(QStringLiteral("PL/pgSQL")),
                 qPrintable(unknownRole.err));
        EXPECT_RUN(admin({"--dsn", dsn_, "grant-tenant", "cli_tenant", "999999"}), 1,
                   "tenant 999999 does not exist");
        EXPECT_RUN(admin({"--dsn", dsn_, "grant-tenant", "cli_tenant"}), 2, "usage: grant-tenant");
        EXPECT_RUN(admin({"--dsn", dsn_, "revoke-tenant", "cli_tenant", "10002"}), 0,
                   "may no longer read tenant 10002");
        EXPECT_RUN(admin({"--dsn", dsn_, "revoke-tenant", "cli_tenant", "10002"}), 1,
                   "has no grant for tenant 10002");
    }

    // A read model that is gone and cannot be made again (live mode, its state table gone
    // too) fails migrate: a deploy must not carry on as if the database were whole.
    void migrateFailsWhenAReadModelCannotBeMadeAgain() {
        MVDASH_TRY(cluster_.createDatabase(QStringLiteral("cli_gone"), false));
        const QString dsn = cluster_.cluster().dsn(QStringLiteral("cli_gone"));
        EXPECT_RUN(admin({"--dsn", dsn, "migrate", "--read-models", "live"}), 0, "live");
        MVDASH_TRY({
            Connection c(cluster_.cluster().settings(QStringLiteral("cli_gone")),
                         QStringLiteral("t"));
            exec(c.db(), "DROP VIEW mvdash.bets_view CASCADE");
            exec(c.db(), "DROP TABLE mvdash.live_bets CASCADE");
        });
        EXPECT_RUN(admin({"--dsn", dsn, "migrate"}), 1, "cannot be made again");
        // and no convert is tried on such a database
        const Run convert = admin({"--dsn", dsn, "migrate", "--read-models", "matview"});
        QCOMPARE(convert.code, 1);
        QVERIFY2(!convert.out.contains("matview mode"), qPrintable(convert.out));
    }

    // --lang ru: the help, the tables and the messages are Russian; what stays Latin is what
    // people type or read as names (commands, options, view names, values in CAPITALS).
    void theCliSpeaksRussianWithLangRu() {
        static const QRegularExpression cyrillic(QStringLiteral("\\p{Cyrillic}"));
        static const QRegularExpression word(QStringLiteral("\\p{L}[\\p{L}\\-]*"));
        static const QRegularExpression identifier(QStringLiteral("[\\d_@/:=.+<>|\\[\\]]"));
        const QStringList names = {u"mvdash"_qs,
                                   u"mvdash-admin"_qs,
                                   u"migrate"_qs,
                                   u"seed"_qs,
                                   u"refresh"_qs,
                                   u"status"_qs,
                                   u"sizes"_qs,
                                   u"tenant-view"_qs,
                                   u"create"_qs,
                                   u"drop"_qs,
                                   u"grant-tenant"_qs,
                                   u"revoke-tenant"_qs,
                                   u"tenant-grants"_qs,
                                   u"verify"_qs,
                                   u"demo"_qs,
                                   u"convert"_qs,
                                   u"follow"_qs,
                                   u"rebuild"_qs,
                                   u"explain-step"_qs,
                                   u"doctor"_qs,
                                   u"list-views"_qs,
                                   u"live"_qs,
                                   u"matview"_qs,
                                   u"PostgreSQL"_qs,
                                   u"Citus"_qs,
                                   u"libpq"_qs,
                                   u"pgpass"_qs,
                                   u"SIGTERM"_qs,
                                   u"JSON"_qs,
                                   u"DSN"_qs,
                                   u"URI"_qs,
                                   u"PG"_qs,
                                   u"ms"_qs,
                                   u"min"_qs,
                                   u"postgresql"_qs,
                                   u"concurrently"_qs,
                                   u"plain"_qs,
                                   u"ok"_qs,
                                   u"OK"_qs,
                                   u"en"_qs,
                                   u"ru"_qs};
        const auto englishLines = [&](const QString &text) {
            QStringList found;
            for (const QString &line : text.split(u'\n')) {
                for (const QString &token : line.split(u' ', Qt::SkipEmptyParts)) {
                    if (token.startsWith(u'-') || token.contains(identifier) ||
                        token.contains(cyrillic))
                        continue;
                    for (const auto &m : word.globalMatch(token)) {
                        const QString w = m.captured(0);
                        if (w.size() > 1 && w != w.toUpper() && !names.contains(w))
                            found << line;
                    }
                }
            }
            found.removeDuplicates();
            return found;
        };
        const Run help = admin({"--lang", "ru", "--help"});
        QCOMPARE(help.code, 0);
        QVERIFY2(englishLines(help.out).isEmpty(), qPrintable(englishLines(help.out).join(u'\n')));
        for (const QStringList &args :
             {QStringList{"--dsn", dsn_, "--lang", "ru", "status"},
              QStringList{"--dsn", dsn_, "--lang", "ru", "sizes"},
              QStringList{"--dsn", dsn_, "--lang", "ru", "refresh", "payments_view"}}) {
            const Run r = admin(args);
            QVERIFY2(r.code == 0, qPrintable(r.err));
            QVERIFY2(
                englishLines(r.out + r.err).isEmpty(),
                qPrintable(args.join(u' ') + u":\n"_qs + englishLines(r.out + r.err).join(u'\n')));
        }
        // the machine-readable output stays as it is in every language
        const Run json = admin({"--dsn", dsn_, "--lang", "ru", "status", "--json"});
        QCOMPARE(json.code, 0);
        QVERIFY(!json.out.contains(cyrillic));
        EXPECT_RUN(admin({"--lang", "xx", "--help"}), 2, "xx");
        // and the views a shell completes are listed one per line
        const Run views = admin({"--dsn", dsn_, "list-views"});
        QCOMPARE(views.code, 0);
        QVERIFY2(views.out.split(u'\n', Qt::SkipEmptyParts).contains(u"payments_view"_qs),
                 qPrintable(views.out));
    }

    // Over ssh, in a container or a packaging check there is no display: the dashboard's
    // --help and --version still print (a QApplication without a display aborts), and
    // anything else says why it stops.
    void theDashboardsHelpAndVersionNeedNoDisplay() {
        const QStringList noDisplay{"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"};
        const Run help = runProgram(QStringLiteral(MVDASH_APP_BINARY), {"--help"}, {}, noDisplay);
        QVERIFY2(help.code == 0 && help.out.contains("--screenshot <dir>"),
                 qPrintable(help.out + help.err));
        const Run russian =
            runProgram(QStringLiteral(MVDASH_APP_BINARY), {"--lang", "ru", "-h"}, {}, noDisplay);
        QVERIFY2(russian.code == 0 && russian.out.contains(QStringLiteral("Язык интерфейса")),
                 qPrintable(russian.out + russian.err));
        const Run version =
            runProgram(QStringLiteral(MVDASH_APP_BINARY), {"--version"}, {}, noDisplay);
        QVERIFY2(version.code == 0 && version.out.startsWith("mvdash "),
                 qPrintable(version.out + version.err));
        // a value that looks like one of them is refused, not taken for a window
        EXPECT_RUN(runProgram(QStringLiteral(MVDASH_APP_BINARY), {"--dsn", "-v"}, {}, noDisplay), 2,
                   "options, not values");
    }

    void verifyFailsWhenViewsAreStale() {
        MVDASH_TRY({
            Connection c(cluster_.cluster().settings(QStringLiteral("cli")), QStringLiteral("t"));
            exec(c.db(), "INSERT INTO bet_events VALUES (10001, 999999999, 'b-late', 'u-late', "
                         "'placed', 1, 1, 'f', NULL, NULL, 1)");
        });
        EXPECT_RUN(admin({"--dsn", dsn_, "verify"}), 1, "missing row 10001|b-late");
    }

    void unknownViewChangesNothing() {
        QVariant before;
        MVDASH_TRY({
            Connection c(cluster_.cluster().settings(QStringLiteral("cli")), QStringLiteral("t"));
            before = scalar(c.db(), "SELECT count(*) FROM materialized_views_refresh_history");
        });
        EXPECT_RUN(admin({"--dsn", dsn_, "refresh", "bets_view", "nope"}), 1,
                   "unknown materialized view: nope (known: ");
        EXPECT_RUN(admin({"--dsn", dsn_, "refresh", "nope"}), 1, "user_activity_view");
        MVDASH_TRY({
            Connection c(cluster_.cluster().settings(QStringLiteral("cli")), QStringLiteral("t"));
            QCOMPARE(scalar(c.db(), "SELECT count(*) FROM materialized_views_refresh_history"),
                     before);
        });
    }

    // A refresh that gives up on a lock names whose it was (042): a lock on the view itself, or
    // on a view it reads (user_activity_view's part reads user_balances_view). Every failure
    // names the holder.
    void lockTimeoutIsReportedWithTheHolder() {
        MVDASH_TRY({
            Connection holder(cluster_.cluster().settings(QStringLiteral("cli")),
                              QStringLiteral("holder"));
            const int pid = scalar(holder.db(), "SELECT pg_backend_pid()").toInt();
            QVERIFY(holder.db().transaction());
            // a plain refresh in an open transaction holds the view's ACCESS EXCLUSIVE lock
            exec(holder.db(), "REFRESH MATERIALIZED VIEW bets_view");
            exec(holder.db(), "REFRESH MATERIALIZED VIEW user_balances_view");
            const Run r = admin({"--dsn", dsn_, "refresh", "bets_view", "user_activity_view",
                                 "--lock-timeout", "300ms"});
            holder.db().rollback();
            const QString heldBy =
                QStringLiteral("lock timeout (held by pid %1, role %2, transaction open since ")
                    .arg(pid)
                    .arg(scalar(holder.db(), "SELECT current_user").toString());
            // bets_view, the part, and user_activity_view, which reads both
            const qsizetype failed = r.out.count(QStringLiteral("FAILED"));
            QVERIFY2(r.code == 1 && failed >= 2 && r.out.count(heldBy) == failed,
                     qPrintable(r.out + r.err));
        });
    }

    // A temporary cluster whose program was killed (a test's timeout) is stopped and removed
    // by the next program that makes one; a cluster whose program lives is left alone.
    void anAbandonedTemporaryClusterIsStopped() {
        const QString directory =
            QDir::tempPath() +
            QStringLiteral("/mvdash-pg-abandoned-%1").arg(QCoreApplication::applicationPid());
        LocalCluster::Options options;
        options.directory = directory;
        LocalCluster abandoned(options);
        QString error;
        QVERIFY2(abandoned.start(&error), qPrintable(error));
        QFile postmaster(abandoned.dataDirectory() + QStringLiteral("/postmaster.pid"));
        QVERIFY(postmaster.open(QIODevice::ReadOnly));
        const qint64 server = postmaster.readLine().trimmed().toLongLong();
        postmaster.close();
        QVERIFY(server > 0 && kill(pid_t(server), 0) == 0);
        // its program: a process that has ended
        QProcess ended;
        ended.start(QStringLiteral("true"), QStringList());
        QVERIFY(ended.waitForStarted());
        const qint64 gone = ended.processId();
        QVERIFY(ended.waitForFinished());
        QFile owner(directory + QStringLiteral("/mvdash-owner.pid"));
        QVERIFY(owner.open(QIODevice::WriteOnly));
        owner.write(QByteArray::number(gone));
        owner.close();

        QVERIFY(LocalCluster::stopAbandoned() >= 1);
        QVERIFY(!QDir(directory).exists());
        QTRY_VERIFY_WITH_TIMEOUT(kill(pid_t(server), 0) != 0, kPatienceMs);
        // this program's own cluster goes on
        MVDASH_TRY({
            Connection c(cluster_.cluster().settings(QStringLiteral("cli")), QStringLiteral("t"));
            QCOMPARE(scalar(c.db(), "SELECT 1").toInt(), 1);
        });
    }
};

QTEST_GUILESS_MAIN(TestAdminCli)
#include "tst_admin_cli.moc"
