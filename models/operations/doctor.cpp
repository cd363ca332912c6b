#include "doctor.h"

#include "database.h"
#include "dberror.h"
#include "humanize.h"
#include "monitoring.h"

#include <climits>
#include <cmath>
#include <QCoreApplication>
#include <QJsonArray>
#include <QLocale>
#include <QMap>
#include <QSqlQuery>
#include <QVariant>

namespace mvdash {

namespace {

QString count(qint64 n) {
    return QLocale::c().toString(n);
}

// A doctor text in English (DoctorCheck::found, why, fix: the JSON's, docs/DOCTOR.md) and in
// the user's language (foundTranslated, ...: the text output's and the GUI's), built side by
// side with the same figures (see doctor.h).
struct Text {
    QString en, tr;

    Text() = default;
    Text(QString english, QString translated)
        : en(std::move(english))
        , tr(std::move(translated)) {}
    // a literal marked QT_TRANSLATE_NOOP("mvdash::Doctor", ...) where it is written
    explicit Text(const char *source)
        : en(QString::fromUtf8(source))
        , tr(QCoreApplication::translate("mvdash::Doctor", source)) {}
    // the same in every language: SQL, commands, names, the server's own messages, figures
    Text(const QString &same)
        : en(same)
        , tr(same) {}
    static Text same(const QString &text) { return {text, text}; }

    // QString::arg on both; a Text argument gives each language its own
    template <typename... Args> Text arg(const Args &...args) const {
        return {en.arg(english(args)...), tr.arg(translated(args)...)};
    }
    Text operator+(const Text &other) const { return {en + other.en, tr + other.tr}; }
    bool isEmpty() const { return en.isEmpty(); }

private:
    template <typename T> static const T &english(const T &value) { return value; }
    static const QString &english(const Text &text) { return text.en; }
    template <typename T> static const T &translated(const T &value) { return value; }
    static const QString &translated(const Text &text) { return text.tr; }
};

void setFound(DoctorCheck &c, const Text &t) {
    c.found = t.en;
    c.foundTranslated = t.tr;
}
void appendFound(DoctorCheck &c, const Text &t) {
    setFound(c, Text(c.found, c.foundText()) + t);
}
// The guide's answer to sorts that spill: more work_mem. Refreshes run with the refresh
// function's own setting since migration 023 (the guide's 256MB), which a role's or session's
// does not change.
Text workMemFix() {
    return Text(QT_TRANSLATE_NOOP("mvdash::Doctor",
                                  "refreshes: ALTER FUNCTION mvdash.mvdash_refresh_view(text, "
                                  "bigint, bigint, boolean) SET work_mem = '512MB';  (they run "
                                  "with that function's work_mem, the guide's 256MB unless set "
                                  "otherwise); other sessions: ALTER ROLE <role> SET work_mem = "
                                  "'256MB';  (the guide's SET work_mem for the session)"));
}

void setWhy(DoctorCheck &c, const Text &t) {
    c.why = t.en;
    c.whyTranslated = t.tr;
}
void setFix(DoctorCheck &c, const Text &t) {
    c.fix = t.en;
    c.fixTranslated = t.tr;
}

// "a; b; c" in both languages
Text joined(const QList<Text> &texts) {
    Text all;
    for (const Text &t : texts)
        all = all.isEmpty() ? t : all + Text::same(QStringLiteral("; ")) + t;
    return all;
}

Text ageText(qint64 seconds) {
    return {formatAgeEnglish(seconds), formatAge(seconds)};
}

// a figure with decimals: "16.8" in English (the JSON's texts), the user's decimal point in
// the translated text ("16,8" in Russian), as the panels show figures
Text decimal(double value, int decimals) {
    return {QString::number(value, 'f', decimals), QLocale().toString(value, 'f', decimals)};
}

Text megabytes(qint64 bytes) {
    //: a size in megabytes: "12.5 MB"
    return Text(QT_TRANSLATE_NOOP("mvdash::Doctor", "%1 MB"))
        .arg(decimal(double(bytes) / 1048576.0, 1));
}

DoctorCheck finding(const QString &id, const QString &subject, const QString &query,
                    CheckState state, const Text &found) {
    DoctorCheck c;
    c.id = id;
    c.subject = subject;
    c.query = query;
    c.state = state;
    setFound(c, found);
    return c;
}

// Runs one group of checks; if its query fails, that is a finding of its own (the role may
// lack a privilege, the install may predate what the check reads), and the others go on.
template <typename Body>
void guarded(QList<DoctorCheck> &out, const QString &id, const QString &query, Body body) {
    try {
        body();
    } catch (const DbError &e) {
        DoctorCheck c =
            finding(id, QString(), query, CheckState::Warn,
                    Text(QT_TRANSLATE_NOOP("mvdash::Doctor", "the check could not run: %1"))
                        .arg(Text(e.englishMessage(), e.message())));
        setWhy(c, Text(QT_TRANSLATE_NOOP("mvdash::Doctor", "what it watches is unknown")));
        setFix(c, e.sqlState() == u"42501"
                      ? Text(QT_TRANSLATE_NOOP(
                            "mvdash::Doctor",
                            "run the doctor as a role with mvdash_operator (or the owner)"))
                      : Text(QT_TRANSLATE_NOOP(
                            "mvdash::Doctor",
                            "mvdash-admin migrate (the check needs the current schema)")));
        out << c;
    }
}

Text refreshCommand(const QString &view) {
    //: %1 a command, %2 the same in SQL: keep the spaces
    return Text(QT_TRANSLATE_NOOP("mvdash::Doctor", "%1   (or: %2)"))
        .arg(QStringLiteral("mvdash-admin refresh %1").arg(view),
             QStringLiteral("SELECT * FROM refresh_materialized_view('%1');").arg(view));
}

} // namespace

QString checkStateWord(CheckState state) {
    switch (state) {
    case CheckState::Warn:
        return QStringLiteral("warn");
    case CheckState::Fail:
        return QStringLiteral("fail");
    case CheckState::Ok:
        break;
    }
    return QStringLiteral("ok");
}

QList<DoctorCheck> Doctor::run() const {
    QList<DoctorCheck> out;
    // what is there now, not the panels' sample: a re-run after the VACUUM or rebuild it
    // suggested shows their effect
    const SizesMeasuredNow measured(db_);
    guarded(out, QStringLiteral("extensions"), QStringLiteral("doctor_extensions"), [&] {
        QSqlQuery q = runQuery(db_, QStringLiteral("doctor_extensions"));
        if (q.next()) {
            citus_ = q.value(columnOf(q, "citus")).toBool();
            pgCron_ = q.value(columnOf(q, "pg_cron")).toBool();
        }
    });
    readModels(out);
    refreshes(out);
    liveArrivals(out);
    durationTrend(out);
    runningNow(out);
    holdingSessions(out);
    if (settings_.tenantId >= 0)
        tenant(out);
    memory(out);
    refreshTemp(out);
    storage(out);
    sizeShareTrend(out);
    bloat(out);
    tenantCopies(out);
    schedule(out);
    citus(out);
    privileges(out);
    return out;
}

CheckState Doctor::worst(const QList<DoctorCheck> &checks) {
    CheckState worst = CheckState::Ok;
    for (const DoctorCheck &c : checks)
        worst = std::max(worst, c.state);
    return worst;
}

// Present, populated, a unique index a concurrent refresh can use.
void Doctor::readModels(QList<DoctorCheck> &out) const {
    const QString query = QStringLiteral("doctor_read_models");
    guarded(out, QStringLiteral("read_model.present"), query, [&] {
        QSqlQuery q = runQuery(db_, query);
        const int view = columnOf(q, "view_name"), kind = columnOf(q, "relkind"),
                  populated = columnOf(q, "populated"), unique = columnOf(q, "has_unique_index"),
                  indexSql = columnOf(q, "unique_index_sql");
        while (q.next()) {
            const QString name = q.value(view).toString();
            if (q.isNull(kind)) {
                DoctorCheck c =
                    finding(QStringLiteral("read_model.present"), name, query, CheckState::Fail,
                            Text(QT_TRANSLATE_NOOP("mvdash::Doctor", "mvdash.%1 does not exist"))
                                .arg(name));
                setWhy(c, Text(QT_TRANSLATE_NOOP(
                              "mvdash::Doctor",
                              "every panel and the guide's queries read it: they fail")));
                setFix(c, Text(QT_TRANSLATE_NOOP(
                              "mvdash::Doctor",
                              "mvdash-admin migrate (makes a missing read model again from "
                              "its installed definition; per-tenant copies dropped with it "
                              "are not)")));
                out << c;
                continue;
            }
            const bool live = q.value(kind).toString() == u"v";
            if (!q.value(populated).toBool()) {
                DoctorCheck c = finding(
                    QStringLiteral("read_model.populated"), name, query, CheckState::Fail,
                    // (the log may show a refresh since: REFRESH ... WITH NO DATA empties it)
                    Text(QT_TRANSLATE_NOOP("mvdash::Doctor",
                                           "%1 is not populated: never refreshed, or emptied "
                                           "by REFRESH ... WITH NO DATA"))
                        .arg(name));
                setWhy(c, Text(QT_TRANSLATE_NOOP(
                              "mvdash::Doctor",
                              "reading it fails (\"has not been populated\"), and it "
                              "cannot be refreshed concurrently until a plain refresh")));
                setFix(c, refreshCommand(name));
                c.safeFix = SafeFix::RefreshView;
                out << c;
            } else {
                out << finding(
                    QStringLiteral("read_model.populated"), name, query, CheckState::Ok,
                    live ? Text(QT_TRANSLATE_NOOP("mvdash::Doctor", "%1 is a live read model"))
                               .arg(name)
                         : Text(QT_TRANSLATE_NOOP("mvdash::Doctor", "%1 is populated")).arg(name));
            }
            if (live)
                continue; // a live read model is kept by steps, never refreshed
            if (!q.value(unique).toBool()) {
                DoctorCheck c = finding(
                    QStringLiteral("read_model.unique_index"), name, query, CheckState::Warn,
                    Text(QT_TRANSLATE_NOOP("mvdash::Doctor",
                                           "%1 has no valid unique index on plain "
                                           "columns"))
                        .arg(name));
                setWhy(c, Text(QT_TRANSLATE_NOOP(
                              "mvdash::Doctor",
                              "REFRESH ... CONCURRENTLY needs one: the engine falls back "
                              "to a plain refresh, which locks readers out while it runs")));
                setFix(c, q.value(indexSql).toString());
                if (!c.fix.isEmpty()) {
                    c.fixSql = c.fix;
                    c.safeFix = SafeFix::CreateUniqueIndex;
                } else {
                    setFix(c, Text(QT_TRANSLATE_NOOP(
                                  "mvdash::Doctor",
                                  "create a unique index on the view's key columns")));
                }
                out << c;
            } else {
                out << finding(
                    QStringLiteral("read_model.unique_index"), name, query, CheckState::Ok,
                    Text(QT_TRANSLATE_NOOP("mvdash::Doctor", "%1 can be refreshed concurrently"))
                        .arg(name));
            }
        }
    });
}

// Freshness against the schedule, failing runs, skipped runs, slowness.
void Doctor::refreshes(QList<DoctorCheck> &out) const {
    const QString query = QStringLiteral("view_status");
    guarded(out, QStringLiteral("refresh.fresh"), query, [&] {
        const QList<ViewStatus> statuses = fetchViewStatus(db_);
        struct Streak {
            qint64 failed = 0, skipped = 0;
            Text holder;
        };
        QHash<QString, Streak> streaks;
        {
            QSqlQuery q = runQuery(db_, QStringLiteral("doctor_refresh_streaks"));
            const int view = columnOf(q, "view_name"), failed = columnOf(q, "failed_since_ok"),
                      skipped = columnOf(q, "skipped_since_ok");
            while (q.next())
                streaks.insert(
                    q.value(view).toString(),
                    Streak{q.value(failed).toLongLong(), q.value(skipped).toLongLong(), Text()});
        }
        // who holds a view now: a refresh running on it
        for (const RunningRefresh &r : runningRefreshes())
            if (streaks.contains(r.view))
                streaks[r.view].holder =
                    Text(QT_TRANSLATE_NOOP("mvdash::Doctor", "pid %1, role %2, %3, for %4"))
                        .arg(r.pid)
                        .arg(r.role, r.application, ageText(r.ageSeconds));
        const qint64 schedule = settings_.scheduleSeconds;
        for (const ViewStatus &s : statuses) {
            // fresh: the last successful refresh (or, live, the read model's lag)
            DoctorCheck fresh =
                finding(QStringLiteral("refresh.fresh"), s.view, query, CheckState::Ok, QString());
            if (!s.ageSeconds) {
                // populated when it was created, but how old that is nobody recorded
                fresh.state = s.populated ? CheckState::Warn : CheckState::Fail;
                setFound(fresh, Text(QT_TRANSLATE_NOOP("mvdash::Doctor",
                                                       "%1 was never refreshed by the engine"))
                                    .arg(s.view));
                setWhy(fresh, Text(QT_TRANSLATE_NOOP(
                                  "mvdash::Doctor",
                                  "its age is unknown: the dashboard shows it as stale")));
                setFix(fresh, refreshCommand(s.view));
                fresh.safeFix = SafeFix::RefreshView;
            } else {
                fresh.figures.insert(QStringLiteral("age_seconds"), double(*s.ageSeconds));
                fresh.figures.insert(QStringLiteral("schedule_seconds"), double(schedule));
                setFound(fresh,
                         Text(QT_TRANSLATE_NOOP("mvdash::Doctor",
                                                "%1 last refreshed %2 ago (schedule: every %3)"))
                             .arg(s.view, ageText(*s.ageSeconds), ageText(schedule)));
                const double lagSeconds = s.lagSeconds.toDouble();
                if (s.live) {
                    const qint64 lag = s.lagEvents.value_or(0);
                    const QString waited = QString::number(lagSeconds, 'f', 1);
                    setFound(
                        fresh,
                        Text(QStringLiteral("%1 is live, %2 event(s) behind (%3 s), last step "
                                            "%4 ago")
                                 .arg(s.view, count(lag), waited, formatAgeEnglish(*s.ageSeconds)),
                             //: %1 a read model, %2 for how long events have waited (s),
                             //: %3 the last step's age
                             QCoreApplication::translate(
                                 "mvdash::Doctor",
                                 "%1 is live, %n event(s) behind (%2 s), last step %3 ago", nullptr,
                                 int(lag))
                                 .arg(s.view, QLocale().toString(lagSeconds, 'f', 1),
                                      formatAge(*s.ageSeconds))));
                    fresh.figures.insert(QStringLiteral("lag_events"),
                                         double(s.lagEvents.value_or(0)));
                    fresh.figures.insert(QStringLiteral("lag_seconds"), lagSeconds);
                    if (s.stepIntervalSeconds)
                        fresh.figures.insert(QStringLiteral("step_interval_seconds"),
                                             *s.stepIntervalSeconds);
                }
                // live: how long committed events have waited (a quiet platform's last step may
                // be old with nothing behind); matview: the last refresh against the schedule
                const LiveLagLimits limits = settings_.live.forStepInterval(s.stepIntervalSeconds);
                if (s.live ? lagSeconds > limits.staleSeconds : *s.ageSeconds > 3 * schedule) {
                    fresh.state = CheckState::Fail;
                } else if (s.live ? lagSeconds > limits.lateSeconds : *s.ageSeconds > schedule) {
                    fresh.state = CheckState::Warn;
                }
                if (fresh.state != CheckState::Ok && s.live && !s.blockedBy.isEmpty()) {
                    // the steps run and are skipped: a transaction holds the watermark back
                    // (the follower is not the question; an attack as a tenant role found the
                    // doctor asking it)
                    //: %1 the step's own words: "a writer of the event tables is still in its
                    //: transaction after 00:00:10: pid 123, role x, transaction open since ..."
                    setWhy(fresh,
                           Text(QT_TRANSLATE_NOOP("mvdash::Doctor",
                                                  "the steps are skipped, held back by an open "
                                                  "transaction that locks an event table: %1"))
                               .arg(s.blockedBy));
                    setFix(fresh,
                           Text(QT_TRANSLATE_NOOP(
                               "mvdash::Doctor",
                               "if that transaction is stuck, end it: SELECT "
                               "pg_terminate_backend(<pid>), once pg_stat_activity shows "
                               "that pid still in that transaction (xact_start); a "
                               "prepared one: ROLLBACK PREPARED '<gid>' (pg_prepared_xacts). "
                               "A writer's own transactions should be short: the "
                               "watermark waits for them")));
                } else if (fresh.state != CheckState::Ok) {
                    setWhy(fresh,
                           s.live
                               ? Text(QT_TRANSLATE_NOOP("mvdash::Doctor",
                                                        "no step has run lately: is the follower "
                                                        "(mvdash-admin follow) running?"))
                               : Text(QT_TRANSLATE_NOOP("mvdash::Doctor",
                                                        "the schedule did not refresh it: readers "
                                                        "see old figures")));
                    setFix(fresh,
                           s.live ? Text(QT_TRANSLATE_NOOP("mvdash::Doctor",
                                                           "mvdash-admin follow   (or: SELECT "
                                                           "refresh_aggregate_views();)"))
                                  : refreshCommand(s.view) +
                                        Text(QT_TRANSLATE_NOOP("mvdash::Doctor",
                                                               "; then check the CronJob / pg_cron "
                                                               "(see schedule.*)")));
                    fresh.safeFix = SafeFix::RefreshView;
                }
            }
            out << fresh;

            const Streak streak = streaks.value(s.view);
            DoctorCheck failing = finding(
                QStringLiteral("refresh.failing"), s.view, QStringLiteral("doctor_refresh_streaks"),
                CheckState::Ok,
                Text(QT_TRANSLATE_NOOP("mvdash::Doctor", "no failed run since the last good one")));
            failing.figures.insert(QStringLiteral("failed_since_ok"), double(streak.failed));
            if (streak.failed > 0) {
                failing.state = streak.failed >= 3 ? CheckState::Fail : CheckState::Warn;
                setFound(failing,
                         Text(QStringLiteral("%1 run(s) of %2 failed since its last good one; "
                                             "the last: %3")
                                  .arg(count(streak.failed), s.view, s.lastError),
                              QCoreApplication::translate(
                                  "mvdash::Doctor",
                                  "%n run(s) of %1 failed since its last good one; the last: %2",
                                  nullptr, int(streak.failed))
                                  .arg(s.view, s.lastError)));
                setWhy(failing,
                       Text(QT_TRANSLATE_NOOP("mvdash::Doctor",
                                              "the view keeps its old rows while runs fail")));
                //: %1 the command that refreshes the view
                setFix(failing,
                       Text(QT_TRANSLATE_NOOP("mvdash::Doctor",
                                              "read the error; for \"out of memory\" a smaller "
                                              "work_mem for the refreshes, for temporary files a "
                                              "larger one (ALTER FUNCTION "
                                              "mvdash.mvdash_refresh_view(text, bigint, bigint, "
                                              "boolean) SET work_mem = ...; the guide's is 256MB); "
                                              "then %1"))
                           .arg(refreshCommand(s.view)));
            }
            out << failing;

            DoctorCheck skipped = finding(
                QStringLiteral("refresh.skipped"), s.view, QStringLiteral("doctor_refresh_streaks"),
                CheckState::Ok, Text(QT_TRANSLATE_NOOP("mvdash::Doctor", "no skipped run")));
            skipped.figures.insert(QStringLiteral("skipped_since_ok"), double(streak.skipped));
            if (streak.skipped > 0 && s.live && fresh.state == CheckState::Ok) {
                // live mode: the follower and the CronJob (or two followers) both step; one
                // skips while the other applies the same events, and the follower records no
                // history for a step that found nothing new: skips are expected while the
                // read models keep up (the freshness check above says when they do not)
                setFound(skipped,
                         Text(QStringLiteral("%1 step(s) skipped since the last recorded one: "
                                             "another step was applying the same events; "
                                             "expected with a follower, and %2 keeps up")
                                  .arg(count(streak.skipped), s.view),
                              QCoreApplication::translate(
                                  "mvdash::Doctor",
                                  "%n step(s) skipped since the last recorded one: another step "
                                  "was applying the same events; expected with a follower, and "
                                  "%1 keeps up",
                                  nullptr, int(streak.skipped))
                                  .arg(s.view)));
            } else if (streak.skipped > 0) {
                skipped.state = streak.skipped >= 3 ? CheckState::Fail : CheckState::Warn;
                const Text now = streak.holder.isEmpty()
                                     ? Text()
                                     : Text(QT_TRANSLATE_NOOP("mvdash::Doctor", " (now: %1)"))
                                           .arg(streak.holder);
                setFound(skipped,
                         Text(QStringLiteral("%1 run(s) of %2 skipped in a row: another refresh "
                                             "held it%3")
                                  .arg(count(streak.skipped), s.view, now.en),
                              QCoreApplication::translate(
                                  "mvdash::Doctor",
                                  "%n run(s) of %1 skipped in a row: another refresh held it%2",
                                  nullptr, int(streak.skipped))
                                  .arg(s.view, now.tr)));
                setWhy(skipped,
                       Text(QT_TRANSLATE_NOOP("mvdash::Doctor",
                                              "two schedulers (CronJob and pg_cron, or a manual "
                                              "run) overlap, or one refresh hangs")));
                setFix(skipped,
                       Text(QT_TRANSLATE_NOOP("mvdash::Doctor",
                                              "keep one scheduler; a hanging holder: SELECT "
                                              "pg_cancel_backend(<pid>);")));
            }
            out << skipped;

            const double lastMs = s.lastDurationMs.toDouble();
            DoctorCheck slow =
                finding(QStringLiteral("refresh.slow"), s.view, query, CheckState::Ok, QString());
            if (s.lastDurationMs.isEmpty() || s.live) {
                setFound(slow, s.live ? Text(QT_TRANSLATE_NOOP("mvdash::Doctor",
                                                               "%1 is live: steps, not refreshes"))
                                            .arg(s.view)
                                      : Text(QT_TRANSLATE_NOOP("mvdash::Doctor",
                                                               "%1 has no timed refresh yet"))
                                            .arg(s.view));
            } else {
                slow.figures.insert(QStringLiteral("last_ms"), lastMs);
                slow.figures.insert(QStringLiteral("avg_ms"), s.avgRefreshMs.toDouble());
                setFound(slow, Text(QT_TRANSLATE_NOOP("mvdash::Doctor",
                                                      "%1: last refresh %2 ms, average %3 ms"))
                                   .arg(Text::same(s.view), decimal(lastMs, 2),
                                        decimal(s.avgRefreshMs.toDouble(), 2)));
                if (lastMs > double(schedule) * 1000) {
                    slow.state = CheckState::Fail;
                    setWhy(slow, Text(QT_TRANSLATE_NOOP(
                                     "mvdash::Doctor", "a refresh takes longer than the schedule's "
                                                       "interval: runs overlap and are skipped")));
                } else if (lastMs > settings_.slowMs) {
                    slow.state = CheckState::Warn;
                    setWhy(slow, Text(QT_TRANSLATE_NOOP("mvdash::Doctor",
                                                        "slower than the guide's %1 ms alert"))
                                     .arg(settings_.slowMs));
                }
                if (slow.state != CheckState::Ok)
                    setFix(slow,
                           Text(QT_TRANSLATE_NOOP("mvdash::Doctor",
                                                  "see storage.* (size, dead rows, indexes: \\d+ "
                                                  "mvdash.%1); consider live mode (mvdash-admin "
                                                  "convert --to live) or archiving old events"))
                               .arg(s.view));
            }
            out << slow;
        }
    });
}

// Live mode: events past the arrival order (migration 018: written through a Citus worker,
// with arrival_id set by the writer, or after the order was set back). Steps read arrivals
// between the watermark and the order's last value, rebuilds every arrival up to it: such
// events stay out of every live read model, while the materialized views would count them.
// The fix moves the order past them and rebuilds; it is safe only once the writes that put
// them there have stopped (a worker's writer is not seen by the step's wait for writers, and
// while it goes on its range and the moved order overlap). A writer-chosen arrival near the
// top of bigint would leave the order nothing to give: then the rows are to be corrected.
void Doctor::liveArrivals(QList<DoctorCheck> &out) const {
    const QString query = QStringLiteral("doctor_live_arrivals");
    guarded(out, QStringLiteral("live.arrivals"), query, [&] {
        QSqlQuery q = runQuery(db_, query);
        const int table = columnOf(q, "table_name"), newest = columnOf(q, "newest_arrival"),
                  last = columnOf(q, "last_arrival"), events = columnOf(q, "events");
        bool live = false;
        qint64 order = 0;
        QList<DoctorCheck> past;
        while (q.next()) {
            live = true;
            order = q.value(last).toLongLong();
            const qint64 newestArrival = q.value(newest).toLongLong();
            if (q.isNull(newest) || newestArrival <= order)
                continue;
            const QString name = q.value(table).toString();
            DoctorCheck c = finding(
                QStringLiteral("live.arrivals"), name, query, CheckState::Fail,
                Text(QT_TRANSLATE_NOOP("mvdash::Doctor",
                                       "events of %1 with an arrival past the arrival order: %2 "
                                       "(the newest %3; the order is at %4)"))
                    .arg(name)
                    .arg(q.value(events).toLongLong())
                    .arg(newestArrival)
                    .arg(order));
            c.figures.insert(QStringLiteral("events"), q.value(events).toDouble());
            setWhy(c, Text(QT_TRANSLATE_NOOP(
                          "mvdash::Doctor",
                          "no step and no rebuild takes them in (both stop at the order's last "
                          "value): the live read models leave them out. They were written "
                          "through a worker node, with arrival_id set by the writer, or after "
                          "the order was set back (a restore without the sequence)")));
            constexpr qint64 kHighestSafeOrder = qint64(1) << 62;
            setFix(c, newestArrival < kHighestSafeOrder
                          ? Text(QT_TRANSLATE_NOOP(
                                     "mvdash::Doctor",
                                     "first stop those writes and let their transactions end "
                                     "(docs/LIVE.md, \"What writers must do\"); then, as the "
                                     "schema's owner: SELECT setval('mvdash.event_arrival_seq', "
                                     "%1); and mvdash-admin rebuild"))
                                .arg(newestArrival)
                          : Text(QT_TRANSLATE_NOOP(
                                     "mvdash::Doctor",
                                     "an arrival this high would leave the order nothing to give: "
                                     "stop those writes, set those events' arrival_id to at most "
                                     "the order's value, %1, then mvdash-admin rebuild"))
                                .arg(order));
            past << c;
        }
        if (!live)
            return; // matview mode: nothing reads the arrival order
        if (past.isEmpty())
            out << finding(
                QStringLiteral("live.arrivals"), QString(), query, CheckState::Ok,
                Text(QT_TRANSLATE_NOOP("mvdash::Doctor", "every event's arrival was given by the "
                                                         "arrival order (up to %1)"))
                    .arg(order));
        out << past;
    });
}

// Transactions that hold the live steps or a refresh back, open for longer than a refresh
// waits for a lock: named, with a button that ends the session while it is still in that
// transaction (xact_start identifies it; a pid is reused once its session ends). Any role can
// take such locks without a privilege (RELIABILITY.md), so the role alone says little.
void Doctor::holdingSessions(QList<DoctorCheck> &out) const {
    const QString query = QStringLiteral("doctor_holding_sessions");
    guarded(out, QStringLiteral("sessions.holding"), query, [&] {
        QSqlQuery q = runQuery(db_, query, {settings_.holdingSeconds});
        const int pid = columnOf(q, "pid"), gid = columnOf(q, "gid"), role = columnOf(q, "role"),
                  application = columnOf(q, "application_name"), state = columnOf(q, "state"),
                  started = columnOf(q, "xact_start"), age = columnOf(q, "age_seconds"),
                  held = columnOf(q, "held"), canEnd = columnOf(q, "can_end");
        int holding = 0;
        while (q.next()) {
            ++holding;
            const QString heldBack = q.value(held).toString();
            const bool steps = heldBack == u"live steps";
            const bool prepared = !q.isNull(gid);
            const QString name = prepared ? q.value(gid).toString()
                                          : QStringLiteral("pid %1").arg(q.value(pid).toInt());
            DoctorCheck c = finding(QStringLiteral("sessions.holding"), name, query,
                                    CheckState::Warn, QString());
            c.figures.insert(QStringLiteral("age_seconds"), q.value(age).toDouble());
            const QString program = q.value(application).toString();
            const Text who =
                prepared
                    ? Text(QT_TRANSLATE_NOOP("mvdash::Doctor", "prepared transaction %1 (role %2)"))
                          .arg(name, q.value(role).toString())
                    : Text(QT_TRANSLATE_NOOP("mvdash::Doctor", "%1 (role %2, %3)"))
                          .arg(name, q.value(role).toString(),
                               program.isEmpty()
                                   ? q.value(state).toString()
                                   : program + QStringLiteral(", ") + q.value(state).toString());
            const Text ago = ageText(q.value(age).toLongLong());
            setFound(c, steps ? Text(QT_TRANSLATE_NOOP("mvdash::Doctor",
                                                       "%1 has held the live steps back for %2: "
                                                       "it holds both locks a writer holds"))
                                    .arg(who, ago)
                              : Text(QT_TRANSLATE_NOOP("mvdash::Doctor",
                                                       "%1 has held a lock the refresh of %2 waits "
                                                       "for, in a transaction open for %3"))
                                    .arg(who, Text::same(heldBack), ago));
            setWhy(c, steps ? Text(QT_TRANSLATE_NOOP(
                                  "mvdash::Doctor",
                                  "every step waits for it, then is skipped: no read model "
                                  "moves while it lasts, for any tenant"))
                            : Text(QT_TRANSLATE_NOOP(
                                  "mvdash::Doctor",
                                  "each refresh of that view waits a minute for it and fails")));
            if (prepared) {
                QString literal = name;
                literal.replace(u'\'', QStringLiteral("''"));
                setFix(c, Text(QT_TRANSLATE_NOOP("mvdash::Doctor",
                                                 "if it is stuck, roll it back as a role that "
                                                 "may: ROLLBACK PREPARED '%1';"))
                              .arg(literal));
            } else {
                c.figures.insert(QStringLiteral("pid"), q.value(pid).toInt());
                c.figures.insert(QStringLiteral("xact_start"), q.value(started).toString());
                // offered only to a role the server lets end it (a superuser's session, to
                // superusers only)
                if (q.value(canEnd).toBool())
                    c.safeFix = SafeFix::EndSession;
                setFix(c,
                       Text(QT_TRANSLATE_NOOP(
                                "mvdash::Doctor",
                                "if it is stuck, end it (its transaction is rolled back): SELECT "
                                "pg_terminate_backend(%1); once pg_stat_activity shows that pid "
                                "still in that transaction"))
                           .arg(q.value(pid).toInt()));
            }
            out << c;
        }
        if (holding == 0)
            out << finding(QStringLiteral("sessions.holding"), QString(), query, CheckState::Ok,
                           Text(QT_TRANSLATE_NOOP("mvdash::Doctor",
                                                  "no transaction holds the steps or a refresh "
                                                  "back")));
    });
}

// When will a refresh no longer fit the schedule, at the pace its duration grows?
void Doctor::durationTrend(QList<DoctorCheck> &out) const {
    const QString query = QStringLiteral("doctor_duration_trend");
    guarded(out, QStringLiteral("refresh.trend"), query, [&] {
        QSqlQuery q = runQuery(db_, query);
        const int view = columnOf(q, "view_name"), runs = columnOf(q, "runs"),
                  slope = columnOf(q, "ms_per_day"), last = columnOf(q, "last_ms");
        const double budgetMs = double(settings_.scheduleSeconds) * 1000;
        while (q.next()) {
            const double perDay = q.value(slope).toDouble();
            const double lastMs = q.value(last).toDouble();
            DoctorCheck c = finding(QStringLiteral("refresh.trend"), q.value(view).toString(),
                                    query, CheckState::Ok, QString());
            c.figures.insert(QStringLiteral("ms_per_day"), perDay);
            c.figures.insert(QStringLiteral("runs"), q.value(runs).toDouble());
            if (perDay <= 0 || lastMs >= budgetMs) {
                setFound(c,
                         Text(QT_TRANSLATE_NOOP("mvdash::Doctor",
                                                "refresh time is not growing (%1 runs, %2 ms/day)"))
                             .arg(q.value(runs).toString())
                             .arg(decimal(perDay, 1)));
            } else {
                const double days = (budgetMs - lastMs) / perDay;
                c.figures.insert(QStringLiteral("days_until_interval"), days);
                const QString perDayText = QString::number(perDay, 'f', 1);
                // a plain variable: lupdate hangs on int(std::lround(days)) as translate()'s n
                const int wholeDays = int(std::lround(days));
                setFound(
                    c, Text(QStringLiteral("refresh time grows %1 ms/day: at this pace it "
                                           "reaches the %2 interval in %3 days")
                                .arg(perDayText, formatAgeEnglish(settings_.scheduleSeconds),
                                     QString::number(days, 'f', 0)),
                            QCoreApplication::translate(
                                "mvdash::Doctor",
                                "refresh time grows %1 ms/day: at this pace it reaches the %2 "
                                "interval in %n day(s)",
                                nullptr, wholeDays)
                                .arg(decimal(perDay, 1).tr, formatAge(settings_.scheduleSeconds))));
                if (days < 30) {
                    c.state = CheckState::Warn;
                    setWhy(c, Text(QT_TRANSLATE_NOOP(
                                  "mvdash::Doctor", "within a month the refresh no longer fits the "
                                                    "schedule")));
                    setFix(c, Text(QT_TRANSLATE_NOOP(
                                  "mvdash::Doctor",
                                  "plan for it: live mode (mvdash-admin convert --to "
                                  "live), partitioning or archiving old events")));
                }
            }
            out << c;
        }
    });
}

QList<Doctor::RunningRefresh> Doctor::runningRefreshes() const {
    QList<RunningRefresh> running;
    QSqlQuery q = runQuery(db_, QStringLiteral("doctor_running_refreshes"));
    const int view = columnOf(q, "view_name"), pid = columnOf(q, "pid"), role = columnOf(q, "role"),
              app = columnOf(q, "application_name"), age = columnOf(q, "age_seconds"),
              waitType = columnOf(q, "wait_event_type"), wait = columnOf(q, "wait_event"),
              blockedBy = columnOf(q, "blocked_by"), blocking = columnOf(q, "blocking");
    while (q.next())
        running << RunningRefresh{
            q.value(view).toString(), q.value(pid).toInt(),          q.value(role).toString(),
            q.value(app).toString(),  q.value(age).toLongLong(),     q.value(waitType).toString(),
            q.value(wait).toString(), q.value(blockedBy).toString(), q.value(blocking).toString()};
    return running;
}

// A refresh running now: how long, waiting on what, blocking whom.
void Doctor::runningNow(QList<DoctorCheck> &out) const {
    const QString query = QStringLiteral("doctor_running_refreshes");
    guarded(out, QStringLiteral("refresh.running"), query, [&] {
        const QList<RunningRefresh> running = runningRefreshes();
        for (const RunningRefresh &r : running) {
            DoctorCheck c = finding(QStringLiteral("refresh.running"), r.view, query,
                                    CheckState::Ok, QString());
            c.figures.insert(QStringLiteral("pid"), r.pid);
            c.figures.insert(QStringLiteral("age_seconds"), double(r.ageSeconds));
            setFound(c, Text(QT_TRANSLATE_NOOP("mvdash::Doctor",
                                               "refreshing now: pid %1 (role %2, %3) for %4"))
                            .arg(r.pid)
                            .arg(r.role, r.application, ageText(r.ageSeconds)));
            if (r.waitType == u"Lock") {
                appendFound(
                    c, Text(QT_TRANSLATE_NOOP("mvdash::Doctor", ", waiting on a lock (%1)%2"))
                           .arg(r.wait,
                                r.blockedBy.isEmpty()
                                    ? QString()
                                    : Text(QT_TRANSLATE_NOOP("mvdash::Doctor", " held by pid %1"))
                                          .arg(r.blockedBy)));
                c.figures.insert(QStringLiteral("blocked_by"), r.blockedBy);
                c.state = CheckState::Warn;
                setWhy(c, Text(QT_TRANSLATE_NOOP(
                              "mvdash::Doctor", "the refresh cannot go on until the holder ends")));
                setFix(c, Text(QT_TRANSLATE_NOOP(
                                   "mvdash::Doctor",
                                   "find the holder: SELECT * FROM pg_stat_activity WHERE pid "
                                   "IN (%1); end it if it is stuck: SELECT "
                                   "pg_cancel_backend(pid)"))
                              .arg(r.blockedBy.isEmpty()
                                       ? Text(QT_TRANSLATE_NOOP("mvdash::Doctor", "..."))
                                       : r.blockedBy));
            }
            if (!r.blocking.isEmpty()) {
                appendFound(
                    c,
                    Text(QT_TRANSLATE_NOOP("mvdash::Doctor", ", blocking pid %1")).arg(r.blocking));
                c.figures.insert(QStringLiteral("blocking"), r.blocking);
                c.state = CheckState::Warn;
                setWhy(c, Text(QT_TRANSLATE_NOOP(
                              "mvdash::Doctor",
                              "sessions wait behind this refresh (a plain refresh locks "
                              "readers out)")));
                if (c.fix.isEmpty())
                    setFix(c, Text(QT_TRANSLATE_NOOP(
                                       "mvdash::Doctor",
                                       "give the view a unique index (concurrent refresh) or "
                                       "cancel: SELECT pg_cancel_backend(%1)"))
                                  .arg(r.pid));
            }
            if (r.ageSeconds > settings_.scheduleSeconds && c.state == CheckState::Ok) {
                c.state = CheckState::Warn;
                setWhy(c, Text(QT_TRANSLATE_NOOP("mvdash::Doctor",
                                                 "running longer than the schedule's interval")));
                setFix(c,
                       Text(QT_TRANSLATE_NOOP("mvdash::Doctor", "see refresh.slow and storage.*")));
            }
            out << c;
        }
        if (running.isEmpty())
            out << finding(QStringLiteral("refresh.running"), QString(), query, CheckState::Ok,
                           Text(QT_TRANSLATE_NOOP("mvdash::Doctor", "no refresh is running")));
    });
}

// The guide's "the view is not refreshing": events against view rows, for one tenant.
void Doctor::tenant(QList<DoctorCheck> &out) const {
    const QString query = QStringLiteral("doctor_tenant_counts");
    const qint64 id = settings_.tenantId;
    guarded(out, QStringLiteral("tenant.rows"), query, [&] {
        QSqlQuery q = runQuery(db_, query, {id, id, id, id, id});
        if (!q.next())
            return;
        const QString subject = QString::number(id);
        const struct {
            const char *what, *events, *rows, *view;
        } pairs[] = {{"bets", "event_bets", "view_bets", "bets_view"},
                     {"payments", "event_payments", "view_payments", "payments_view"}};
        if (!q.value(columnOf(q, "known_tenant")).toBool())
            out << finding(
                QStringLiteral("tenant.known"), subject, query, CheckState::Warn,
                Text(QT_TRANSLATE_NOOP("mvdash::Doctor", "tenant %1 is not in the tenants table"))
                    .arg(id));
        for (const auto &p : pairs) {
            const qint64 events = q.value(columnOf(q, p.events)).toLongLong();
            const qint64 rows = q.value(columnOf(q, p.rows)).toLongLong();
            DoctorCheck c = finding(
                QStringLiteral("tenant.%1").arg(QLatin1String(p.what)), subject, query,
                CheckState::Ok,
                //: %2 bets or payments, %4 a view's name
                Text(QT_TRANSLATE_NOOP("mvdash::Doctor",
                                       "%1 distinct %2 in the events, %3 rows in %4"))
                    .arg(count(events), QLatin1String(p.what), count(rows), QLatin1String(p.view)));
            c.figures.insert(QStringLiteral("events"), double(events));
            c.figures.insert(QStringLiteral("rows"), double(rows));
            if (events > 0 && rows == 0) {
                c.state = CheckState::Fail;
                setWhy(c, Text(QT_TRANSLATE_NOOP(
                              "mvdash::Doctor",
                              "the tenant has events but the view shows nothing: it was "
                              "not refreshed since they arrived")));
            } else if (rows > events) {
                c.state = CheckState::Fail;
                setWhy(c, Text(QT_TRANSLATE_NOOP(
                              "mvdash::Doctor",
                              "the view holds more rows than there are distinct ids in "
                              "the events: it is wrong, not just late")));
            } else if (rows < events) {
                c.state = CheckState::Warn;
                setWhy(c, Text(QT_TRANSLATE_NOOP(
                              "mvdash::Doctor",
                              "the view is behind the events (new ones since the last "
                              "refresh)")));
            }
            if (c.state != CheckState::Ok) {
                setFix(c,
                       refreshCommand(QLatin1String(p.view)) +
                           Text(QT_TRANSLATE_NOOP("mvdash::Doctor", "; then mvdash-admin verify")));
                c.safeFix = SafeFix::RefreshView;
                c.subject = QLatin1String(p.view);
                c.figures.insert(QStringLiteral("tenant_id"), double(id));
            }
            out << c;
        }
    });
}

// Temporary files: what work_mem was too small for.
void Doctor::memory(QList<DoctorCheck> &out) const {
    const QString query = QStringLiteral("doctor_temp_files");
    guarded(out, QStringLiteral("memory.temp_files"), query, [&] {
        QSqlQuery q = runQuery(db_, query);
        if (!q.next())
            return;
        const qint64 files = q.value(columnOf(q, "temp_files")).toLongLong();
        const qint64 bytes = q.value(columnOf(q, "temp_bytes")).toLongLong();
        const QString workMem = q.value(columnOf(q, "work_mem")).toString();
        const QString maintenance = q.value(columnOf(q, "maintenance_work_mem")).toString();
        DoctorCheck c = finding(
            QStringLiteral("memory.temp_files"), QString(), query, CheckState::Ok,
            Text(QStringLiteral("%1 temporary file(s), %2, since the statistics "
                                "were reset; work_mem %3, maintenance_work_mem %4")
                     .arg(count(files), megabytes(bytes).en, workMem, maintenance),
                 QCoreApplication::translate("mvdash::Doctor",
                                             "%n temporary file(s), %1, since the statistics were "
                                             "reset; work_mem %2, maintenance_work_mem %3",
                                             nullptr, int(files))
                     .arg(megabytes(bytes).tr, workMem, maintenance)));
        const QString refreshWorkMem = q.value(columnOf(q, "refresh_work_mem")).toString();
        c.figures = QJsonObject{{QStringLiteral("temp_files"), double(files)},
                                {QStringLiteral("temp_bytes"), double(bytes)},
                                {QStringLiteral("work_mem"), workMem},
                                {QStringLiteral("maintenance_work_mem"), maintenance},
                                {QStringLiteral("refresh_work_mem"), refreshWorkMem}};
        if (!refreshWorkMem.isEmpty()) {
            //: %1 the work_mem the refresh function runs with, e.g. 256MB
            appendFound(c, Text(QT_TRANSLATE_NOOP("mvdash::Doctor", "; refreshes run with "
                                                                    "work_mem %1"))
                               .arg(refreshWorkMem));
        }
        if (citus_) {
            // a coordinator writes the intermediate results of distributed queries (CTEs,
            // subqueries: the dashboard's and this doctor's own) as temporary files too: the
            // figure cannot tell a refresh that spilled from those
            appendFound(
                c, Text(QT_TRANSLATE_NOOP("mvdash::Doctor",
                                          "; on Citus, distributed queries' intermediate results "
                                          "count too: set log_temp_files to see which spilled")));
        } else if (files > 0) {
            c.state = CheckState::Warn;
            setWhy(c,
                   Text(QT_TRANSLATE_NOOP("mvdash::Doctor",
                                          "sorts and hashes spilled to disk (refreshes sort whole "
                                          "event tables): slower, and \"out of memory\" is near")));
            setFix(c, workMemFix());
        }
        out << c;
    });
}

// The temporary files of the refreshes themselves (pg_stat_statements): memory.temp_files counts
// every query of the database; this one only what the refreshes and live steps wrote.
void Doctor::refreshTemp(QList<DoctorCheck> &out) const {
    const QString source = QStringLiteral("doctor_refresh_temp_source");
    guarded(out, QStringLiteral("memory.refresh_temp"), source, [&] {
        QSqlQuery present = runQuery(db_, source);
        if (!present.next())
            return;
        if (!present.value(columnOf(present, "preloaded")).toBool() ||
            !present.value(columnOf(present, "installed")).toBool()) {
            DoctorCheck c = finding(
                QStringLiteral("memory.refresh_temp"), QString(), source, CheckState::Ok,
                Text(QT_TRANSLATE_NOOP("mvdash::Doctor",
                                       "unknown without pg_stat_statements (memory.temp_files has "
                                       "the whole database's): shared_preload_libraries = "
                                       "'pg_stat_statements', then CREATE EXTENSION "
                                       "pg_stat_statements; REVOKE SELECT ON pg_stat_statements, "
                                       "pg_stat_statements_info FROM PUBLIC; (tenant roles must "
                                       "not read other tenants' statements)")));
            out << c;
            return;
        }
        const QString query = QStringLiteral("doctor_refresh_temp");
        QSqlQuery q = runQuery(db_, query);
        if (!q.next())
            return;
        const qint64 calls = q.value(columnOf(q, "calls")).toLongLong();
        const qint64 bytes = q.value(columnOf(q, "temp_bytes")).toLongLong();
        // (a plain int for translate(): lupdate hangs on a template call in its arguments)
        const int shownCalls = int(std::min<qint64>(calls, INT_MAX));
        DoctorCheck c = finding(
            QStringLiteral("memory.refresh_temp"), QString(), query, CheckState::Ok,
            Text(QStringLiteral("%1 written to temporary files by %2 refresh call(s) since "
                                "pg_stat_statements was reset")
                     .arg(megabytes(bytes).en, count(calls)),
                 QCoreApplication::translate("mvdash::Doctor",
                                             "%1 written to temporary files by %n refresh call(s) "
                                             "since pg_stat_statements was reset",
                                             nullptr, shownCalls)
                     .arg(megabytes(bytes).tr)));
        c.figures = QJsonObject{{QStringLiteral("calls"), double(calls)},
                                {QStringLiteral("temp_bytes"), double(bytes)}};
        if (bytes > 0) {
            c.state = CheckState::Warn;
            setWhy(c, Text(QT_TRANSLATE_NOOP("mvdash::Doctor",
                                             "the refreshes' sorts and hashes did not fit work_mem "
                                             "and went to disk: slower refreshes, and the guide's "
                                             "\"out of memory\" is near")));
            setFix(c, workMemFix());
        }
        out << c;
    });
}

// Dead rows and the size of the views against the events.
void Doctor::storage(QList<DoctorCheck> &out) const {
    const QString query = QStringLiteral("doctor_dead_tuples");
    guarded(out, QStringLiteral("storage.dead_rows"), query, [&] {
        QSqlQuery q = runQuery(db_, query);
        const int relation = columnOf(q, "relation"), live = columnOf(q, "n_live_tup"),
                  dead = columnOf(q, "n_dead_tup"), shards = columnOf(q, "shards");
        while (q.next()) {
            const int shardCount = q.value(shards).toInt();
            const qint64 liveRows = q.value(live).toLongLong();
            const qint64 deadRows = q.value(dead).toLongLong();
            const double share =
                liveRows + deadRows > 0 ? double(deadRows) / double(liveRows + deadRows) : 0;
            const QString name = q.value(relation).toString();
            DoctorCheck c =
                finding(QStringLiteral("storage.dead_rows"), name, query, CheckState::Ok,
                        Text(QT_TRANSLATE_NOOP("mvdash::Doctor", "%1: %2 dead of %3 rows (%4%)"))
                            .arg(name, count(deadRows), count(liveRows + deadRows))
                            .arg(decimal(share * 100, 1)));
            if (shardCount > 1)
                appendFound(
                    c, Text(QT_TRANSLATE_NOOP("mvdash::Doctor", " in %1 shards")).arg(shardCount));
            c.figures = QJsonObject{{QStringLiteral("dead_rows"), double(deadRows)},
                                    {QStringLiteral("live_rows"), double(liveRows)},
                                    {QStringLiteral("shards"), shardCount}};
            if (share > settings_.deadRowShare && deadRows > 1000) {
                c.state = CheckState::Warn;
                setWhy(c,
                       Text(QT_TRANSLATE_NOOP("mvdash::Doctor",
                                              "concurrent refreshes leave dead rows; autovacuum is "
                                              "behind: the view grows and scans slow down")));
                // (on Citus the coordinator passes VACUUM on to every shard)
                setFix(c, Text::same(QStringLiteral("VACUUM (ANALYZE) mvdash.%1;")).arg(name));
            }
            out << c;
        }
    });
    guarded(out, QStringLiteral("storage.size_share"), QStringLiteral("view_size_ratio"), [&] {
        const SizeRatio r = fetchSizeRatio(db_);
        if (r.ratio.isEmpty())
            return;
        const double share = r.ratio.toDouble();
        DoctorCheck c = finding(
            QStringLiteral("storage.size_share"), QString(), QStringLiteral("view_size_ratio"),
            CheckState::Ok,
            Text(QT_TRANSLATE_NOOP("mvdash::Doctor", "the views take %1 against %2 of event tables "
                                                     "(%3%; the guide expects 10-30%)"))
                .arg(megabytes(r.viewsBytes), megabytes(r.eventTablesBytes))
                .arg(decimal(share * 100, 1)));
        c.figures = QJsonObject{{QStringLiteral("views_bytes"), double(r.viewsBytes)},
                                {QStringLiteral("event_tables_bytes"), double(r.eventTablesBytes)},
                                {QStringLiteral("share"), share}};
        if (share > settings_.sizeShareLimit) {
            c.state = CheckState::Warn;
            setWhy(c,
                   Text(QT_TRANSLATE_NOOP("mvdash::Doctor",
                                          "more than the guide's 30%: per-tenant copies, bloat or "
                                          "indexes nobody uses")));
            setFix(c, Text(QT_TRANSLATE_NOOP(
                          "mvdash::Doctor",
                          "mvdash-admin sizes; drop unused per-tenant copies; VACUUM "
                          "(FULL) a bloated view in a quiet hour")));
        }
        out << c;
    });
}

// The views' share of the event tables over 30 days (migration 015's samples): a share that
// grows while the events grow slower is bloat or copies accumulating; when does it pass 30%?
void Doctor::sizeShareTrend(QList<DoctorCheck> &out) const {
    const QString query = QStringLiteral("doctor_size_share_trend");
    const QString id = QStringLiteral("storage.size_share_trend");
    guarded(out, id, query, [&] {
        QSqlQuery q = runQuery(db_, query);
        if (!q.next())
            return;
        const qint64 samples = q.value(columnOf(q, "samples")).toLongLong();
        constexpr qint64 kMinSamples = 5;
        if (samples < kMinSamples) {
            // a plain int for translate(): lupdate hangs on a template call in its arguments
            const int shownSamples = int(samples);
            out << finding(
                id, QString(), query, CheckState::Ok,
                Text(QStringLiteral("%1 sample(s) of the views' share so far: a trend needs %2 "
                                    "(one per 15 minutes, taken when a refresh or step runs)")
                         .arg(count(samples))
                         .arg(kMinSamples),
                     QCoreApplication::translate(
                         "mvdash::Doctor",
                         "%n sample(s) of the views' share so far: a trend needs %1 (one per 15 "
                         "minutes, taken when a refresh or step runs)",
                         nullptr, shownSamples)
                         .arg(kMinSamples)));
            return;
        }
        const double perDay = q.value(columnOf(q, "share_per_day")).toDouble();
        const double last = q.value(columnOf(q, "last_share")).toDouble();
        const double viewsPerDay = q.value(columnOf(q, "views_bytes_per_day")).toDouble();
        const double eventsPerDay = q.value(columnOf(q, "event_bytes_per_day")).toDouble();
        const double days = q.value(columnOf(q, "days")).toDouble();
        const double limit = settings_.sizeShareLimit;
        // a line through an hour of samples says nothing about a month (a rebuild, vacuum's
        // cycle): a rate per day needs the samples to span a few days. Shorter, the rate would
        // read as "+40 points/day" from an hour's noise: only the share now is said.
        constexpr double kMinSpanDays = 3;
        if (days < kMinSpanDays) {
            DoctorCheck c = finding(
                id, QString(), query, CheckState::Ok,
                Text(QT_TRANSLATE_NOOP("mvdash::Doctor",
                                       "the views' share is %1% now (%2 samples over %3 "
                                       "hours); a trend and a forecast need %4 days of samples"))
                    .arg(decimal(last * 100, 1))
                    .arg(samples)
                    .arg(decimal(days * 24, 1))
                    .arg(kMinSpanDays));
            c.figures = QJsonObject{{QStringLiteral("samples"), double(samples)},
                                    {QStringLiteral("share"), last}};
            out << c;
            return;
        }
        // the share in percentage points, the sides' growth in MB, per day
        const Text growth =
            Text(QT_TRANSLATE_NOOP("mvdash::Doctor",
                                   "the views' share moves %1 points/day (now %2%; views %3, "
                                   "event tables %4 per day, over %5 days)"))
                .arg(decimal(perDay * 100, 2))
                .arg(decimal(last * 100, 1))
                .arg(megabytes(qint64(viewsPerDay)), megabytes(qint64(eventsPerDay)))
                .arg(decimal(days, 1));
        DoctorCheck c = finding(id, QString(), query, CheckState::Ok, growth);
        c.figures = QJsonObject{{QStringLiteral("samples"), double(samples)},
                                {QStringLiteral("share_per_day"), perDay},
                                {QStringLiteral("share"), last},
                                {QStringLiteral("views_bytes_per_day"), viewsPerDay},
                                {QStringLiteral("event_tables_bytes_per_day"), eventsPerDay}};
        if (perDay > 0 && last < limit) {
            const double untilLimit = (limit - last) / perDay;
            c.figures.insert(QStringLiteral("days_until_limit"), untilLimit);
            appendFound(c, Text(QT_TRANSLATE_NOOP("mvdash::Doctor",
                                                  "; at this pace it passes %1% in %2 days"))
                               .arg(decimal(limit * 100, 0))
                               .arg(decimal(untilLimit, 0)));
            if (untilLimit < settings_.trendHorizonDays) {
                c.state = CheckState::Warn;
                setWhy(c, Text(QT_TRANSLATE_NOOP(
                              "mvdash::Doctor",
                              "the views grow faster than the events they are made of: dead "
                              "rows and empty pages, per-tenant copies or indexes piling up")));
                setFix(c, Text(QT_TRANSLATE_NOOP(
                              "mvdash::Doctor",
                              "see storage.dead_rows and storage.bloat; mvdash-admin sizes; drop "
                              "per-tenant copies nobody reads")));
            }
        }
        out << c;
    });
}

// Empty space in the read models' storage and their indexes, measured by pgstattuple.
void Doctor::bloat(QList<DoctorCheck> &out) const {
    const QString source = QStringLiteral("doctor_bloat_source");
    const QString id = QStringLiteral("storage.bloat");
    guarded(out, id, source, [&] {
        QSqlQuery present = runQuery(db_, source);
        if (!present.next())
            return;
        if (!present.value(columnOf(present, "installed")).toBool() ||
            !present.value(columnOf(present, "usable")).toBool()) {
            out << finding(
                id, QString(), source, CheckState::Ok,
                Text(QT_TRANSLATE_NOOP(
                    "mvdash::Doctor",
                    "unknown without pgstattuple (storage.dead_rows counts what vacuum has yet "
                    "to do): CREATE EXTENSION pgstattuple; GRANT pg_stat_scan_tables TO <the "
                    "role running the doctor>;")));
            return;
        }
        const QString query = QStringLiteral("doctor_bloat");
        QSqlQuery q = runQuery(db_, query);
        const int view = columnOf(q, "view_name"), relation = columnOf(q, "relation"),
                  kind = columnOf(q, "kind"), bytes = columnOf(q, "bytes"),
                  free = columnOf(q, "free_percent"), dead = columnOf(q, "dead_percent"),
                  density = columnOf(q, "leaf_density");
        while (q.next()) {
            const QString name = q.value(relation).toString();
            const qint64 size = q.value(bytes).toLongLong();
            const bool big = size >= settings_.bloatMinBytes;
            DoctorCheck c = finding(id, name, query, CheckState::Ok, QString());
            c.figures = QJsonObject{{QStringLiteral("bytes"), double(size)}};
            if (q.value(kind).toString() == u"index") {
                // no leaf page yet (an empty index): nothing to be sparse
                const bool empty = q.isNull(density);
                const double leaf = q.value(density).toDouble();
                if (!empty)
                    c.figures.insert(QStringLiteral("leaf_density"), leaf);
                setFound(c, empty ? Text(QT_TRANSLATE_NOOP("mvdash::Doctor",
                                                           "index %1: %2, no leaf page yet"))
                                        .arg(name, megabytes(size))
                                  : Text(QT_TRANSLATE_NOOP("mvdash::Doctor",
                                                           "index %1: %2, leaf pages %3% full"))
                                        .arg(name, megabytes(size))
                                        .arg(decimal(leaf, 1)));
                if (big && !empty && leaf < settings_.leafDensityMin) {
                    c.state = CheckState::Warn;
                    setWhy(c, Text(QT_TRANSLATE_NOOP(
                                  "mvdash::Doctor",
                                  "half-empty index pages (rows deleted and rewritten by "
                                  "concurrent refreshes or steps): more pages to read for every "
                                  "lookup and a bigger cache footprint")));
                    setFix(c,
                           Text::same(
                               QStringLiteral("REINDEX INDEX CONCURRENTLY mvdash.%1;").arg(name)));
                }
            } else {
                const double freeShare = q.value(free).toDouble() / 100;
                const double deadShare = q.value(dead).toDouble() / 100;
                c.figures.insert(QStringLiteral("free_share"), freeShare);
                c.figures.insert(QStringLiteral("dead_share"), deadShare);
                setFound(c, Text(QT_TRANSLATE_NOOP("mvdash::Doctor",
                                                   "%1: %2, %3% empty space, %4% dead rows"))
                                .arg(name, megabytes(size))
                                .arg(decimal(freeShare * 100, 1))
                                .arg(decimal(deadShare * 100, 1)));
                if (big && freeShare > settings_.freeSpaceLimit) {
                    c.state = CheckState::Warn;
                    setWhy(c, Text(QT_TRANSLATE_NOOP(
                                  "mvdash::Doctor",
                                  "vacuum freed the space but the relation keeps its size: "
                                  "scans read the empty pages too")));
                    // live mode's state table (not named as its view): on PostgreSQL rebuild
                    // swaps in a compact copy while readers read on; on Citus it works in place
                    // and writes only rows that differ (migration 027), so the shards are
                    // compacted by VACUUM FULL, which the coordinator passes on to every shard
                    // (readers wait); a matview is rewritten by a plain refresh (readers wait
                    // for it) or VACUUM FULL
                    const bool liveState = name != q.value(view).toString();
                    setFix(
                        c,
                        !liveState
                            ? Text(QT_TRANSLATE_NOOP("mvdash::Doctor",
                                                     "in a quiet hour: REFRESH MATERIALIZED VIEW "
                                                     "mvdash.%1; (not concurrently: rewritten "
                                                     "compactly, readers wait)"))
                                  .arg(name)
                        : citus_
                            ? Text(QT_TRANSLATE_NOOP("mvdash::Doctor",
                                                     "in a quiet hour, as the table's owner: "
                                                     "VACUUM (FULL, ANALYZE) mvdash.%1; (every "
                                                     "shard rewritten compactly; readers and the "
                                                     "live steps wait for it)"))
                                  .arg(name)
                            : Text(QT_TRANSLATE_NOOP(
                                  "mvdash::Doctor",
                                  "mvdash-admin rebuild (a compact copy, swapped in "
                                  "while readers read on)")));
                }
            }
            out << c;
        }
    });
}

// Per-tenant copies whose tenant is gone or has no data.
void Doctor::tenantCopies(QList<DoctorCheck> &out) const {
    const QString query = QStringLiteral("doctor_tenant_copies");
    guarded(out, QStringLiteral("tenant_copy.current"), query, [&] {
        QSqlQuery q = runQuery(db_, query);
        const int copy = columnOf(q, "copy_name"), base = columnOf(q, "base"),
                  tenant = columnOf(q, "tenant_id"), exists = columnOf(q, "tenant_exists"),
                  events = columnOf(q, "has_events"), bytes = columnOf(q, "total_bytes");
        while (q.next()) {
            const QString name = q.value(copy).toString();
            DoctorCheck c = finding(
                QStringLiteral("tenant_copy.current"), name, query, CheckState::Ok,
                Text(QT_TRANSLATE_NOOP("mvdash::Doctor", "%1: copy of %2 for tenant %3, %4"))
                    .arg(name, q.value(base).toString(), q.value(tenant).toString(),
                         megabytes(q.value(bytes).toLongLong())));
            c.figures = QJsonObject{{QStringLiteral("base"), q.value(base).toString()},
                                    {QStringLiteral("tenant_id"), q.value(tenant).toDouble()},
                                    {QStringLiteral("total_bytes"), q.value(bytes).toDouble()}};
            if (!q.value(exists).toBool() || !q.value(events).toBool()) {
                c.state = CheckState::Warn;
                setWhy(c, !q.value(exists).toBool()
                              ? Text(QT_TRANSLATE_NOOP(
                                    "mvdash::Doctor",
                                    "its tenant no longer exists: it costs a refresh "
                                    "and space for nobody"))
                              : Text(QT_TRANSLATE_NOOP("mvdash::Doctor",
                                                       "its tenant has no events: it is empty")));
                setFix(c, Text::same(QStringLiteral("mvdash-admin tenant-view drop %1 %2"))
                              .arg(q.value(base).toString(), q.value(tenant).toString()));
                c.safeFix = SafeFix::DropTenantCopy;
            }
            out << c;
        }
    });
}

namespace {

Text lastRun(const Text &name, qint64 ageSeconds, qint64 failed) {
    return {QStringLiteral("last refresh by \"%1\" %2 ago; %3 failed run(s) in the last day")
                .arg(name.en, formatAgeEnglish(ageSeconds), count(failed)),
            QCoreApplication::translate(
                "mvdash::Doctor", "last refresh by \"%1\" %2 ago; %n failed run(s) in the last day",
                nullptr, int(failed))
                .arg(name.tr, formatAge(ageSeconds))};
}

} // namespace

// Who refreshes: pg_cron's job, the CronJob's or follower's last run.
void Doctor::schedule(QList<DoctorCheck> &out) const {
    const bool cron = pgCron_;
    if (cron) {
        const QString query = QStringLiteral("doctor_pg_cron");
        guarded(out, QStringLiteral("schedule.pg_cron"), query, [&] {
            QSqlQuery q = runQuery(db_, query);
            const int job = columnOf(q, "jobid"), when = columnOf(q, "schedule"),
                      active = columnOf(q, "active"), status = columnOf(q, "status"),
                      message = columnOf(q, "return_message"), age = columnOf(q, "age_seconds");
            while (q.next()) {
                DoctorCheck c =
                    finding(QStringLiteral("schedule.pg_cron"),
                            QStringLiteral("job %1").arg(q.value(job).toString()) /* an id */,
                            query, CheckState::Ok, QString());
                setFound(c, Text(QT_TRANSLATE_NOOP("mvdash::Doctor",
                                                   "pg_cron job %1 (%2)%3: last run %4"))
                                .arg(q.value(job).toString(), q.value(when).toString(),
                                     q.value(active).toBool()
                                         ? QString()
                                         : Text(QT_TRANSLATE_NOOP("mvdash::Doctor", ", inactive")),
                                     q.isNull(status)
                                         ? Text(QT_TRANSLATE_NOOP("mvdash::Doctor", "never"))
                                         : Text(QT_TRANSLATE_NOOP("mvdash::Doctor", "%1, %2 ago"))
                                               .arg(q.value(status).toString(),
                                                    ageText(q.value(age).toLongLong()))));
                if (q.value(status).toString() == u"failed") {
                    c.state = CheckState::Fail;
                    setWhy(c, Text(QT_TRANSLATE_NOOP("mvdash::Doctor",
                                                     "the last scheduled refresh failed: %1"))
                                  .arg(q.value(message).toString()));
                    setFix(c, Text::same(QStringLiteral(
                                             "SELECT * FROM cron.job_run_details WHERE jobid = %1 "
                                             "ORDER BY start_time DESC LIMIT 5;"))
                                  .arg(q.value(job).toString()));
                } else if (!q.value(active).toBool()) {
                    c.state = CheckState::Warn;
                    setWhy(c, Text(QT_TRANSLATE_NOOP(
                                  "mvdash::Doctor", "the job is switched off: nothing refreshes")));
                    setFix(c,
                           Text::same(QStringLiteral("SELECT cron.alter_job(%1, active := true);"))
                               .arg(q.value(job).toString()));
                }
                out << c;
            }
        });
    }
    const QString query = QStringLiteral("doctor_schedule");
    guarded(out, QStringLiteral("schedule.last_run"), query, [&] {
        QSqlQuery q = runQuery(db_, query);
        const int app = columnOf(q, "application_name"), age = columnOf(q, "age_seconds"),
                  failed = columnOf(q, "failed_last_day");
        bool any = false;
        while (q.next()) {
            any = true;
            const QString name = q.value(app).toString();
            const qint64 ageSeconds = q.value(age).toLongLong();
            DoctorCheck c = finding(
                QStringLiteral("schedule.last_run"), name, query, CheckState::Ok,
                lastRun(name.isEmpty() ? Text(QT_TRANSLATE_NOOP("mvdash::Doctor", "(no name)"))
                                       : Text::same(name),
                        ageSeconds, q.value(failed).toLongLong()));
            c.figures = QJsonObject{{QStringLiteral("age_seconds"), double(ageSeconds)}};
            // the CronJob is expected to have run within the schedule. A follower is not judged
            // by its last run: it records no history for an empty step, so on a quiet platform
            // its last run ages with nothing wrong; whether it keeps up is refresh.fresh's (how
            // long committed events have waited), whose fix names it
            if (name == u"mvdash-cronjob" && ageSeconds > 2 * settings_.scheduleSeconds) {
                c.state = CheckState::Warn;
                setWhy(c, Text(QT_TRANSLATE_NOOP("mvdash::Doctor",
                                                 "the scheduler has not run for two intervals")));
                setFix(c, Text::same(QStringLiteral(
                              "kubectl get cronjob refresh-materialized-views; kubectl get "
                              "jobs --sort-by=.metadata.creationTimestamp")));
            }
            out << c;
        }
        if (!any && !cron) {
            DoctorCheck c =
                finding(QStringLiteral("schedule.last_run"), QString(), query, CheckState::Warn,
                        Text(QT_TRANSLATE_NOOP("mvdash::Doctor",
                                               "no refresh was ever recorded and pg_cron is "
                                               "not installed")));
            setWhy(c, Text(QT_TRANSLATE_NOOP("mvdash::Doctor",
                                             "nothing seems to schedule refreshes")));
            setFix(c, Text(QT_TRANSLATE_NOOP(
                          "mvdash::Doctor",
                          "kubectl apply -f packaging/k8s/cronjob-refresh-views.yaml "
                          "(matview) or packaging/k8s/deployment-follower.yaml (live)")));
            out << c;
        }
    });
}

// Citus: nodes, co-location, two-phase commits left half done, distributed lock waits.
void Doctor::citus(QList<DoctorCheck> &out) const {
    if (!citus_)
        return;
    guarded(out, QStringLiteral("citus.nodes"), QStringLiteral("doctor_citus_nodes"), [&] {
        QSqlQuery q = runQuery(db_, QStringLiteral("doctor_citus_nodes"));
        const int problem = columnOf(q, "problem"), node = columnOf(q, "node"),
                  peer = columnOf(q, "peer");
        int problems = 0;
        while (q.next()) {
            ++problems;
            const bool inactive = q.value(problem).toString() == u"inactive";
            DoctorCheck c = finding(
                QStringLiteral("citus.nodes"), q.value(node).toString(),
                QStringLiteral("doctor_citus_nodes"), CheckState::Fail,
                inactive ? Text(QT_TRANSLATE_NOOP("mvdash::Doctor", "node %1 is inactive"))
                               .arg(q.value(node).toString())
                         : Text(QT_TRANSLATE_NOOP("mvdash::Doctor", "node %1 cannot reach %2"))
                               .arg(q.value(node).toString(), q.value(peer).toString()));
            setWhy(c, Text(QT_TRANSLATE_NOOP("mvdash::Doctor",
                                             "queries and refreshes that need its shards fail")));
            setFix(c, inactive
                          ? Text(QT_TRANSLATE_NOOP("mvdash::Doctor",
                                                   "bring the node back, then SELECT "
                                                   "citus_activate_node('host', port);"))
                          : Text(QT_TRANSLATE_NOOP(
                                "mvdash::Doctor", "check the network and the node's pg_hba.conf")));
            out << c;
        }
        if (problems == 0)
            out << finding(QStringLiteral("citus.nodes"), QString(),
                           QStringLiteral("doctor_citus_nodes"), CheckState::Ok,
                           Text(QT_TRANSLATE_NOOP("mvdash::Doctor",
                                                  "every node is active and reaches every other")));
    });
    guarded(
        out, QStringLiteral("citus.colocation"), QStringLiteral("doctor_citus_colocation"), [&] {
            QSqlQuery q = runQuery(db_, QStringLiteral("doctor_citus_colocation"));
            const int table = columnOf(q, "table_name"), group = columnOf(q, "colocationid"),
                      column = columnOf(q, "distribution_column");
            QSet<qint64> groups;
            QList<Text> problems;
            QStringList fixes; // one statement per table out of place
            QMap<QString, qint64> groupOf;
            // the others join bet_events' group (any group when it is the one out of place)
            const QString anchor = QStringLiteral("bet_events");
            while (q.next()) {
                const QString name = q.value(table).toString();
                const QString colocateWith =
                    name == anchor ? QStringLiteral("default") : QStringLiteral("public.") + anchor;
                if (q.isNull(group)) {
                    problems << Text(QT_TRANSLATE_NOOP("mvdash::Doctor",
                                                       "%1 is not distributed by tenant_id"))
                                    .arg(name);
                    fixes << QStringLiteral("SELECT create_distributed_table('public.%1', "
                                            "'tenant_id', colocate_with => '%2');")
                                 .arg(name, colocateWith);
                } else if (q.value(column).toString() != u"tenant_id") {
                    problems << Text(QT_TRANSLATE_NOOP("mvdash::Doctor",
                                                       "%1 is not distributed by tenant_id"))
                                    .arg(name);
                    fixes << QStringLiteral("SELECT alter_distributed_table('public.%1', "
                                            "distribution_column := 'tenant_id', colocate_with "
                                            ":= '%2');")
                                 .arg(name, colocateWith);
                } else {
                    groups << q.value(group).toLongLong();
                    groupOf.insert(name, q.value(group).toLongLong());
                }
            }
            if (groups.size() > 1) {
                problems << Text(
                    QStringLiteral("the event tables are in %1 co-location groups")
                        .arg(groups.size()),
                    QCoreApplication::translate("mvdash::Doctor",
                                                "the event tables are in %n co-location group(s)",
                                                nullptr, int(groups.size())));
                // bet_events' group wins; without it, the first table's
                const QString targetTable = groupOf.contains(anchor) ? anchor : groupOf.firstKey();
                const qint64 target = groupOf.value(targetTable);
                for (auto it = groupOf.cbegin(); it != groupOf.cend(); ++it) {
                    if (it.value() != target)
                        fixes << QStringLiteral("SELECT update_distributed_table_colocation("
                                                "'public.%1', colocate_with => 'public.%2');")
                                     .arg(it.key(), targetTable);
                }
            }
            DoctorCheck c = finding(
                QStringLiteral("citus.colocation"), QString(),
                QStringLiteral("doctor_citus_colocation"),
                problems.isEmpty() ? CheckState::Ok : CheckState::Fail,
                problems.isEmpty() ? Text(QT_TRANSLATE_NOOP("mvdash::Doctor",
                                                            "the event tables are distributed by "
                                                            "tenant_id and co-located"))
                                   : joined(problems));
            if (!problems.isEmpty()) {
                setWhy(c,
                       Text(QT_TRANSLATE_NOOP("mvdash::Doctor",
                                              "refreshes and steps join across tables by tenant: "
                                              "without co-location they move data between nodes")));
                setFix(c, Text::same(fixes.join(u' ')));
            }
            out << c;
        });
    guarded(out, QStringLiteral("citus.prepared"), QStringLiteral("doctor_citus_prepared"), [&] {
        QSqlQuery q =
            runQuery(db_, QStringLiteral("doctor_citus_prepared"), {settings_.preparedSeconds});
        const int node = columnOf(q, "node"), gid = columnOf(q, "gid"),
                  age = columnOf(q, "age_seconds"), committed = columnOf(q, "committed");
        int found = 0;
        while (q.next()) {
            ++found;
            const bool wasCommitted = q.value(committed).toBool();
            const QString subject = q.value(node).toString();
            const QString id = q.value(gid).toString();
            const QString seconds = q.value(age).toString();
            // committed on the coordinator: its events are lost to the steps until a rebuild;
            // not: only its locks wait for recovery
            const Text found =
                wasCommitted ? Text(QT_TRANSLATE_NOOP("mvdash::Doctor",
                                                      "transaction %2, committed on the "
                                                      "coordinator, has been only prepared on %1 "
                                                      "for %3 s"))
                             : Text(QT_TRANSLATE_NOOP("mvdash::Doctor",
                                                      "transaction %2 has been prepared on %1 for "
                                                      "%3 s, and the coordinator recorded no "
                                                      "commit"));
            DoctorCheck c = finding(QStringLiteral("citus.prepared"), subject,
                                    QStringLiteral("doctor_citus_prepared"),
                                    wasCommitted ? CheckState::Fail : CheckState::Warn,
                                    found.arg(subject, id, seconds));
            if (wasCommitted) {
                setWhy(c, Text(QT_TRANSLATE_NOOP(
                              "mvdash::Doctor",
                              "its rows are invisible until recovery commits them; in live mode a "
                              "step may already have passed those events, and no later step "
                              "applies them")));
                setFix(c, Text(QT_TRANSLATE_NOOP("mvdash::Doctor",
                                                 "SELECT recover_prepared_transactions();  then, "
                                                 "in live mode: mvdash-admin rebuild")));
            } else {
                setWhy(c, Text(QT_TRANSLATE_NOOP("mvdash::Doctor",
                                                 "it holds its locks until recovery rolls it "
                                                 "back")));
                setFix(c, Text(QT_TRANSLATE_NOOP("mvdash::Doctor",
                                                 "SELECT recover_prepared_transactions();")));
            }
            out << c;
        }
        if (found == 0)
            out << finding(QStringLiteral("citus.prepared"), QString(),
                           QStringLiteral("doctor_citus_prepared"), CheckState::Ok,
                           Text(QT_TRANSLATE_NOOP("mvdash::Doctor",
                                                  "no two-phase commit left half done on the "
                                                  "workers")));
    });
    guarded(
        out, QStringLiteral("citus.lock_waits"), QStringLiteral("doctor_citus_lock_waits"), [&] {
            QSqlQuery q = runQuery(db_, QStringLiteral("doctor_citus_lock_waits"));
            const int waiting = columnOf(q, "waiting_gpid"),
                      blocking = columnOf(q, "blocking_gpid"),
                      statement = columnOf(q, "blocked_statement");
            int waits = 0;
            while (q.next()) {
                ++waits;
                DoctorCheck c = finding(
                    QStringLiteral("citus.lock_waits"), q.value(waiting).toString(),
                    QStringLiteral("doctor_citus_lock_waits"), CheckState::Warn,
                    Text(QT_TRANSLATE_NOOP("mvdash::Doctor", "gpid %1 waits for gpid %2: %3"))
                        .arg(q.value(waiting).toString(), q.value(blocking).toString(),
                             q.value(statement).toString()));
                setWhy(c, Text(QT_TRANSLATE_NOOP("mvdash::Doctor",
                                                 "a distributed lock wait: a refresh or writer is "
                                                 "stuck behind another transaction")));
                setFix(c,
                       Text(QT_TRANSLATE_NOOP("mvdash::Doctor",
                                              "SELECT pg_cancel_backend(%1);  (a gpid cancels on "
                                              "its node)"))
                           .arg(q.value(blocking).toString()));
                out << c;
            }
            if (waits == 0)
                out << finding(
                    QStringLiteral("citus.lock_waits"), QString(),
                    QStringLiteral("doctor_citus_lock_waits"), CheckState::Ok,
                    Text(QT_TRANSLATE_NOOP("mvdash::Doctor", "no distributed lock waits")));
        });
}

// Who may do what: the install schema, grants to tenants that are gone.
void Doctor::privileges(QList<DoctorCheck> &out) const {
    guarded(out, QStringLiteral("privileges.schema_create"),
            QStringLiteral("doctor_schema_writers"), [&] {
                QSqlQuery q = runQuery(db_, QStringLiteral("doctor_schema_writers"));
                QStringList roles;
                while (q.next())
                    roles << q.value(columnOf(q, "role_name")).toString();
                DoctorCheck c =
                    finding(QStringLiteral("privileges.schema_create"), QStringLiteral("mvdash"),
                            QStringLiteral("doctor_schema_writers"), CheckState::Ok,
                            Text(QT_TRANSLATE_NOOP("mvdash::Doctor",
                                                   "only the owner creates in schema mvdash")));
                if (!roles.isEmpty()) {
                    c.state = CheckState::Fail;
                    setFound(c, Text(QT_TRANSLATE_NOOP("mvdash::Doctor",
                                                       "can create objects in schema mvdash: %1"))
                                    .arg(roles.join(QStringLiteral(", "))));
                    setWhy(c, Text(QT_TRANSLATE_NOOP(
                                  "mvdash::Doctor",
                                  "a look-alike function there would run with the "
                                  "refresh functions' rights (docs/RELIABILITY.md)")));
                    setFix(c, Text::same(QStringLiteral("REVOKE CREATE ON SCHEMA mvdash FROM %1;"))
                                  .arg(roles.join(QStringLiteral(", "))));
                }
                out << c;
            });
    guarded(
        out, QStringLiteral("privileges.powerful_roles"), QStringLiteral("doctor_powerful_roles"),
        [&] {
            QSqlQuery q = runQuery(db_, QStringLiteral("doctor_powerful_roles"));
            const int power = columnOf(q, "power"), role = columnOf(q, "role_name");
            QMap<QString, QStringList> roles; // power -> login roles
            while (q.next())
                roles[q.value(power).toString()] << q.value(role).toString();
            for (const QString &what : {QStringLiteral("refresh"), QStringLiteral("read all")}) {
                const QStringList names = roles.value(what);
                //: what a role can do: "login roles that can refresh"
                const Text can = what == u"refresh"
                                     ? Text(QT_TRANSLATE_NOOP("mvdash::Doctor", "refresh"))
                                     : Text(QT_TRANSLATE_NOOP("mvdash::Doctor", "read all"));
                DoctorCheck c = finding(
                    QStringLiteral("privileges.powerful_roles"), what,
                    QStringLiteral("doctor_powerful_roles"), CheckState::Ok,
                    names.isEmpty()
                        ? Text(QT_TRANSLATE_NOOP("mvdash::Doctor",
                                                 "no login role but superusers can %1"))
                              .arg(can)
                        : Text(QT_TRANSLATE_NOOP("mvdash::Doctor", "login roles that can %1: %2"))
                              .arg(can, Text::same(names.join(QStringLiteral(", ")))));
                c.figures.insert(QStringLiteral("roles"), QJsonArray::fromStringList(names));
                if (names.contains(QStringLiteral("PUBLIC"))) {
                    c.state = CheckState::Fail;
                    setWhy(c, Text(QT_TRANSLATE_NOOP(
                                       "mvdash::Doctor",
                                       "every role can %1, tenant administrators included"))
                                  .arg(can));
                    setFix(c, what == u"refresh"
                                  ? Text::same(QStringLiteral(
                                        "REVOKE EXECUTE ON FUNCTION "
                                        "mvdash.refresh_aggregate_views() FROM PUBLIC;"))
                                  : Text(QT_TRANSLATE_NOOP(
                                        "mvdash::Doctor", "REVOKE SELECT ON mvdash.bets_view FROM "
                                                          "PUBLIC;  (and the other read models)")));
                }
                out << c;
            }
        });
    guarded(out, QStringLiteral("privileges.tenant_grants"), QStringLiteral("doctor_stale_grants"),
            [&] {
                QSqlQuery q = runQuery(db_, QStringLiteral("doctor_stale_grants"));
                const int role = columnOf(q, "role_name"), tenant = columnOf(q, "tenant_id"),
                          tenantGone = columnOf(q, "tenant_gone");
                int stale = 0;
                while (q.next()) {
                    ++stale;
                    DoctorCheck c = finding(
                        QStringLiteral("privileges.tenant_grants"), q.value(role).toString(),
                        QStringLiteral("doctor_stale_grants"), CheckState::Warn,
                        Text(QT_TRANSLATE_NOOP("mvdash::Doctor",
                                               "role %1 is granted tenant %2, which %3"))
                            .arg(q.value(role).toString(), q.value(tenant).toString(),
                                 q.value(tenantGone).toBool()
                                     ? Text(QT_TRANSLATE_NOOP("mvdash::Doctor", "no longer exists"))
                                     : Text(QT_TRANSLATE_NOOP("mvdash::Doctor",
                                                              "exists, but the role does not"))));
                    setWhy(c, Text(QT_TRANSLATE_NOOP(
                                  "mvdash::Doctor",
                                  "a tenant created later with this id would be readable "
                                  "by that role")));
                    setFix(c, Text::same(QStringLiteral("mvdash-admin revoke-tenant %1 %2"))
                                  .arg(q.value(role).toString(), q.value(tenant).toString()));
                    out << c;
                }
                if (stale == 0)
                    out << finding(
                        QStringLiteral("privileges.tenant_grants"), QString(),
                        QStringLiteral("doctor_stale_grants"), CheckState::Ok,
                        Text(QT_TRANSLATE_NOOP("mvdash::Doctor",
                                               "every tenant grant names a tenant and a role "
                                               "that exist")));
            });
}

QJsonObject Doctor::toJson(const QList<DoctorCheck> &checks, bool withQueries) {
    QJsonArray array;
    for (const DoctorCheck &c : checks) {
        QJsonObject o{{QStringLiteral("id"), c.id},
                      {QStringLiteral("subject"), c.subject},
                      {QStringLiteral("state"), checkStateWord(c.state)},
                      {QStringLiteral("found"), c.found},
                      {QStringLiteral("why"), c.why},
                      {QStringLiteral("fix"), c.fix},
                      {QStringLiteral("figures"), c.figures}};
        if (withQueries)
            o.insert(QStringLiteral("query"), catalogQuery(c.query));
        array.append(o);
    }
    return QJsonObject{{QStringLiteral("format"), QStringLiteral("mvdash-doctor/1")},
                       {QStringLiteral("state"), checkStateWord(worst(checks))},
                       {QStringLiteral("checks"), array}};
}

} // namespace mvdash
