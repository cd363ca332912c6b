#include "userlookup.h"

#include "database.h"
#include "dberror.h"
#include "format.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QSqlRecord>

namespace mvdash {

namespace {
// Support's lists (the guide's queries), one column list each, read by name.
// a bet as both lists show it
const ColumnList &betColumns() {
    static const ColumnList columns{
        {"bet_id", QT_TRANSLATE_NOOP("mvdash::Columns", "Bet"), ColumnKind::Text},
        //: column title: the money staked on one bet
        {"stake", QT_TRANSLATE_NOOP("mvdash::Columns", "Stake"), ColumnKind::Money},
        //: column title: the betting odds of a bet
        {"odds", QT_TRANSLATE_NOOP("mvdash::Columns", "Odds"), ColumnKind::Number},
        //: column title: the sports event a bet is on
        {"fixture_id", QT_TRANSLATE_NOOP("mvdash::Columns", "Fixture"), ColumnKind::Text},
        {"status", QT_TRANSLATE_NOOP("mvdash::Columns", "Status"), ColumnKind::Code, "bet status"},
    };
    return columns;
}

// when a bet last changed: both lists are newest first by it, and support is asked "when"
constexpr ColumnSpec kUpdatedColumn{
    "last_updated_at", QT_TRANSLATE_NOOP("mvdash::Columns", "Updated"), ColumnKind::Time};

const ColumnList &activeBetColumns() {
    static const ColumnList columns(betColumns(), {kUpdatedColumn});
    return columns;
}

// the bet, then how it ended, and when
const ColumnList &recentBetColumns() {
    static const ColumnList columns(
        betColumns(),
        //: column title: how a bet ended (won, lost, ...)
        {{"result", QT_TRANSLATE_NOOP("mvdash::Columns", "Result"), ColumnKind::Code, "bet result"},
         {"payout", QT_TRANSLATE_NOOP("mvdash::Columns", "Payout"), ColumnKind::Money},
         kUpdatedColumn});
    return columns;
}

const ColumnList &paymentColumns() {
    static const ColumnList columns{
        {"payment_id", QT_TRANSLATE_NOOP("mvdash::Columns", "Payment"), ColumnKind::Text},
        {"amount", QT_TRANSLATE_NOOP("mvdash::Columns", "Amount"), ColumnKind::Money},
        {"currency", QT_TRANSLATE_NOOP("mvdash::Columns", "Currency"), ColumnKind::Text},
        {"payment_method", QT_TRANSLATE_NOOP("mvdash::Columns", "Method"), ColumnKind::Code,
         "payment method"},
        {"external_id", QT_TRANSLATE_NOOP("mvdash::Columns", "External id"), ColumnKind::Text},
        {"status", QT_TRANSLATE_NOOP("mvdash::Columns", "Status"), ColumnKind::Code,
         "payment status"},
        {"last_updated_at", QT_TRANSLATE_NOOP("mvdash::Columns", "Updated"), ColumnKind::Time},
    };
    return columns;
}

// The rows of a support list.
QList<QVariantList> listOf(const QSqlDatabase &db, const QString &query, const QVariantList &values,
                           const ColumnList &columns) {
    QList<QVariantList> rows;
    QSqlQuery q = runQuery(db, query, values);
    const QList<int> positions = columns.positionsIn(q.record(), query);
    while (q.next())
        rows << columns.read(q, positions);
    return rows;
}

// matview mode: when the views the lookup reads were refreshed, and how many of the user's
// events arrived after that (they are not in the figures, or make the user's first rows)
void countNewerEvents(const QSqlDatabase &db, const QVariantList &key, UserDetails &d) {
    QSqlQuery fresh = runQuery(db, QStringLiteral("user_freshness"), key);
    if (fresh.next() && !fresh.isNull(QStringLiteral("at"))) {
        d.viewsRefreshedAt = fresh.value(QStringLiteral("at")).toDateTime();
        d.newerEvents = fresh.value(QStringLiteral("bet_events")).toLongLong() +
                        fresh.value(QStringLiteral("balance_events")).toLongLong() +
                        fresh.value(QStringLiteral("payment_events")).toLongLong();
    }
}

} // namespace

const ColumnList &UserLookup::figureColumns() {
    static const ColumnList columns{
        {"balance", QT_TRANSLATE_NOOP("mvdash::Columns", "Balance"), ColumnKind::Money},
        {"transaction_count", QT_TRANSLATE_NOOP("mvdash::Columns", "Transactions"),
         ColumnKind::Count},
        {"total_bets", QT_TRANSLATE_NOOP("mvdash::Columns", "Bets"), ColumnKind::Count},
        {"total_wagered", QT_TRANSLATE_NOOP("mvdash::Columns", "Wagered"), ColumnKind::Money},
        {"total_winnings", QT_TRANSLATE_NOOP("mvdash::Columns", "Winnings"), ColumnKind::Money},
        {"total_deposited", QT_TRANSLATE_NOOP("mvdash::Columns", "Deposited"), ColumnKind::Money},
        {"total_withdrawn", QT_TRANSLATE_NOOP("mvdash::Columns", "Withdrawn"), ColumnKind::Money},
        {"last_activity_at", QT_TRANSLATE_NOOP("mvdash::Columns", "Last activity"),
         ColumnKind::Millis},
    };
    Q_ASSERT(columns.count() == FigureCount);
    return columns;
}

UserLookup::UserLookup(JobRunner *runner, QObject *parent)
    : QObject(parent)
    , runner_(runner)
    , activeBets_(new RecordListModel(activeBetColumns(), this))
    , recentBets_(new RecordListModel(recentBetColumns(), this))
    , deposits_(new RecordListModel(paymentColumns(), this))
    , withdrawals_(new RecordListModel(paymentColumns(), this)) {}

void UserLookup::lookUp(qint64 tenantId, const QString &userId) {
    tenantId_ = tenantId;
    userId_ = userId.trimmed();
    reload();
}

void UserLookup::reload() {
    if (tenantId_ < 0 || userId_.isEmpty())
        return;
    const bool wasLoading = isLoading();
    const auto onResult = [this, tenant = tenantId_](const QVariant &result) {
        shownTenant_ = tenant;
        show(result.value<UserDetails>());
        emit loadingChanged(false);
        emit loaded();
    };
    const auto onFailure = [this, tenant = tenantId_, user = userId_](const JobFailure &failure) {
        // Another user (or the same id in another tenant) than the one shown: what is shown
        // is not theirs, so nothing is. The same user again keeps the last answer, which the
        // panel then says is not updated.
        if (tenant != shownTenant_ || user != details_.userId) {
            UserDetails none;
            none.userId = user;
            shownTenant_ = tenant;
            show(std::move(none));
        }
        emit loadingChanged(false);
        emit loadFailed(failure.message, failure.connectionLost());
    };
    lookup_.submit(
        runner_, this,
        [tenant = tenantId_, user = userId_,
         activeLimit = activeBetsLimit_](const QSqlDatabase &db) {
            UserDetails d;
            d.userId = user;
            const QVariantList key{tenant, user};
            const ColumnList &figures = figureColumns();
            // live mode: exact figures, the user's pending events folded in (one snapshot)
            QSqlQuery exact = runQuery(db, QStringLiteral("user_exact"), key);
            if (exact.next()) {
                d.found = d.exact = true;
                figures.readPresent(exact, d.figures);
                d.foldedEvents = exact.value(QStringLiteral("folded_events")).toLongLong();
                d.viewsRefreshedAt = exact.value(QStringLiteral("as_of")).toDateTime();
            }
            exact.finish();
            if (!d.exact) { // the read models' figures: activity, then the balance
                QSqlQuery activity = runQuery(db, QStringLiteral("user_activity"), key);
                if (activity.next()) {
                    d.found = true;
                    figures.readPresent(activity, d.figures);
                }
                activity.finish();
            }
            if (!d.found) { // (so not exact: matview mode)
                // events since the refresh tell a new user from a mistyped id
                countNewerEvents(db, key, d);
                return QVariant::fromValue(d);
            }
            if (!d.exact) {
                QSqlQuery balance = runQuery(db, QStringLiteral("guide_user_balance"), key);
                if (balance.next())
                    figures.readPresent(balance, d.figures);
                balance.finish();
                // a user with activity but no balance events yet has a balance of zero
                if (!d.figures[Balance].isValid())
                    d.figures[Balance] = QVariant::fromValue(Decimal());
                if (!d.figures[Transactions].isValid())
                    d.figures[Transactions] = qint64(0);
            }
            d.activeBets = listOf(db, QStringLiteral("guide_active_bets"),
                                  {tenant, user, activeLimit + 1}, activeBetColumns());
            d.moreActiveBets = d.activeBets.size() > activeLimit;
            d.activeBetsTotal = d.activeBets.size();
            if (d.moreActiveBets) {
                d.activeBets.removeLast();
                QSqlQuery total = runQuery(db, QStringLiteral("user_active_bets_count"), key);
                d.activeBetsTotal = total.next() ? total.value(0).toLongLong() : 0;
            }
            d.recentBets = listOf(db, QStringLiteral("user_recent_bets"), key, recentBetColumns());
            d.deposits = listOf(db, QStringLiteral("user_deposits"), key, paymentColumns());
            d.withdrawals = listOf(db, QStringLiteral("user_withdrawals"), key, paymentColumns());
            if (!d.exact) // (live mode: the figures are exact, nothing to count)
                countNewerEvents(db, key, d);
            return QVariant::fromValue(d);
        },
        onResult, onFailure);
    if (!wasLoading)
        emit loadingChanged(true);
}

void UserLookup::show(UserDetails details) {
    details_ = std::move(details);
    activeBets_->setRows(details_.activeBets);
    recentBets_->setRows(details_.recentBets);
    deposits_->setRows(details_.deposits);
    withdrawals_->setRows(details_.withdrawals);
}

void UserLookup::complete(qint64 tenantId, const QString &prefix) {
    // LIKE wildcards typed by the user are literal characters of the id
    QString pattern = prefix;
    pattern.replace(u'\\', QStringLiteral("\\\\"))
        .replace(u'%', QStringLiteral("\\%"))
        .replace(u'_', QStringLiteral("\\_"));
    pattern += u'%';
    completion_.submit(
        runner_, this,
        [tenantId, pattern](const QSqlDatabase &db) {
            QStringList ids;
            QSqlQuery q = runQuery(db, QStringLiteral("user_prefix"), {tenantId, pattern});
            const int user = columnOf(q, "user_id");
            while (q.next())
                ids << q.value(user).toString();
            return QVariant(ids);
        },
        [this](const QVariant &result) { emit completions(result.toStringList()); });
}

} // namespace mvdash
