#pragma once

#include "decimal.h"
#include "reloadablemodel.h"
#include "stringtablemodel.h"

namespace mvdash {

struct PlayerRow {
    QString userId;
    qint64 bets = 0;
    Decimal wagered, winnings, balance;
    qint64 lastActivityMs = 0;
    bool operator==(const PlayerRow &) const = default;
};

// The top players of a tenant from user_activity_view.
class TopPlayersModel : public ReloadableModel {
    Q_OBJECT
public:
    enum Column { Rank, User, Bets, Wagered, Winnings, Balance, LastActivity, ColumnCount };
    enum class OrderBy { Wagered, Winnings, Bets, Balance, LastActivity };

    explicit TopPlayersModel(DatabaseWorker *worker, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override {
        return parent.isValid() ? 0 : int(rows_.size());
    }
    QVariant data(const QModelIndex &index, int role) const override;
    const QList<PlayerRow> &rows() const { return rows_; }

    void setQuery(qint64 tenantId, OrderBy order, int limit);
    void reload() override;

protected:
    void apply(const QVariant &result) override;

private:
    QList<PlayerRow> rows_;
    qint64 tenantId_ = -1;
    OrderBy order_ = OrderBy::Wagered;
    int limit_ = 10;
};

// Bets of a tenant per status (the summary's chart).
class BetStatusModel : public ReloadableModel {
    Q_OBJECT
public:
    using ReloadableModel::ReloadableModel;
    int rowCount(const QModelIndex &parent = {}) const override {
        return parent.isValid() ? 0 : int(rows_.size());
    }
    int columnCount(const QModelIndex &parent = {}) const override {
        return parent.isValid() ? 0 : 2;
    }
    QVariant data(const QModelIndex &index, int role) const override;
    void setTenant(qint64 tenantId);
    void reload() override;

protected:
    void apply(const QVariant &result) override;

private:
    QList<QPair<QString, qint64>> rows_;
    qint64 tenantId_ = -1;
};

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
