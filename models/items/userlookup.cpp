#include "userlookup.h"

#include "database.h"
#include "dberror.h"
#include "format.h"

#include <QSqlQuery>
#include <QSqlRecord>

namespace mvdash {

namespace {
QString whenMs(qint64 ms) {
    return formatTime(QDateTime::fromMSecsSinceEpoch(ms));
}

// Rows of a support list as shown: money columns formatted, the time column local.
QList<QStringList> listOf(const QSqlDatabase &db, const QString &query, const QVariantList &values,
                          const QList<int> &moneyColumns, int timeColumn) {
    QList<QStringList> rows;
    QSqlQuery q = runQuery(db, query, values);
    const int columns = q.record().count();
    while (q.next()) {
        QStringList row;
        for (int c = 0; c < columns; ++c)
            row << (moneyColumns.contains(c) ? formatMoneyOf(q.value(c))
                    : c == timeColumn        ? formatTime(q.value(c).toDateTime())
                                             : q.value(c).toString());
        rows << row;
    }
    return rows;
}
} // namespace

void UserLookup::lookUp(qint64 tenantId, const QString &userId) {
    tenantId_ = tenantId;
    userId_ = userId.trimmed();
    reload();
}

void UserLookup::reload() {
    if (tenantId_ < 0 || userId_.isEmpty())
        return;
    const bool wasLoading = isLoading();
    const auto onResult = [this](const QVariant &result) {
        details_ = result.value<UserDetails>();
        emit loadingChanged(false);
        emit loaded();
    };
    const auto onFailure = [this](const JobFailure &failure) {
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
            // live mode: exact figures, the user's pending events folded in (one snapshot)
            QSqlQuery exact = runQuery(db, QStringLiteral("user_exact"), key);
            if (exact.next()) {
                d.found = d.exact = true;
                d.activity = {
                    formatMoneyOf(exact.value(0)),      formatCount(exact.value(1).toLongLong()),
                    formatMoneyOf(exact.value(2)),      formatMoneyOf(exact.value(3)),
                    formatMoneyOf(exact.value(4)),      formatMoneyOf(exact.value(5)),
                    whenMs(exact.value(6).toLongLong())};
                d.balance = formatMoneyOf(exact.value(7));
                d.transactions = formatCount(exact.value(8).toLongLong());
                d.foldedEvents = exact.value(9).toLongLong();
                d.viewsRefreshedAt = exact.value(10).toDateTime();
            }
            exact.finish();
            QSqlQuery activity = runQuery(db, QStringLiteral("user_activity"), key);
            if (!d.exact && activity.next()) {
                d.found = true;
                d.activity = {formatMoneyOf(activity.value(0)),
                              formatCount(activity.value(1).toLongLong()),
                              formatMoneyOf(activity.value(2)),
                              formatMoneyOf(activity.value(3)),
                              formatMoneyOf(activity.value(4)),
                              formatMoneyOf(activity.value(5)),
                              whenMs(activity.value(6).toLongLong())};
            }
            activity.finish();
            if (!d.found)
                return QVariant::fromValue(d);
            QSqlQuery balance = runQuery(db, QStringLiteral("guide_user_balance"), key);
            if (!d.exact && balance.next()) {
                d.balance = formatMoneyOf(balance.value(0));
                d.transactions = formatCount(balance.value(1).toLongLong());
            }
            balance.finish();
            d.activeBets = listOf(db, QStringLiteral("guide_active_bets"),
                                  {tenant, user, activeLimit + 1}, {1}, -1);
            d.moreActiveBets = d.activeBets.size() > activeLimit;
            if (d.moreActiveBets)
                d.activeBets.removeLast();
            d.recentBets = listOf(db, QStringLiteral("user_recent_bets"), key, {1, 6}, 7);
            d.deposits = listOf(db, QStringLiteral("guide_user_deposits"), key, {1}, 3);
            d.withdrawals = listOf(db, QStringLiteral("user_withdrawals"), key, {1}, 3);
            QSqlQuery fresh = runQuery(db, QStringLiteral("user_freshness"), key);
            if (!d.exact && fresh.next() && !fresh.isNull(0)) {
                d.viewsRefreshedAt = fresh.value(0).toDateTime();
                d.newerEvents = fresh.value(1).toLongLong() + fresh.value(2).toLongLong() +
                                fresh.value(3).toLongLong();
            }
            return QVariant::fromValue(d);
        },
        onResult, onFailure);
    if (!wasLoading)
        emit loadingChanged(true);
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
            while (q.next())
                ids << q.value(0).toString();
            return QVariant(ids);
        },
        [this](const QVariant &result) { emit completions(result.toStringList()); });
}

} // namespace mvdash
