// mvdash-bench: the guide's comparison table, the panels' queries and the refresh cost,
// measured side by side in one run. Writes results-<events>.json and .md.
//   mvdash-bench [--dsn DSN | --events N] [--repeat R] [--out DIR]
// Without --dsn it starts a private PostgreSQL cluster, seeds N events and refreshes.

#include "database.h"
#include "dberror.h"
#include "loaddriver.h"
#include "localcluster.h"
#include "migrationrunner.h"
#include "paymentsmodel.h"
#include "refreshrunner.h"
#include "seeder.h"

#include <cmath>
#include <cstdio>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDriver>
#include <QSqlField>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QThread>

using namespace mvdash;

namespace {

void say(const QString &text) {
    std::fprintf(stderr, "%s\n", qPrintable(text));
}

struct Stats {
    double median = NAN;
    double p95 = NAN;
    QJsonObject json() const {
        return {{QStringLiteral("median_ms"), median}, {QStringLiteral("p95_ms"), p95}};
    }
};

Stats stats(QList<double> samples) {
    Stats s;
    if (samples.isEmpty())
        return s;
    std::sort(samples.begin(), samples.end());
    s.median = samples[samples.size() / 2];
    s.p95 = samples[std::min<qsizetype>(samples.size() - 1,
                                        qsizetype(std::ceil(samples.size() * 0.95)) - 1)];
    return s;
}

using Binds = QVariant; // QVariantList (positional) or QVariantMap (named)

void bind(QSqlQuery &q, const Binds &binds) {
    if (binds.typeId() == QMetaType::QVariantMap) {
        const QVariantMap map = binds.toMap();
        for (auto it = map.cbegin(); it != map.cend(); ++it)
            q.bindValue(it.key(), it.value());
    } else {
        for (const QVariant &v : binds.toList())
            q.addBindValue(v);
    }
}

// The statement with its values written in as literals, quoted by the driver: QPSQL prepares
// with SQL PREPARE, which cannot hold an EXPLAIN, so EXPLAIN (ANALYZE) gets literal text.
QString inlineBinds(const QSqlDatabase &db, QString sql, const Binds &binds) {
    auto literal = [&db](const QVariant &value) {
        QSqlField field(QString(), value.metaType());
        field.setValue(value);
        return db.driver()->formatValue(field);
    };
    if (binds.typeId() == QMetaType::QVariantMap) {
        const QVariantMap map = binds.toMap();
        // longest names first, so that :after_id is not taken for :after
        QStringList names = map.keys();
        std::sort(names.begin(), names.end(),
                  [](const QString &a, const QString &b) { return a.size() > b.size(); });
        for (const QString &name : names)
            sql.replace(QRegularExpression(QStringLiteral("(?<!:)") +
                                           QRegularExpression::escape(name) +
                                           QStringLiteral("\\b")),
                        literal(map.value(name)));
        return sql;
    }
    // values in order: the n-th named placeholder (not a ::cast, not in a string) takes the
    // n-th value, as Qt binds them
    static const QRegularExpression placeholder(QStringLiteral("'[^']*'|(?<!:):[A-Za-z_]\\w*"));
    QString out;
    const QVariantList values = binds.toList();
    qsizetype next = 0, last = 0;
    for (auto it = placeholder.globalMatch(sql); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        out += sql.mid(last, m.capturedStart() - last);
        out += m.captured().startsWith(u'\'') || next >= values.size() ? m.captured()
                                                                       : literal(values[next++]);
        last = m.capturedEnd();
    }
    return out + sql.mid(last);
}

struct Timing {
    Stats server; // EXPLAIN (ANALYZE) execution time
    Stats client; // prepare-once, execute and fetch every row, as the app does
    QJsonObject json() const {
        return {{QStringLiteral("server"), server.json()},
                {QStringLiteral("client"), client.json()}};
    }
};

// Times one statement `repeat` times after two warm-up runs.
Timing timeQuery(const QSqlDatabase &db, const QString &sql, const Binds &binds, int repeat) {
    const QString explainSql =
        QStringLiteral("EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) ") + inlineBinds(db, sql, binds);
    QSqlQuery explain(db);
    QSqlQuery run(db);
    run.setForwardOnly(true);
    if (!run.prepare(sql))
        throw DbError::fromSqlError(QStringLiteral("prepare"), run.lastError());
    QList<double> server, client;
    for (int i = 0; i < repeat + 2; ++i) {
        if (!explain.exec(explainSql) || !explain.next())
            throw DbError::fromSqlError(QStringLiteral("explain"), explain.lastError());
        const double ms = QJsonDocument::fromJson(explain.value(0).toString().toUtf8())
                              .array()
                              .at(0)
                              .toObject()
                              .value(QStringLiteral("Execution Time"))
                              .toDouble(NAN);
        explain.finish();
        bind(run, binds);
        QElapsedTimer timer;
        timer.start();
        if (!run.exec())
            throw DbError::fromSqlError(QStringLiteral("run"), run.lastError());
        while (run.next())
            (void)run.value(0);
        const double clientMs = double(timer.nsecsElapsed()) / 1e6;
        run.finish();
        if (i >= 2) { // warm-up runs are not counted
            server << ms;
            client << clientMs;
        }
    }
    return {stats(server), stats(client)};
}

double timeStatement(const QSqlDatabase &db, const QString &sql) {
    QElapsedTimer timer;
    timer.start();
    execScript(db, sql, sql.left(40));
    return double(timer.nsecsElapsed()) / 1e6;
}

QString fmt(double ms) {
    return std::isnan(ms) ? QStringLiteral("—") : QString::number(ms, 'f', ms < 10 ? 3 : 1);
}

struct Subject {
    QString label;
    qint64 tenant = 0;
    QString user, bet;
};

class Bench {
public:
    Bench(QSqlDatabase db, ConnectionSettings settings, int repeat, bool ownsDatabase,
          QStringList sections)
        : db_(std::move(db))
        , settings_(std::move(settings))
        , repeat_(repeat)
        , ownsDatabase_(ownsDatabase)
        , sections_(std::move(sections)) {}

    QJsonObject run(qint64 events) {
        QJsonObject out;
        out[QStringLiteral("machine")] = machine();
        out[QStringLiteral("events")] = double(eventCount());
        out[QStringLiteral("seeded_events")] = double(events);
        QList<Subject> subjects;
        QSqlQuery pick = runQuery(db_, QStringLiteral("bench_pick_subjects"));
        while (pick.next())
            subjects << Subject{pick.value(0).toString(), pick.value(1).toLongLong(),
                                pick.value(2).toString(), pick.value(3).toString()};
        pick.finish();
        if (subjects.isEmpty())
            throw DbError(QStringLiteral("no data to measure: seed and refresh first"));

        if (wants(QStringLiteral("comparisons")))
            out[QStringLiteral("comparisons")] = comparisons(subjects);
        if (wants(QStringLiteral("panels"))) {
            say(QStringLiteral("panel queries..."));
            out[QStringLiteral("panel_queries")] = panelQueries(subjects.first());
        }
        if (wants(QStringLiteral("refresh"))) {
            say(QStringLiteral("refresh..."));
            out[QStringLiteral("refresh")] = refresh(events);
            QSqlQuery ratio = runQuery(db_, QStringLiteral("view_size_ratio"));
            ratio.next();
            out[QStringLiteral("sizes")] = QJsonObject{
                {QStringLiteral("views_bytes"), double(ratio.value(0).toLongLong())},
                {QStringLiteral("event_tables_bytes"), double(ratio.value(1).toLongLong())},
                {QStringLiteral("ratio"), ratio.value(2).toString().toDouble()}};
            ratio.finish();
        }
        if (wants(QStringLiteral("definitions"))) {
            say(QStringLiteral(
                "definitions (one sort against an ordered aggregate per column)..."));
            out[QStringLiteral("definitions")] = definitions();
        }
        if (wants(QStringLiteral("load"))) {
            say(QStringLiteral("load (readers during Refresh all, refresh storm)..."));
            out[QStringLiteral("load")] = load();
        }
        if (wants(QStringLiteral("gui"))) {
            say(QStringLiteral("GUI..."));
            out[QStringLiteral("gui")] = gui(subjects.first().tenant, events);
        }
        return out;
    }

private:
    bool wants(const QString &section) const {
        return sections_.isEmpty() || sections_.contains(section);
    }

    QJsonArray comparisons(const QList<Subject> &subjects) {
        say(QStringLiteral("comparisons (event sourcing vs view)..."));
        QJsonArray comparisons;
        for (const Subject &s : subjects) {
            comparisons.append(
                compare(QStringLiteral("bet state"), 100, QStringLiteral("bench_es_bet_state"),
                        QVariantList{s.tenant, s.bet}, QStringLiteral("bench_view_bet_state"),
                        QVariantList{s.tenant, s.bet}, s));
            comparisons.append(
                compare(QStringLiteral("user balance"), 50, QStringLiteral("bench_es_user_balance"),
                        QVariantList{s.tenant, s.user}, QStringLiteral("guide_user_balance"),
                        QVariantList{s.tenant, s.user}, s));
            comparisons.append(compare(QStringLiteral("top 10 players"), 200,
                                       QStringLiteral("bench_es_top_players"),
                                       QVariantList{s.tenant}, QStringLiteral("guide_top_players"),
                                       QVariantList{s.tenant}, s));
            comparisons.append(compare(
                QStringLiteral("dashboard statistics"), 500, QStringLiteral("bench_es_dashboard"),
                QVariantList{s.tenant, s.tenant, s.tenant, s.tenant, s.tenant, s.tenant},
                QStringLiteral("guide_tenant_stats"), QVariantList{s.tenant}, s));
        }
        return comparisons;
    }

    qint64 eventCount() {
        QSqlQuery q(db_);
        q.exec(QStringLiteral(
            "SELECT (SELECT count(*) FROM public.bet_events) + (SELECT count(*) FROM "
            "public.balance_events) + (SELECT count(*) FROM public.payment_events)"));
        return q.next() ? q.value(0).toLongLong() : 0;
    }

    QJsonObject machine() {
        QSqlQuery q(db_);
        QJsonObject settings;
        q.exec(QStringLiteral(
            "SELECT name, setting || coalesce(unit, '') FROM pg_settings WHERE name IN "
            "('shared_buffers', 'work_mem', 'maintenance_work_mem', 'fsync', 'synchronous_commit', "
            "'max_parallel_workers_per_gather', 'jit', 'effective_cache_size') ORDER BY name"));
        while (q.next())
            settings[q.value(0).toString()] = q.value(1).toString();
        q.exec(QStringLiteral(
            "SELECT version(), (SELECT extversion FROM pg_extension WHERE extname = 'citus')"));
        q.next();
        return {{QStringLiteral("cpus"), QThread::idealThreadCount()},
                {QStringLiteral("os"), QSysInfo::prettyProductName()},
                {QStringLiteral("server"), q.value(0).toString()},
                {QStringLiteral("citus"), q.value(1).toString()},
                {QStringLiteral("settings"), settings}};
    }

    QJsonObject compare(const QString &name, double claim, const QString &esQuery,
                        const Binds &esBinds, const QString &viewQuery, const Binds &viewBinds,
                        const Subject &s) {
        const Timing es = timeQuery(db_, catalogQuery(esQuery), esBinds, repeat_);
        const Timing view = timeQuery(db_, catalogQuery(viewQuery), viewBinds, repeat_);
        say(QStringLiteral("  %1 (%2 tenant): %3 ms vs %4 ms")
                .arg(name, s.label, fmt(es.server.median), fmt(view.server.median)));
        return {{QStringLiteral("name"), name},
                {QStringLiteral("tenant"), s.label},
                {QStringLiteral("tenant_id"), double(s.tenant)},
                {QStringLiteral("guide_claim"), claim},
                {QStringLiteral("event_sourcing"), es.json()},
                {QStringLiteral("view"), view.json()},
                {QStringLiteral("ratio_server"), es.server.median / view.server.median},
                {QStringLiteral("ratio_client"), es.client.median / view.client.median}};
    }

    QJsonArray panelQueries(const Subject &s) {
        const QString prefix = s.user.left(std::max<qsizetype>(1, s.user.size() - 2));
        const QVariantMap paymentsFirstPage{
            {QStringLiteral(":tenant"), s.tenant},
            {QStringLiteral(":type"), QVariant(QMetaType(QMetaType::QString))},
            {QStringLiteral(":status"), QVariant(QMetaType(QMetaType::QString))},
            {QStringLiteral(":method"), QVariant(QMetaType(QMetaType::QString))},
            {QStringLiteral(":user"), QVariant(QMetaType(QMetaType::QString))},
            {QStringLiteral(":from_ms"), QVariant(QMetaType(QMetaType::LongLong))},
            {QStringLiteral(":to_ms"), QVariant(QMetaType(QMetaType::LongLong))},
            {QStringLiteral(":after_ms"), QVariant(QMetaType(QMetaType::LongLong))},
            {QStringLiteral(":after_id"), QVariant(QMetaType(QMetaType::QString))},
            {QStringLiteral(":page_size"), PaymentsModel::kPageSize}};
        QVariantMap paymentsFiltered = paymentsFirstPage;
        paymentsFiltered[QStringLiteral(":status")] = QStringLiteral("failed");
        paymentsFiltered[QStringLiteral(":type")] = QStringLiteral("withdrawal");
        const QList<std::tuple<QString, QString, Binds>> queries{
            {QStringLiteral("tenants (picker, summary, all tenants)"),
             catalogQuery(QStringLiteral("tenants_summary_all")), QVariantList{}},
            {QStringLiteral("bets by status"),
             catalogQuery(QStringLiteral("tenant_bets_by_status")), QVariantList{s.tenant}},
            {QStringLiteral("top players by wagered (100)"),
             catalogQuery(QStringLiteral("top_players_by_wagered")), QVariantList{s.tenant, 100}},
            {QStringLiteral("top players by balance (100)"),
             catalogQuery(QStringLiteral("top_players_by_balance")), QVariantList{s.tenant, 100}},
            {QStringLiteral("payments, first page"), catalogQuery(QStringLiteral("payments_page")),
             paymentsFirstPage},
            {QStringLiteral("payments, failed withdrawals"),
             catalogQuery(QStringLiteral("payments_page")), paymentsFiltered},
            {QStringLiteral("user: activity"), catalogQuery(QStringLiteral("user_activity")),
             QVariantList{s.tenant, s.user}},
            {QStringLiteral("user: balance"), catalogQuery(QStringLiteral("guide_user_balance")),
             QVariantList{s.tenant, s.user}},
            {QStringLiteral("user: active bets (newest 200)"),
             catalogQuery(QStringLiteral("guide_active_bets")),
             QVariantList{s.tenant, s.user, 201}},
            {QStringLiteral("user: recent bets"), catalogQuery(QStringLiteral("user_recent_bets")),
             QVariantList{s.tenant, s.user}},
            {QStringLiteral("user: deposits"), catalogQuery(QStringLiteral("user_deposits")),
             QVariantList{s.tenant, s.user}},
            {QStringLiteral("user: withdrawals"), catalogQuery(QStringLiteral("user_withdrawals")),
             QVariantList{s.tenant, s.user}},
            {QStringLiteral("user: freshness"), catalogQuery(QStringLiteral("user_freshness")),
             QVariantList{s.tenant, s.user}},
            {QStringLiteral("user: id completion"), catalogQuery(QStringLiteral("user_prefix")),
             QVariantList{s.tenant, prefix + u'%'}},
            {QStringLiteral("refresh health"), catalogQuery(QStringLiteral("view_status")),
             QVariantList{}},
            {QStringLiteral("view sizes"), catalogQuery(QStringLiteral("view_sizes")),
             QVariantList{}},
            {QStringLiteral("view sizes: all views against the events"),
             catalogQuery(QStringLiteral("view_size_ratio")), QVariantList{}},
            {QStringLiteral("refresh durations chart"),
             catalogQuery(QStringLiteral("refresh_duration_history")), QVariantList{}},
            {QStringLiteral("size trend chart"), catalogQuery(QStringLiteral("size_trend")),
             QVariantList{}},
        };
        QJsonArray array;
        for (const auto &[name, sql, binds] : queries) {
            const Timing t = timeQuery(db_, sql, binds, repeat_);
            say(QStringLiteral("  %1: %2 ms").arg(name, fmt(t.server.median)));
            QJsonObject o = t.json();
            o[QStringLiteral("name")] = name;
            array.append(o);
        }
        return array;
    }

    QJsonObject refresh(qint64 events) {
        QStringList views;
        QSqlQuery plan = runQuery(db_, QStringLiteral("refresh_plan"));
        while (plan.next())
            views << plan.value(0).toString();
        plan.finish();
        QJsonArray perView;
        QHash<QString, QJsonObject> byView;
        double plainTotal = 0, concurrentTotal = 0, afterAppendTotal = 0;
        for (const QString &v : views) {
            const double plain =
                timeStatement(db_, QStringLiteral("REFRESH MATERIALIZED VIEW %1").arg(v));
            const double concurrent = timeStatement(
                db_, QStringLiteral("REFRESH MATERIALIZED VIEW CONCURRENTLY %1").arg(v));
            plainTotal += plain;
            concurrentTotal += concurrent;
            byView[v] = QJsonObject{{QStringLiteral("view"), v},
                                    {QStringLiteral("plain_ms"), plain},
                                    {QStringLiteral("concurrent_ms"), concurrent}};
            say(QStringLiteral("  %1: plain %2 ms, concurrently %3 ms")
                    .arg(v, fmt(plain), fmt(concurrent)));
        }
        // 0.1% new events, then a concurrent refresh of each view in dependency order
        EventGenerator::Options append;
        append.events = std::max<qint64>(1, events / 1000);
        append.seed = 4242;
        const SeedReport appended = seedDatabase(settings_, append);
        for (const QString &v : views) {
            const double ms = timeStatement(
                db_, QStringLiteral("REFRESH MATERIALIZED VIEW CONCURRENTLY %1").arg(v));
            afterAppendTotal += ms;
            byView[v][QStringLiteral("concurrent_after_append_ms")] = ms;
            perView.append(byView[v]);
        }
        const double all =
            timeStatement(db_, QStringLiteral("SELECT count(*) FROM refresh_aggregate_views()"));
        return {{QStringLiteral("views"), perView},
                {QStringLiteral("engine"), engineRefresh(views)},
                {QStringLiteral("plain_total_ms"), plainTotal},
                {QStringLiteral("concurrent_total_ms"), concurrentTotal},
                {QStringLiteral("concurrent_after_append_total_ms"), afterAppendTotal},
                {QStringLiteral("appended_events"), double(appended.events)},
                {QStringLiteral("refresh_aggregate_views_ms"), all}};
    }

    // The defining query of bets_view and payments_view as installed (012: one sort, then
    // unordered aggregates) against 002's (an ordered array_agg per column), executed whole
    // (EXPLAIN ANALYZE: every row computed, none sent), interleaved on the same data.
    QJsonArray definitions() {
        QJsonArray out;
        const int runs = std::clamp(repeat_, 1, 3);
        for (const QString &view : {QStringLiteral("bets_view"), QStringLiteral("payments_view")}) {
            QSqlQuery current = runQuery(db_, QStringLiteral("read_model_definition"), {view});
            if (!current.next())
                throw DbError(QStringLiteral("no definition of %1").arg(view));
            const QString installed = current.value(0).toString();
            current.finish();
            const QString perColumn = catalogQuery(QStringLiteral("bench_%1_per_column").arg(view));
            const QString explain = QStringLiteral("EXPLAIN (ANALYZE, TIMING OFF) ");
            QList<double> oneSort, ordered;
            for (int i = 0; i < runs; ++i) {
                ordered << timeStatement(db_, explain + perColumn);
                oneSort << timeStatement(db_, explain + installed);
            }
            const Stats a = stats(oneSort), b = stats(ordered);
            say(QStringLiteral("  %1: one sort %2 ms, ordered aggregate per column %3 ms")
                    .arg(view, fmt(a.median), fmt(b.median)));
            out.append(QJsonObject{{QStringLiteral("view"), view},
                                   {QStringLiteral("one_sort"), a.json()},
                                   {QStringLiteral("per_column_ordered"), b.json()}});
        }
        return out;
    }

    // Refresh all as mvdash-admin and the GUI run it (RefreshRunner: history, log, one
    // transaction per view), one session against two side by side; plain from empty views
    // (the engine refreshes an unpopulated view plainly), then concurrently.
    QJsonObject engineRefresh(const QStringList &views) {
        const auto timeRun = [&](int sessions, bool fromEmpty) {
            if (fromEmpty)
                for (const QString &v : views)
                    execScript(db_,
                               QStringLiteral("REFRESH MATERIALIZED VIEW %1 WITH NO DATA").arg(v),
                               QStringLiteral("empty the views"));
            RefreshRunner runner(db_);
            runner.setSessions(sessions, settings_);
            QElapsedTimer timer;
            timer.start();
            const auto outcomes = runner.run({});
            const double ms = double(timer.nsecsElapsed()) / 1e6;
            for (const RefreshOutcome &o : outcomes)
                if (o.outcome != RunOutcome::Ok)
                    throw DbError(QStringLiteral("refresh of %1: %2 %3")
                                      .arg(o.view, runOutcomeWord(o.outcome), o.error));
            say(QStringLiteral("  engine, %1 session(s), %2: %3 ms")
                    .arg(sessions)
                    .arg(fromEmpty ? QStringLiteral("plain") : QStringLiteral("concurrently"),
                         fmt(ms)));
            return ms;
        };
        QJsonObject engine;
        // interleaved, so that both settings see the same cache and background state
        engine[QStringLiteral("plain_1_session_ms")] = timeRun(1, true);
        engine[QStringLiteral("plain_2_sessions_ms")] = timeRun(2, true);
        engine[QStringLiteral("concurrent_1_session_ms")] = timeRun(1, false);
        engine[QStringLiteral("concurrent_2_sessions_ms")] = timeRun(2, false);
        return engine;
    }

    // The long versions of tests/tst_load: 20 dashboard readers on the five busiest tenants
    // while Refresh all runs (two sessions, concurrently) and for as long without it; then 50
    // callers of refresh_aggregate_views() at once beside two event writers, with the event
    // tables' fingerprint before and after.
    QJsonObject load() {
        QList<qint64> tenants;
        {
            QList<QPair<qint64, qint64>> byBets; // bets, tenant
            QSqlQuery q = runQuery(db_, QStringLiteral("tenants_summary_all"));
            while (q.next())
                byBets << qMakePair(q.value(5).toLongLong(), q.value(0).toLongLong());
            std::sort(byBets.begin(), byBets.end(), std::greater<>());
            for (const auto &[bets, tenant] : byBets.mid(0, 5))
                tenants << tenant;
        }
        constexpr int kReaders = 20;
        QElapsedTimer refreshTimer;
        const LatencySummary busy = measureReaders(settings_, kReaders, tenants, [&] {
            refreshTimer.start();
            RefreshRunner runner(db_);
            runner.setSessions(2, settings_);
            runner.run({});
        });
        const qint64 refreshMs = refreshTimer.elapsed();
        const LatencySummary quiet = measureReaders(settings_, kReaders, tenants,
                                                    [&] { QThread::msleep(ulong(refreshMs)); });
        const auto latency = [](const LatencySummary &s) {
            return QJsonObject{{QStringLiteral("samples"), double(s.samples)},
                               {QStringLiteral("p50_ms"), s.p50},
                               {QStringLiteral("p95_ms"), s.p95},
                               {QStringLiteral("p99_ms"), s.p99},
                               {QStringLiteral("max_ms"), s.max}};
        };
        say(QStringLiteral("  %1 readers p95 %2 ms quiet, %3 ms during a %4 s Refresh all")
                .arg(kReaders)
                .arg(fmt(quiet.p95), fmt(busy.p95))
                .arg(double(refreshMs) / 1000.0, 0, 'f', 1));

        constexpr qint64 kFirstStormId = 9000000000000000;
        const QString before = eventFingerprint(settings_, kFirstStormId - 1);
        const StormResult storm = runRefreshStorm(settings_, 50, 2, kFirstStormId);
        const bool intact = eventFingerprint(settings_, kFirstStormId - 1) == before;
        int mostRefreshes = 0;
        for (int n : storm.refreshedBy)
            mostRefreshes = std::max(mostRefreshes, n);
        say(QStringLiteral("  storm: %1 of %2 callers refreshed, longest skip %3 ms, %4 events "
                           "appended, events before intact: %5")
                .arg(storm.refreshingCallers)
                .arg(storm.callers)
                .arg(storm.longestSkipMs)
                .arg(storm.eventsAppended)
                .arg(intact ? QStringLiteral("yes") : QStringLiteral("NO")));
        return {{QStringLiteral("readers"), kReaders},
                {QStringLiteral("refresh_all_ms"), double(refreshMs)},
                {QStringLiteral("readers_quiet"), latency(quiet)},
                {QStringLiteral("readers_during_refresh"), latency(busy)},
                {QStringLiteral("storm_callers"), storm.callers},
                {QStringLiteral("storm_refreshing_callers"), storm.refreshingCallers},
                {QStringLiteral("storm_most_refreshes_of_a_view"), mostRefreshes},
                {QStringLiteral("storm_longest_skip_ms"), double(storm.longestSkipMs)},
                {QStringLiteral("storm_events_appended"), double(storm.eventsAppended)},
                {QStringLiteral("storm_problems"), storm.problems.join(u'\n')},
                {QStringLiteral("storm_events_intact"), intact}};
    }

    // The GUI figures from mvdash-gui-probe, each run a fresh process with empty settings:
    // the first run does everything (cold start, Refresh all, scrolling, RSS), two more only
    // start. On its own cluster the bench adds a tenant with up to a million payments to
    // scroll through; on someone else's database it scrolls the largest tenant.
    QJsonObject gui(qint64 largestTenant, qint64 events) {
        qint64 tenant = largestTenant;
        if (ownsDatabase_) {
            tenant = 99001;
            QSqlQuery add(db_);
            add.prepare(catalogQuery(QStringLiteral("bench_scroll_tenant")));
            add.bindValue(QStringLiteral(":n"), std::min<qint64>(1000000, events));
            if (!add.exec())
                throw DbError::fromSqlError(QStringLiteral("scroll tenant"), add.lastError());
            execScript(
                db_,
                QStringLiteral("REFRESH MATERIALIZED VIEW CONCURRENTLY payments_view; "
                               "REFRESH MATERIALIZED VIEW CONCURRENTLY tenants_summary_view"),
                QStringLiteral("scroll tenant"));
        }
        const QString probe =
            QCoreApplication::applicationDirPath() + QStringLiteral("/mvdash-gui-probe");
        QTemporaryDir home;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        if (!env.contains(QStringLiteral("QT_QPA_PLATFORM")))
            env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        for (const char *xdg :
             {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"})
            env.insert(QLatin1String(xdg), home.path());
        QList<double> starts;
        QJsonObject figures;
        for (int run = 0; run < 3; ++run) {
            QProcess p;
            p.setProcessEnvironment(env);
            p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
            QStringList args{QStringLiteral("--dsn"), settings_.connectOptions(),
                             QStringLiteral("--tenant"), QString::number(tenant)};
            if (run > 0)
                args << QStringLiteral("--startup-only");
            QElapsedTimer clock;
            clock.start();
            p.start(probe, args);
            while (!p.canReadLine() && p.state() != QProcess::NotRunning)
                p.waitForReadyRead(5);
            if (p.readLine().trimmed() != "painted")
                throw DbError(QStringLiteral("the GUI probe did not paint a dashboard"));
            starts << double(clock.nsecsElapsed()) / 1e6;
            p.waitForFinished(-1);
            if (p.exitCode() != 0)
                throw DbError(QStringLiteral("the GUI probe failed"));
            if (run == 0)
                figures = QJsonDocument::fromJson(p.readAll().trimmed()).object();
            say(QStringLiteral("  run %1: painted after %2 ms")
                    .arg(run + 1)
                    .arg(fmt(starts.last())));
        }
        figures[QStringLiteral("cold_start_ms")] = stats(starts).median;
        figures[QStringLiteral("cold_start_first_ms")] = starts.first();
        figures[QStringLiteral("tenant_id")] = double(tenant);
        return figures;
    }

    QSqlDatabase db_;
    ConnectionSettings settings_;
    int repeat_;
    bool ownsDatabase_;
    QStringList sections_; // empty: all
};

QString markdown(const QJsonObject &r) {
    QString md;
    md += QStringLiteral("### %1 events\n\n").arg(qint64(r[QStringLiteral("events")].toDouble()));
    md += QStringLiteral(
        "| comparison | tenant | event sourcing median / p95 (ms) | view median / p95 (ms) | ratio "
        "(server) | ratio (client) | guide |\n|---|---|---:|---:|---:|---:|---:|\n");
    for (const QJsonValue &v : r[QStringLiteral("comparisons")].toArray()) {
        const QJsonObject c = v.toObject();
        const QJsonObject es =
            c[QStringLiteral("event_sourcing")].toObject()[QStringLiteral("server")].toObject();
        const QJsonObject view =
            c[QStringLiteral("view")].toObject()[QStringLiteral("server")].toObject();
        md += QStringLiteral("| %1 | %2 | %3 / %4 | %5 / %6 | %7x | %8x | %9x |\n")
                  .arg(c[QStringLiteral("name")].toString(), c[QStringLiteral("tenant")].toString(),
                       fmt(es[QStringLiteral("median_ms")].toDouble()),
                       fmt(es[QStringLiteral("p95_ms")].toDouble()),
                       fmt(view[QStringLiteral("median_ms")].toDouble()),
                       fmt(view[QStringLiteral("p95_ms")].toDouble()))
                  .arg(c[QStringLiteral("ratio_server")].toDouble(), 0, 'f', 0)
                  .arg(c[QStringLiteral("ratio_client")].toDouble(), 0, 'f', 0)
                  .arg(c[QStringLiteral("guide_claim")].toDouble(), 0, 'f', 0);
    }
    md += QStringLiteral("\n| panel query | server median / p95 (ms) | client median / p95 (ms) "
                         "|\n|---|---:|---:|\n");
    for (const QJsonValue &v : r[QStringLiteral("panel_queries")].toArray()) {
        const QJsonObject q = v.toObject();
        const QJsonObject s = q[QStringLiteral("server")].toObject(),
                          c = q[QStringLiteral("client")].toObject();
        md += QStringLiteral("| %1 | %2 / %3 | %4 / %5 |\n")
                  .arg(q[QStringLiteral("name")].toString(),
                       fmt(s[QStringLiteral("median_ms")].toDouble()),
                       fmt(s[QStringLiteral("p95_ms")].toDouble()),
                       fmt(c[QStringLiteral("median_ms")].toDouble()),
                       fmt(c[QStringLiteral("p95_ms")].toDouble()));
    }
    const QJsonObject refresh = r[QStringLiteral("refresh")].toObject();
    md += QStringLiteral("\n| view | plain (ms) | concurrently (ms) | concurrently after +0.1%% "
                         "events (ms) |\n|---|---:|---:|---:|\n");
    for (const QJsonValue &v : refresh[QStringLiteral("views")].toArray()) {
        const QJsonObject o = v.toObject();
        md += QStringLiteral("| %1 | %2 | %3 | %4 |\n")
                  .arg(o[QStringLiteral("view")].toString(),
                       fmt(o[QStringLiteral("plain_ms")].toDouble()),
                       fmt(o[QStringLiteral("concurrent_ms")].toDouble()),
                       fmt(o[QStringLiteral("concurrent_after_append_ms")].toDouble()));
    }
    md += QStringLiteral("| **all views** | %1 | %2 | %3 |\n")
              .arg(fmt(refresh[QStringLiteral("plain_total_ms")].toDouble()),
                   fmt(refresh[QStringLiteral("concurrent_total_ms")].toDouble()),
                   fmt(refresh[QStringLiteral("concurrent_after_append_total_ms")].toDouble()));
    md += QStringLiteral(
              "\n`refresh_aggregate_views()` as a whole: %1 ms. Views / event tables: %2%.\n")
              .arg(fmt(refresh[QStringLiteral("refresh_aggregate_views_ms")].toDouble()))
              .arg(r[QStringLiteral("sizes")].toObject()[QStringLiteral("ratio")].toDouble() * 100,
                   0, 'f', 1);
    md += QStringLiteral("\n| defining query, executed whole | one sort (installed) median (ms) "
                         "| ordered aggregate per column (002) median (ms) |\n|---|---:|---:|\n");
    for (const QJsonValue &v : r[QStringLiteral("definitions")].toArray()) {
        const QJsonObject d = v.toObject();
        md += QStringLiteral("| %1 | %2 | %3 |\n")
                  .arg(d[QStringLiteral("view")].toString(),
                       fmt(d[QStringLiteral("one_sort")]
                               .toObject()[QStringLiteral("median_ms")]
                               .toDouble(NAN)),
                       fmt(d[QStringLiteral("per_column_ordered")]
                               .toObject()[QStringLiteral("median_ms")]
                               .toDouble(NAN)));
    }
    const QJsonObject engine = refresh[QStringLiteral("engine")].toObject();
    md += QStringLiteral("\n| Refresh all through the engine (`mvdash-admin refresh`) | 1 session "
                         "(ms) | 2 sessions (ms) |\n|---|---:|---:|\n");
    md += QStringLiteral("| plain (views empty) | %1 | %2 |\n| concurrently | %3 | %4 |\n")
              .arg(fmt(engine[QStringLiteral("plain_1_session_ms")].toDouble(NAN)),
                   fmt(engine[QStringLiteral("plain_2_sessions_ms")].toDouble(NAN)),
                   fmt(engine[QStringLiteral("concurrent_1_session_ms")].toDouble(NAN)),
                   fmt(engine[QStringLiteral("concurrent_2_sessions_ms")].toDouble(NAN)));
    const QJsonObject load = r[QStringLiteral("load")].toObject();
    const auto readers = [&](const char *key) {
        const QJsonObject o = load[QLatin1String(key)].toObject();
        return QStringLiteral("%1 / %2 / %3 / %4")
            .arg(fmt(o[QStringLiteral("p50_ms")].toDouble(NAN)),
                 fmt(o[QStringLiteral("p95_ms")].toDouble(NAN)),
                 fmt(o[QStringLiteral("p99_ms")].toDouble(NAN)),
                 fmt(o[QStringLiteral("max_ms")].toDouble(NAN)));
    };
    md += QStringLiteral("\n| %1 dashboard readers (tenant stats + top 10) | p50 / p95 / p99 / max "
                         "(ms) |\n|---|---:|\n| quiet | %2 |\n| during Refresh all (%3 s, two "
                         "sessions) | %4 |\n")
              .arg(load[QStringLiteral("readers")].toInt())
              .arg(readers("readers_quiet"))
              .arg(load[QStringLiteral("refresh_all_ms")].toDouble(NAN) / 1000.0, 0, 'f', 1)
              .arg(readers("readers_during_refresh"));
    md +=
        QStringLiteral("\nRefresh storm: %1 callers of `refresh_aggregate_views()` at once beside "
                       "two writers — %2 refreshed (each view at most %3x), the others "
                       "skipped in at most %4 ms; %5 events appended meanwhile; events there "
                       "before: %6%7.\n")
            .arg(load[QStringLiteral("storm_callers")].toInt())
            .arg(load[QStringLiteral("storm_refreshing_callers")].toInt())
            .arg(load[QStringLiteral("storm_most_refreshes_of_a_view")].toInt())
            .arg(fmt(load[QStringLiteral("storm_longest_skip_ms")].toDouble(NAN)))
            .arg(qint64(load[QStringLiteral("storm_events_appended")].toDouble()))
            .arg(load[QStringLiteral("storm_events_intact")].toBool()
                     ? QStringLiteral("count and checksum unchanged")
                     : QStringLiteral("CHANGED"))
            .arg(load[QStringLiteral("storm_problems")].toString().isEmpty()
                     ? QString()
                     : QStringLiteral("; problems: ") +
                           load[QStringLiteral("storm_problems")].toString());
    const QJsonObject gui = r[QStringLiteral("gui")].toObject();
    md += QStringLiteral("\n| GUI (offscreen, fresh process) | measured |\n|---|---:|\n");
    md += QStringLiteral(
              "| cold start to a painted dashboard, median of 3 (first) | %1 ms (%2 ms) |\n")
              .arg(fmt(gui[QStringLiteral("cold_start_ms")].toDouble(NAN)),
                   fmt(gui[QStringLiteral("cold_start_first_ms")].toDouble(NAN)));
    md += QStringLiteral("| longest GUI-thread stall during Refresh all (%1 s) | %2 ms |\n")
              .arg(gui[QStringLiteral("refresh_all_seconds")].toDouble(NAN), 0, 'f', 1)
              .arg(fmt(gui[QStringLiteral("refresh_all_max_stall_ms")].toDouble(NAN)));
    md += QStringLiteral("| longest GUI-thread stall scrolling %1 payments (%2 s) | %3 ms |\n")
              .arg(qint64(gui[QStringLiteral("rows_browsed")].toDouble()))
              .arg(gui[QStringLiteral("scroll_seconds")].toDouble(NAN), 0, 'f', 1)
              .arg(fmt(gui[QStringLiteral("scroll_max_stall_ms")].toDouble(NAN)));
    md += QStringLiteral("| peak RSS after all that | %1 MB |\n")
              .arg(gui[QStringLiteral("peak_rss_mb")].toDouble(NAN), 0, 'f', 0);
    md.replace(QStringLiteral("%%"), QStringLiteral("%"));
    return md;
}

// Every figure the report promises is there and a number (the smoke test relies on it).
QStringList missingFigures(const QJsonObject &r) {
    QStringList missing;
    auto check = [&](const QString &where, double value) {
        if (std::isnan(value) || value < 0)
            missing << where;
    };
    for (const QJsonValue &v : r[QStringLiteral("comparisons")].toArray()) {
        const QJsonObject c = v.toObject();
        for (const char *side : {"event_sourcing", "view"})
            for (const char *kind : {"server", "client"})
                for (const char *stat : {"median_ms", "p95_ms"})
                    check(c[QStringLiteral("name")].toString() + u'/' + QLatin1String(side),
                          c[QLatin1String(side)]
                              .toObject()[QLatin1String(kind)]
                              .toObject()[QLatin1String(stat)]
                              .toDouble(NAN));
    }
    for (const QJsonValue &v : r[QStringLiteral("panel_queries")].toArray())
        check(
            v.toObject()[QStringLiteral("name")].toString(),
            v.toObject()[QStringLiteral("server")].toObject()[QStringLiteral("median_ms")].toDouble(
                NAN));
    if (!r.contains(QStringLiteral("refresh")))
        return missing; // a run of some sections only (--sections)
    for (const QJsonValue &v :
         r[QStringLiteral("refresh")].toObject()[QStringLiteral("views")].toArray())
        for (const char *key : {"plain_ms", "concurrent_ms", "concurrent_after_append_ms"})
            check(v.toObject()[QStringLiteral("view")].toString() + u'/' + QLatin1String(key),
                  v.toObject()[QLatin1String(key)].toDouble(NAN));
    check(QStringLiteral("refresh_aggregate_views_ms"),
          r[QStringLiteral("refresh")]
              .toObject()[QStringLiteral("refresh_aggregate_views_ms")]
              .toDouble(NAN));
    for (const char *key : {"plain_1_session_ms", "plain_2_sessions_ms", "concurrent_1_session_ms",
                            "concurrent_2_sessions_ms"})
        check(QStringLiteral("engine/") + QLatin1String(key),
              r[QStringLiteral("refresh")]
                  .toObject()[QStringLiteral("engine")]
                  .toObject()[QLatin1String(key)]
                  .toDouble(NAN));
    for (const char *side : {"readers_quiet", "readers_during_refresh"})
        check(QStringLiteral("load/") + QLatin1String(side),
              r[QStringLiteral("load")]
                  .toObject()[QLatin1String(side)]
                  .toObject()[QStringLiteral("p95_ms")]
                  .toDouble(NAN));
    check(QStringLiteral("load/storm"),
          r[QStringLiteral("load")].toObject()[QStringLiteral("storm_longest_skip_ms")].toDouble(
              NAN));
    for (const char *key : {"cold_start_ms", "refresh_all_max_stall_ms", "scroll_max_stall_ms",
                            "rows_browsed", "peak_rss_mb"})
        check(QStringLiteral("gui/") + QLatin1String(key),
              r[QStringLiteral("gui")].toObject()[QLatin1String(key)].toDouble(NAN));
    if (r.contains(QStringLiteral("gui")) && r[QStringLiteral("comparisons")].toArray().size() < 8)
        missing << QStringLiteral("comparisons for both tenants");
    if (r[QStringLiteral("refresh")].toObject()[QStringLiteral("views")].toArray().size() < 5)
        missing << QStringLiteral("refresh of the five views");
    return missing;
}

} // namespace

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Measures the guide's comparisons, the panel queries and refresh cost."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("dsn"),
                      QStringLiteral("An existing, seeded and refreshed database."),
                      QStringLiteral("dsn")});
    parser.addOption({QStringLiteral("events"),
                      QStringLiteral("Seed a private cluster with N events (default 1000000)."),
                      QStringLiteral("n"), QStringLiteral("1000000")});
    parser.addOption({QStringLiteral("repeat"),
                      QStringLiteral("Timed runs per query (default 30)."), QStringLiteral("r"),
                      QStringLiteral("30")});
    parser.addOption({QStringLiteral("out"),
                      QStringLiteral("Directory for the JSON and Markdown results."),
                      QStringLiteral("dir"), QStringLiteral("bench/results")});
    parser.addOption({QStringLiteral("sections"),
                      QStringLiteral("Only these, comma-separated: comparisons, panels, refresh, "
                                     "definitions, load, gui (default all)."),
                      QStringLiteral("list")});
    parser.process(app);
    const QStringList sections =
        parser.value(QStringLiteral("sections")).split(u',', Qt::SkipEmptyParts);

    const qint64 events = parser.value(QStringLiteral("events")).toLongLong();
    const int repeat = std::max(1, parser.value(QStringLiteral("repeat")).toInt());
    std::unique_ptr<LocalCluster> cluster;
    ConnectionSettings settings;
    try {
        if (parser.isSet(QStringLiteral("dsn"))) {
            QString error;
            const auto parsed =
                ConnectionSettings::fromDsn(parser.value(QStringLiteral("dsn")), &error);
            if (!parsed) {
                say(error);
                return 2;
            }
            settings = *parsed;
        } else {
            cluster = std::make_unique<LocalCluster>();
            QString error;
            if (!cluster->start(&error) ||
                !cluster->createDatabase(QStringLiteral("bench"), &error)) {
                say(error);
                return 1;
            }
            settings = cluster->settings(QStringLiteral("bench"));
            Connection setup(settings, QStringLiteral("bench-setup"));
            MigrationRunner(setup.db()).migrate();
            EventGenerator::Options seed;
            seed.events = events;
            const SeedReport report = seedDatabase(settings, seed);
            say(QStringLiteral("seeded %1 events in %2 s")
                    .arg(report.events)
                    .arg(report.seconds, 0, 'f', 1));
            execScript(setup.db(), QStringLiteral("SELECT count(*) FROM refresh_aggregate_views()"),
                       QStringLiteral("refresh"));
            execScript(setup.db(), QStringLiteral("VACUUM ANALYZE"), QStringLiteral("vacuum"));
        }
        Connection connection(settings, QStringLiteral("bench"));
        const QJsonObject result =
            Bench(connection.db(), settings, repeat, cluster != nullptr, sections).run(events);
        const QString dir = parser.value(QStringLiteral("out"));
        QDir().mkpath(dir);
        const QString base = QStringLiteral("%1/results-%2").arg(dir).arg(events);
        QFile json(base + QStringLiteral(".json"));
        QFile md(base + QStringLiteral(".md"));
        if (!json.open(QIODevice::WriteOnly) || !md.open(QIODevice::WriteOnly)) {
            say(QStringLiteral("cannot write %1").arg(base));
            return 1;
        }
        json.write(QJsonDocument(result).toJson());
        md.write(markdown(result).toUtf8());
        std::fputs(markdown(result).toUtf8().constData(), stdout);
        const QStringList missing = missingFigures(result);
        if (!missing.isEmpty()) {
            say(QStringLiteral("missing figures: ") + missing.join(QStringLiteral(", ")));
            return 1;
        }
        return 0;
    } catch (const DbError &e) {
        say(e.message());
        return 1;
    }
}
