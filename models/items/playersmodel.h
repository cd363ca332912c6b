#pragma once

#include "decimal.h"
#include "reloadablemodel.h"

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

    explicit TopPlayersModel(JobRunner *runner, QObject *parent = nullptr);

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

} // namespace mvdash
