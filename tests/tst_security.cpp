// Trust, second pass (migration 010): each attack of the review of 001-009, run as the role
// that would run it, against a real server. Every test here failed on the code before 010.

#include "database.h"
#include "eventgenerator.h"
#include "migrationrunner.h"
#include "refreshrunner.h"
#include "seeder.h"
#include "testcluster.h"
#include "viewverifier.h"

#include <QProcess>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>
#include <thread>

using namespace mvdash;
using namespace mvdash::test;

namespace {
constexpr qint64 kOwnTenant = 10001;
constexpr qint64 kOtherTenant = 10002;

// The error text of a statement that must fail (empty when it did not fail).
QString refusal(const QSqlDatabase &db, const QString &sql) {
    QSqlQuery q(db);
    if (q.exec(sql))
        return {};
    return q.lastError().databaseText();
}

// Every line of a statement's result (EXPLAIN output), joined.
QString lines(const QSqlDatabase &db, const QString &sql) {
    QSqlQuery q(db);
    if (!q.exec(sql))
        throw DbError::fromSqlError(sql.left(80), q.lastError());
    QStringList out;
    while (q.next())
        out << q.value(0).toString();
    return out.join(u'\n');
}

struct Run {
    int code = -1;
    QString output;
};

Run admin(const ConnectionSettings &settings, const QStringList &args) {
    QProcess p;
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    for (const char *k : {"PGHOST", "PGPORT", "PGDATABASE", "PGUSER", "PGPASSWORD", "PGSERVICE"})
        e.remove(QString::fromLatin1(k));
    p.setProcessEnvironment(e);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral(MVDASH_ADMIN_BINARY),
            QStringList{QStringLiteral("--dsn"), settings.connectOptions()} + args);
    p.waitForFinished(kPatienceMs);
    return {p.exitCode(), QString::fromUtf8(p.readAll())};
}

ConnectionSettings as(ConnectionSettings settings, const QString &role) {
    settings.set(QStringLiteral("user"), role);
    return settings;
}
} // namespace

class TestSecurity : public QObject {
    Q_OBJECT
    TestCluster cluster_;
    ConnectionSettings owner_;

    void createRoles(const QStringList &statements) {
        Connection c(owner_, QStringLiteral("roles"));
        for (const QString &s : statements)
            exec(c.db(), s);
    }

private slots:
    void initTestCase() {
        setSessionsSearchPublic(false); // as mvdash's programs run
        QString error;
        QVERIFY2(cluster_.start(&error), qPrintable(error));
        MVDASH_TRY({
            owner_ = cluster_.createSeededDatabase(QStringLiteral("security"), 20000);
            createRoles({"CREATE ROLE sec_tenant LOGIN",
                         "CREATE ROLE sec_operator LOGIN IN ROLE "
                         "mvdash_operator",
                         "CREATE ROLE sec_reader LOGIN IN ROLE mvdash_reader",
                         "CREATE ROLE sec_plain LOGIN", "CREATE ROLE mallory LOGIN"});
            Connection c(owner_, QStringLiteral("t"));
            runQuery(c.db(), QStringLiteral("tenant_grant"), {"sec_tenant", kOwnTenant});
        });
    }

    // 1. Nothing of another tenant reaches a tenant role through the planner: every probe's
    //    EXPLAIN (ANALYZE) output is the same whether the other tenant has the probed value
    //    or not, and stays the same when the other tenant's data grows.
    void theTenantRoleLearnsNothingFromThePlanner() {
        MVDASH_TRY({
            Connection owner(owner_, QStringLiteral("owner"));
            const QString external =
                scalar(owner.db(),
                       "SELECT external_id FROM payments_view WHERE tenant_id = ? "
                       "AND external_id IS NOT NULL LIMIT 1",
                       {kOtherTenant})
                    .toString();
            const QString user = scalar(owner.db(),
                                        "SELECT user_id FROM user_balances_view WHERE "
                                        "tenant_id = ? LIMIT 1",
                                        {kOtherTenant})
                                     .toString();
            const QString slug =
                scalar(owner.db(), "SELECT slug FROM public.tenants WHERE tenant_id = ?",
                       {kOtherTenant})
                    .toString();
            QVERIFY(!external.isEmpty() && !user.isEmpty() && !slug.isEmpty());
            const QString other = QString::number(kOtherTenant);
            const QStringList probes = {
                "SELECT * FROM payments_view WHERE tenant_id = " + other +
                    " AND external_id = '$V'",
                "SELECT * FROM user_balances_view WHERE tenant_id = " + other +
                    " AND user_id = '$V'",
                "SELECT * FROM tenants WHERE slug = '$V'",
                "SELECT * FROM bets_view WHERE tenant_id = " + other + " AND bet_id > '$V'",
                "SELECT count(*) FROM user_activity_view WHERE tenant_id = " + other +
                    " AND user_id <> '$V'",
                "SELECT * FROM tenants_summary_view WHERE tenant_id = " + other +
                    " AND slug = '$V'",
                "SELECT * FROM tenant_bet_status_view WHERE tenant_id = " + other +
                    " AND status <> '$V'",
                "SELECT * FROM materialized_views_refresh_log WHERE view_name <> '$V'"};
            const QString none = QStringLiteral("zz-none");
            const QStringList values = {external, user, slug, none, none, slug, none, none};
            Connection tenant(as(owner_, QStringLiteral("sec_tenant")), QStringLiteral("tenant"));
            const auto explainAll = [&](bool withRealValue) {
                QStringList plans;
                for (qsizetype i = 0; i < probes.size(); ++i) {
                    const QString value =
                        withRealValue ? values[i] : QStringLiteral("no-such-value");
                    for (const char *mode :
                         {"EXPLAIN (ANALYZE, TIMING OFF, SUMMARY OFF) ", "EXPLAIN "}) {
                        QString plan =
                            lines(tenant.db(),
                                  QLatin1String(mode) + QString(probes[i]).replace("$V", value));
                        plans << plan.replace(value, QStringLiteral("$V"));
                    }
                }
                return plans;
            };
            const QStringList before = explainAll(true);
            QCOMPARE(explainAll(false), before); // a value of the other tenant: invisible
            QVERIFY(before.join(u'\n').contains(QStringLiteral("Function Scan")));

            // the other tenant doubles its bets and payments
            exec(owner.db(),
                 "INSERT INTO public.bet_events SELECT tenant_id, event_id + 100000000, bet_id || "
                 "'x', "
                 "user_id, event_type, stake, odds, fixture_id, result, payout, event_timestamp "
                 "FROM public.bet_events WHERE tenant_id = " +
                     other);
            exec(owner.db(),
                 "INSERT INTO public.payment_events SELECT tenant_id, event_id + 100000000, "
                 "payment_id || 'x', user_id, event_type, amount, currency, "
                 "payment_method, external_id || 'x', payment_type, event_timestamp "
                 "FROM public.payment_events WHERE tenant_id = " +
                     other);
            const auto outcomes = refreshAll(owner.db());
            for (auto it = outcomes.cbegin(); it != outcomes.cend(); ++it)
                QVERIFY2(it.value() == u"ok", qPrintable(it.key()));
            QCOMPARE(explainAll(true), before);
        });
    }

    // 2. A writable public does not make anyone superuser: look-alike functions planted in
    //    public are never called by mvdash's functions; every function pins its search_path;
    //    migrate refuses a schema others can create in, and changes nothing.
    void aWritablePublicHandsNothingToItsWriters() {
        MVDASH_TRY({
            Connection owner(owner_, QStringLiteral("owner"));
            exec(owner.db(), "GRANT CREATE ON SCHEMA public TO PUBLIC");
            {
                Connection attacker(as(owner_, QStringLiteral("mallory")), QStringLiteral("m"));
                exec(attacker.db(), "CREATE TABLE public.trojan_calls (f text)");
                exec(attacker.db(), "GRANT INSERT ON public.trojan_calls TO PUBLIC");
                const QString body =
                    "LANGUAGE plpgsql AS $$ BEGIN INSERT INTO "
                    "public.trojan_calls VALUES ('%1' || ' by ' || current_user || ': ' || "
                    "left(current_query(), 60)); BEGIN EXECUTE 'ALTER ROLE "
                    "mallory SUPERUSER'; EXCEPTION WHEN OTHERS THEN NULL; END; "
                    "RETURN %2; END $$";
                exec(attacker.db(), "CREATE FUNCTION public.nextval(text) RETURNS bigint " +
                                        body.arg("nextval", "1"));
                exec(attacker.db(), "CREATE FUNCTION public.format(text, text) RETURNS text " +
                                        body.arg("format2", "$1"));
                exec(attacker.db(),
                     "CREATE FUNCTION public.format(text, text, text) RETURNS text " +
                         body.arg("format3", "$1"));
                exec(attacker.db(), "CREATE FUNCTION public.format(text, text, bigint) RETURNS "
                                    "text " +
                                        body.arg("format3b", "$1"));
                // look-alikes of what mvdash's programs call with values of their own
                for (const char *f : {"grant_tenant(text, text) RETURNS text",
                                      "create_tenant_view(text, text) "
                                      "RETURNS text",
                                      "materialized_views_begin_refresh(text, text) RETURNS bigint",
                                      "pg_has_role(text, text) RETURNS boolean",
                                      "set_config(text, text, text) RETURNS text",
                                      "to_regnamespace(text) RETURNS regnamespace"})
                    exec(attacker.db(),
                         QStringLiteral("CREATE FUNCTION public.%1 ").arg(QLatin1String(f)) +
                             body.arg(QString::fromLatin1(f).section(u'(', 0, 0), "NULL"));
            }
            // mvdash-admin as the owner and as an operator
            QCOMPARE(admin(owner_, {"grant-tenant", "sec_tenant", "10003"}).code, 0);
            QCOMPARE(admin(owner_, {"revoke-tenant", "sec_tenant", "10003"}).code, 0);
            const ConnectionSettings opSettings = as(owner_, QStringLiteral("sec_operator"));
            QCOMPARE(admin(opSettings, {"refresh", "--jobs", "2"}).code, 0);
            QCOMPARE(admin(opSettings, {"tenant-view", "create", "bets_view", "10003"}).code, 0);
            QCOMPARE(admin(opSettings, {"tenant-view", "drop", "bets_view", "10003"}).code, 0);
            QCOMPARE(admin(opSettings, {"status"}).code, 0);
            Connection op(as(owner_, QStringLiteral("sec_operator")), QStringLiteral("op"));
            exec(op.db(), "SELECT count(*) FROM refresh_aggregate_views()");
            exec(op.db(), "SELECT count(*) FROM manual_refresh_all_views()");
            exec(op.db(), "CALL refresh_aggregate_views_committing()");
            exec(op.db(),
                 "SELECT count(*) FROM mvdash.refresh_materialized_view('bets_view'::text)");
            exec(op.db(), "SELECT count(*) FROM materialized_view_sizes()");
            exec(op.db(), "SELECT mvdash.create_tenant_view('bets_view'::text, 10003::bigint)");
            exec(op.db(), "SELECT mvdash.drop_tenant_view('bets_view'::text, 10003::bigint)");
            RefreshRunner(op.db()).run({});
            Connection tenant(as(owner_, QStringLiteral("sec_tenant")), QStringLiteral("tenant"));
            exec(tenant.db(), "SELECT count(*) FROM bets_view");
            QCOMPARE(scalar(owner.db(), "SELECT rolsuper FROM pg_roles WHERE rolname = 'mallory'")
                         .toBool(),
                     false);
            QCOMPARE(scalar(owner.db(), "SELECT string_agg(DISTINCT f, ', ') FROM "
                                        "public.trojan_calls")
                         .toString(),
                     QString());

            // every function of mvdash and tenant_scope pins pg_catalog, mvdash, pg_temp
            // (the committing procedure cannot carry SET: it calls everything qualified)
            QCOMPARE(scalar(owner.db(),
                            "SELECT string_agg(p.oid::regprocedure::text, ', ') FROM pg_proc p "
                            "WHERE p.pronamespace IN ('mvdash'::regnamespace, "
                            "'tenant_scope'::regnamespace) AND p.prokind <> 'p' AND NOT "
                            "coalesce('search_path=pg_catalog, mvdash, pg_temp' = ANY "
                            "(p.proconfig), false)")
                         .toString(),
                     QString());
            QVERIFY(scalar(owner.db(), "SELECT prosrc FROM pg_proc WHERE proname = "
                                       "'refresh_aggregate_views_committing'")
                        .toString()
                        .contains("mvdash.materialized_views_begin_refresh"));
            // only the owner can create in mvdash
            QCOMPARE(scalar(owner.db(), "SELECT count(*) FROM pg_roles r WHERE NOT r.rolsuper "
                                        "AND has_schema_privilege(r.oid, 'mvdash', 'CREATE') "
                                        "AND r.oid <> (SELECT nspowner FROM pg_namespace WHERE "
                                        "nspname = 'mvdash')")
                         .toInt(),
                     0);
            exec(owner.db(), "DROP TABLE public.trojan_calls");
            exec(owner.db(),
                 "DROP FUNCTION public.nextval(text), public.format(text, text), "
                 "public.format(text, text, text), public.format(text, text, bigint), "
                 "public.grant_tenant(text, text), public.create_tenant_view(text, text), "
                 "public.materialized_views_begin_refresh(text, text), "
                 "public.pg_has_role(text, text), public.set_config(text, text, text), "
                 "public.to_regnamespace(text)");
            exec(owner.db(), "REVOKE CREATE ON SCHEMA public FROM PUBLIC");
        });

        // migrate refuses a writable public, before changing anything
        MVDASH_TRY({
            const ConnectionSettings fresh =
                cluster_.createDatabase(QStringLiteral("writable_public"), false);
            Connection c(fresh, QStringLiteral("fresh"));
            // what is there before (Citus has objects of its own in public)
            const QString relations = "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON "
                                      "n.oid = c.relnamespace WHERE n.nspname IN ('public', "
                                      "'mvdash', 'tenant_scope')";
            const int before = scalar(c.db(), relations).toInt();
            exec(c.db(), "GRANT CREATE ON SCHEMA public TO mallory");
            QString message;
            try {
                MigrationRunner(c.db()).migrate();
            } catch (const DbError &e) {
                message = e.message();
            }
            QVERIFY2(message.contains("refusing to migrate") && message.contains("public") &&
                         message.contains("mallory"),
                     qPrintable(message));
            QCOMPARE(scalar(c.db(), relations).toInt(), before);
            QCOMPARE(scalar(c.db(), "SELECT count(*) FROM pg_namespace WHERE nspname = 'mvdash'")
                         .toInt(),
                     0);
            exec(c.db(), "REVOKE CREATE ON SCHEMA public FROM mallory");
            QVERIFY(!MigrationRunner(c.db()).migrate().isEmpty());
        });

        // ... and what another role made in advance where migrate installs or reads its
        // record: a schema of mvdash's own, a schema_migrations saying that all is applied.
        // Membership does not make it trusted: before PostgreSQL 16 a role may grant itself
        // to anybody. (Made by the migrating role: welcome.)
        MVDASH_TRY({
            const ConnectionSettings fresh =
                cluster_.createDatabase(QStringLiteral("planted_schema"), false);
            Connection c(fresh, QStringLiteral("fresh"));
            Connection m(as(fresh, QStringLiteral("mallory")), QStringLiteral("mallory"));
            const QString migrator = scalar(c.db(), "SELECT current_user").toString();
            const auto refused = [&](const char *what) {
                QString message;
                try {
                    MigrationRunner(c.db()).migrate();
                } catch (const DbError &e) {
                    message = e.message();
                }
                return message.contains(u"refusing to migrate") && message.contains(what) &&
                       message.contains(u"mallory");
            };
            const auto mvdashObjects = [&] {
                return scalar(c.db(), "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON "
                                      "n.oid = c.relnamespace WHERE n.nspname IN ('mvdash', "
                                      "'tenant_scope') OR c.relname = 'schema_migrations'")
                    .toInt();
            };
            for (const char *schema : {"mvdash", "tenant_scope"}) {
                // (made by a role with CREATE on the database: Citus takes it from a superuser)
                exec(c.db(), QStringLiteral("CREATE SCHEMA %1 AUTHORIZATION mallory").arg(schema));
                exec(m.db(), QStringLiteral("CREATE TABLE %1.planted (x int)").arg(schema));
                // the migrator a member of mallory's role: not trusted for that (some releases
                // before PostgreSQL 16 let a role grant itself to anybody)
                exec(c.db(), QStringLiteral("GRANT mallory TO %1").arg(migrator));
                QVERIFY2(refused(schema), schema);
                exec(c.db(), QStringLiteral("REVOKE mallory FROM %1").arg(migrator));
                QCOMPARE(mvdashObjects(), 1); // the planted table, nothing of mvdash's
                exec(c.db(), QStringLiteral("DROP SCHEMA %1 CASCADE").arg(schema));
            }
            // a record of every migration as applied, in a schema mvdash made in advance by
            // the migrating role but left writable
            exec(c.db(), "CREATE SCHEMA mvdash");
            exec(c.db(), "GRANT CREATE, USAGE ON SCHEMA mvdash TO mallory");
            exec(m.db(), "CREATE TABLE mvdash.schema_migrations (version integer PRIMARY KEY, "
                         "name text NOT NULL, checksum text NOT NULL)");
            for (const Migration &mig : MigrationRunner::bundled())
                exec(m.db(), QStringLiteral("INSERT INTO mvdash.schema_migrations VALUES (%1, "
                                            "'%2', '%3')")
                                 .arg(mig.version)
                                 .arg(mig.name, mig.checksum));
            exec(c.db(), "REVOKE CREATE ON SCHEMA mvdash FROM mallory");
            QVERIFY(refused("mvdash.schema_migrations"));
            exec(c.db(), "DROP TABLE mvdash.schema_migrations");
            QCOMPARE(mvdashObjects(), 0);
            // a schema planted while 001-009 run, after the first check: 010 would take it
            // (CREATE SCHEMA IF NOT EXISTS). Here 006 waits for bets_view meanwhile; the check
            // at its end refuses, so 006 is rolled back and 001-005 stay.
            exec(c.db(), "DROP SCHEMA mvdash");
            QVERIFY(!MigrationRunner(c.db()).migrate(5).isEmpty());
            Connection holder(fresh, QStringLiteral("holder"));
            QVERIFY(holder.db().transaction());
            exec(holder.db(), "REFRESH MATERIALIZED VIEW public.bets_view"); // (held till commit)
            QString outcome = QStringLiteral("not ended");
            std::thread migrating([&] {
                try {
                    Connection late(fresh, QStringLiteral("late"));
                    MigrationRunner(late.db()).migrate();
                    outcome = QStringLiteral("migrated");
                } catch (const DbError &e) {
                    outcome = e.message();
                }
            });
            QTRY_VERIFY_WITH_TIMEOUT(scalar(c.db(),
                                            "SELECT count(*) FROM pg_stat_activity WHERE datname = "
                                            "current_database() AND wait_event_type = 'Lock' "
                                            "AND backend_type = 'client backend'")
                                             .toInt() >= 1,
                                     kPatienceMs);
            exec(c.db(), "CREATE SCHEMA mvdash AUTHORIZATION mallory");
            QVERIFY(holder.db().commit());
            migrating.join();
            QVERIFY2(outcome.contains(u"refusing to migrate") && outcome.contains(u"mvdash") &&
                         outcome.contains(u"mallory"),
                     qPrintable(outcome));
            QCOMPARE(scalar(c.db(), "SELECT max(version) FROM public.schema_migrations").toInt(),
                     5);
            QCOMPARE(scalar(c.db(), "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON "
                                    "n.oid = c.relnamespace WHERE n.nspname = 'mvdash'")
                         .toInt(),
                     0);
            exec(c.db(), "DROP SCHEMA mvdash");
            QVERIFY(!MigrationRunner(c.db()).migrate().isEmpty());
        });

        // the guide's statements, verbatim, with the database's default search_path
        MVDASH_TRY({
            Connection reader(as(owner_, QStringLiteral("sec_reader")), QStringLiteral("r"));
            exec(reader.db(), "RESET search_path");
            QVERIFY(lines(reader.db(), "SHOW search_path").contains("mvdash"));
            exec(reader.db(), "SELECT view_name, avg_refresh_time_ms, refresh_count, "
                              "last_refreshed_at FROM materialized_views_refresh_log ORDER BY "
                              "last_refreshed_at DESC");
            exec(reader.db(), "SELECT * FROM bets_view WHERE tenant_id = 10001 AND user_id = "
                              "'u000001' AND status IN ('placed', 'confirmed') ORDER BY "
                              "last_updated_at DESC");
            exec(reader.db(), "SELECT * FROM tenants_summary_view WHERE tenant_id = 10001");
            Connection op(as(owner_, QStringLiteral("sec_operator")), QStringLiteral("op"));
            exec(op.db(), "RESET search_path");
            exec(op.db(), "SELECT refresh_aggregate_views()");
        });
    }

    // 3. Only the engine can make a refresh skip: the old advisory-lock keys, held by a plain
    //    login, a reader and a tenant role, change nothing; a refresh held open by an
    //    operator makes others skip, saying by whom, and the CLI does not exit 0.
    void onlyTheEngineCanMakeARefreshSkip() {
        MVDASH_TRY({
            QList<std::shared_ptr<Connection>> squatters;
            for (const char *role : {"sec_plain", "sec_reader", "sec_tenant"}) {
                auto c = std::make_shared<Connection>(as(owner_, QString::fromLatin1(role)),
                                                      QStringLiteral("squat"));
                exec(c->db(), "SELECT pg_try_advisory_lock(1836475506, c.oid::integer) FROM "
                              "pg_class c WHERE c.relkind = 'm'");
                exec(c->db(), "SELECT pg_try_advisory_lock(1836475506, 0)");
                squatters << c;
            }
            Connection op(as(owner_, QStringLiteral("sec_operator")), QStringLiteral("op"));
            const auto outcomes = refreshAll(op.db());
            QVERIFY(outcomes.size() >= 6);
            for (auto it = outcomes.cbegin(); it != outcomes.cend(); ++it)
                QVERIFY2(it.value() == u"ok", qPrintable(it.key() + ": " + it.value()));
            squatters.clear();

            // an operator holds a whole run open: the others skip and say who holds it
            Connection holder(as(owner_, QStringLiteral("sec_operator")), QStringLiteral("hold"));
            QVERIFY(holder.db().transaction());
            exec(holder.db(), "SELECT count(*) FROM refresh_aggregate_views()");
            QMap<QString, QString> errors;
            const auto skipped = refreshAll(op.db(), &errors);
            for (auto it = skipped.cbegin(); it != skipped.cend(); ++it) {
                QCOMPARE(it.value(), QStringLiteral("skipped"));
                QVERIFY2(errors[it.key()].contains(
                             QStringLiteral("pid %1, role sec_operator").arg(holder.backendPid())),
                         qPrintable(errors[it.key()]));
            }
            const Run cli =
                admin(as(owner_, QStringLiteral("sec_operator")),
                      {QStringLiteral("refresh"), QStringLiteral("--jobs"), QStringLiteral("1")});
            QVERIFY2(cli.code == 3 && cli.output.contains("0 views refreshed") &&
                         cli.output.contains(QStringLiteral("pid %1").arg(holder.backendPid())),
                     qPrintable(QStringLiteral("exit %1\n%2").arg(cli.code).arg(cli.output)));
            QVERIFY(holder.db().commit());
        });
    }

    // 4. Grants belong to the role, not to its name.
    // A tenant role cannot even name mvdash's relations (naming one is enough to queue a
    // lock in front of every reader and refresh, e.g. with CREATE RULE).
    void aTenantRoleCannotNameTheSharedRelations() {
        MVDASH_TRY({
            Connection tenant(as(owner_, QStringLiteral("sec_tenant")), QStringLiteral("tenant"));
            QCOMPARE(scalar(tenant.db(), "SELECT has_schema_privilege('mvdash', 'USAGE')").toBool(),
                     false);
            QVERIFY(refusal(tenant.db(), "CREATE RULE r AS ON INSERT TO mvdash.bets_view DO "
                                         "INSTEAD NOTHING")
                        .contains("permission denied for schema mvdash"));
        });
    }

    void grantsDoNotOutliveTheirRole() {
        MVDASH_TRY({
            createRoles({"CREATE ROLE alice LOGIN"});
            Connection owner(owner_, QStringLiteral("owner"));
            runQuery(owner.db(), QStringLiteral("tenant_grant"), {"alice", kOwnTenant});
            exec(owner.db(), "DROP ROLE alice");
            exec(owner.db(), "CREATE ROLE alice LOGIN");
            runQuery(owner.db(), QStringLiteral("tenant_grant"), {"alice", 10003});
            Connection alice(as(owner_, QStringLiteral("alice")), QStringLiteral("alice"));
            QCOMPARE(scalar(alice.db(), "SELECT string_agg(DISTINCT tenant_id::text, ',') FROM "
                                        "bets_view")
                         .toString(),
                     QStringLiteral("10003"));
            QCOMPARE(scalar(alice.db(), "SELECT string_agg(tenant_id::text, ',') FROM tenants")
                         .toString(),
                     QStringLiteral("10003"));
        });
    }

    // 5. Every command of mvdash-admin works for the role it is meant for, and a role that
    //    is not told what it lacks.
    void theCliWorksForTheRolesItIsMadeFor() {
        const ConnectionSettings op = as(owner_, QStringLiteral("sec_operator"));
        const ConnectionSettings reader = as(owner_, QStringLiteral("sec_reader"));
        const auto expect = [](const Run &run, int code, const QString &text) {
            return run.code == code && run.output.contains(text);
        };
#define MVDASH_EXPECT_CLI(settings_, args_, code_, text_)                                          \
    do {                                                                                           \
        const Run r_ = admin(settings_, args_);                                                    \
        QVERIFY2(expect(r_, code_, text_), qPrintable(QStringLiteral("%1: exit %2\n%3")            \
                                                          .arg(QStringList(args_).join(u' '))      \
                                                          .arg(r_.code)                            \
                                                          .arg(r_.output)));                       \
    } while (0)
        MVDASH_EXPECT_CLI(op, (QStringList{"refresh"}), 0, "0 failed");
        MVDASH_EXPECT_CLI(op, (QStringList{"refresh", "bets_view", "--jobs", "1"}), 0,
                          "1 view refreshed");
        MVDASH_EXPECT_CLI(op, (QStringList{"status"}), 0, "bets_view");
        MVDASH_EXPECT_CLI(op, (QStringList{"sizes"}), 0, "bets_view");
        MVDASH_EXPECT_CLI(op, (QStringList{"tenant-view", "create", "bets_view", "10003"}), 0,
                          "created bets_view_tenant_10003");
        MVDASH_EXPECT_CLI(op, (QStringList{"refresh", "bets_view_tenant_10003"}), 0,
                          "1 view refreshed");
        MVDASH_EXPECT_CLI(op, (QStringList{"tenant-view", "drop", "bets_view", "10003"}), 0,
                          "dropped bets_view_tenant_10003");
        MVDASH_EXPECT_CLI(reader, (QStringList{"status", "--json"}), 0, "\"view\"");
        MVDASH_EXPECT_CLI(reader, (QStringList{"sizes"}), 0, "bets_view");
        MVDASH_EXPECT_CLI(reader, (QStringList{"verify"}), 1, "permission denied");
        MVDASH_EXPECT_CLI(reader, (QStringList{"refresh"}), 1, "need mvdash_operator");
        MVDASH_EXPECT_CLI(as(owner_, QStringLiteral("sec_tenant")), (QStringList{"status"}), 1,
                          "A tenant administrator's role reads its tenants in the dashboard");
        MVDASH_EXPECT_CLI(op, (QStringList{"grant-tenant", "sec_plain", "10001"}), 1,
                          "need the owner");
#undef MVDASH_EXPECT_CLI
    }

    // 6. A non-superuser owner (managed PostgreSQL) cannot see other roles' backend_start:
    //    an operator's live refresh must not be closed as interrupted.
    void aLiveRefreshSurvivesANonSuperuserOwner() {
        MVDASH_TRY({
            createRoles({"CREATE ROLE app_owner LOGIN CREATEROLE"});
            const ConnectionSettings admin =
                cluster_.createDatabase(QStringLiteral("managed"), false);
            {
                Connection c(admin, QStringLiteral("admin"));
                exec(c.db(), "ALTER DATABASE managed OWNER TO app_owner");
            }
            const ConnectionSettings owner = as(admin, QStringLiteral("app_owner"));
            if (!cluster_.isCitus()) {
                Connection c(owner, QStringLiteral("migrate"));
                MigrationRunner(c.db()).migrate();
                createGatedView(c.db(), QStringLiteral("slow_live_view"), true);
            } else {
                // Citus cannot take migrations from a non-superuser here (it propagates the
                // superuser-created roles' grants to the workers: docs/DATABASE.md); the
                // function under test gets the non-superuser owner instead, with what it uses
                Connection c(admin, QStringLiteral("migrate"));
                MigrationRunner(c.db()).migrate();
                createGatedView(c.db(), QStringLiteral("slow_live_view"), true);
                exec(c.db(), "GRANT USAGE ON SCHEMA mvdash TO app_owner");
                exec(c.db(), "GRANT SELECT, UPDATE ON materialized_views_refresh_history, "
                             "materialized_views_refresh_locks TO app_owner");
                exec(c.db(), "ALTER FUNCTION materialized_views_close_interrupted() OWNER TO "
                             "app_owner");
                exec(c.db(), "GRANT EXECUTE ON FUNCTION materialized_views_close_interrupted() "
                             "TO app_owner");
            }
            Gate gate(admin);
            QString outcome;
            std::thread refresher([&] { // view by view, as mvdash-admin refreshes
                try {
                    Connection op(as(admin, QStringLiteral("sec_operator")), QStringLiteral("op"));
                    const qint64 run =
                        scalar(op.db(), "SELECT materialized_views_new_run()").toLongLong();
                    const qint64 history =
                        scalar(op.db(),
                               "SELECT materialized_views_begin_refresh('slow_live_view', ?)",
                               {run})
                            .toLongLong();
                    outcome = scalar(op.db(),
                                     "SELECT outcome FROM "
                                     "refresh_materialized_view('slow_live_view', ?, ?)",
                                     {run, history})
                                  .toString();
                } catch (const DbError &e) {
                    outcome = e.message();
                }
            });
            Connection su(admin, QStringLiteral("su"));
            QTRY_VERIFY_WITH_TIMEOUT(Gate::waiting(su.db()).size() == 1, kPatienceMs);
            Connection c(owner, QStringLiteral("owner"));
            QVERIFY(scalar(c.db(), "SELECT count(*) FROM pg_stat_activity WHERE backend_start IS "
                                   "NULL AND usename = 'sec_operator'")
                        .toInt() >= 1); // the owner cannot see it: the condition of the bug
            QCOMPARE(scalar(c.db(), "SELECT materialized_views_close_interrupted()").toInt(), 0);
            gate.open();
            refresher.join();
            QCOMPARE(outcome, QStringLiteral("ok"));
        });
    }

    // 7. A view dropped while a view-by-view run is under way is reported as skipped and the
    //    run goes on (the committing procedure and mvdash-admin refresh).
    void aViewDroppedDuringARunIsSkipped() {
        for (const bool viaCli : {false, true}) {
            MVDASH_TRY({
                Connection c(owner_, QStringLiteral("owner"));
                createGatedView(c.db(), QStringLiteral("a_slow_view"), true);
                exec(c.db(), "CREATE MATERIALIZED VIEW z_doomed_view AS SELECT 1 AS id");
                exec(c.db(), "GRANT SELECT ON a_slow_view, z_doomed_view TO mvdash_reader");
                const ConnectionSettings op = as(owner_, QStringLiteral("sec_operator"));
                Gate gate(owner_);
                Run cli;
                QString procedureError = QStringLiteral("not run");
                std::thread runner([&] {
                    if (viaCli) {
                        cli = admin(op, {QStringLiteral("refresh"), QStringLiteral("--jobs"),
                                         QStringLiteral("1")});
                        return;
                    }
                    try {
                        Connection own(op, QStringLiteral("proc"));
                        exec(own.db(), "CALL refresh_aggregate_views_committing()");
                        procedureError.clear();
                    } catch (const DbError &e) {
                        procedureError = e.message();
                    }
                });
                QTRY_VERIFY_WITH_TIMEOUT(Gate::waiting(c.db()).size() == 1, kPatienceMs);
                exec(c.db(), "DROP MATERIALIZED VIEW z_doomed_view");
                gate.open();
                runner.join();
                if (viaCli)
                    QVERIFY2(
                        cli.code == 0 && cli.output.contains("z_doomed_view") &&
                            cli.output.contains("dropped during the run"),
                        qPrintable(QStringLiteral("exit %1\n%2").arg(cli.code).arg(cli.output)));
                else
                    QVERIFY2(procedureError.isEmpty(), qPrintable(procedureError));
                // the views after it were refreshed in that run
                QCOMPARE(scalar(c.db(), "SELECT outcome FROM materialized_views_refresh_history "
                                        "WHERE view_name = 'tenants_summary_view' ORDER BY "
                                        "history_id DESC LIMIT 1")
                             .toString(),
                         QStringLiteral("ok"));
                QVERIFY(scalar(c.db(), "SELECT max(run_id) FROM materialized_views_refresh_history "
                                       "WHERE view_name = 'tenants_summary_view'")
                            .toLongLong() ==
                        scalar(c.db(), "SELECT max(run_id) FROM materialized_views_refresh_history "
                                       "WHERE view_name = 'a_slow_view'")
                            .toLongLong());
                exec(c.db(), "DROP MATERIALIZED VIEW a_slow_view");
            });
        }
    }

    // 8. History is written by the engine only: an operator cannot rewrite a row, refresh
    //    into a row that does not exist, or leave a lasting forged 'running' row.
    void historyIsWrittenByTheEngineOnly() {
        MVDASH_TRY({
            Connection owner(owner_, QStringLiteral("owner"));
            refreshAll(owner.db());
            const qint64 someRow =
                scalar(owner.db(), "SELECT max(history_id) FROM "
                                   "materialized_views_refresh_history WHERE view_name = "
                                   "'bets_view'")
                    .toLongLong();
            const QString before = scalar(owner.db(),
                                          "SELECT row(h.*)::text FROM "
                                          "materialized_views_refresh_history h "
                                          "WHERE history_id = ?",
                                          {someRow})
                                       .toString();
            Connection op(as(owner_, QStringLiteral("sec_operator")), QStringLiteral("op"));
            QVERIFY(refusal(op.db(), QStringLiteral("SELECT * FROM refresh_materialized_view("
                                                    "'bets_view', 1, %1)")
                                         .arg(someRow))
                        .contains("not a refresh of bets_view announced by this session"));
            QVERIFY(!refusal(op.db(), "SELECT * FROM refresh_materialized_view('bets_view', 1, "
                                      "-12345)")
                         .isEmpty());
            QCOMPARE(scalar(owner.db(),
                            "SELECT row(h.*)::text FROM "
                            "materialized_views_refresh_history h WHERE history_id = ?",
                            {someRow})
                         .toString(),
                     before);
            QVERIFY(!refusal(op.db(), "INSERT INTO materialized_views_refresh_history (run_id, "
                                      "view_name, method, outcome) VALUES (1, 'bets_view', "
                                      "'plain', 'ok')")
                         .isEmpty());
            QVERIFY(!refusal(op.db(), "SELECT nextval('materialized_views_refresh_run_seq')")
                         .isEmpty());
            // rows only go into runs of the caller's own role
            const qint64 ownersRun =
                scalar(owner.db(), "SELECT materialized_views_new_run()").toLongLong();
            QVERIFY(refusal(op.db(), QStringLiteral("SELECT materialized_views_begin_refresh("
                                                    "'bets_view', %1)")
                                         .arg(ownersRun))
                        .contains("was not started by this role"));
            QVERIFY(refusal(op.db(), "SELECT * FROM refresh_materialized_view('bets_view', "
                                     "999999999)")
                        .contains("was not started by this role"));
            // a refresh in a savepoint would hold a lock no skipped caller could attribute
            QVERIFY(op.db().transaction());
            exec(op.db(), "SAVEPOINT s");
            QVERIFY(refusal(op.db(), "SELECT * FROM refresh_materialized_view('bets_view')")
                        .contains("savepoint"));
            QVERIFY(op.db().rollback());

            // a 'running' row announced but never followed by a refresh does not last
            const qint64 forged =
                scalar(op.db(), "SELECT materialized_views_begin_refresh('bets_view', "
                                "materialized_views_new_run())")
                    .toLongLong();
            // a caller cannot make a live refresh look abandoned: the setting has a floor of 5 s
            {
                Connection other(as(owner_, QStringLiteral("sec_operator")), QStringLiteral("o"));
                exec(other.db(), "SET mvdash.abandoned_after = '-1 day'");
                exec(other.db(), "SELECT materialized_views_close_interrupted()");
            }
            QCOMPARE(scalar(owner.db(),
                            "SELECT outcome FROM materialized_views_refresh_history "
                            "WHERE history_id = ?",
                            {forged})
                         .toString(),
                     QStringLiteral("running"));
            // once 5 s have passed (the floor), a run's clean-up closes it: waited for, not slept
            exec(owner.db(), "SET mvdash.abandoned_after = '5s'");
            QTRY_VERIFY_WITH_TIMEOUT(
                scalar(owner.db(),
                       "SELECT materialized_views_close_interrupted() > 0 OR "
                       "(SELECT outcome <> 'running' FROM "
                       "materialized_views_refresh_history WHERE history_id = ?)",
                       {forged})
                    .toBool(),
                kPatienceMs);
            QCOMPARE(scalar(owner.db(),
                            "SELECT outcome || ': ' || error FROM "
                            "materialized_views_refresh_history WHERE history_id = ?",
                            {forged})
                         .toString()
                         .section(u':', 0, 1),
                     QStringLiteral("failed: abandoned"));
            exec(owner.db(), "RESET mvdash.abandoned_after");
        });
    }

    // 9. A run ended by statement_timeout leaves a truthful record: nothing 'running', the
    //    view that was being refreshed failed 'canceled' (committing procedure and the
    //    one-transaction call alike).
    void aTimedOutRunLeavesATruthfulRecord() {
        MVDASH_TRY({
            Connection owner(owner_, QStringLiteral("owner"));
            // unpopulated, so that creating it does not sleep: its refresh does (plainly)
            exec(owner.db(), "CREATE MATERIALIZED VIEW a_sleepy_view AS SELECT 1 AS id, "
                             "pg_sleep(30) IS NULL AS slept WITH NO DATA");
            exec(owner.db(), "GRANT SELECT ON a_sleepy_view TO mvdash_reader");
            Connection op(as(owner_, QStringLiteral("sec_operator")), QStringLiteral("op"));
            exec(op.db(), "SET statement_timeout = '2s'");
            QVERIFY(
                refusal(op.db(), "CALL refresh_aggregate_views_committing()").contains("cancel"));
            const auto last = [&] {
                return scalar(owner.db(), "SELECT outcome || ': ' || error FROM "
                                          "materialized_views_refresh_history WHERE view_name = "
                                          "'a_sleepy_view' ORDER BY history_id DESC LIMIT 1")
                    .toString();
            };
            QVERIFY2(last().startsWith(QStringLiteral("failed: canceled")), qPrintable(last()));
            QCOMPARE(scalar(owner.db(), "SELECT count(*) FROM materialized_views_refresh_history "
                                        "WHERE outcome = 'running'")
                         .toInt(),
                     0);

            const qint64 before =
                scalar(owner.db(), "SELECT count(*) FROM materialized_views_refresh_history WHERE "
                                   "view_name = 'a_sleepy_view'")
                    .toLongLong();
            exec(op.db(), "SELECT count(*) FROM refresh_aggregate_views()");
            QCOMPARE(scalar(owner.db(), "SELECT count(*) FROM materialized_views_refresh_history "
                                        "WHERE view_name = 'a_sleepy_view'")
                         .toLongLong(),
                     before + 1);
            QVERIFY2(last().startsWith(QStringLiteral("failed: canceled")), qPrintable(last()));
            QCOMPARE(scalar(owner.db(), "SELECT last_outcome FROM materialized_views_refresh_log "
                                        "WHERE view_name = 'a_sleepy_view'")
                         .toString(),
                     QStringLiteral("failed"));
            QCOMPARE(scalar(owner.db(), "SELECT count(*) FROM materialized_views_refresh_history "
                                        "WHERE outcome = 'running'")
                         .toInt(),
                     0);
            exec(owner.db(), "DROP MATERIALIZED VIEW a_sleepy_view");
        });
    }

    // 10. Per-tenant views only for tenants that exist; asked again, a dropped key comes back.
    void tenantViewsNeedARealTenantAndKeepTheirKey() {
        MVDASH_TRY({
            Connection op(as(owner_, QStringLiteral("sec_operator")), QStringLiteral("op"));
            for (const char *tenant : {"424242", "9223372036854775807"})
                QVERIFY(refusal(op.db(), QStringLiteral("SELECT create_tenant_view('bets_view', "
                                                        "%1)")
                                             .arg(QLatin1String(tenant)))
                            .contains("does not exist"));
            QCOMPARE(
                scalar(op.db(), "SELECT create_tenant_view('payments_view', 10004)").toString(),
                QStringLiteral("payments_view_tenant_10004"));
            Connection owner(owner_, QStringLiteral("owner"));
            exec(owner.db(), "DROP INDEX payments_view_tenant_10004_key");
            QCOMPARE(
                scalar(op.db(), "SELECT create_tenant_view('payments_view', 10004)").toString(),
                QStringLiteral("payments_view_tenant_10004"));
            QCOMPARE(scalar(op.db(), "SELECT has_unique_index FROM "
                                     "materialized_views_refresh_plan() WHERE view_name = "
                                     "'payments_view_tenant_10004'")
                         .toBool(),
                     true);
            exec(op.db(), "SELECT drop_tenant_view('payments_view', 10004)");
        });
    }

    // 11. grant_tenant refuses roles that read, or could come to read, more than a tenant.
    void grantTenantRefusesWideRoles() {
        MVDASH_TRY({
            createRoles({"CREATE ROLE wide_su LOGIN SUPERUSER",
                         "CREATE ROLE wide_cr LOGIN CREATEROLE",
                         "CREATE ROLE wide_rls LOGIN BYPASSRLS",
                         "CREATE ROLE wide_noinherit LOGIN NOINHERIT IN ROLE mvdash_reader",
                         "CREATE ROLE wide_group NOLOGIN",
                         "GRANT mvdash_operator TO wide_group WITH ADMIN OPTION",
                         "CREATE ROLE wide_member LOGIN IN ROLE wide_group",
                         "CREATE ROLE wide_all_data LOGIN IN ROLE pg_read_all_data",
                         "CREATE ROLE wide_repl LOGIN REPLICATION",
                         "CREATE ROLE wide_program LOGIN IN ROLE pg_execute_server_program",
                         "CREATE ROLE wide_monitor LOGIN IN ROLE pg_monitor",
                         "CREATE ROLE wide_events LOGIN",
                         "GRANT SELECT ON public.payment_events TO wide_events",
                         "CREATE ROLE wide_platform NOLOGIN",
                         "CREATE ROLE wide_writer LOGIN NOINHERIT IN ROLE wide_platform"});
            Connection owner(owner_, QStringLiteral("owner"));
            // an event table owned by the platform's role (migrate adopted it, 034): a
            // NOINHERIT member has no privilege of its own, but can SET ROLE to the owner
            const QString eventsOwner =
                scalar(owner.db(), "SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = "
                                   "'public.balance_events'::regclass")
                    .toString();
            exec(owner.db(), "ALTER TABLE public.balance_events OWNER TO wide_platform");
            for (const char *role : {"wide_su", "wide_cr", "wide_rls", "wide_noinherit",
                                     "wide_member", "wide_all_data", "wide_repl", "wide_program",
                                     "wide_monitor", "wide_events", "wide_writer"}) {
                QSqlQuery q(owner.db());
                q.prepare(catalogQuery(QStringLiteral("tenant_grant")));
                q.addBindValue(QString::fromLatin1(role));
                q.addBindValue(kOwnTenant);
                QVERIFY2(!q.exec(), role);
                QVERIFY2(q.lastError().databaseText().contains("cannot be a tenant administrator"),
                         qPrintable(q.lastError().databaseText()));
            }
            exec(owner.db(),
                 QStringLiteral("ALTER TABLE public.balance_events OWNER TO %1").arg(eventsOwner));
            QCOMPARE(scalar(owner.db(), "SELECT count(*) FROM mvdash_tenant_grants g JOIN "
                                        "pg_roles r ON r.oid = g.role_oid WHERE r.rolname LIKE "
                                        "'wide%'")
                         .toInt(),
                     0);
        });
    }

    // 010 upgrades a database that 001-009 built and used: every view, its rows, the refresh
    // history, the tenant grants and the pg_cron-style call survive the move into mvdash.
    void theUpgradeKeepsEverything() {
        MVDASH_TRY({
            const ConnectionSettings settings =
                cluster_.createDatabase(QStringLiteral("upgrade"), false);
            {
                Connection c(settings, QStringLiteral("old"));
                MigrationRunner(c.db()).migrate(9);
            }
            EventGenerator::Options options;
            options.events = 8000;
            seedDatabase(settings, options);
            Connection c(settings, QStringLiteral("c"));
            QCOMPARE(scalar(c.db(), "SELECT to_regnamespace('mvdash') IS NULL").toBool(), true);
            exec(c.db(), "SELECT count(*) FROM public.refresh_aggregate_views()");
            exec(c.db(), "CREATE ROLE upgrade_admin LOGIN");
            exec(c.db(), "SELECT public.grant_tenant('upgrade_admin', 10003)");
            exec(c.db(), "SELECT public.create_tenant_view('bets_view', 10004)");
            exec(c.db(), "SELECT count(*) FROM public.refresh_aggregate_views()");
            const QString fingerprint =
                "SELECT string_agg(format('%s=%s', matviewname, (xpath('/row/c/text()', "
                "query_to_xml(format('SELECT count(*) AS c FROM %I.%I', schemaname, "
                "matviewname), false, true, '')))[1]::text), ',' ORDER BY matviewname) FROM "
                "pg_matviews WHERE schemaname = %1";
            const QString before = scalar(c.db(), fingerprint.arg("'public'")).toString();
            const qint64 history =
                scalar(c.db(), "SELECT count(*) FROM public.materialized_views_refresh_history")
                    .toLongLong();
            QVERIFY(before.contains("bets_view_tenant_10004=") && history >= 13);

            QCOMPARE(MigrationRunner(c.db()).migrate(10).size(), 1);
            QCOMPARE(scalar(c.db(), fingerprint.arg("'mvdash'")).toString(), before);
            QCOMPARE(scalar(c.db(), "SELECT count(*) FROM pg_matviews WHERE schemaname = 'public'")
                         .toInt(),
                     0);
            QCOMPARE(scalar(c.db(), "SELECT count(*) FROM "
                                    "mvdash.materialized_views_refresh_history")
                         .toLongLong(),
                     history);
            QCOMPARE(scalar(c.db(), "SELECT count(*) FROM mvdash.schema_migrations").toInt(), 10);
            Connection admin(as(settings, QStringLiteral("upgrade_admin")), QStringLiteral("a"));
            QCOMPARE(scalar(admin.db(), "SELECT string_agg(DISTINCT tenant_id::text, ',') FROM "
                                        "bets_view")
                         .toString(),
                     QStringLiteral("10003"));
            const auto outcomes = refreshAll(c.db());
            QCOMPARE(outcomes.size(), 7);
            for (auto it = outcomes.cbegin(); it != outcomes.cend(); ++it)
                QVERIFY2(it.value() == u"ok", qPrintable(it.key()));
            for (const ViewVerifier::Result &r : ViewVerifier(c.db()).verifyAll())
                QVERIFY2(r.differenceCount == 0,
                         qPrintable(r.view + ": " + r.differences.join(u'\n')));
        });
    }
};

QTEST_GUILESS_MAIN(TestSecurity)
#include "tst_security.moc"
