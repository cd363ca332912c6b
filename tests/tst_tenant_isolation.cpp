// Tenant isolation (migration 008): a tenant administrator's role sees its tenant in every
// panel query and nothing of another tenant by any query it can issue — other tenants'
// rows, the base views, guessed names, the refresh functions, the history, leaky functions.

#include "database.h"
#include "livereadmodels.h"
#include "paymentsmodel.h"
#include "testcluster.h"

#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

using namespace mvdash;
using namespace mvdash::test;

namespace {
constexpr qint64 kOwnTenant = 10001;
constexpr qint64 kOtherTenant = 10002;

// Every row of a catalog query as text. Positional `?` get `values` in order; the named
// payments query gets its tenant and no filters.
QList<QStringList> catalogRows(const QSqlDatabase &db, const QString &name,
                               const QVariantList &values) {
    const QString sql = catalogQuery(name);
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        throw DbError::fromSqlError(name, q.lastError());
    if (name == u"payments_page") {
        PaymentFilter filter; // the panel's own binding: the tenant, no filters
        filter.tenantId = values.value(0).toLongLong();
        PaymentsModel::bindFilter(q, filter);
        q.bindValue(QStringLiteral(":after_ms"), QVariant(QMetaType::fromType<qint64>()));
        q.bindValue(QStringLiteral(":after_id"), QVariant(QMetaType::fromType<QString>()));
        q.bindValue(QStringLiteral(":page_size"), 1000);
    } else {
        for (const QVariant &v : values)
            q.addBindValue(v);
    }
    if (!q.exec())
        throw DbError::fromSqlError(name, q.lastError());
    QList<QStringList> rows;
    while (q.next()) {
        QStringList row;
        for (int c = 0; c < q.record().count(); ++c)
            row << (q.isNull(c) ? QStringLiteral("<null>") : q.value(c).toString());
        rows << row;
    }
    return rows;
}

// The same database as the tenant administrator acme_admin (granted kOwnTenant by each test).
ConnectionSettings asTenantAdministrator(ConnectionSettings settings) {
    settings.set(QStringLiteral("user"), QStringLiteral("acme_admin"));
    return settings;
}

// The error text of a statement that must fail (empty when it did not fail).
QString refusal(const QSqlDatabase &db, const QString &sql) {
    QSqlQuery q(db);
    if (q.exec(sql))
        return {};
    return q.lastError().databaseText();
}

// Every row of a query, its columns joined by spaces.
QStringList lines(const QSqlDatabase &db, const QString &sql, const QVariantList &values = {}) {
    QSqlQuery q = runSql(db, sql, values);
    QStringList rows;
    while (q.next()) {
        QStringList row;
        for (int c = 0; c < q.record().count(); ++c)
            row << (q.isNull(c) ? QStringLiteral("-") : q.value(c).toString());
        rows << row.join(u' ');
    }
    return rows;
}

// "name type" of each column of a relation, in order; without type modifiers if told.
QStringList columnsOf(const QSqlDatabase &db, const QString &relation, bool typmods = true) {
    return lines(db,
                 QStringLiteral("SELECT attname, format_type(atttypid, CASE WHEN ? THEN atttypmod "
                                "END) FROM pg_attribute WHERE attrelid = ?::regclass AND attnum > "
                                "0 AND NOT attisdropped ORDER BY attnum"),
                 {typmods, relation});
}

// "name type" of each result column of a set-returning function (no type modifiers: a
// function's result keeps none).
QStringList resultColumnsOf(const QSqlDatabase &db, const QString &function) {
    return lines(db,
                 QStringLiteral("SELECT a.name, format_type(a.typ, NULL) FROM pg_proc p, "
                                "unnest(p.proallargtypes, p.proargmodes::text[], p.proargnames) "
                                "WITH ORDINALITY a(typ, mode, name, n) WHERE p.oid = "
                                "?::regprocedure AND a.mode = 't' ORDER BY a.n"),
                 {function});
}

// What mvdash.tenant_scoped_column_drift() reports: "relation column problem" per row.
QStringList drift(const QSqlDatabase &db) {
    return lines(db, QStringLiteral("SELECT relation, column_name, problem FROM "
                                    "mvdash.tenant_scoped_column_drift() ORDER BY 1, 2, 3"));
}

// Owner, privileges (sorted), options, comment and indexes of a relation: what making it anew
// must keep.
QString keptOf(const QSqlDatabase &db, const QString &relation) {
    return scalar(db,
                  QStringLiteral(
                      "SELECT format('%s %s %s %s %s', c.relowner::regrole, (SELECT "
                      "string_agg(format('%s:%s:%s', x.grantee::regrole, x.privilege_type, "
                      "x.is_grantable), ',' ORDER BY 1) FROM aclexplode(c.relacl) x), "
                      "c.reloptions, obj_description(c.oid, 'pg_class'), (SELECT "
                      "string_agg(pg_get_indexdef(i.indexrelid), ';' ORDER BY 1) FROM pg_index "
                      "i WHERE i.indrelid = c.oid)) FROM pg_class c WHERE c.oid = ?::regclass"),
                  {relation})
        .toString();
}

const QStringList kReadModels{
    "bets_view",          "user_balances_view",   "payments_view",
    "user_activity_view", "tenants_summary_view", "tenant_bet_status_view"};
} // namespace

class TestTenantIsolation : public QObject {
    Q_OBJECT
    TestCluster cluster_;
    ConnectionSettings owner_, tenant_;
    QString user_; // a user id present in both tenants

    // Every tenant-scoped relation against its read model, compared here column by column
    // (not through the drift function under test): tenant_scope's view and the function under
    // it, and every per-tenant copy, which must be of kind `copyKind`. The differences, listed;
    // *checked counts the relations compared.
    static QStringList columnDifferences(const QSqlDatabase &db, const QString &copyKind,
                                         int *checked) {
        QStringList differences;
        const auto compare = [&](const QString &relation, const QStringList &have,
                                 const QStringList &want) {
            ++*checked;
            if (have != want)
                differences << relation + QStringLiteral(": ") + have.join(u", ") +
                                   QStringLiteral(" instead of ") + want.join(u", ");
        };
        for (const QString &view : kReadModels) {
            const QStringList want = columnsOf(db, "mvdash." + view);
            compare("tenant_scope." + view, columnsOf(db, "tenant_scope." + view), want);
            const QString function = "tenant_scope.scoped_" + view + "()";
            compare(function, resultColumnsOf(db, function),
                    columnsOf(db, "mvdash." + view, false));
            for (const QString &copy :
                 lines(db,
                       QStringLiteral("SELECT format('mvdash.%I', relname), relkind FROM pg_class "
                                      "WHERE relnamespace = 'mvdash'::regnamespace AND relname ~ "
                                      "('^' || ? || '_tenant_[0-9]+$') ORDER BY 1"),
                       {view})) {
                const QString name = copy.section(u' ', 0, 0);
                if (copy.section(u' ', 1) != copyKind)
                    differences << name + QStringLiteral(" is of kind ") + copy.section(u' ', 1);
                compare(name, columnsOf(db, name), want);
            }
        }
        return differences;
    }

    // Read models whose rows of the own tenant the tenant role does not get, exactly, through
    // tenant_scope (compared as text, row by row, every column).
    static QStringList scopedRowsDiffer(const QSqlDatabase &owner,
                                        const ConnectionSettings &tenantSettings) {
        Connection tenant(tenantSettings, QStringLiteral("tenant"));
        QStringList differ;
        for (const QString &view : kReadModels) {
            const QString rows = QStringLiteral(
                "SELECT coalesce(md5(string_agg(r::text, '|' ORDER BY r::text)), 'none') || ' ' || "
                "count(*) FROM %1 r WHERE %2");
            const QString want =
                scalar(owner, rows.arg("mvdash." + view, QStringLiteral("tenant_id = ?")),
                       {kOwnTenant})
                    .toString();
            const QString have =
                scalar(tenant.db(), rows.arg("tenant_scope." + view, QStringLiteral("true")))
                    .toString();
            if (have != want || want.startsWith(u"none"))
                differ << view + QStringLiteral(": ") + have + QStringLiteral(" instead of ") +
                              want;
        }
        return differ;
    }

    static QStringList sorted(QStringList list) {
        list.sort();
        return list;
    }

private slots:
    void initTestCase() {
        setSessionsSearchPublic(false); // the panel queries as mvdash's programs run them
        QString error;
        QVERIFY2(cluster_.start(&error), qPrintable(error));
        MVDASH_TRY({
            owner_ = cluster_.createSeededDatabase(QStringLiteral("isolation"), 20000);
            Connection c(owner_, QStringLiteral("t"));
            exec(c.db(), "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = "
                         "'acme_admin') THEN CREATE ROLE acme_admin LOGIN; CREATE ROLE temp_admin "
                         "LOGIN; CREATE ROLE ops_person LOGIN IN ROLE mvdash_operator; END IF; "
                         "END $$");
            runQuery(c.db(), QStringLiteral("tenant_grant"), {"acme_admin", kOwnTenant});
            // a per-tenant copy of another tenant: a name worth guessing
            runQuery(c.db(), QStringLiteral("tenant_view_create"), {"bets_view", kOtherTenant});
            user_ = scalar(c.db(),
                           "SELECT a.user_id FROM user_activity_view a JOIN "
                           "user_activity_view b USING (user_id) WHERE a.tenant_id = ? "
                           "AND b.tenant_id = ? ORDER BY a.total_bets DESC LIMIT 1",
                           {kOwnTenant, kOtherTenant})
                        .toString();
        });
        QVERIFY(!user_.isEmpty());
        tenant_ = owner_;
        tenant_.set(QStringLiteral("user"), QStringLiteral("acme_admin"));
    }

    // Each panel's query, run as the tenant role: the owner's answer for its own tenant,
    // nothing for the other tenant (which the owner does see).
    void panelQueriesAnswerForTheOwnTenantOnly_data() {
        QTest::addColumn<QString>("query");
        QTest::addColumn<bool>("perUser");
        QTest::addColumn<QVariantList>("extra");
        QTest::newRow("bets by status") << "tenant_bets_by_status" << false << QVariantList{};
        QTest::newRow("top players") << "top_players_by_wagered" << false << QVariantList{100};
        QTest::newRow("guide top players") << "guide_top_players" << false << QVariantList{};
        QTest::newRow("tenant stats") << "guide_tenant_stats" << false << QVariantList{};
        QTest::newRow("payments") << "payments_page" << false << QVariantList{};
        QTest::newRow("user prefix") << "user_prefix" << false << QVariantList{"u%"};
        QTest::newRow("user activity") << "user_activity" << true << QVariantList{};
        QTest::newRow("user balance") << "guide_user_balance" << true << QVariantList{};
        QTest::newRow("active bets") << "guide_active_bets" << true << QVariantList{201};
        QTest::newRow("active bets count") << "user_active_bets_count" << true << QVariantList{};
        QTest::newRow("recent bets") << "user_recent_bets" << true << QVariantList{};
        QTest::newRow("guide deposits") << "guide_user_deposits" << true << QVariantList{};
        QTest::newRow("deposits") << "user_deposits" << true << QVariantList{};
        QTest::newRow("withdrawals") << "user_withdrawals" << true << QVariantList{};
    }
    void panelQueriesAnswerForTheOwnTenantOnly() {
        QFETCH(QString, query);
        QFETCH(bool, perUser);
        QFETCH(QVariantList, extra);
        MVDASH_TRY({
            Connection owner(owner_, QStringLiteral("owner"));
            Connection tenant(tenant_, QStringLiteral("tenant"));
            const auto args = [&](qint64 t) {
                QVariantList v{t};
                if (perUser)
                    v << user_;
                return v + extra;
            };
            const auto expected = catalogRows(owner.db(), query, args(kOwnTenant));
            QVERIFY(!expected.isEmpty());
            QCOMPARE(catalogRows(tenant.db(), query, args(kOwnTenant)), expected);
            QVERIFY(!catalogRows(owner.db(), query, args(kOtherTenant)).isEmpty());
            QCOMPARE(catalogRows(tenant.db(), query, args(kOtherTenant)).size(), 0);
        });
    }

    void tenantListsHoldTheOwnTenantOnly() {
        MVDASH_TRY({
            Connection tenant(tenant_, QStringLiteral("tenant"));
            const auto rows = catalogRows(tenant.db(), QStringLiteral("tenants_summary_all"), {});
            QCOMPARE(rows.size(), 1);
            QCOMPARE(rows.first().first(), QString::number(kOwnTenant));
            QCOMPARE(scalar(tenant.db(), "SELECT string_agg(tenant_id::text, ',') FROM tenants")
                         .toString(),
                     QString::number(kOwnTenant));
            // the freshness line: counts for a user of its tenant, nothing for another's
            const auto own =
                catalogRows(tenant.db(), QStringLiteral("user_freshness"), {kOwnTenant, user_});
            QCOMPARE(own.size(), 1);
            QVERIFY(own.first().value(1) != u"<null>");
            const auto other =
                catalogRows(tenant.db(), QStringLiteral("user_freshness"), {kOtherTenant, user_});
            QCOMPARE(other.size(), 1);
            QCOMPARE(other.first().mid(1), (QStringList{"<null>", "<null>", "<null>"}));
        });
    }

    // Every relation of the mvdash schema, whatever its name, refuses the tenant role
    // (extensions' own catalog views, such as Citus's citus_tables, are not ours).
    void everyRelationOutsideTheScopeIsRefused() {
        MVDASH_TRY({
            Connection owner(owner_, QStringLiteral("owner"));
            Connection tenant(tenant_, QStringLiteral("tenant"));
            QSqlQuery relations(owner.db());
            QVERIFY(relations.exec(
                "SELECT format('%I.%I', n.nspname, c.relname) FROM pg_class c JOIN pg_namespace "
                "n ON n.oid = c.relnamespace WHERE n.nspname IN ('public', 'mvdash') AND c.relkind "
                "IN "
                "('r','v','m','p','f','S') AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE "
                "d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e') "
                "ORDER BY 1"));
            int checked = 0;
            while (relations.next()) {
                const QString name = relations.value(0).toString();
                const QString error = refusal(tenant.db(), "SELECT * FROM " + name + " LIMIT 1");
                QVERIFY2(error.contains(QStringLiteral("permission denied")),
                         qPrintable(name + ": " + (error.isEmpty() ? "readable" : error)));
                ++checked;
            }
            QVERIFY(checked >= 15); // events, views, log, history, grants, the tenant copy
            QVERIFY(!refusal(tenant.db(), "SELECT * FROM mvdash.bets_view_tenant_10002").isEmpty());
        });
    }

    // Refresh, grants and every other function of the schema: not executable; the scoped
    // relations hold the own tenant's rows only.
    void functionsAreRefusedAndScopedRelationsHoldOwnRows() {
        MVDASH_TRY({
            Connection owner(owner_, QStringLiteral("owner"));
            Connection tenant(tenant_, QStringLiteral("tenant"));
            QCOMPARE(scalar(owner.db(),
                            "SELECT string_agg(p.oid::regprocedure::text, ', ') FROM pg_proc p "
                            "WHERE p.pronamespace = 'mvdash'::regnamespace AND "
                            "has_function_privilege('acme_admin', p.oid, 'EXECUTE')")
                         .toString(),
                     QString());
            for (const char *call :
                 {"SELECT * FROM mvdash.refresh_aggregate_views()",
                  "SELECT * FROM mvdash.manual_refresh_all_views()",
                  "SELECT * FROM mvdash.refresh_materialized_view('bets_view')",
                  "CALL mvdash.refresh_aggregate_views_committing()",
                  "SELECT mvdash.grant_tenant('acme_admin', 10002)",
                  "SELECT * FROM mvdash.user_events_since(10002, 'u000000', '-infinity')",
                  "REFRESH MATERIALIZED VIEW mvdash.bets_view",
                  "INSERT INTO tenant_scope.bets_view (tenant_id, bet_id) VALUES (10002, 'x')"}) {
                const QString error = refusal(tenant.db(), QString::fromLatin1(call));
                QVERIFY2(!error.isEmpty(), call);
            }
            QSqlQuery scoped(owner.db());
            QVERIFY(scoped.exec(
                "SELECT format('%I.%I', c.table_schema, c.table_name) FROM "
                "information_schema.columns c WHERE c.table_schema = 'tenant_scope' AND "
                "c.column_name = 'tenant_id' ORDER BY 1"));
            int checked = 0;
            while (scoped.next()) {
                const QString name = scoped.value(0).toString();
                QCOMPARE(scalar(tenant.db(), "SELECT count(*) FILTER (WHERE tenant_id <> " +
                                                 QString::number(kOwnTenant) +
                                                 ") || '/' || count(*) FROM " + name)
                             .toString()
                             .section(u'/', 0, 0),
                         QStringLiteral("0"));
                ++checked;
            }
            QCOMPARE(checked, 7);
            QCOMPARE(scalar(tenant.db(), "SELECT count(*) FROM materialized_views_refresh_log "
                                         "WHERE view_name LIKE '%tenant_1%'")
                         .toInt(),
                     0);
        });
    }

    // security_barrier: a function of the caller's in the WHERE clause (cheapest possible,
    // so the planner would like to run it first) only ever sees rows of the own tenant.
    void leakyFunctionsSeeOnlyOwnRows() {
        MVDASH_TRY({
            Connection tenant(tenant_, QStringLiteral("tenant"));
            exec(tenant.db(), "CREATE TEMP TABLE seen (tenant_id bigint)");
            exec(tenant.db(), "CREATE FUNCTION pg_temp.peek(t bigint) RETURNS boolean LANGUAGE "
                              "plpgsql COST 0.0000001 AS $$ BEGIN INSERT INTO seen VALUES (t); "
                              "RETURN true; END $$");
            for (const char *view :
                 {"bets_view", "payments_view", "user_balances_view", "user_activity_view",
                  "tenants_summary_view", "tenant_bet_status_view", "tenants"})
                exec(tenant.db(), QStringLiteral("SELECT count(*) FROM %1 WHERE "
                                                 "pg_temp.peek(tenant_id)")
                                      .arg(QLatin1String(view)));
            QVERIFY(scalar(tenant.db(), "SELECT count(*) FROM seen").toInt() > 0);
            QCOMPARE(
                scalar(tenant.db(), "SELECT count(*) FROM seen WHERE tenant_id <> ?", {kOwnTenant})
                    .toInt(),
                0);
        });
    }

    // Issue #14: every tenant-scoped relation (tenant_scope's views and the functions under
    // them, every per-tenant copy) has exactly its read model's columns, names, types and order,
    // in matview mode and after a convert to live mode. Drift of every kind (a column missing,
    // another type, one too many, a read model that gains a column) is reported by
    // tenant_scoped_column_drift() and repaired by the functions that make these relations,
    // which keep the owner, privileges, comment and indexes the relation had.
    void tenantScopedRelationsHaveTheirReadModelsColumns() {
        MVDASH_TRY({
            const auto settings = cluster_.createSeededDatabase(QStringLiteral("columns"), 4000);
            const ConnectionSettings tenantSettings = asTenantAdministrator(settings);
            Connection c(settings, QStringLiteral("t"));
            exec(c.db(), "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = "
                         "'copy_reader') THEN CREATE ROLE copy_reader NOLOGIN; END IF; END $$");
            runQuery(c.db(), QStringLiteral("tenant_grant"), {"acme_admin", kOwnTenant});
            for (const QString &view : kReadModels)
                for (const qint64 tenant : {kOwnTenant, kOtherTenant})
                    runQuery(c.db(), QStringLiteral("tenant_view_create"), {view, tenant});
            int checked = 0;
            QCOMPARE(columnDifferences(c.db(), QStringLiteral("m"), &checked), QStringList());
            QCOMPARE(checked, 6 * 4);
            QCOMPARE(drift(c.db()), QStringList());

            // Matview mode. A copy made by hand with another column list (currency missing,
            // amount of another type, one column too many), with an index, a grant and a
            // comment of its own; a scoped view without its last column.
            const QString copy = QStringLiteral("mvdash.payments_view_tenant_%1").arg(kOtherTenant);
            exec(c.db(), QStringLiteral("DROP MATERIALIZED VIEW %1").arg(copy));
            exec(c.db(),
                 QStringLiteral(
                     "CREATE MATERIALIZED VIEW %1 AS SELECT tenant_id, payment_id, user_id, "
                     "amount::numeric AS amount, payment_method, external_id, payment_type, "
                     "status, last_updated_timestamp, last_updated_at, 0 AS surplus FROM "
                     "mvdash.payments_view WHERE tenant_id = %2")
                     .arg(copy)
                     .arg(kOtherTenant));
            exec(c.db(), QStringLiteral("CREATE UNIQUE INDEX payments_view_tenant_%1_key ON %2 "
                                        "(tenant_id, payment_id)")
                             .arg(kOtherTenant)
                             .arg(copy));
            exec(c.db(), QStringLiteral("CREATE INDEX payments_by_user ON %1 (user_id)").arg(copy));
            exec(c.db(),
                 QStringLiteral("GRANT SELECT ON %1 TO mvdash_reader, copy_reader").arg(copy));
            exec(c.db(), QStringLiteral("COMMENT ON MATERIALIZED VIEW %1 IS 'kept'").arg(copy));
            const QString copyKept = keptOf(c.db(), copy);
            exec(c.db(), "DROP VIEW tenant_scope.user_activity_view");
            exec(c.db(),
                 "CREATE VIEW tenant_scope.user_activity_view AS SELECT tenant_id, user_id, "
                 "current_balance, total_bets, total_wagered, total_winnings, "
                 "total_deposited, total_withdrawn FROM "
                 "tenant_scope.scoped_user_activity_view()");
            exec(c.db(), "GRANT SELECT ON tenant_scope.user_activity_view TO mvdash_tenant");
            const QString scopedKept =
                keptOf(c.db(), QStringLiteral("tenant_scope.user_activity_view"));
            QCOMPARE(drift(c.db()),
                     (QStringList{copy + " amount type", copy + " currency missing",
                                  copy + " surplus extra",
                                  "tenant_scope.user_activity_view last_activity_at missing"}));
            checked = 0;
            QCOMPARE(columnDifferences(c.db(), QStringLiteral("m"), &checked).size(), 2);

            // create_tenant_view asked again brings the copy back in line, tenant_scope_build
            // the scoped view; both keep what they had
            runQuery(c.db(), QStringLiteral("tenant_view_create"), {"payments_view", kOtherTenant});
            exec(c.db(), "SELECT mvdash.tenant_scope_build('user_activity_view')");
            QCOMPARE(drift(c.db()), QStringList());
            checked = 0;
            QCOMPARE(columnDifferences(c.db(), QStringLiteral("m"), &checked), QStringList());
            QCOMPARE(keptOf(c.db(), copy), copyKept);
            QCOMPARE(keptOf(c.db(), QStringLiteral("tenant_scope.user_activity_view")), scopedKept);
            QCOMPARE(
                scalar(c.db(), QStringLiteral("SELECT count(*) FROM %1").arg(copy)).toLongLong(),
                scalar(c.db(), "SELECT count(*) FROM mvdash.payments_view WHERE tenant_id = ?",
                       {kOtherTenant})
                    .toLongLong());
            QCOMPARE(scopedRowsDiffer(c.db(), tenantSettings), QStringList());

            // Live mode: the copies are views now, with the same columns
            convertReadModels(c.db(), ReadModelMode::Live, [](const QString &) {});
            checked = 0;
            QCOMPARE(columnDifferences(c.db(), QStringLiteral("v"), &checked), QStringList());
            QCOMPARE(checked, 6 * 4);
            QCOMPARE(drift(c.db()), QStringList());
            // and the tenant role reads its own rows through every one of them (on Citus the
            // live read models are distributed: the scoped functions must not send the lookup
            // of the caller's tenants to the workers)
            QCOMPARE(scopedRowsDiffer(c.db(), tenantSettings), QStringList());

            // A read model gains a column (as a later migration would add one): every relation
            // made before lacks it, and says so
            const QString liveCopy =
                QStringLiteral("mvdash.user_balances_view_tenant_%1").arg(kOwnTenant);
            exec(c.db(), QStringLiteral("GRANT SELECT ON %1 TO copy_reader").arg(liveCopy));
            const QString liveCopyKept = keptOf(c.db(), liveCopy);
            const QString balancesKept =
                keptOf(c.db(), QStringLiteral("tenant_scope.user_balances_view"));
            const auto liveCopyOid =
                scalar(c.db(), "SELECT ?::regclass::oid::bigint", {liveCopy}).toLongLong();
            exec(c.db(), "CREATE OR REPLACE VIEW mvdash.user_balances_view AS SELECT tenant_id, "
                         "user_id, balance, transaction_count, last_transaction_timestamp, "
                         "last_transaction_at, 7::integer AS loyalty_points FROM "
                         "mvdash.live_user_balances");
            const QString otherLiveCopy =
                QStringLiteral("mvdash.user_balances_view_tenant_%1").arg(kOtherTenant);
            QCOMPARE(sorted(drift(c.db())),
                     sorted({liveCopy + " loyalty_points missing",
                             otherLiveCopy + " loyalty_points missing",
                             "tenant_scope.scoped_user_balances_view() loyalty_points missing",
                             "tenant_scope.user_balances_view loyalty_points missing"}));
            for (const qint64 tenant : {kOwnTenant, kOtherTenant})
                runQuery(c.db(), QStringLiteral("tenant_view_create"),
                         {"user_balances_view", tenant});
            exec(c.db(), "SELECT mvdash.tenant_scope_build('user_balances_view')");
            QCOMPARE(drift(c.db()), QStringList());
            checked = 0;
            QCOMPARE(columnDifferences(c.db(), QStringLiteral("v"), &checked), QStringList());
            // the view copy was replaced in place (same relation: grants and dependants stay)
            QCOMPARE(scalar(c.db(), "SELECT ?::regclass::oid::bigint", {liveCopy}).toLongLong(),
                     liveCopyOid);
            QCOMPARE(keptOf(c.db(), liveCopy), liveCopyKept);
            QCOMPARE(keptOf(c.db(), QStringLiteral("tenant_scope.user_balances_view")),
                     balancesKept);
            Connection tenant(tenantSettings, QStringLiteral("tenant"));
            QCOMPARE(scalar(tenant.db(), "SELECT string_agg(DISTINCT loyalty_points || '@' || "
                                         "tenant_id, ',') FROM tenant_scope.user_balances_view")
                         .toString(),
                     QStringLiteral("7@%1").arg(kOwnTenant));
        });
    }

    // A tenant administrator's freshness (035): the mode, and in live mode the lag of its own
    // tenant only; other tenants' pending events (which ops count) are not in it, and ops'
    // function, with the platform's arrivals and steps, stays refused.
    void aTenantAdministratorsLagCountsItsOwnEventsOnly() {
        MVDASH_TRY({
            const auto settings = cluster_.createSeededDatabase(QStringLiteral("tenantlag"), 2000);
            const ConnectionSettings tenantSettings = asTenantAdministrator(settings);
            Connection c(settings, QStringLiteral("t"));
            runQuery(c.db(), QStringLiteral("tenant_grant"), {"acme_admin", kOwnTenant});
            const auto tenantAnswer = [&] {
                Connection tenant(tenantSettings, QStringLiteral("tenant"));
                return catalogRows(tenant.db(), QStringLiteral("tenant_read_model_freshness"), {});
            };
            QCOMPARE(tenantAnswer(), (QList<QStringList>{{"matview", "<null>", "<null>"}}));

            convertReadModels(c.db(), ReadModelMode::Live, [](const QString &) {});
            QCOMPARE(tenantAnswer(), (QList<QStringList>{{"live", "0", "0"}}));
            // three events of its own tenant and five of another, not applied yet
            for (int i = 0; i < 8; ++i)
                runSql(c.db(),
                       "INSERT INTO public.bet_events (tenant_id, event_id, bet_id, user_id, "
                       "event_type, "
                       "stake, odds, fixture_id, event_timestamp) VALUES (?, ?, ?, 'lag-user', "
                       "'placed', 5, 2, 'fx', 1)",
                       {i < 3 ? kOwnTenant : kOtherTenant, 990000001 + i,
                        QStringLiteral("lag-b%1").arg(i)});
            const QList<QStringList> pending = tenantAnswer();
            QCOMPARE(pending.size(), 1);
            QCOMPARE(pending.first().mid(0, 2), (QStringList{"live", "3"}));
            QVERIFY2(pending.first().at(2).toDouble() >= 0, qPrintable(pending.first().at(2)));
            QCOMPARE(scalar(c.db(), "SELECT max(lag_events) FROM mvdash.read_model_freshness()")
                         .toLongLong(),
                     8);
            {
                Connection tenant(tenantSettings, QStringLiteral("tenant"));
                QVERIFY(refusal(tenant.db(), "SELECT * FROM mvdash.read_model_freshness()")
                            .contains("permission denied"));
                // the caller's planner settings do not make it read the event tables whole
                exec(tenant.db(), "SET enable_indexscan = off");
                exec(tenant.db(), "SET enable_indexonlyscan = off");
                exec(tenant.db(), "SET enable_bitmapscan = off");
                QVERIFY(tenant.db().transaction());
                QCOMPARE(catalogRows(tenant.db(), QStringLiteral("tenant_read_model_freshness"), {})
                             .value(0)
                             .value(1),
                         QStringLiteral("3"));
                // (plain PostgreSQL: on Citus the shards are read on the workers, which plan
                // with their own settings, and the coordinator's counters stay 0 either way)
                if (!cluster_.isCitus())
                    QCOMPARE(
                        scalar(tenant.db(),
                               "SELECT coalesce(sum(seq_scan), 0) FROM pg_stat_xact_all_tables "
                               "WHERE schemaname = 'public' AND relname IN ('bet_events', "
                               "'balance_events', 'payment_events')")
                            .toLongLong(),
                        0);
                QVERIFY(tenant.db().commit());
            }
            QVERIFY(!runStep(c.db(), 60000, true).isEmpty());
            QCOMPARE(tenantAnswer(), (QList<QStringList>{{"live", "0", "0"}}));

            // the steps over a million arrivals behind, another tenant's event among the first
            // million, its own past them: not counted (NULL), not "none behind"
            const auto insertBet = [&](qint64 tenant, qint64 id) {
                runSql(c.db(),
                       "INSERT INTO public.bet_events (tenant_id, event_id, bet_id, user_id, "
                       "event_type, stake, odds, fixture_id, event_timestamp) VALUES (?, ?, ?, "
                       "'lag-user', 'placed', 5, 2, 'fx', 1)",
                       {tenant, id, QStringLiteral("far-b%1").arg(id)});
            };
            insertBet(kOtherTenant, 990000101);
            exec(c.db(), "SELECT setval('mvdash.event_arrival_seq', "
                         "(SELECT applied_arrival + 1500000 FROM mvdash.live_progress))");
            insertBet(kOwnTenant, 990000102);
            const QList<QStringList> far = tenantAnswer();
            QCOMPARE(far.size(), 1);
            QCOMPARE(far.first().mid(0, 2), (QStringList{"live", "<null>"}));
            QVERIFY2(far.first().at(2).toDouble() >= 0, qPrintable(far.first().at(2)));
            QVERIFY(!runStep(c.db(), 60000, true).isEmpty());
            QCOMPARE(tenantAnswer(), (QList<QStringList>{{"live", "0", "0"}}));
        });
    }

    // A tenant role's own planner settings (index scans off, or an index path made dearer than
    // a disabled sequential scan) do not make the functions it reads through scan the event
    // tables or the read models whole, every tenant's rows, in either mode (039: they did, with
    // the scans off, until every tenant_scope function pinned mvdash's settings).
    void theCallersPlannerSettingsWidenNoRead() {
        MVDASH_TRY({
            const auto settings =
                cluster_.createSeededDatabase(QStringLiteral("tenantplans"), 3000);
            Connection c(settings, QStringLiteral("t"));
            runQuery(c.db(), QStringLiteral("tenant_grant"), {"acme_admin", kOwnTenant});
            const QString user =
                scalar(c.db(),
                       "SELECT user_id FROM user_activity_view WHERE tenant_id = ? ORDER BY "
                       "total_bets DESC, user_id LIMIT 1",
                       {kOwnTenant})
                    .toString();
            for (const ReadModelMode mode : {ReadModelMode::Matview, ReadModelMode::Live}) {
                if (mode == ReadModelMode::Live)
                    convertReadModels(c.db(), ReadModelMode::Live, [](const QString &) {});
                Connection tenant(asTenantAdministrator(settings), QStringLiteral("tenant"));
                for (const char *setting :
                     {"SET enable_indexscan = off", "SET enable_indexonlyscan = off",
                      "SET enable_bitmapscan = off", "SET random_page_cost = 1e12"})
                    exec(tenant.db(), setting);
                QVERIFY(tenant.db().transaction());
                const QStringList views =
                    lines(tenant.db(), "SELECT table_name FROM information_schema.views WHERE "
                                       "table_schema = 'tenant_scope' ORDER BY 1");
                QVERIFY2(views.size() >= 8, qPrintable(views.join(u' ')));
                qint64 rows = 0;
                for (const QString &view : views)
                    rows += scalar(tenant.db(),
                                   QStringLiteral("SELECT count(*) FROM tenant_scope.%1").arg(view))
                                .toLongLong();
                QVERIFY(rows > 0);
                QVERIFY(scalar(tenant.db(),
                               "SELECT bet_events FROM tenant_scope.user_events_since(?, ?, "
                               "now() - interval '100 years')",
                               {kOwnTenant, user})
                            .toLongLong() > 0);
                if (mode == ReadModelMode::Live)
                    QVERIFY(scalar(tenant.db(),
                                   "SELECT total_bets FROM tenant_scope.user_exact(?, ?)",
                                   {kOwnTenant, user})
                                .toLongLong() > 0);
                // no table of tenants' rows read whole (the platform's one-row tables and its
                // refresh log are); plain PostgreSQL: on Citus the shards are read on the
                // workers, with their own settings, and the coordinator's counters stay 0
                if (!cluster_.isCitus())
                    QCOMPARE(scalar(tenant.db(),
                                    "SELECT coalesce(string_agg(format('%s.%s: %s rows', "
                                    "schemaname, relname, seq_tup_read), ', '), '') FROM "
                                    "pg_stat_xact_all_tables WHERE seq_scan > 0 AND "
                                    "schemaname IN ('public', 'mvdash') AND relname NOT IN "
                                    "('live_progress', 'read_model_mode', 'tenants', "
                                    "'materialized_views_refresh_log')")
                                 .toString(),
                             QString());
                QVERIFY(tenant.db().commit());
            }
            // ... and every one of them says so in the catalog, on both engines
            QCOMPARE(scalar(c.db(),
                            "SELECT coalesce(string_agg(p.oid::regprocedure::text, ', '), '') "
                            "FROM pg_proc p WHERE p.pronamespace = 'tenant_scope'::regnamespace "
                            "AND p.prokind = 'f' AND NOT p.proconfig @> ARRAY['enable_seqscan="
                            "off', 'enable_indexscan=on', 'enable_bitmapscan=on', "
                            "'random_page_cost=4', 'jit=off']")
                         .toString(),
                     QString());
        });
    }

    // grant_tenant checks what it is given and revoke_tenant takes everything back.
    void grantsAreCheckedAndRevocable() {
        MVDASH_TRY({
            Connection owner(owner_, QStringLiteral("owner"));
            const auto grantError = [&](const QString &role, qint64 t) {
                QSqlQuery q(owner.db());
                q.prepare(catalogQuery(QStringLiteral("tenant_grant")));
                q.addBindValue(role);
                q.addBindValue(t);
                return q.exec() ? QString() : q.lastError().databaseText();
            };
            QVERIFY(grantError("nobody", kOwnTenant).contains("does not exist"));
            QVERIFY(grantError("temp_admin", 424242).contains("tenant 424242 does not exist"));
            QVERIFY(
                grantError("ops_person", kOwnTenant).contains("cannot be a tenant administrator"));
            QVERIFY(
                grantError("x\"; DROP TABLE tenants; --", kOwnTenant).contains("does not exist"));
            QCOMPARE(grantError("temp_admin", 10003), QString());

            ConnectionSettings tempSettings = owner_;
            tempSettings.set(QStringLiteral("user"), QStringLiteral("temp_admin"));
            {
                Connection temp(tempSettings, QStringLiteral("temp"));
                QCOMPARE(scalar(temp.db(), "SELECT string_agg(DISTINCT tenant_id::text, ',') "
                                           "FROM bets_view")
                             .toString(),
                         QStringLiteral("10003"));
            }
            runQuery(owner.db(), QStringLiteral("tenant_revoke"), {"temp_admin", 10003});
            Connection temp(tempSettings, QStringLiteral("temp"));
            // its search_path no longer reaches tenant_scope, and mvdash is not readable
            const QString gone = refusal(temp.db(), "SELECT * FROM bets_view");
            QVERIFY2(gone.contains("does not exist") || gone.contains("permission denied"),
                     qPrintable(gone));
            QVERIFY(refusal(temp.db(), "SELECT * FROM tenant_scope.bets_view")
                        .contains("permission denied"));
            QCOMPARE(scalar(owner.db(), "SELECT pg_has_role('temp_admin', 'mvdash_tenant', "
                                        "'MEMBER')")
                         .toBool(),
                     false);
        });
    }
};

QTEST_GUILESS_MAIN(TestTenantIsolation)
#include "tst_tenant_isolation.moc"
