// mvdash-admin: the command-line tool for ops. Exit codes: 0 ok, 1 failed, 2 usage,
// 3 nothing refreshed (every view skipped: another refresh holds them), 4 the server rejected
// the password (a service manager should not restart it: each attempt counts toward locking
// the account). doctor: 0 all ok, 1 warnings, 2 usage, 3 failures (a database it cannot reach
// is a failure).

#include "connectionsettings.h"
#include "database.h"
#include "dberror.h"
#include "demodatabase.h"
#include "doctor.h"
#include "eventgenerator.h"
#include "follower.h"
#include "format.h"
#include "livereadmodels.h"
#include "migrationrunner.h"
#include "monitoring.h"
#include "mvdash_version.h"
#include "qtfmt.h"
#include "refreshrunner.h"
#include "seeder.h"
#include "texttable.h"
#include "traffic.h"
#include "translations.h"
#include "viewverifier.h"

#include <atomic>
#include <csignal>
#include <cstdio>
#include <limits>
#include <optional>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QMap>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QVariant>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>
#include <thread>
#include <type_traits>

using namespace mvdash;

namespace {

enum Exit { Ok = 0, Failed = 1, Usage = 2, NothingRefreshed = 3, PasswordRejected = 4 };
// doctor's exit codes, for monitoring (Nagios-like, with 2 kept for usage as everywhere)
enum DoctorExit { DoctorOk = 0, DoctorWarnings = 1, DoctorFailures = 3 };

// The ranges of the numeric options (checked before anything connects).
constexpr qint64 kMaxEvents = 1000000000; // seed, demo: a billion events
constexpr int kMaxJobs = 64;              // refresh: sessions side by side
constexpr int kMaxDiffs = 1000000;        // verify: differences listed per view

struct UsageError {
    QString message;
};

// follow runs until SIGTERM or SIGINT (Kubernetes, systemd, Ctrl-C): the step in progress
// ends (or rolls back) on its own, then the follower returns.
std::atomic_bool stopRequested{false};
extern "C" void requestStop(int) {
    stopRequested = true;
}

void out(const QString &text) {
    std::fputs(text.toUtf8().constData(), stdout);
    std::fflush(stdout);
}
void err(const QString &text) {
    std::fputs(text.toUtf8().constData(), stderr);
}

// in the chosen language's units (кБ, МБ) and decimal mark; the JSON has plain byte counts
QString bytes(qint64 n) {
    return formatBytes(n, QLocale());
}

QString age(std::optional<qint64> seconds) {
    //: an age: never refreshed
    return seconds ? formatAge(*seconds) : QCoreApplication::translate("mvdash::Admin", "never");
}

// an exact figure from the server ("46.4", "4.37": numeric as text) with the chosen language's
// decimal mark and the same decimals, as the sizes beside it; the JSON keeps the server's text
QString figure(const QString &exact) {
    bool ok = false;
    const double value = exact.toDouble(&ok);
    if (!ok)
        return exact;
    const qsizetype point = exact.indexOf(u'.');
    return QLocale().toString(value, 'f', point < 0 ? 0 : int(exact.size() - point - 1));
}

QString rows(std::optional<qint64> estimate) {
    return estimate ? QLocale::c().toString(*estimate) : QStringLiteral("?");
}

class Admin {
    Q_DECLARE_TR_FUNCTIONS(mvdash::Admin)

public:
    explicit Admin(QCommandLineParser &parser)
        : parser_(parser) {}

    int run(const QStringList &args) {
        const QString command = args.value(0);
        const QStringList rest = args.mid(1);
        if (command == u"migrate")
            return migrate(rest);
        if (command == u"seed")
            return seed(rest);
        if (command == u"refresh")
            return refresh(rest);
        if (command == u"status")
            return status(rest);
        if (command == u"sizes")
            return sizes(rest);
        if (command == u"tenant-view")
            return tenantView(rest);
        if (command == u"grant-tenant" || command == u"revoke-tenant")
            return tenantGrant(command == u"grant-tenant", rest);
        if (command == u"tenant-grants")
            return tenantGrants(rest);
        if (command == u"verify")
            return verify(rest);
        if (command == u"demo")
            return demo(rest);
        if (command == u"convert")
            return convert(rest);
        if (command == u"rebuild")
            return rebuild(rest);
        if (command == u"follow")
            return follow(rest);
        if (command == u"explain-step")
            return explainStep(rest);
        if (command == u"doctor")
            return doctor(rest);
        if (command == u"list-views")
            return listViews(rest);
        throw UsageError{command.isEmpty() ? tr("no command given")
                                           : tr("unknown command: %1").arg(command)};
    }

private:
    ConnectionSettings settings() const {
        QString error;
        const auto parsed =
            ConnectionSettings::fromDsn(parser_.value(QStringLiteral("dsn")), &error);
        if (!parsed)
            throw UsageError{error};
        return *parsed;
    }

    std::unique_ptr<Connection> connect(bool requireSchema = true) const {
        auto connection = std::make_unique<Connection>(settings(), QStringLiteral("admin"));
        if (requireSchema) {
            if (const auto problem = schemaProblem(connection->db()))
                throw DbError(problem->english, problem->translated, QString());
        }
        return connection;
    }

    // The guide's troubleshooting, automated: one line per check (state, what was found), why
    // it matters and what to do for the others; --json for monitoring (docs/DOCTOR.md).
    int doctor(const QStringList &rest) {
        noArguments(rest);
        DoctorSettings s;
        if (parser_.isSet(QStringLiteral("tenant")))
            s.tenantId = numberOption<qint64>(QStringLiteral("tenant"), -1, 0,
                                              std::numeric_limits<qint64>::max());
        s.scheduleSeconds =
            durationOption(QStringLiteral("schedule"), 300000, 1000, 86400000) / 1000;
        s.slowMs = durationOption(QStringLiteral("slow"), 500, 1, 86400000);
        s.live.lateSeconds = durationOption(QStringLiteral("lag"), 10000, 1000, 86400000) / 1000.0;
        s.live.staleSeconds = 6 * s.live.lateSeconds; // as the dashboard's defaults (10 s, 1 min)
        const bool json = parser_.isSet(QStringLiteral("json"));
        const bool verbose = parser_.isSet(QStringLiteral("verbose"));
        QList<DoctorCheck> checks;
        try {
            auto connection = connect(false);
            if (const auto problem = schemaProblem(connection->db())) {
                DoctorCheck c;
                c.id = QStringLiteral("schema.current");
                c.state = CheckState::Fail;
                c.found = problem->english;
                c.foundTranslated = problem->translated;
                c.why = QStringLiteral("the read models and the engine are not (all) installed");
                // the JSON keeps the English (doctor.h), people read the translation
                c.whyTranslated = QCoreApplication::translate(
                    "mvdash::Admin", "the read models and the engine are not (all) installed");
                c.fix = QStringLiteral("mvdash-admin migrate");
                checks << c;
            } else {
                checks = Doctor(connection->db(), s).run();
            }
        } catch (const DbError &e) {
            // connected, but the role may not read mvdash's schema (a tenant administrator's,
            // a reader's): a matter of privileges, not of the DSN or the server
            const bool refused = e.sqlState() == u"42501";
            DoctorCheck c;
            c.id = refused ? QStringLiteral("role.privileges") : QStringLiteral("connection");
            c.state = CheckState::Fail;
            // the JSON keeps the English (doctor.h): the server's message, our wording in
            // English
            c.found = e.englishMessage();
            c.foundTranslated = e.message();
            c.why = QStringLiteral("nothing else can be checked");
            c.whyTranslated =
                QCoreApplication::translate("mvdash::Admin", "nothing else can be checked");
            const char *fix =
                refused ? QT_TRANSLATE_NOOP("mvdash::Admin",
                                            "run the doctor as the owner of the schema mvdash or "
                                            "a role granted mvdash_operator (a tenant "
                                            "administrator's role reads its tenants in the "
                                            "dashboard only)")
                        : QT_TRANSLATE_NOOP(
                              "mvdash::Admin",
                              "check --dsn / the PG* variables, the server and pg_hba.conf");
            c.fix = QString::fromUtf8(fix);
            c.fixTranslated = QCoreApplication::translate("mvdash::Admin", fix);
            checks << c;
        }
        const CheckState worst = Doctor::worst(checks);
        if (json) {
            out(QString::fromUtf8(QJsonDocument(Doctor::toJson(checks, verbose)).toJson()));
        } else {
            int counts[3] = {0, 0, 0};
            const bool problemsOnly = parser_.isSet(QStringLiteral("problems"));
            for (const DoctorCheck &c : checks) {
                ++counts[int(c.state)];
                if (problemsOnly && c.state == CheckState::Ok)
                    continue; // counted in the summary all the same
                out(QStringLiteral("%1 %2%3: %4\n")
                        .arg(checkStateWord(c.state).toUpper().leftJustified(4), c.id,
                             c.subject.isEmpty() ? QString() : u' ' + c.subject, c.foundText()));
                if (c.state != CheckState::Ok) {
                    //: keep the indentation: "     why: <why it matters>"
                    out(QCoreApplication::translate("mvdash::Admin", "     why: %1\n")
                            .arg(c.whyText()));
                    if (!c.fix.isEmpty())
                        //: keep the indentation: "     fix: <what to do>"
                        out(QCoreApplication::translate("mvdash::Admin", "     fix: %1\n")
                                .arg(c.fixText()));
                }
                if (verbose && !c.query.isEmpty())
                    out(QStringLiteral("     sql (%1):\n%2\n")
                            .arg(c.query, catalogQuery(c.query).trimmed()));
            }
            //: the summary: "<n checks>: <n> ok, <n warnings>, <n failures>"
            out(tr("%1: %2 ok, %3, %4\n")
                    .arg(tr("%n check(s)", nullptr, int(checks.size())))
                    .arg(counts[0])
                    .arg(tr("%n warning(s)", nullptr, counts[1]),
                         tr("%n failure(s)", nullptr, counts[2])));
        }
        return worst == CheckState::Fail   ? DoctorFailures
               : worst == CheckState::Warn ? DoctorWarnings
                                           : DoctorOk;
    }

    //: a table cell: populated, has a unique key
    static QString yes() { return tr("yes"); }

    // a count for a %n text (tr() takes an int): larger ones are shown as the largest int
    template <typename N> static int count(N n) {
        return int(std::clamp<qint64>(qint64(n), std::numeric_limits<int>::min(),
                                      std::numeric_limits<int>::max()));
    }

    static void noArguments(const QStringList &rest) {
        if (!rest.isEmpty())
            throw UsageError{tr("unexpected argument: %1").arg(rest.first())};
    }

    int migrate(const QStringList &rest) {
        noArguments(rest);
        const auto mode = modeOption(QStringLiteral("read-models"));
        auto connection = connect(false);
        MigrationRunner runner(connection->db());
        const QList<Migration> applied = runner.migrate();
        if (applied.isEmpty())
            out(tr("database %1 is up to date\n").arg(connection->describe()));
        for (const Migration &m : applied)
            out(tr("applied %1\n").arg(m.name));
        // a read model dropped by hand: made again from its installed definition
        bool allThere = true;
        for (const RestoredReadModel &r : restoreReadModels(connection->db())) {
            if (r.made) {
                //: a read model that was missing, made again from its definition
                out(tr("made %1 again (it was missing)\n").arg(r.view));
            } else {
                //: "<view> is missing and cannot be made again: <why, from the server>"
                err(tr("%1 is missing and cannot be made again: %2\n").arg(r.view, r.whyNot));
                allThere = false; // a deploy must not go on as if the database were whole
            }
        }
        if (!allThere) // no convert of a database that lacks a read model
            return Failed;
        if (mode)
            convertReadModels(connection->db(), *mode, printLine);
        return Ok;
    }

    static void printLine(const QString &line) { out(line + u'\n'); }

    // --read-models / --to: live or matview; nothing when the option is not given.
    std::optional<ReadModelMode> modeOption(const QString &option) const {
        if (!parser_.isSet(option))
            return std::nullopt;
        const auto mode = parseMode(parser_.value(option));
        if (!mode)
            //: keep live and matview as they are (the option's values)
            throw UsageError{
                tr("--%1 must be live or matview (got '%2')").arg(option, parser_.value(option))};
        return mode;
    }

    int convert(const QStringList &rest) {
        noArguments(rest);
        const auto mode = modeOption(QStringLiteral("to"));
        if (!mode)
            //: keep the command and the options as they are
            throw UsageError{tr("convert needs --to live or --to matview")};
        auto connection = connect();
        convertReadModels(connection->db(), *mode, printLine, 5000, 10, jobsOption());
        if (*mode == ReadModelMode::Matview) {
            // the staged views are as old as the staging: bring them up to date at once
            out(tr("refreshing the materialized views\n"));
            return refresh({});
        }
        return Ok;
    }

    int rebuild(const QStringList &rest) {
        noArguments(rest);
        auto connection = connect();
        if (readModelState(connection->db()).mode != ReadModelMode::Live)
            //: keep matview, refresh and rebuild as they are (a mode and commands)
            throw DbError(tr("the read models are materialized views here (matview "
                             "mode): refresh rebuilds them; rebuild is for live mode"));
        rebuildLiveState(connection->db(), printLine, jobsOption());
        return Ok;
    }

    int follow(const QStringList &rest) {
        noArguments(rest);
        Follower::Options options;
        options.intervalMs = durationOption(QStringLiteral("interval"), 2000, 0, 3600000);
        {
            auto connection = connect();
            if (readModelState(connection->db()).mode != ReadModelMode::Live)
                //: keep matview and the command as they are
                throw DbError(tr("the read models are materialized views here "
                                 "(matview mode): nothing to follow; mvdash-admin "
                                 "convert --to live first"));
        }
        std::signal(SIGTERM, requestStop);
        std::signal(SIGINT, requestStop);
        Follower follower(settings(), options, [](const QString &line) {
            out(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs) + u' ' + line + u'\n');
        });
        // the follower has logged the refusal: not said twice
        return follower.run(stopRequested) ? PasswordRejected : Ok;
    }

    int explainStep(const QStringList &rest) {
        noArguments(rest);
        auto connection = connect();
        QSqlQuery list = runQuery(connection->db(), QStringLiteral("live_step_statements"));
        QList<QPair<QString, QString>> statements;
        while (list.next())
            statements.append({list.value(1).toString(), list.value(2).toString()});
        list.finish();
        const StepProgress progress = stepProgress(connection->db());
        const qint64 latest = fetchFreshness(connection->db()).value(0).latestArrival;
        //: keep "-- " (an SQL comment) and the interval (%1, %2] as they are
        out(tr("-- the statements of a live step for the arrivals (%1, %2]\n\n")
                .arg(progress.appliedArrival)
                .arg(latest));
        for (const auto &[label, statement] : statements) {
            out(QStringLiteral("-- %1\n").arg(label));
            for (const QString &line :
                 explainStepStatement(connection->db(), statement, progress.appliedArrival, latest))
                out(line + u'\n');
            out(QStringLiteral("\n"));
        }
        return Ok;
    }

    // A whole number from `min` to `max` (the option's own limits: a value is never cut down
    // to fit its type), or the fallback when the option is not given.
    // refresh, rebuild, convert: sessions side by side
    int jobsOption() const { return numberOption<int>(QStringLiteral("jobs"), 2, 1, kMaxJobs); }

    // `unit`, when given, may follow the number ("20/s" as well as "20")
    template <typename T>
    T numberOption(const QString &option, T fallback, T min, T max, QStringView unit = {}) const {
        if (!parser_.isSet(option))
            return fallback;
        using Wide = std::conditional_t<std::is_unsigned_v<T>, quint64, qint64>;
        const QString text = parser_.value(option);
        const auto value = wholeNumber<Wide>(
            !unit.isEmpty() && text.endsWith(unit) ? text.chopped(unit.size()) : text);
        if (!value || *value < Wide(min) || *value > Wide(max))
            throw UsageError{tr("--%1 must be a whole number from %2 to %3 (got '%4')")
                                 .arg(option)
                                 .arg(min)
                                 .arg(max)
                                 .arg(text)};
        return T(*value);
    }

    // Digits only (and a minus sign first for qint64), within the range of T; else nothing.
    template <typename T> static std::optional<T> wholeNumber(const QString &text) {
        static_assert(std::is_same_v<T, qint64> || std::is_same_v<T, quint64>);
        static const QRegularExpression digits(QStringLiteral("^-?[0-9]+$"));
        if (!digits.match(text).hasMatch() || (std::is_unsigned_v<T> && text.startsWith(u'-')))
            return std::nullopt;
        bool ok = false;
        T value;
        if constexpr (std::is_unsigned_v<T>)
            value = text.toULongLong(&ok);
        else
            value = text.toLongLong(&ok);
        return ok ? std::optional<T>(value) : std::nullopt;
    }

    // A duration option: 500ms, 10s, 2min or 1h (a bare number only for 0), from min to max ms.
    int durationOption(const QString &option, int fallback, qint64 minMs, qint64 maxMs) const {
        if (!parser_.isSet(option))
            return fallback;
        const QString text = parser_.value(option);
        const QRegularExpressionMatch m =
            QRegularExpression(QStringLiteral("^([0-9]+)(ms|s|min|h)?$")).match(text);
        const QString unit = m.captured(2);
        const qint64 unitMs = unit == u"s"     ? 1000
                              : unit == u"min" ? 60000
                              : unit == u"h"   ? 3600000
                                               : 1;
        const auto amount = m.hasMatch() ? wholeNumber<qint64>(m.captured(1)) : std::nullopt;
        // a bare number is refused (but 0): "--interval 5" meant seconds, not a 5 ms loop
        if (!amount || (unit.isEmpty() && *amount != 0) || *amount > maxMs / unitMs ||
            *amount * unitMs < minMs)
            //: "--lag must be from 1s to 24h, with its unit ..."; keep the units ms, s, min
            //: and h as they are (what the option accepts)
            throw UsageError{tr("--%1 must be from %2 to %3, with its unit: ms, s, min or h "
                                "(got '%4')")
                                 .arg(option, durationText(minMs), durationText(maxMs), text)};
        return int(*amount * unitMs);
    }

    // A limit as the options take it, in the largest unit it is a whole number of: "1s",
    // "24h", "2147483647ms"; 0 without one.
    static QString durationText(qint64 ms) {
        if (ms == 0)
            return QStringLiteral("0");
        for (const auto &[unitMs, unit] :
             {std::pair{3600000, "h"}, std::pair{60000, "min"}, std::pair{1000, "s"}})
            if (ms % unitMs == 0)
                return QString::number(ms / unitMs) + QLatin1String(unit);
        return QString::number(ms) + QStringLiteral("ms");
    }

    // --lock-timeout: up to what PostgreSQL's lock_timeout takes (2147483647 ms, about 24.8
    // days); 0 waits without limit.
    QString lockTimeoutOption() const {
        return QString::number(durationOption(QStringLiteral("lock-timeout"), 10000, 0,
                                              std::numeric_limits<int>::max())) +
               QStringLiteral("ms");
    }

    int seed(const QStringList &rest) {
        noArguments(rest);
        EventGenerator::Options options;
        options.events = numberOption<qint64>(QStringLiteral("events"), 100000, 1, kMaxEvents);
        options.seed = numberOption<quint64>(QStringLiteral("seed"), 1, 0,
                                             std::numeric_limits<quint64>::max());
        auto connection = connect(); // checks the schema before writing anything
        const SeedReport report = seedDatabase(settings(), options);
        //: "seeded <n events> for <n tenants> in <seconds> s (<rate> events/s)"
        out(tr("seeded %1 for %2 in %3 s (%4 events/s)\n")
                .arg(tr("%n event(s)", nullptr, count(report.events)),
                     tr("%n tenant(s)", nullptr, count(report.tenants)))
                .arg(report.seconds, 0, 'f', 1)
                .arg(qint64(double(report.events) / std::max(report.seconds, 0.001))));
        return Ok;
    }

    int refresh(const QStringList &views) {
        const QString lockTimeout = lockTimeoutOption();
        const int jobs = jobsOption();
        const auto setup = [&lockTimeout](const QSqlDatabase &db) {
            execScript(db, QStringLiteral("SET lock_timeout = '%1'").arg(lockTimeout),
                       QStringLiteral("lock_timeout"));
        };
        auto connection = connect();
        // a role that may not refresh is told so before any view is said to have started
        // (the same answer as the dashboard's Refresh buttons, session_info)
        {
            QSqlQuery role = runQuery(connection->db(), QStringLiteral("session_info"));
            if (role.next() && !role.value(columnOf(role, "can_refresh")).toBool())
                throw DbError(QStringLiteral("role %1 may not refresh the read models")
                                  .arg(role.value(columnOf(role, "role")).toString()),
                              //: %1 the database role
                              tr("role %1 may not refresh the read models")
                                  .arg(role.value(columnOf(role, "role")).toString()),
                              QStringLiteral("42501"));
        }
        setup(connection->db());
        RefreshRunner runner(connection->db());
        runner.setSessions(jobs, settings(), setup);
        int failures = 0;
        // one session prints "view method ... ok" on one line; parallel sessions interleave,
        // so each view gets a line when it starts and one when it ends
        const auto outcomes = runner.run(
            views,
            [jobs](const RefreshPlanEntry &e) {
                const QString head = QStringLiteral("%1 %2 ").arg(e.view.leftJustified(28),
                                                                  e.method.leftJustified(12));
                //: a view's refresh has started (other sessions print their lines meanwhile)
                out(jobs > 1 ? head + tr("started\n") : head + QStringLiteral("... "));
            },
            [&](const RefreshOutcome &o) {
                const QString head = jobs > 1
                                         ? QStringLiteral("%1 %2 ").arg(o.view.leftJustified(28),
                                                                        o.method.leftJustified(12))
                                         : QString();
                if (o.outcome == RunOutcome::Ok)
                    out(head + tr("ok in %1 ms\n").arg(o.durationMs));
                else if (o.outcome == RunOutcome::Skipped)
                    out(head + tr("skipped: %1\n").arg(o.error));
                else {
                    ++failures;
                    out(head + tr("FAILED: %1\n").arg(o.error));
                }
            });
        const auto refreshed =
            std::count_if(outcomes.cbegin(), outcomes.cend(),
                          [](const RefreshOutcome &o) { return o.outcome == RunOutcome::Ok; });
        const auto skipped =
            std::count_if(outcomes.cbegin(), outcomes.cend(),
                          [](const RefreshOutcome &o) { return o.outcome == RunOutcome::Skipped; });
        //: "<n views refreshed>, <n> failed, <n> skipped"
        out(tr("%1, %2 failed, %3 skipped\n")
                .arg(tr("%n view(s) refreshed", nullptr, count(refreshed)))
                .arg(failures)
                .arg(skipped));
        if (failures)
            return Failed;
        // a scheduler must notice when its runs refresh nothing (another refresh holds every
        // view: the lines above say which session)
        if (refreshed == 0 && skipped > 0)
            return NothingRefreshed;
        return Ok;
    }

    // The names `refresh` and `tenant-view` accept, one per line: for scripts and the bash
    // completion (no headers, no translation).
    int listViews(const QStringList &rest) {
        noArguments(rest);
        auto connection = connect();
        QSet<QString> listed; // a matview copy is in the refresh plan too: named once
        for (const ViewStatus &s : fetchViewStatus(connection->db())) {
            out(s.view + u'\n');
            listed.insert(s.view);
        }
        QSqlQuery copies = runQuery(connection->db(), QStringLiteral("tenant_copies_list"), {});
        const int name = columnOf(copies, "copy_name");
        while (copies.next())
            if (const QString copy = copies.value(name).toString(); !listed.contains(copy))
                out(copy + u'\n');
        return Ok;
    }

    int status(const QStringList &rest) {
        noArguments(rest);
        auto connection = connect();
        const SizesMeasuredNow measured(connection->db()); // on demand: what is there now
        const QList<ViewStatus> list = fetchViewStatus(connection->db());
        QMap<QString, ReadModelFreshness> freshness;
        for (const ReadModelFreshness &f : fetchFreshness(connection->db()))
            freshness.insert(f.view, f);
        if (parser_.isSet(QStringLiteral("json"))) {
            QJsonArray array;
            for (const ViewStatus &s : list) {
                const auto f = freshness.constFind(s.view);
                const auto number = [](std::optional<qint64> v) {
                    return v ? QJsonValue(double(*v)) : QJsonValue();
                };
                // the server's exact text as a JSON number (null when unknown)
                const auto decimal = [](const QString &text) {
                    return text.isEmpty() ? QJsonValue() : QJsonValue(text.toDouble());
                };
                QJsonObject live;
                if (f != freshness.constEnd())
                    live = QJsonObject{
                        {QStringLiteral("mode"), modeName(f->mode)},
                        {QStringLiteral("as_of"), isoOrNull(f->asOf)},
                        {QStringLiteral("applied_arrival"), number(f->appliedArrival)},
                        {QStringLiteral("latest_arrival"), double(f->latestArrival)},
                        {QStringLiteral("lag_events"), number(f->lagEvents)},
                        {QStringLiteral("lag_seconds"), decimal(f->lagSeconds)},
                        {QStringLiteral("last_step_ms"), decimal(f->lastStepMs)},
                        {QStringLiteral("blocked_by"),
                         f->blockedBy.isEmpty() ? QJsonValue() : QJsonValue(f->blockedBy)}};
                array.append(QJsonObject{
                    {QStringLiteral("freshness"), live},
                    {QStringLiteral("view"), s.view},
                    {QStringLiteral("populated"), s.populated},
                    {QStringLiteral("next_method"), s.nextMethod},
                    {QStringLiteral("row_estimate"),
                     s.rowEstimate ? QJsonValue(double(*s.rowEstimate)) : QJsonValue()},
                    {QStringLiteral("total_bytes"), double(s.totalBytes)},
                    {QStringLiteral("last_refreshed_at"), isoOrNull(s.lastRefreshedAt)},
                    {QStringLiteral("age_seconds"),
                     s.ageSeconds ? QJsonValue(double(*s.ageSeconds)) : QJsonValue()},
                    // numbers, as the freshness's last_step_ms (they were strings)
                    {QStringLiteral("avg_refresh_ms"),
                     s.refreshCount > 0 ? decimal(s.avgRefreshMs) : QJsonValue()},
                    {QStringLiteral("last_duration_ms"), decimal(s.lastDurationMs)},
                    {QStringLiteral("refresh_count"), s.refreshCount},
                    {QStringLiteral("last_outcome"),
                     s.lastOutcome ? runOutcomeWord(*s.lastOutcome) : QString()},
                    {QStringLiteral("last_error"), s.lastError},
                    {QStringLiteral("failure_count"), s.failureCount},
                    // matview mode: about this many events are not in the view
                    {QStringLiteral("arrivals_since_refresh"), number(s.arrivalsSince)}});
            }
            out(QString::fromUtf8(QJsonDocument(array).toJson()));
            return Ok;
        }
        //: the status table's column headers
        TextTable table({tr("view"), tr("populated"), tr("method"), tr("rows (est.)"), tr("size"),
                         tr("last refresh (UTC)"), tr("age"), tr("avg ms"), tr("last ms"),
                         tr("count"), tr("last error")},
                        {false, false, false, true, true, false, true, true, true, true, false});
        for (const ViewStatus &s : list) {
            table.addRow(
                {s.view, s.populated ? yes() : tr("NO"), s.nextMethod, rows(s.rowEstimate),
                 bytes(s.totalBytes),
                 s.lastRefreshedAt.isValid()
                     ? s.lastRefreshedAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                     : tr("never"),
                 age(s.ageSeconds),
                 // (0 runs since a switch of mode: no average, as in the Refresh panel)
                 s.refreshCount > 0 ? figure(s.avgRefreshMs) : QStringLiteral("—"),
                 s.lastDurationMs.isEmpty() ? QStringLiteral("—") : figure(s.lastDurationMs),
                 QString::number(s.refreshCount),
                 s.lastOutcome == RunOutcome::Failed ? s.lastError.left(60) : QString()});
        }
        // live mode: how far behind the newest committed event the read models are
        QString footer;
        const auto f = freshness.constFind(QStringLiteral("bets_view"));
        if (f != freshness.constEnd() && f->mode == ReadModelMode::Live)
            //: "live read models: watermark <arrival> of <arrival>, <n events behind>, <seconds>
            //: s; last step <ms> ms[; held back by <session>]"
            footer = tr("live read models: watermark %1 of %2, %3, %4 s; last step %5 ms%6")
                         .arg(f->appliedArrival.value_or(0))
                         .arg(f->latestArrival)
                         .arg(tr("%n event(s) behind", nullptr, count(f->lagEvents.value_or(0))),
                              figure(f->lagSeconds), figure(f->lastStepMs),
                              f->blockedBy.isEmpty() ? QString()
                                                     : tr("; held back by %1").arg(f->blockedBy)) +
                     u'\n';
        out(QStringLiteral("%1\n").arg(connection->describe()) + table.render() + footer);
        return Ok;
    }

    int sizes(const QStringList &rest) {
        noArguments(rest);
        auto connection = connect();
        const SizesMeasuredNow measured(connection->db()); // on demand: what is there now
        const QList<ViewSize> list = fetchViewSizes(connection->db());
        const SizeRatio ratio = fetchSizeRatio(connection->db());
        if (parser_.isSet(QStringLiteral("json"))) {
            QJsonArray array;
            for (const ViewSize &s : list)
                array.append(
                    QJsonObject{{QStringLiteral("view"), s.view},
                                {QStringLiteral("total_bytes"), double(s.totalBytes)},
                                {QStringLiteral("table_bytes"), double(s.tableBytes)},
                                {QStringLiteral("index_bytes"), double(s.indexBytes)},
                                {QStringLiteral("index_count"), s.indexCount},
                                {QStringLiteral("row_estimate"),
                                 s.rowEstimate ? QJsonValue(double(*s.rowEstimate)) : QJsonValue()},
                                {QStringLiteral("populated"), s.populated},
                                {QStringLiteral("has_unique_index"), s.hasUniqueIndex},
                                {QStringLiteral("share_of_event_tables"), s.shareOfEventTables}});
            out(QString::fromUtf8(
                QJsonDocument(QJsonObject{{QStringLiteral("views"), array},
                                          {QStringLiteral("views_bytes"), double(ratio.viewsBytes)},
                                          {QStringLiteral("event_tables_bytes"),
                                           double(ratio.eventTablesBytes)},
                                          {QStringLiteral("ratio"), ratio.ratio}})
                    .toJson()));
            return Ok;
        }
        //: the sizes table's column headers
        TextTable table({tr("view"), tr("total"), tr("table"), tr("indexes"), tr("#idx"),
                         tr("rows (est.)"), tr("populated"), tr("unique key"),
                         tr("share of events")},
                        {false, true, true, true, true, true, false, false, true});
        for (const ViewSize &s : list)
            table.addRow({s.view, bytes(s.totalBytes), bytes(s.tableBytes), bytes(s.indexBytes),
                          QString::number(s.indexCount), rows(s.rowEstimate),
                          s.populated ? yes() : tr("NO"), s.hasUniqueIndex ? yes() : tr("no"),
                          s.shareOfEventTables.isEmpty() ? QStringLiteral("-")
                                                         : percent(s.shareOfEventTables)});
        out(table.render());
        out(tr("all views: %1 of %2 event tables = %3 (the guide expects 10-30%)\n")
                .arg(bytes(ratio.viewsBytes), bytes(ratio.eventTablesBytes),
                     ratio.ratio.isEmpty() ? QStringLiteral("-") : percent(ratio.ratio)));
        return Ok;
    }

    static QJsonValue isoOrNull(const QDateTime &at) {
        return at.isValid() ? QJsonValue(at.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue();
    }

    static QString percent(const QString &ratio) {
        return QLocale().toString(ratio.toDouble() * 100.0, 'f', 1) + u'%';
    }

    static qint64 tenantIdArgument(const QString &text) {
        bool ok = false;
        const qint64 tenant = text.toLongLong(&ok);
        if (!ok || tenant < 0)
            //: keep TENANT_ID as it is (the argument's name in --help)
            throw UsageError{tr("TENANT_ID must be a non-negative whole number")};
        return tenant;
    }

    int tenantView(const QStringList &rest) {
        if (rest.size() != 3 || (rest[0] != u"create" && rest[0] != u"drop"))
            //: keep the command line as it is
            throw UsageError{
                tr("usage: %1").arg(QStringLiteral("tenant-view create|drop VIEW TENANT_ID"))};
        const qint64 tenant = tenantIdArgument(rest[2]);
        auto connection = connect();
        QSqlQuery q = runQuery(connection->db(),
                               rest[0] == u"create" ? QStringLiteral("tenant_view_create")
                                                    : QStringLiteral("tenant_view_drop"),
                               {rest[1], tenant});
        q.next();
        const QString name = q.value(0).toString();
        if (rest[0] == u"drop")
            //: "dropped <view>"
            out(tr("dropped %1\n").arg(name));
        else if (q.value(1).toBool())
            //: %1 a per-tenant copy: tenant-view create kept the one there (rebuilt only when
            //: its base's columns changed)
            out(tr("%1 exists already: kept\n").arg(name));
        else
            //: "created <view>"
            out(tr("created %1\n").arg(name));
        return Ok;
    }

    // A tenant administrator's role reads one tenant through tenant_scope (migration 008).
    int tenantGrant(bool grant, const QStringList &rest) {
        if (rest.size() != 2)
            throw UsageError{tr("usage: %1")
                                 .arg(grant ? QStringLiteral("grant-tenant ROLE TENANT_ID")
                                            : QStringLiteral("revoke-tenant ROLE TENANT_ID"))};
        const qint64 tenant = tenantIdArgument(rest[1]);
        auto connection = connect();
        QSqlQuery q =
            runQuery(connection->db(),
                     grant ? QStringLiteral("tenant_grant") : QStringLiteral("tenant_revoke"),
                     {rest[0], tenant});
        q.next();
        out(q.value(0).toString() + u'\n');
        return Ok;
    }

    int tenantGrants(const QStringList &rest) {
        noArguments(rest);
        auto connection = connect();
        QSqlQuery q = runQuery(connection->db(), QStringLiteral("tenant_grants"));
        //: the tenant-grants table's column headers; "also read by": the login roles that
        //: inherit a group role's grant
        TextTable table({tr("role"), tr("tenant"), tr("name"), tr("granted (UTC)"), tr("by"),
                         tr("also read by")});
        while (q.next())
            //: a role that no longer exists: "<role> (dropped)"
            table.addRow({q.value(5).toBool() ? q.value(0).toString()
                                              : tr("%1 (dropped)").arg(q.value(0).toString()),
                          q.value(1).toString(), q.value(2).toString(),
                          q.value(3).toDateTime().toUTC().toString(Qt::ISODate),
                          q.value(4).toString(), q.value(6).toString()});
        out(table.render());
        return Ok;
    }

    int verify(const QStringList &rest) {
        noArguments(rest);
        const int maxDiffs = numberOption<int>(QStringLiteral("max-diffs"), 20, 0, kMaxDiffs);
        auto connection = connect();
        const QList<ViewVerifier::Result> results =
            ViewVerifier(connection->db()).verifyAll(maxDiffs);
        bool clean = true;
        for (const auto &r : results) {
            //: "<view> <n> rows, replay <n> rows: ok|<n differences>" (the figures aligned)
            out(tr("%1 %2 rows, replay %3 rows: %4\n")
                    .arg(r.view.leftJustified(22))
                    .arg(r.actualRows, 9)
                    .arg(r.expectedRows, 9)
                    .arg(r.differenceCount == 0
                             //: verify: the view matches the replay
                             ? tr("ok")
                             : tr("%n difference(s)", nullptr, count(r.differenceCount))));
            for (const QString &d : r.differences)
                out(QStringLiteral("  %1\n").arg(d));
            clean = clean && r.differenceCount == 0;
        }
        return clean ? Ok : Failed;
    }

    int demo(const QStringList &rest) {
        noArguments(rest);
        DemoDatabase::Options options;
        options.events = numberOption<qint64>(QStringLiteral("events"), 1000000, 1, kMaxEvents);
        options.directory = parser_.value(QStringLiteral("dir"));
        options.citus = parser_.isSet(QStringLiteral("citus"));
        // (every option is read before anything starts: a usage error starts no server)
        const int rate = numberOption<int>(QStringLiteral("traffic"), 0, 0, 100000, u"/s");
        if (parser_.isSet(QStringLiteral("dsn")))
            // the demo's data is made up: it goes to a cluster of its own, never to a DSN's
            //: keep the option names as they are
            throw UsageError{tr("demo makes and uses its own private cluster (--dir): it takes "
                                "no --dsn, and writes no made-up events to another database")};
        QString error;
        const auto settings = DemoDatabase::prepare(
            options, [](const QString &step) { std::fprintf(stderr, "%s\n", qPrintable(step)); },
            &error);
        if (!settings)
            throw DbError(error);
        if (parser_.isSet(QStringLiteral("live"))) {
            Connection connection(*settings, QStringLiteral("admin"));
            convertReadModels(connection.db(), ReadModelMode::Live, [](const QString &line) {
                std::fprintf(stderr, "%s\n", qPrintable(line));
            });
        }
        out(settings->connectOptions() + u'\n');
        if (rate > 0)
            return demoTraffic(*settings, rate);
        return Ok;
    }

    // A light stream of new events (and, in live mode, a follower) until SIGTERM or Ctrl-C,
    // so that the dashboard moves by itself.
    int demoTraffic(const ConnectionSettings &settings, int rate) {
        bool live = false;
        {
            Connection connection(settings, QStringLiteral("admin"));
            live = readModelState(connection.db()).mode == ReadModelMode::Live;
        }
        std::signal(SIGTERM, requestStop);
        std::signal(SIGINT, requestStop);
        const auto log = [](const QString &line) {
            std::fprintf(stderr, "%s %s\n",
                         qPrintable(QDateTime::currentDateTimeUtc().toString(Qt::ISODate)),
                         qPrintable(line));
        };
        std::thread following;
        Follower::Options followOptions;
        followOptions.intervalMs = 1000;
        Follower follower(settings, followOptions, log);
        if (live)
            following = std::thread([&follower] { follower.run(stopRequested); });
        Traffic::Options trafficOptions;
        trafficOptions.eventsPerSecond = rate;
        trafficOptions.batchesPerSecond = std::min(4, rate);
        trafficOptions.seed = quint64(QDateTime::currentSecsSinceEpoch());
        trafficOptions.markers = false; // (no player "probe" in the tenant the demo shows)
        trafficOptions.happeningNow = true;
        Traffic traffic(settings, trafficOptions);
        log(live ? tr("writing about %1 events/s, a follower applying them every second, until "
                      "stopped (Ctrl-C)")
                       .arg(rate)
                 //: keep matview and refresh as they are (a mode, a command)
                 : tr("writing about %1 events/s (matview mode: refresh to see them) until "
                      "stopped (Ctrl-C)")
                       .arg(rate));
        qint64 written = 0;
        try {
            written = traffic.run(stopRequested);
        } catch (const DbError &) {
            stopRequested = true;
            if (following.joinable())
                following.join();
            throw;
        }
        if (following.joinable())
            following.join();
        log(tr("wrote %n event(s)", nullptr, count(written)));
        return Ok;
    }

    QCommandLineParser &parser_;
};

} // namespace

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("mvdash-admin"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MVDASH_VERSION));
    auto log = spdlog::stderr_color_mt("mvdash-admin");
    log->set_pattern("mvdash-admin: %v");
    // the language before the parser: its help texts are translated (--lang, else the locale)
    const QString language = chooseLanguage(requestedLanguage(app.arguments()), QString());
    if (!isAvailableLanguage(language)) {
        log->error("unknown language \"{}\" (--lang {})", language,
                   availableLanguages().join(u'|'));
        return Usage;
    }
    if (const QString problem = installTranslations(app, language); !problem.isEmpty())
        log->warn("{}", problem); // e.g. Qt's own catalogs missing: its few texts stay English

    QCommandLineParser parser;
    //: --help: keep the command names, the options (--json...), VIEW, TENANT_ID, ROLE, N,
    //: live|matview, the exit codes and the column alignment as they are
    const QString description = Admin::tr(
        "Administers the materialized views of an mvdash database.\n\n"
        "Commands:\n"
        "  migrate                        apply the bundled migrations\n"
        "  seed [--events N] [--seed S]   append generated demo events\n"
        "  refresh [VIEW...] [--jobs N]   refresh all views (dependencies first) or the named "
        "ones,\n"
        "                                 independent views on N sessions side by side "
        "(default 2)\n"
        "  status [--json]                per view: populated, rows, size, last refresh, timings\n"
        "  sizes [--json]                 per view sizes and their share of the event tables\n"
        "  tenant-view create|drop VIEW TENANT_ID   a per-tenant copy of a view\n"
        "  grant-tenant ROLE TENANT_ID    let a tenant administrator's role read that tenant\n"
        "                                 (and nothing else: tenant-scoped views, no ops)\n"
        "  revoke-tenant ROLE TENANT_ID   take that back\n"
        "  tenant-grants                  list who may read which tenant\n"
        "  verify                         compare every view with a replay of the events\n"
        "  demo [--events N] [--citus] [--live] [--traffic N/s]\n"
        "                                 start (or reuse) the private demo database, print its "
        "DSN;\n"
        "                                 --traffic: then keep new events flowing until "
        "stopped\n"
        "  convert --to live|matview [--jobs N]\n"
        "                                 switch the read models' mode online (readers keep "
        "reading)\n"
        "  follow [--interval 2s]         live mode: apply new events continuously (until "
        "SIGTERM)\n"
        "  rebuild [--jobs N]             live mode: recompute the live read models from all "
        "events\n"
        "                                 (on N sessions side by side, plain PostgreSQL; "
        "default 2)\n"
        "  explain-step                   live mode: the plan of every statement of a step\n"
        "  list-views                     the names refresh accepts, one per line (scripts)\n"
        "  doctor [--json] [--problems] [--tenant T] [--verbose] [--schedule 5min] [--slow 500ms]\n"
        "                                 check the read models, refreshes, schedule, storage,\n"
        "                                 Citus and privileges; what is wrong and what to do\n"
        "                                 (exit 0 ok, 1 warnings, 3 failures)\n\n"
        "migrate --read-models live|matview also sets the mode (default: keep it; new databases "
        "start in matview).\n\n"
        "Connection: --dsn (key=value or postgresql:// URI), else the PG* variables, the service\n"
        "file and ~/.pgpass, as libpq does. Passwords are never accepted on the command line.");
    //: --help: the exit codes of every command but doctor; keep the numbers
    const QString exitCodes = Admin::tr(
        "Exit codes: 0 ok, 1 failed, 2 usage, 3 nothing refreshed (another refresh holds every\n"
        "view), 4 the server rejected the password (not retried: each attempt counts toward\n"
        "locking the account; a service manager should not restart on 4).");
    parser.setApplicationDescription(description + QStringLiteral("\n\n") + exitCodes);
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({QStringLiteral("dsn"), Admin::tr("libpq connection string or URI."),
                      QStringLiteral("dsn")});
    parser.addOption(
        {QStringLiteral("json"), Admin::tr("Machine-readable output (status, sizes, doctor).")});
    parser.addOption({QStringLiteral("tenant"),
                      Admin::tr("doctor: also the guide's check of one tenant's events "
                                "against the views."),
                      QStringLiteral("id")});
    parser.addOption(
        {QStringLiteral("verbose"), Admin::tr("doctor: with the SQL behind each check.")});
    parser.addOption({QStringLiteral("problems"),
                      Admin::tr("doctor: list only the checks that are not OK (the text; the "
                                "JSON keeps them all).")});
    parser.addOption({QStringLiteral("schedule"),
                      Admin::tr("doctor: the refresh schedule's interval: 30s, 5min; 1s to "
                                "1440min (default 5min)."),
                      QStringLiteral("duration")});
    parser.addOption({QStringLiteral("lag"),
                      Admin::tr("doctor: live mode: how long committed events may wait for a "
                                "step before the read models are late (default 10s; stale at six "
                                "times that)."),
                      QStringLiteral("duration")});
    parser.addOption({QStringLiteral("slow"),
                      Admin::tr("doctor: a refresh slower than this is reported (the guide's "
                                "alert: 500ms, the default)."),
                      QStringLiteral("duration")});
    parser.addOption({QStringLiteral("events"),
                      Admin::tr("seed, demo: how many events, 1 to 1000000000 (default "
                                "100000; demo 1000000)."),
                      QStringLiteral("n")});
    parser.addOption({QStringLiteral("seed"),
                      Admin::tr("seed: random seed, 0 to 18446744073709551615 (default 1)."),
                      QStringLiteral("s")});
    parser.addOption(
        {QStringLiteral("lock-timeout"),
         Admin::tr("refresh: give up waiting for a lock after this: 500ms, 10s, 2min, up to "
                   "2147483647ms; 0 = never (default 10s)."),
         QStringLiteral("duration"), QStringLiteral("10s")});
    parser.addOption({QStringLiteral("jobs"),
                      Admin::tr("refresh: parallel sessions for independent views; rebuild, "
                                "convert --to live: helper sessions of the build; 1 to 64 "
                                "(default 2; 1 = one at a time)."),
                      QStringLiteral("n")});
    parser.addOption({QStringLiteral("citus"), Admin::tr("demo: on a local Citus 13 cluster.")});
    parser.addOption(
        {QStringLiteral("dir"), Admin::tr("demo: cluster directory."), QStringLiteral("dir")});
    parser.addOption(
        {QStringLiteral("live"), Admin::tr("demo: put the read models in live mode.")});
    parser.addOption({QStringLiteral("traffic"),
                      Admin::tr("demo: then keep writing about N new events/s (and, in live "
                                "mode, apply them) until stopped; 0 to 100000, as N or N/s."),
                      QStringLiteral("n")});
    parser.addOption({QStringLiteral("max-diffs"),
                      Admin::tr("verify: differences listed per view, 0 to 1000000 "
                                "(default 20)."),
                      QStringLiteral("n")});
    parser.addOption({QStringLiteral("read-models"),
                      Admin::tr("migrate: live or matview, the read models' mode."),
                      QStringLiteral("mode")});
    parser.addOption(
        {QStringLiteral("to"), Admin::tr("convert: live or matview."), QStringLiteral("mode")});
    parser.addOption({QStringLiteral("lang"),
                      Admin::tr("Language of the messages: en or ru (default: the locale's)."),
                      QStringLiteral("language")});
    parser.addOption({QStringLiteral("interval"),
                      Admin::tr("follow: pause between steps: 500ms, 2s, 1min; 0 to 1h "
                                "(default 2s)."),
                      QStringLiteral("duration")});
    // the argument's name is a placeholder in "Usage: mvdash-admin [options] command": translated
    //: the placeholder of the command in the usage line and the argument list
    const QString commandName = Admin::tr("command");
    //: keep the command names as they are
    const QString commandList = Admin::tr("migrate, seed, refresh, status, sizes, tenant-view, "
                                          "grant-tenant, revoke-tenant, tenant-grants, verify, "
                                          "demo, convert, follow, rebuild, explain-step, doctor, "
                                          "list-views");
    parser.addPositionalArgument(commandName, commandList);

    if (!parser.parse(app.arguments())) {
        //: a usage error: "<what is wrong> (see --help)"
        log->error("{}", Admin::tr("%1 (see --help)").arg(parser.errorText()));
        return Usage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out(parser.helpText());
        return Ok;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        out(QStringLiteral("mvdash-admin %1\n").arg(QCoreApplication::applicationVersion()));
        return Ok;
    }
    try {
        return Admin(parser).run(parser.positionalArguments());
    } catch (const UsageError &e) {
        log->error("{}", Admin::tr("%1 (see --help)").arg(e.message));
        return Usage;
    } catch (const DbError &e) {
        log->error("{}", e.message());
        // insufficient_privilege: say which role each command is meant for
        if (e.sqlState() == u"42501")
            //: keep the command names, the roles (mvdash_reader, mvdash_operator) and the
            //: schema mvdash as they are
            log->error("{}", Admin::tr("this role lacks the privileges of the command: status, "
                                       "sizes and verify need mvdash_reader; refresh, follow, "
                                       "rebuild and tenant-view need mvdash_operator; migrate, "
                                       "convert, grant-tenant and revoke-tenant need the owner "
                                       "of the schema mvdash. A tenant administrator's role "
                                       "reads its tenants in the dashboard only."));
        return e.isPasswordRejected() ? PasswordRejected : Failed;
    }
}
