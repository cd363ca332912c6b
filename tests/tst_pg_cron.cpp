// The shipped pg_cron schedule (packaging/pg_cron/schedule-refresh.sql) on a real pg_cron:
// a run is recorded in the refresh history.

#include "doctor.h"
#include "livereadmodels.h"
#include "localcluster.h"
#include "migrationrunner.h"
#include "seeder.h"
#include "testcluster.h"

#include <QFile>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryFile>
#include <QTest>

using namespace mvdash;
using namespace mvdash::test;

class TestPgCron : public QObject {
    Q_OBJECT
    TestCluster cluster_{LocalCluster::Options{QString(), true, false}};

private slots:
    void initTestCase() {
        QString error;
        QVERIFY2(cluster_.start(&error), qPrintable(error));
    }

    void scheduledRefreshRuns() {
        prepareCronDatabase();
        // apply the shipped script with psql, as an operator would (every minute: pg_cron
        // 1.4 has no finer schedule)
        QProcess psql;
        psql.start(LocalCluster::binDirectory() + QStringLiteral("/psql"),
                   {"-X", "-q", "-v", "ON_ERROR_STOP=1", "-v", "schedule=* * * * *", "-h",
                    cluster_.cluster().socketDirectory(), "-U", "postgres", "-d", "postgres", "-f",
                    QStringLiteral(MVDASH_SOURCE_DIR "/packaging/pg_cron/schedule-refresh.sql")});
        QVERIFY(psql.waitForFinished(kPatienceMs));
        QVERIFY2(psql.exitCode() == 0, psql.readAllStandardError().constData());

        MVDASH_TRY({
            Connection c(cluster_.cluster().settings(), QStringLiteral("t"));
            QCOMPARE(scalar(c.db(),
                            "SELECT count(*) FROM cron.job WHERE jobname = 'mvdash-refresh-views'")
                         .toInt(),
                     1);
            // the first minute boundary comes within 60 s, then the run (however slow)
            QTRY_VERIFY_WITH_TIMEOUT(scalar(c.db(), "SELECT count(*) FROM cron.job_run_details "
                                                    "WHERE status IN ('succeeded', 'failed')")
                                             .toInt() > 0,
                                     60000 + kPatienceMs);
            QCOMPARE(scalar(c.db(), "SELECT string_agg(status || ': ' || coalesce(return_message, "
                                    "''), '; ') FROM cron.job_run_details")
                         .toString()
                         .left(9),
                     QStringLiteral("succeeded"));
            QVERIFY(scalar(c.db(), "SELECT count(*) FROM materialized_views_refresh_history WHERE "
                                   "outcome = 'ok' AND view_name = 'bets_view'")
                        .toInt() >= 1);
            QCOMPARE(scalar(c.db(), "SELECT count(*) FROM bets_view").toInt(), 1);
        });
    }

    // The doctor's schedule.pg_cron: the job's last run as pg_cron recorded it (OK after the
    // run above); a job switched off WARNs with the statement that switches it on, which
    // does; a failed last run FAILs with pg_cron's message until a run succeeds. (The failed
    // and the good run are written into pg_cron's record as pg_cron writes them: making the
    // job fail for real would wait for two more minute boundaries.)
    void theDoctorReadsPgCronsRecord() {
        MVDASH_TRY({
            Connection c(cluster_.cluster().settings(), QStringLiteral("t"));
            DoctorSettings ds;
            ds.scheduleSeconds = 3600;
            const auto cronCheck = [&] {
                const QList<DoctorCheck> checks = Doctor(c.db(), ds).run();
                QList<DoctorCheck> cron;
                for (const DoctorCheck &check : checks)
                    if (check.id == u"schedule.pg_cron")
                        cron << check;
                return cron;
            };
            const qint64 job =
                scalar(c.db(), "SELECT jobid FROM cron.job WHERE jobname = 'mvdash-refresh-views'")
                    .toLongLong();
            // no real run meanwhile (its record would be the latest): once a year during the
            // test, and none still running
            exec(c.db(),
                 QStringLiteral("SELECT cron.alter_job(%1, schedule := '0 0 1 1 *')").arg(job));
            QTRY_VERIFY_WITH_TIMEOUT(scalar(c.db(), "SELECT count(*) FROM cron.job_run_details "
                                                    "WHERE status NOT IN ('succeeded', 'failed')")
                                             .toInt() == 0,
                                     kPatienceMs);
            auto cron = cronCheck();
            QCOMPARE(cron.size(), 1);
            QCOMPARE(cron.first().subject, QStringLiteral("job %1").arg(job));
            QCOMPARE(cron.first().state, CheckState::Ok);
            QVERIFY2(cron.first().found.contains(QStringLiteral("succeeded")),
                     qPrintable(cron.first().found));

            exec(c.db(), QStringLiteral("SELECT cron.alter_job(%1, active := false)").arg(job));
            cron = cronCheck();
            QCOMPARE(cron.first().state, CheckState::Warn);
            QCOMPARE(cron.first().fix,
                     QStringLiteral("SELECT cron.alter_job(%1, active := true);").arg(job));
            exec(c.db(), cron.first().fix);
            QCOMPARE(cronCheck().first().state, CheckState::Ok);

            const QString record = QStringLiteral(
                "INSERT INTO cron.job_run_details (jobid, runid, job_pid, database, username, "
                "command, status, return_message, start_time, end_time) "
                "SELECT %1, nextval('cron.runid_seq'), 0, current_database(), current_user, "
                "'SELECT refresh_aggregate_views()', '%2', '%3', now(), now()");
            exec(c.db(), record.arg(job).arg(QStringLiteral("failed"),
                                             QStringLiteral("ERROR:  division by zero")));
            cron = cronCheck();
            QCOMPARE(cron.first().state, CheckState::Fail);
            QVERIFY2(cron.first().why.contains(QStringLiteral("division by zero")),
                     qPrintable(cron.first().why));
            exec(c.db(), record.arg(job).arg(QStringLiteral("succeeded"), QStringLiteral("1 row")));
            QCOMPARE(cronCheck().first().state, CheckState::Ok);
            exec(c.db(),
                 QStringLiteral("SELECT cron.alter_job(%1, schedule := '* * * * *')").arg(job));
        });
    }

    // The CronJob's script (the ConfigMap in packaging/k8s) run with psql as the pod runs it.
    void kubernetesCronJobScriptRefreshesAndFailsOnAFailedView() {
        prepareCronDatabase();
        const auto runScript = [this] { return runCronJobScript(); };
        QCOMPARE(runScript(), 0);
        MVDASH_TRY({
            Connection c(cluster_.cluster().settings(), QStringLiteral("t"));
            QVERIFY(scalar(c.db(), "SELECT count(*) FROM materialized_views_refresh_history WHERE "
                                   "application_name = 'mvdash-cronjob' AND outcome = 'ok'")
                        .toInt() >= 5);
            exec(c.db(), "CREATE MATERIALIZED VIEW failing_view AS SELECT 1 / (SELECT count(*) - "
                         "count(*) FROM tenants)::int AS x WITH NO DATA");
        });
        QVERIFY(runScript() != 0); // a failed view fails the Job
        MVDASH_TRY({
            Connection c(cluster_.cluster().settings(), QStringLiteral("t"));
            exec(c.db(), "DROP MATERIALIZED VIEW failing_view");
        });
    }

    // The same script in live mode: the guide's refresh_aggregate_views() runs one step, which
    // brings every read model up to the last committed event.
    void kubernetesCronJobScriptStepsInLiveMode() {
        MVDASH_TRY({
            const auto settings =
                cluster_.createSeededDatabase(QStringLiteral("cronjob_live"), 3000);
            Connection c(settings, QStringLiteral("t"));
            convertReadModels(c.db(), ReadModelMode::Live, [](const QString &) {});
            EventGenerator::Options more;
            more.events = 600;
            more.seed = 77;
            seedDatabase(settings, more);
            const QString lag =
                QStringLiteral("SELECT max(lag_events) FROM read_model_freshness()");
            QVERIFY(scalar(c.db(), lag).toLongLong() > 0);
            QCOMPARE(runCronJobScript(settings.connectOptions()), 0);
            QCOMPARE(scalar(c.db(), lag).toLongLong(), 0);
            QVERIFY(scalar(c.db(), "SELECT count(*) FROM materialized_views_refresh_history WHERE "
                                   "application_name = 'mvdash-cronjob' AND method = 'live' AND "
                                   "outcome = 'ok'")
                        .toInt() >= 6);
        });
    }

    // A refresh held open elsewhere makes every view skip: after
    // materialized_views_max_skipped_runs() such runs in a row, the CronJob's script and the
    // pg_cron procedure fail, and they pass again once the views are free.
    void runsThatRefreshNothingFailTheSchedulers() {
        MVDASH_TRY({
            Connection c(cluster_.cluster().settings(), QStringLiteral("t"));
            exec(c.db(), "SELECT cron.unschedule('mvdash-refresh-views')");
            Connection holder(cluster_.cluster().settings(), QStringLiteral("holder"));
            QVERIFY(holder.db().transaction());
            exec(holder.db(), "SELECT count(*) FROM refresh_aggregate_views()");
            const int limit =
                scalar(c.db(), "SELECT materialized_views_max_skipped_runs()").toInt();
            QCOMPARE(limit, 3);
            for (int run = 1; run <= limit; ++run) {
                const int code = runCronJobScript();
                const int streak =
                    scalar(c.db(), "SELECT materialized_views_skipped_streak()").toInt();
                QCOMPARE(streak, run);
                QVERIFY2((code != 0) == (streak >= limit),
                         qPrintable(QStringLiteral("run %1: exit %2").arg(run).arg(code)));
            }
            Connection caller(cluster_.cluster().settings(), QStringLiteral("caller"));
            QSqlQuery call(caller.db());
            QVERIFY(!call.exec(QStringLiteral("CALL refresh_aggregate_views_committing()")));
            QVERIFY2(call.lastError().databaseText().contains("every view was skipped"),
                     qPrintable(call.lastError().databaseText()));
            QVERIFY(holder.db().commit());
            QCOMPARE(runCronJobScript(), 0);
            QCOMPARE(scalar(c.db(), "SELECT materialized_views_skipped_streak()").toInt(), 0);
        });
    }

private:
    // pg_cron keeps its jobs in cron.database_name (postgres): mvdash lives there too, with a
    // tenant and an event. The CronJob script's test asks for it too, so that it passes run
    // alone; the tests of the pg_cron job itself need the job scheduledRefreshRuns makes.
    void prepareCronDatabase() {
        MVDASH_TRY({
            Connection c(cluster_.cluster().settings(), QStringLiteral("t"));
            MigrationRunner(c.db()).migrate();
            exec(c.db(), "INSERT INTO tenants VALUES (1, 'One', 'one', 'active', 'pro') "
                         "ON CONFLICT DO NOTHING");
            exec(c.db(), "INSERT INTO bet_events VALUES (1, 1, 'b1', 'u1', 'placed', 5, 2, 'f', "
                         "NULL, NULL, 1) ON CONFLICT DO NOTHING");
        });
    }

    // The CronJob's script (the ConfigMap in packaging/k8s) run with psql as the pod runs it.
    int runCronJobScript(const QString &dsn = {}) {
        QFile yaml(QStringLiteral(MVDASH_SOURCE_DIR "/packaging/k8s/cronjob-refresh-views.yaml"));
        if (!yaml.open(QIODevice::ReadOnly))
            return -1;
        QString script;
        bool inScript = false;
        for (const QString &line : QString::fromUtf8(yaml.readAll()).split(u'\n')) {
            if (line.trimmed() == u"refresh.sql: |") {
                inScript = true;
                continue;
            }
            if (inScript && !line.startsWith(QStringLiteral("    ")) && !line.trimmed().isEmpty())
                break;
            if (inScript)
                script += line.mid(4) + u'\n';
        }
        QTemporaryFile file;
        if (!file.open())
            return -1;
        file.write(script.toUtf8());
        file.close();
        QProcess psql;
        psql.start(
            LocalCluster::binDirectory() + QStringLiteral("/psql"),
            {dsn.isEmpty() ? cluster_.cluster().dsn() : dsn, "-X", "-q", "-f", file.fileName()});
        psql.waitForFinished(kPatienceMs);
        return psql.exitCode();
    }
};

QTEST_GUILESS_MAIN(TestPgCron)
#include "tst_pg_cron.moc"
