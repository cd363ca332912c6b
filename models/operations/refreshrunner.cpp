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
    std::condition_variable changed; // a view started or finished, or the run is stopping
    QList<RefreshPlanEntry> waiting; // not started, longest first
    Dependencies deps;
    QSet<QString> unfinished; // waiting or running
    QList<RefreshOutcome> outcomes;
    std::exception_ptr error;

    void start(const QList<RefreshPlanEntry> &entries, const Dependencies &dependencies) {
        waiting = entries;
        // longest first, so that the short views fill in beside the long one
        std::stable_sort(waiting.begin(), waiting.end(),
                         [](const RefreshPlanEntry &a, const RefreshPlanEntry &b) {
                             return a.expectedMs > b.expectedMs;
                         });
        deps = dependencies;
        for (const RefreshPlanEntry &e : entries)
            unfinished.insert(e.view);
    }
    bool stopping() const { return error || (canceller && canceller->isCancelled()); }
    bool isWaiting(const QString &view) const {
        return std::any_of(waiting.cbegin(), waiting.cend(),
                           [&view](const RefreshPlanEntry &e) { return e.view == view; });
    }
    // Ready: none of the views it reads is still to be refreshed in this run (one that is not
    // in the run counts as done). A part of a read model also waits until the views read
    // beside it (by a view that reads the part) have started: its rows are then at least as
    // new as theirs. user_activity_except_bets taken before bets_view would miss the users
    // whose first bets bets_view then shows, and user_activity_view would leave them out.
    bool ready(const RefreshPlanEntry &entry) const {
        const auto [first, last] = deps.reads.equal_range(entry.view);
        if (std::any_of(first, last, [this](const QString &v) { return unfinished.contains(v); }))
            return false;
        if (!deps.parts.contains(entry.view))
            return true;
        for (auto it = deps.reads.cbegin(); it != deps.reads.cend(); ++it) {
            if (it.value() != entry.view)
                continue;
            const auto [besideFirst, besideLast] = deps.reads.equal_range(it.key());
            for (auto beside = besideFirst; beside != besideLast; ++beside) {
                const QString &view = beside.value();
                // not: the part itself, another part, what the part reads, what reads the part
                if (view == entry.view || deps.parts.contains(view) ||
                    deps.reads.contains(entry.view, view) || deps.reads.contains(view, entry.view))
                    continue;
                if (isWaiting(view))
                    return false;
            }
        }
        return true;
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
                changed.notify_all(); // a part may wait for this view to start
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

RefreshRunner::Dependencies RefreshRunner::dependencies() const {
    Dependencies deps;
    QSqlQuery q = runQuery(db_, QStringLiteral("refresh_dependencies"));
    const int view = columnOf(q, "view_name"), reads = columnOf(q, "reads"),
              part = columnOf(q, "reads_part");
    while (q.next()) {
        deps.reads.insert(q.value(view).toString(), q.value(reads).toString());
        if (q.value(part).toBool())
            deps.parts.insert(q.value(reads).toString());
    }
    return deps;
}

QList<RefreshOutcome>
RefreshRunner::run(const QStringList &views,
                   const std::function<void(const RefreshPlanEntry &)> &onStart,
                   const std::function<void(const RefreshOutcome &)> &onDone) {
    const QList<RefreshPlanEntry> fullPlan = plan();
    QList<RefreshPlanEntry> selected;
    for (const QString &name : views) {
        if (std::none_of(fullPlan.cbegin(), fullPlan.cend(),
                         [&](const RefreshPlanEntry &e) { return e.view == name; })) {
            // the names it knows, so that a typo is one look away
            QStringList known;
            for (const RefreshPlanEntry &e : fullPlan)
                known << e.view;
            const QString list = known.join(QStringLiteral(", "));
            throw DbError(
                QStringLiteral("unknown materialized view: %1 (known: %2)").arg(name, list),
                //: %1 the name given, %2 the views refresh knows, comma-separated
                tr("unknown materialized view: %1 (known: %2)").arg(name, list),
                QStringLiteral("42P01"));
        }
    }
    const Dependencies deps = dependencies();
    // the parts the named views read come along (a view joined with an older part leaves out
    // rows), in the plan's order
    QStringList named = views;
    for (const QString &name : views) {
        const auto [first, last] = deps.reads.equal_range(name);
        for (auto it = first; it != last; ++it) {
            if (deps.parts.contains(it.value()) && !named.contains(it.value()))
                named << it.value();
        }
    }
    for (const RefreshPlanEntry &entry : fullPlan) {
        if (views.isEmpty() || named.contains(entry.view))
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

    run.start(selected, deps);

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
    try {
        RefreshPlanEntry entry;
        while (run.take(entry))
            run.done(entry, refreshOne(db, entry, run.runId));
    } catch (...) {
        // also what a callback throws (onStart in take, onDone in done): the other sessions
        // stop after their current view
        run.fail(std::current_exception());
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
