#include "livereadmodels.h"

#include "database.h"
#include "dberror.h"
#include "monitoring.h"
#include "statementpool.h"

#include <algorithm>
#include <limits>
#include <mutex>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QThread>
#include <QVariant>

namespace mvdash {

namespace {

// how long a rebuild waits for a step in progress (a follower's) to let go of the live lock
constexpr qint64 kRebuildWaitsForAStepMs = 60'000;

// a count for a %n text (translate() takes an int)
int countArg(qint64 n) {
    return int(std::clamp<qint64>(n, 0, std::numeric_limits<int>::max()));
}

QString seconds(qint64 ms) {
    //: a duration in seconds: "3.2 s" (the number is already in the language's form)
    return QCoreApplication::translate("mvdash::LiveReadModels", "%1 s")
        .arg(QLocale().toString(double(ms) / 1000.0, 'f', 1));
}
QString seconds(const QElapsedTimer &timer) {
    return seconds(timer.elapsed());
}

// The switch in one short transaction; a lock it cannot get soon (a long reader of the old
// relations) rolls it back and it tries again, so that readers queue behind it only briefly.
void switchMode(const QSqlDatabase &db, ReadModelMode target, const Progress &progress,
                int lockTimeoutMs, int attempts) {
    for (int attempt = 1;; ++attempt) {
        try {
            Transaction tx(db);
            runQuery(db, QStringLiteral("lock_timeout_local"),
                     {QStringLiteral("%1ms").arg(lockTimeoutMs)});
            QSqlQuery q = runQuery(db, QStringLiteral("live_switch"), {modeName(target)});
            q.next();
            const QString said = q.value(0).toString();
            q.finish();
            tx.commit();
            progress(said);
            return;
        } catch (const DbError &e) {
            // 55P03 lock_not_available: a reader held on; anything else is a real failure
            if (e.sqlState() != u"55P03" || attempt >= attempts)
                throw;
            progress(QCoreApplication::translate(
                         "mvdash::LiveReadModels",
                         "switch attempt %1 could not get its locks (%2); retrying")
                         .arg(attempt)
                         .arg(e.message()));
            QThread::msleep(500);
        }
    }
}

// Who holds what the swap must lock, "pid 123 (role x, since 10:02:03), ..." (migration 040;
// empty on Citus, where the rebuild writes in place).
QString swapHolders(const QSqlDatabase &db) {
    QStringList holders;
    QSqlQuery q = runQuery(db, QStringLiteral("live_swap_holders"));
    while (q.next())
        //: a session holding the read models: "pid <pid> (role <role>, since <time>)"
        holders << QCoreApplication::translate("mvdash::LiveReadModels",
                                               "pid %1 (role %2, since %3)")
                       .arg(q.value(0).toString(), q.value(1).toString(),
                            q.value(2).toDateTime().toString(QStringLiteral("HH:mm:ss")));
    return holders.join(QStringLiteral(", "));
}

// The rebuild's swap (live_rebuild_end): the new state in place of the old, which takes the
// read models' exclusive locks. Behind a reader's open transaction it used to wait without
// limit, and every reader after it queued behind its lock request (found by an attack as a
// tenant role: a tenant's idle transaction held every reader up for as long as it lasted).
// Here it waits without queueing while anyone holds those relations, saying who, and tries
// only when nobody does, with a short lock timeout inside a savepoint: a reader that came in
// between waits that long at most, the swap rolls back to the savepoint (the rebuild's work
// stands) and waits again. After `patienceMs` it gives up with the holders named, and the
// rebuild rolls back. Returns the events and the arrival.
std::pair<qint64, qint64> swapIn(const QSqlDatabase &db, const Progress &progress,
                                 int lockTimeoutMs, int patienceMs) {
    Savepoint beforeSwap(db, QStringLiteral("mvdash_swap"));
    QElapsedTimer waited;
    waited.start();
    QString said;
    for (;;) {
        const QString holders = swapHolders(db);
        if (holders.isEmpty()) {
            try {
                runQuery(db, QStringLiteral("lock_timeout_local"),
                         {QStringLiteral("%1ms").arg(lockTimeoutMs)})
                    .finish();
                QSqlQuery end = runQuery(db, QStringLiteral("live_rebuild_end"));
                end.next();
                const std::pair<qint64, qint64> result{end.value(0).toLongLong(),
                                                       end.value(1).toLongLong()};
                end.finish();
                beforeSwap.release();
                return result;
            } catch (const DbError &e) {
                // 55P03 lock_not_available: a reader came in first; anything else is a failure
                if (e.sqlState() != u"55P03")
                    throw;
                beforeSwap.rollback();
            }
        } else if (holders != said) {
            //: a rebuild's last statement waits: %1 the sessions it waits for
            progress(QCoreApplication::translate(
                         "mvdash::LiveReadModels",
                         "the swap waits for sessions that hold the read models: %1 (readers go "
                         "on meanwhile; an idle transaction holds them until it ends)")
                         .arg(holders));
            said = holders;
        }
        if (waited.elapsed() > patienceMs) {
            const QString english =
                QStringLiteral("the rebuild could not swap in the new state within %1 s: %2 "
                               "held the read models; nothing changed")
                    .arg(patienceMs / 1000)
                    .arg(holders.isEmpty() ? QStringLiteral("readers") : holders);
            throw DbError(english,
                          //: %1 seconds, %2 the sessions ("pid 123 (role x, since ...)")
                          QCoreApplication::translate(
                              "mvdash::LiveReadModels",
                              "the rebuild could not swap in the new state within %1 s: %2 held "
                              "the read models; nothing changed")
                              .arg(patienceMs / 1000)
                              .arg(holders.isEmpty() ? QCoreApplication::translate(
                                                           "mvdash::LiveReadModels", "readers")
                                                     : holders),
                          QStringLiteral("55P03"));
        }
        QThread::msleep(200);
    }
}

} // namespace

QString modeName(ReadModelMode mode) {
    return mode == ReadModelMode::Live ? QStringLiteral("live") : QStringLiteral("matview");
}

std::optional<ReadModelMode> parseMode(const QString &text) {
    if (text == u"live")
        return ReadModelMode::Live;
    if (text == u"matview")
        return ReadModelMode::Matview;
    return std::nullopt;
}

ReadModelState readModelState(const QSqlDatabase &db) {
    QSqlQuery q = runQuery(db, QStringLiteral("read_model_mode"));
    if (!q.next())
        throw DbError(QStringLiteral("the read-model mode is not recorded (migration 011 missing)"),
                      QCoreApplication::translate(
                          "mvdash::LiveReadModels",
                          "the read-model mode is not recorded (migration 011 missing)"),
                      QString());
    return ReadModelState{parseMode(q.value(0).toString()).value_or(ReadModelMode::Matview),
                          q.value(1).toBool()};
}

QList<ReadModelFreshness> fetchFreshness(const QSqlDatabase &db) {
    QList<ReadModelFreshness> list;
    QSqlQuery q = runQuery(db, QStringLiteral("read_model_freshness"));
    const QSqlRecord r = q.record();
    const int view = r.indexOf(QStringLiteral("view_name")),
              mode = r.indexOf(QStringLiteral("mode")), asOf = r.indexOf(QStringLiteral("as_of")),
              applied = r.indexOf(QStringLiteral("applied_arrival")),
              latest = r.indexOf(QStringLiteral("latest_arrival")),
              lagEvents = r.indexOf(QStringLiteral("lag_events")),
              lagSeconds = r.indexOf(QStringLiteral("lag_seconds")),
              stepMs = r.indexOf(QStringLiteral("last_step_ms")),
              blocked = r.indexOf(QStringLiteral("blocked_by"));
    while (q.next()) {
        ReadModelFreshness f;
        f.view = q.value(view).toString();
        f.mode = parseMode(q.value(mode).toString()).value_or(ReadModelMode::Matview);
        f.asOf = q.value(asOf).toDateTime();
        if (!q.isNull(applied))
            f.appliedArrival = q.value(applied).toLongLong();
        f.latestArrival = q.value(latest).toLongLong();
        if (!q.isNull(lagEvents))
            f.lagEvents = q.value(lagEvents).toLongLong();
        f.lagSeconds = q.value(lagSeconds).toString();
        f.lastStepMs = q.value(stepMs).toString();
        f.blockedBy = q.value(blocked).toString();
        list << f;
    }
    return list;
}

TenantFreshness fetchTenantFreshness(const QSqlDatabase &db) {
    TenantFreshness f;
    std::optional<QSqlQuery> answer;
    try {
        answer = runQuery(db, QStringLiteral("tenant_read_model_freshness"));
    } catch (const DbError &e) {
        // a database not yet migrated to 035 has no such function (undefined_function): told
        // once by the model, not an error at every reload
        if (e.sqlState() != u"42883")
            throw;
        f.told = false;
        return f;
    }
    QSqlQuery &q = *answer;
    if (q.next()) {
        f.mode = parseMode(q.value(0).toString()).value_or(ReadModelMode::Matview);
        if (!q.isNull(1))
            f.lagEvents = q.value(1).toLongLong();
        if (!q.isNull(2))
            f.lagSeconds = q.value(2).toString();
    }
    q.finish();
    if (f.mode != ReadModelMode::Live)
        return f;
    try {
        QSqlQuery interval = runQuery(db, QStringLiteral("tenant_read_model_step_interval"));
        if (interval.next() && !interval.isNull(0))
            f.stepIntervalSeconds = interval.value(0).toDouble();
    } catch (const DbError &e) {
        // before migration 041: the fixed limits, as before it (the CLI asks for `migrate`)
        if (e.sqlState() != u"42883")
            throw;
    }
    return f;
}

StepProgress stepProgress(const QSqlDatabase &db) {
    QSqlQuery q = runQuery(db, QStringLiteral("live_progress"));
    StepProgress p;
    if (q.next()) {
        p.appliedArrival = q.value(0).toLongLong();
        p.events = q.value(1).toLongLong();
        p.durationMs = q.value(2).toString();
        p.steps = q.value(3).toLongLong();
        p.blockedBy = q.value(4).toString();
    }
    return p;
}

QList<StepOutcome> runStep(const QSqlDatabase &db, int waitMs, bool recordEmpty) {
    QList<StepOutcome> outcomes;
    QSqlQuery q = runQuery(db, QStringLiteral("live_step"),
                           {QStringLiteral("%1 milliseconds").arg(waitMs), recordEmpty});
    while (q.next())
        outcomes << StepOutcome{q.value(0).toString(),
                                parseRunOutcome(q.value(3).toString()).value_or(RunOutcome::Failed),
                                q.value(2).toString(), q.value(4).toString()};
    return outcomes;
}

QStringList explainStepStatement(const QSqlDatabase &db, const QString &statement, qint64 from,
                                 qint64 to) {
    // a scratch table's statistics: ANALYZE, since 029 through live_analyze_scratch()
    if (statement.startsWith(QStringLiteral("ANALYZE")) ||
        statement.contains(QStringLiteral("live_analyze_scratch(")))
        //: explain-step: an ANALYZE statement has no plan to show
        return {QCoreApplication::translate("mvdash::LiveReadModels",
                                            "(statistics of a scratch table: no plan)")};
    // the plan a step runs: with its planner settings, on Citus's workers too (migration 025),
    // in a transaction rolled back at the end of this block (the settings end with it)
    QStringList plan;
    QSqlError error;
    bool ok = false;
    {
        const Transaction transaction(db);
        runQuery(db, QStringLiteral("live_step_planner")).finish();
        execScript(db, catalogQuery(QStringLiteral("explain_step_prepare")) + u'\n' + statement,
                   QStringLiteral("explain"));
        QSqlQuery q(db);
        ok = q.exec(catalogQuery(QStringLiteral("explain_step_execute")).arg(from).arg(to));
        while (ok && q.next())
            plan << q.value(0).toString();
        error = q.lastError();
    }
    // (a prepared statement outlives the rollback)
    if (ok) {
        execScript(db, catalogQuery(QStringLiteral("explain_step_deallocate")),
                   QStringLiteral("explain"));
        return plan;
    }
    try { // what failed is the EXPLAIN: that is the error to report
        execScript(db, catalogQuery(QStringLiteral("explain_step_deallocate")),
                   QStringLiteral("explain"));
    } catch (const DbError &) {
    }
    throw DbError::fromSqlError(QStringLiteral("explain"), error);
}

namespace {

// One statement of a full build, as live_build_plan() lists it.
struct BuildStatement {
    int ord = 0;
    QString label;
    bool onHelper = false; // writes only the new tables: a helper session may run it
    bool splits = false;   // can be split in parts (one per session)
    QList<int> after;      // the statements (ords) that must have finished before it starts
};

// A Postgres integer[] as QPSQL gives it: "{10,20}".
QList<int> intArray(const QString &text) {
    QList<int> values;
    const QString inner = text.mid(1, text.size() - 2);
    for (const QStringView item : QStringView(inner).split(u',', Qt::SkipEmptyParts))
        values << item.toInt();
    return values;
}

QList<BuildStatement> buildPlan(const QSqlDatabase &db) {
    QList<BuildStatement> plan;
    QSqlQuery q = runQuery(db, QStringLiteral("live_build_plan"));
    while (q.next())
        plan << BuildStatement{q.value(0).toInt(), q.value(1).toString(), q.value(2).toBool(),
                               q.value(3).toBool(), intArray(q.value(4).toString())};
    return plan;
}

// The rebuild's work on helper sessions (migrations 013, 021): every statement starts as soon
// as the ones it comes after have finished, helper statements (split ones in one part per
// session) on the pool, the others in the rebuild's transaction on this thread (runOwn).
void runPlan(const QSqlDatabase &db, const QList<BuildStatement> &plan, qint64 to, int sessions,
             const std::function<void(const QString &label, qint64 ms)> &report,
             const std::function<void(int ord)> &runOwn) {
    // the new tables first: every helper statement comes after them
    QList<PooledStatement> statements{
        //: a rebuild's progress: the step that creates the new tables
        {QCoreApplication::translate("mvdash::LiveReadModels", "new tables"),
         QStringLiteral("live_rebuild_stage"),
         {},
         {},
         {}}};
    constexpr qsizetype stage = 0;
    QHash<int, QList<qsizetype>> positions; // ord -> its parts in `statements`
    for (const BuildStatement &s : plan) {
        const int parts = s.onHelper && s.splits ? sessions : 1;
        for (int part = 0; part < parts; ++part) {
            positions[s.ord] << statements.size();
            PooledStatement statement{
                parts > 1
                    //: "<statement> (part <i> of <n>)"
                    ? QCoreApplication::translate("mvdash::LiveReadModels", "%1 (part %2 of %3)")
                          .arg(s.label)
                          .arg(part + 1)
                          .arg(parts)
                    : s.label,
                {},
                {},
                {},
                {}};
            if (s.onHelper) {
                statement.catalogName = QStringLiteral("live_rebuild_task");
                statement.values = {s.ord, part, parts, to};
                statement.after << stage;
            } else {
                statement.onCaller = [&runOwn, ord = s.ord] { runOwn(ord); };
            }
            statements << statement;
        }
    }
    qsizetype next = stage + 1;
    for (const BuildStatement &s : plan) {
        const qsizetype parts = positions.value(s.ord).size();
        for (qsizetype part = 0; part < parts; ++part, ++next)
            for (const int before : s.after) {
                // a plan waiting for a statement it does not have would start too early
                if (!positions.contains(before))
                    throw DbError(QStringLiteral("the rebuild's plan has no statement %1, which "
                                                 "statement %2 comes after")
                                      .arg(before)
                                      .arg(s.ord),
                                  //: a rebuild's plan (live_build_plan) is inconsistent
                                  QCoreApplication::translate(
                                      "mvdash::LiveReadModels",
                                      "the rebuild's plan has no statement %1, which statement "
                                      "%2 comes after")
                                      .arg(before)
                                      .arg(s.ord),
                                  QString());
                statements[next].after << positions.value(before);
            }
    }
    StatementPool(db, sessions).run(statements, [&report](const PooledStatement &s, qint64 ms) {
        report(s.label, ms);
    });
}

} // namespace

QMap<QString, qint64> rebuildLiveState(const QSqlDatabase &db, const Progress &progress,
                                       int sessions, int swapLockTimeoutMs, int swapPatienceMs) {
    QElapsedTimer total;
    total.start();
    const QList<BuildStatement> plan = buildPlan(db);
    const bool parallel =
        sessions > 1 &&
        std::any_of(plan.cbegin(), plan.cend(), [](const BuildStatement &s) { return s.onHelper; });
    qsizetype steps = plan.size();
    for (const BuildStatement &s : plan)
        steps += parallel && s.splits ? sessions - 1 : 0;
    steps += parallel ? 1 : 0; // the new tables
    // progress lines come from the helpers' threads too: one at a time
    std::mutex progressMutex;
    int done = 0;
    // rows: what the statement wrote, when known (in place on Citus a rebuild that finds the
    // state right writes none: migration 027)
    const auto report = [&](const QString &label, qint64 ms, qint64 rows = -1) {
        std::lock_guard lock(progressMutex);
        const QString took =
            rows < 0 ? seconds(ms)
                     //: a rebuild's progress: "<seconds>, <n rows> written" by one statement
                     : QCoreApplication::translate("mvdash::LiveReadModels",
                                                   "%1, %n row(s) written", nullptr, countArg(rows))
                           .arg(seconds(ms));
        progress(QStringLiteral("[%1/%2] %3 (%4)").arg(++done).arg(steps).arg(label, took));
    };
    // a statement in the rebuild's own transaction; the rows it wrote
    const auto runOwn = [&db](int ord) -> qint64 {
        QSqlQuery q = runQuery(db, QStringLiteral("live_rebuild_statement"), {ord});
        return q.next() && !q.isNull(0) ? q.value(0).toLongLong() : -1;
    };

    // A follower's step holds the live lock for a moment at a time: the rebuild waits for it
    // (up to a minute, as a step waits for a lock) and takes it (029), where it used to fail
    // beside a running follower whenever it came during a step. Still held after that, the
    // begin fails as before, saying who holds it.
    Transaction tx(db);
    const auto takeLiveLock = [&db](qint64 waitMs) {
        QSqlQuery take = runQuery(db, QStringLiteral("live_take_live_lock"),
                                  {QStringLiteral("%1 milliseconds").arg(waitMs)});
        return take.next() ? take.value(0) : QVariant();
    };
    if (const QVariant holder = takeLiveLock(0); !holder.isNull()) {
        //: a rebuild waits: "a live step is running (<pid, role, since>); waiting..."
        progress(QCoreApplication::translate("mvdash::LiveReadModels",
                                             "a live step is running (%1); waiting for it to "
                                             "finish")
                     .arg(holder.toString()));
        takeLiveLock(kRebuildWaitsForAStepMs);
    }
    QSqlQuery begin = runQuery(db, QStringLiteral("live_rebuild_begin"), {!parallel});
    begin.next();
    const qint64 to = begin.value(0).toLongLong();
    begin.finish();
    total.start(); // (the rebuild's own time, from here)
    progress(parallel ? QCoreApplication::translate(
                            "mvdash::LiveReadModels",
                            "building the live state from every event up to arrival %1 "
                            "(readers keep reading the current state) on %n session(s)",
                            nullptr, sessions)
                            .arg(to)
                      : QCoreApplication::translate(
                            "mvdash::LiveReadModels",
                            "building the live state from every event up to arrival %1 "
                            "(readers keep reading the current state)")
                            .arg(to));
    if (parallel) {
        runPlan(
            db, plan, to, sessions,
            [&report](const QString &label, qint64 ms) { report(label, ms); }, runOwn);
    } else {
        QList<BuildStatement> inOrder = plan;
        std::sort(inOrder.begin(), inOrder.end(),
                  [](const BuildStatement &a, const BuildStatement &b) { return a.ord < b.ord; });
        for (const BuildStatement &s : std::as_const(inOrder)) {
            QElapsedTimer timer;
            timer.start();
            const qint64 rows = runOwn(s.ord);
            report(s.label, timer.elapsed(), rows);
        }
    }
    const auto [events, arrival] = swapIn(db, progress, swapLockTimeoutMs, swapPatienceMs);
    // what it wrote, per table: its transaction's setting ends with the commit (027)
    QSqlQuery written = runQuery(db, QStringLiteral("live_rebuild_written"));
    const QVariant writtenRows = written.next() ? written.value(0) : QVariant();
    written.finish();
    tx.commit();
    // on Citus the rebuild's transaction could not ANALYZE the shards (migration 016); the
    // rebuild stands either way, and the workers' autovacuum gets there later
    try {
        runQuery(db, QStringLiteral("live_analyze_state"), {writtenRows}).finish();
    } catch (const DbError &e) {
        //: after a rebuild: ANALYZE of the live state failed (the rebuild itself succeeded)
        progress(QCoreApplication::translate("mvdash::LiveReadModels",
                                             "the live state's statistics were not refreshed "
                                             "(autovacuum will): %1")
                     .arg(e.message()));
    }
    //: "rebuilt from <n events> up to arrival <arrival> in <seconds>"
    progress(QCoreApplication::translate("mvdash::LiveReadModels",
                                         "rebuilt from %n event(s) up to arrival %1 in %2", nullptr,
                                         countArg(events))
                 .arg(arrival)
                 .arg(seconds(total)));
    QMap<QString, qint64> rows;
    const QJsonObject counted = QJsonDocument::fromJson(writtenRows.toString().toUtf8()).object();
    for (auto it = counted.constBegin(); it != counted.constEnd(); ++it)
        if (it.key() != u"xact")
            rows.insert(it.key(), qint64(it.value().toDouble()));
    return rows;
}

void convertReadModels(const QSqlDatabase &db, ReadModelMode target, const Progress &progress,
                       int switchLockTimeoutMs, int attempts, int sessions) {
    const ReadModelState state = readModelState(db);
    if (state.mode == target) {
        //: "the read models are already in live|matview mode": keep the mode's name
        progress(QCoreApplication::translate("mvdash::LiveReadModels",
                                             "the read models are already in %1 mode")
                     .arg(modeName(target)));
        return;
    }
    QElapsedTimer timer;
    timer.start();
    if (target == ReadModelMode::Live) {
        rebuildLiveState(db, progress, sessions);
        // catch up with what arrived during the build, so that the switch's own step is short
        for (int i = 0; i < 5; ++i) {
            runStep(db, 10000, false);
            const StepProgress p = stepProgress(db);
            //: "caught up <n events> (arrival <arrival>)"
            progress(QCoreApplication::translate("mvdash::LiveReadModels",
                                                 "caught up %n event(s) (arrival %1)", nullptr,
                                                 countArg(p.events))
                         .arg(p.appliedArrival));
            if (p.events < 1000)
                break;
        }
    } else {
        //: keep the schema name mvdash_staging as it is
        progress(QCoreApplication::translate("mvdash::LiveReadModels",
                                             "building the materialized views in mvdash_staging "
                                             "(readers keep reading the live read models)"));
        QSqlQuery q = runQuery(db, QStringLiteral("live_stage_matviews"));
        q.finish();
        progress(QCoreApplication::translate("mvdash::LiveReadModels", "staged in %1")
                     .arg(seconds(timer)));
    }
    switchMode(db, target, progress, switchLockTimeoutMs, attempts);
    // the read models' sizes are the state tables' now: the Sizes panel's trend goes on at
    // once (028), not five minutes later, when the matviews' last samples have aged
    if (target == ReadModelMode::Live)
        sampleStorageShare(db, true);
    //: "converted to live|matview in <seconds>": keep the mode's name
    progress(QCoreApplication::translate("mvdash::LiveReadModels", "converted to %1 in %2")
                 .arg(modeName(target), seconds(timer)));
}

QList<RestoredReadModel> restoreReadModels(const QSqlDatabase &db) {
    QList<RestoredReadModel> missing;
    QSqlQuery q = runQuery(db, QStringLiteral("restore_read_models"));
    while (q.next())
        missing << RestoredReadModel{q.value(0).toString(), q.value(1).toBool(),
                                     q.value(2).toString()};
    return missing;
}

} // namespace mvdash
