#pragma once

#include "reloadablemodel.h"

#include <QDateTime>
#include <QStringList>

namespace mvdash {

// One user, as support looks them up: activity totals, balance, bets and payments (the
// guide's queries), and how fresh the answer is.
struct UserDetails {
    bool found = false;
    QString userId;
    QStringList activity; // balance, bets, wagered, winnings, deposited, withdrawn, last activity
    QString balance, transactions;
    QList<QStringList> activeBets, recentBets, deposits, withdrawals;
    bool moreActiveBets = false; // activeBets holds only the newest activeBetsLimit()
    QDateTime viewsRefreshedAt;
    qint64 newerEvents = -1; // events of the user after viewsRefreshedAt; -1 unknown
    // live mode: the figures (activity, balance) are exact to the last committed event, with
    // foldedEvents events not yet in the read models folded in; the lists are as of the
    // read models (viewsRefreshedAt)
    bool exact = false;
    qint64 foldedEvents = 0;
};

class UserLookup : public ReloadableModel {
    Q_OBJECT
public:
    using ReloadableModel::ReloadableModel;
    int rowCount(const QModelIndex & = {}) const override { return 0; }
    int columnCount(const QModelIndex & = {}) const override { return 0; }
    QVariant data(const QModelIndex &, int) const override { return {}; }

    void lookUp(qint64 tenantId, const QString &userId);
    // Completion: user ids of the tenant starting with `prefix` (signal completions()).
    void complete(qint64 tenantId, const QString &prefix);
    const UserDetails &details() const { return details_; }
    void setActiveBetsLimit(int limit) { activeBetsLimit_ = std::max(1, limit); }
    int activeBetsLimit() const { return activeBetsLimit_; }
    void reload() override;

signals:
    void completions(const QStringList &userIds);

protected:
    void apply(const QVariant &result) override;

private:
    UserDetails details_;
    qint64 tenantId_ = -1;
    QString userId_;
    int activeBetsLimit_ = 200;
    quint64 completionTicket_ = 0;
    bool completionConnected_ = false;
};

} // namespace mvdash
