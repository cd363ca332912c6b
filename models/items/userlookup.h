#pragma once

#include "columns.h"
#include "jobrunner.h"
#include "recordlistmodel.h"

#include <QDateTime>
#include <QStringList>

namespace mvdash {

// One user, as support looks them up: activity totals, balance, bets and payments (the
// guide's queries), and how fresh the answer is.
struct UserDetails {
    bool found = false;
    QString userId;
    QVariantList figures; // UserLookup::figureColumns()' values
    QList<QVariantList> activeBets, recentBets, deposits, withdrawals;
    bool moreActiveBets = false; // activeBets holds only the newest activeBetsLimit()
    qint64 activeBetsTotal = 0;  // all of the user's active bets (activeBets.size() or more)
    QDateTime viewsRefreshedAt;
    qint64 newerEvents = -1; // events of the user after viewsRefreshedAt; -1 unknown
    // live mode: the figures (activity, balance) are exact to the last committed event, with
    // foldedEvents events not yet in the read models folded in; the lists are as of the
    // read models (viewsRefreshedAt)
    bool exact = false;
    qint64 foldedEvents = 0;
};

// Looks one user up (lookUp) and completes user ids as they are typed (complete); only the
// answer to the latest of each is kept.
class UserLookup : public QObject {
    Q_OBJECT
public:
    // The user's figures (the panel's tiles), in UserDetails::figures.
    enum Figure {
        Balance,
        Transactions,
        Bets,
        Wagered,
        Winnings,
        Deposited,
        Withdrawn,
        LastActivity,
        FigureCount
    };
    static const ColumnList &figureColumns();

    explicit UserLookup(JobRunner *runner, QObject *parent = nullptr);

    // The lists of the latest answer, as item models.
    QAbstractItemModel *activeBets() const { return activeBets_; }
    QAbstractItemModel *recentBets() const { return recentBets_; }
    QAbstractItemModel *deposits() const { return deposits_; }
    QAbstractItemModel *withdrawals() const { return withdrawals_; }

    void lookUp(qint64 tenantId, const QString &userId);
    // Completion: user ids of the tenant starting with `prefix` (signal completions()).
    void complete(qint64 tenantId, const QString &prefix);
    // Drops the completions still on their way (the tenant changed: they are another's ids).
    void forgetCompletions() { completion_.forget(); }
    const UserDetails &details() const { return details_; }
    void setActiveBetsLimit(int limit) { activeBetsLimit_ = std::max(1, limit); }
    int activeBetsLimit() const { return activeBetsLimit_; }
    bool isLoading() const { return lookup_.isPending(); }

public slots:
    void reload(); // the same user again

signals:
    void loadingChanged(bool loading);
    void loaded();
    void loadFailed(const QString &message, bool connectionLost);
    void completions(const QStringList &userIds);

private:
    void show(UserDetails details);

    JobRunner *runner_;
    LatestRequest lookup_, completion_;
    RecordListModel *activeBets_, *recentBets_, *deposits_, *withdrawals_;
    UserDetails details_;
    qint64 tenantId_ = -1;
    qint64 shownTenant_ = -1; // the tenant of details_
    QString userId_;
    int activeBetsLimit_ = 200;
};

} // namespace mvdash
