#include "refreshrunner.h"

#include "database.h"
#include "dberror.h"
#include "monitoring.h"
#include "sessioncanceller.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <optional>
#include <QSet>
#include <QSqlQuery>
#include <QVariant>
#include <thread>
#include <vector>

namespace mvdash {

// What the sessions of one run share: the views still to do and what each reads, the
// outcomes, the first error.
struct RefreshRunner::Run {
    Run(qint64 id, SessionCanceller *c, const std::function<void(const RefreshPlanEntry &)> &start,
        const std::function<void(const RefreshOutcome &)> &finish)
        : runId(id)
        , canceller(c)
        , onStart(start)
        , onDone(finish) {}

    const qint64 runId;
    SessionCanceller *const canceller;
    const std::function<void(const RefreshPlanEntry &)> &onStart;
    const std::function<void(const RefreshOutcome &)> &onDone;

    std::mutex mutex;
    std::condition_variable changed; // a view finished, or the run is stopping
    QList<RefreshPlanEntry> waiting; // not started, longest first
    QMultiHash<QString, QString> reads;
    QSet<QString> unfinished; // waiting or running
    QList<RefreshOutcome> outcomes;
    std::exception_ptr error;

    void start(const QList<RefreshPlanEntry> &entries, const QMultiHash<QString, QString> &deps) {
        waiting = entries;
        // longest first, so that the short views fill in beside the long one
        std::stable_sort(waiting.begin(), waiting.end(),
                         [](const RefreshPlanEntry &a, const RefreshPlanEntry &b) {
                             return a.expectedMs > b.expectedMs;
                         });
        reads = deps;
        for (const RefreshPlanEntry &e : entries)
            unfinished.insert(e.view);
    }
    bool stopping() const { return error || (canceller && canceller->isCancelled()); }
    // Ready: none of the views it reads is still to be refreshed in this run (one that is not
    // in the run counts as done).
    bool ready(const RefreshPlanEntry &entry) const {
        const auto [first, last] = reads.equal_range(entry.view);
        return std::none_of(first, last,
                            [this](const QString &v) { return unfinished.contains(v); });
    }
    // The next view for a session, waiting while every view left reads one that is still
    // running; false when none is left or the run is stopping.
    bool take(RefreshPlanEntry &entry) {
        std::unique_lock lock(mutex);
        for (;;) {
            if (stopping() || waiting.isEmpty())
                return false;
            const auto next = std::find_if(waiting.begin(), waiting.end(),
                                           [this](const RefreshPlanEntry &e) { return ready(e); });
            if (next != waiting.end()) {
                entry = *next;
                waiting.erase(next);
                if (onStart)
                    onStart(entry);
                return true;
            }
            // a cancel comes from another thread without a notification: look again soon
            changed.wait_for(lock, std::chrono::milliseconds(100));
        }
    }
    void done(const RefreshPlanEntry &entry, const RefreshOutcome &outcome) {
        {
            std::lock_guard lock(mutex);
            unfinished.remove(entry.view);
            outcomes << outcome;
            if (onDone)
                onDone(outcome);
        }
        changed.notify_all();
    }
    void fail(std::exception_ptr e) {
        {
            std::lock_guard lock(mutex);
            if (!error)
                error = std::move(e);
        }
        changed.notify_all();
    }
};

void RefreshRunner::setSessions(int sessions, const ConnectionSettings &settings,
                                SessionSetup setup) {
    sessions_ = std::max(1, sessions);
    settings_ = settings;
    setup_ = std::move(setup);
}

QList<RefreshPlanEntry> RefreshRunner::plan() const {
    QList<RefreshPlanEntry> list;
    QSqlQuery q = runQuery(db_, QStringLiteral("refresh_plan"));
    const int view = columnOf(q, "view_name"), order = columnOf(q, "refresh_order"),
              populated = columnOf(q, "populated"), unique = columnOf(q, "has_unique_index"),
              method = columnOf(q, "method"), expected = columnOf(q, "expected_ms");
    while (q.next())
        list << RefreshPlanEntry{q.value(view).toString(),    q.value(order).toInt(),
                                 q.value(populated).toBool(), q.value(unique).toBool(),
                                 q.value(method).toString(),  q.value(expected).toDouble()};
    return list;
}

QMultiHash<QString, QString> RefreshRunner::dependencies() const {
    QMultiHash<QString, QString> reads;
    QSqlQuery q = runQuery(db_, QStringLiteral("refresh_dependencies"));
    while (q.next())
        reads.insert(q.value(0).toString(), q.value(1).toString());
    return reads;
}

QList<RefreshOutcome>
RefreshRunner::run(const QStringList &views,
                   const std::function<void(const RefreshPlanEntry &)> &onStart,
                   const std::function<void(const RefreshOutcome &)> &onDone) {
    const QList<RefreshPlanEntry> fullPlan = plan();
    QList<RefreshPlanEntry> selected;
    for (const QString &name : views) {
        if (std::none_of(fullPlan.cbegin(), fullPlan.cend(),
                         [&](const RefreshPlanEntry &e) { return e.view == name; }))
            throw DbError(QStringLiteral("unknown materialized view: %1").arg(name),
                          tr("unknown materialized view: %1").arg(name), QStringLiteral("42P01"));
    }
    for (const RefreshPlanEntry &entry : fullPlan) {
        if (views.isEmpty() || views.contains(entry.view))
            selected << entry;
    }

    // live mode: the six read models are brought up to date by one step, all at once
    QList<RefreshPlanEntry> live;
    for (const RefreshPlanEntry &entry : std::as_const(selected)) {
        if (entry.method == u"live")
            live << entry;
    }
    QList<RefreshOutcome> liveOutcomes;
    if (!live.isEmpty()) {
        selected.removeIf([](const RefreshPlanEntry &e) { return e.method == u"live"; });
        liveOutcomes = runLiveStep(live, onStart, onDone);
        if (selected.isEmpty())
            return liveOutcomes;
    }

    QSqlQuery runQ = runQuery(db_, QStringLiteral("refresh_new_run"));
    runQ.next();
    Run run(runQ.value(0).toLongLong(), canceller_, onStart, onDone);
    runQ.finish();

    run.start(selected, dependencies());

    // Extra sessions live for the whole run (one connection each); every session takes the
    // next view whose dependencies are refreshed, so a view waits for what it reads only,
    // not for a whole level.
    const qsizetype helpers =
        std::max<qsizetype>(0, std::min<qsizetype>(sessions_, selected.size()) - 1);
    std::vector<std::thread> threads;
    for (qsizetype i = 0; i < helpers; ++i)
        threads.emplace_back([this, &run] { helperSession(run); });

    {
        const CancelScope cancelScope(canceller_, db_);
        if (cancelScope.active())
            drain(db_, run);
    }
    for (std::thread &t : threads)
        t.join();
    if (run.error || (canceller_ && canceller_->isCancelled())) {
        // best effort: this session may be the one that is gone; the next run closes them then
        QSqlQuery close(db_);
        close.exec(catalogQuery(QStringLiteral("refresh_close_interrupted")));
    }
    if (run.error)
        std::rethrow_exception(run.error);
    return liveOutcomes + run.outcomes;
}

QList<RefreshOutcome>
RefreshRunner::runLiveStep(const QList<RefreshPlanEntry> &entries,
                           const std::function<void(const RefreshPlanEntry &)> &onStart,
                           const std::function<void(const RefreshOutcome &)> &onDone) {
    for (const RefreshPlanEntry &entry : entries) {
        if (onStart)
            onStart(entry);
    }
    // the size share's sample, before the step's transaction (a run of materialized views
    // samples in materialized_views_new_run(), migration 015)
    sampleStorageShare(db_);
    QList<RefreshOutcome> outcomes;
    const CancelScope cancelScope(canceller_, db_);
    QSqlQuery q = runQuery(db_, QStringLiteral("live_step"), {QStringLiteral("10 seconds"), true});
    while (q.next()) {
        const RefreshOutcome outcome{
            q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
            parseRunOutcome(q.value(3).toString()).value_or(RunOutcome::Failed),
            q.value(4).toString()};
        if (std::none_of(entries.cbegin(), entries.cend(),
                         [&](const RefreshPlanEntry &e) { return e.view == outcome.view; }))
            continue;
        outcomes << outcome;
        if (onDone)
            onDone(outcome);
    }
    return outcomes;
}

void RefreshRunner::helperSession(Run &run) const {
    std::optional<Connection> session;
    try {
        session.emplace(settings_, QStringLiteral("refresh"));
        if (setup_)
            setup_(session->db());
    } catch (const DbError &) {
        // a session that cannot open (e.g. too many connections) leaves its share to the
        // sessions that did
        return;
    }
    const CancelScope scope(canceller_, session->db());
    if (scope.active())
        drain(session->db(), run);
}

void RefreshRunner::drain(const QSqlDatabase &db, Run &run) {
    RefreshPlanEntry entry;
    while (run.take(entry)) {
        try {
            run.done(entry, refreshOne(db, entry, run.runId));
        } catch (...) {
            // also what a callback throws: the other sessions stop after their current view
            run.fail(std::current_exception());
            return;
        }
    }
}

RefreshOutcome RefreshRunner::refreshOne(const QSqlDatabase &db, const RefreshPlanEntry &entry,
                                         qint64 runId) {
    QSqlQuery begin = runQuery(db, QStringLiteral("refresh_begin"), {entry.view, runId});
    begin.next();
    const bool gone = begin.value(0).isNull();
    const qint64 historyId = begin.value(0).toLongLong();
    begin.finish();
    if (gone) // dropped since the plan was read: reported, and the run goes on
        return RefreshOutcome{entry.view, entry.method, QStringLiteral("0"), RunOutcome::Skipped,
                              tr("the view no longer exists (dropped during the run)")};
    QSqlQuery q;
    try {
        q = runQuery(db, QStringLiteral("refresh_view"), {entry.view, runId, historyId});
    } catch (const DbError &e) {
        // cancelled or cut off: leave no 'running' row behind (best effort: the
        // connection may be gone, then the next run closes the row)
        QSqlQuery abort(db);
        abort.prepare(catalogQuery(QStringLiteral("refresh_abort")));
        abort.addBindValue(historyId);
        abort.addBindValue(e.englishMessage()); // the history (status --json) keeps English
        abort.exec();
        throw;
    }
    RefreshOutcome outcome;
    if (q.next())
        outcome =
            RefreshOutcome{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                           parseRunOutcome(q.value(3).toString()).value_or(RunOutcome::Failed),
                           q.value(4).toString()};
    q.finish();
    return outcome;
}

} // namespace mvdash
